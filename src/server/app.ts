/**
 * The sync server as a Hono app, built from its dependencies (database, clock, limits) and holding no
 * global state, so tests drive it with `app.request()` without opening a socket, and `main` serves it.
 * Routes: POST /api/v1/enroll, POST /api/v1/entries, GET /api/v1/setup, GET /api/v1/digest,
 * GET /api/v1/health; other /api paths → 404 JSON; with `distDir`, everything else is the built app (staticFiles.ts).
 */
import { Hono } from 'hono';
import type { Clock } from './clock';
import type { Db } from './db';
import { answerError, answerNotFound } from './errors';
import { resolveLimits, type ServerLimits } from './limits';
import { digestRoutes } from './routes/digest';
import { enrollRoutes } from './routes/enroll';
import { entriesRoutes } from './routes/entries';
import { healthRoutes } from './routes/health';
import { setupRoutes } from './routes/setup';
import { staticFiles } from './staticFiles';
import { apiPaths, digestPath, setupPath } from '../sync/protocol';

/** What the app is built from; only `db` and `clock` are required. */
export interface AppOptions {
  db: Db;
  clock: Clock;
  limits?: Partial<ServerLimits>;
  /** Folder of the built app to serve outside /api; none → the API only. */
  distDir?: string;
}

/**
 * @example const app = createApp({ db: await openPglite(), clock: systemClock });
 *          const res = await app.request('/api/v1/health');
 */
export function createApp(options: AppOptions): Hono {
  const deps = { db: options.db, clock: options.clock, limits: resolveLimits(options.limits) };
  const app = new Hono();
  app.onError(answerError);
  app.notFound(answerNotFound);

  app.route(apiPaths.enroll, enrollRoutes(deps));
  app.route(apiPaths.entries, entriesRoutes(deps));
  app.route(apiPaths.health, healthRoutes(deps));
  app.route(setupPath, setupRoutes(deps));
  app.route(digestPath, digestRoutes(deps));
  // Unknown API paths answer JSON 404 even when the app is served: never index.html for an API call.
  app.all('/api/*', answerNotFound);
  app.all('/api', answerNotFound);

  if (options.distDir !== undefined) app.use('*', staticFiles({ distDir: options.distDir }));
  return app;
}
