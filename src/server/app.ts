/**
 * The sync server as a Hono app, built from its dependencies (database, clock, limits, logger) and
 * holding no global state, so tests drive it with `app.request()` without opening a socket, and `main`
 * serves it.
 * Routes: POST /api/v1/enroll, POST /api/v1/entries, GET /api/v1/setup, GET /api/v1/digest,
 * GET /api/v1/health (liveness), GET /api/v1/ready (readiness); other /api paths → 404 JSON; with
 * `distDir`, everything else is the built app (staticFiles.ts).
 * Every request, in this order: a request id (http/requestId.ts), its log line (http/requestLog.ts),
 * security headers (http/securityHeaders.ts), refusal while shutting down (http/lifecycle.ts); on /api
 * also CORS (closed by default, http/cors.ts) and strict JSON bodies within a size (http/bodyGuard.ts).
 */
import { Hono } from 'hono';
import type { Clock } from './clock';
import type { Db } from './db';
import { answerErrors, answerNotFound } from './errors';
import { bodyGuard } from './http/bodyGuard';
import { cors } from './http/cors';
import { createLifecycle, refuseWhileStopping, type Lifecycle } from './http/lifecycle';
import { defaultLogger, type Logger } from './http/logger';
import { requestId } from './http/requestId';
import { requestLog } from './http/requestLog';
import { securityHeaders } from './http/securityHeaders';
import { resolveLimits, type ServerLimits } from './limits';
import { digestRoutes } from './routes/digest';
import { enrollRoutes } from './routes/enroll';
import { entriesRoutes } from './routes/entries';
import { healthRoutes, readyPath, readyRoutes } from './routes/health';
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
  /** Where request lines and errors go; none → warnings and errors only, to stderr (quiet tests). */
  logger?: Logger;
  /** Origins allowed to call the API from a browser; none → CORS closed. */
  corsOrigins?: readonly string[];
  /** main.ts's handle on shutdown; none → a lifecycle of the app's own that never stops. */
  lifecycle?: Lifecycle;
  /** How long readiness waits for the database. */
  readyTimeoutMs?: number;
}

/**
 * @example const app = createApp({ db: await openPglite(), clock: systemClock });
 *          const res = await app.request('/api/v1/health');
 */
export function createApp(options: AppOptions): Hono {
  const logger = options.logger ?? defaultLogger();
  const lifecycle = options.lifecycle ?? createLifecycle();
  const limits = resolveLimits(options.limits);
  const deps = { db: options.db, clock: options.clock, limits };
  const app = new Hono();
  app.onError(answerErrors(logger));
  app.notFound(answerNotFound);

  app.use('*', requestId(), requestLog(logger), securityHeaders(), refuseWhileStopping(lifecycle));
  app.use('/api/*', cors(options.corsOrigins ?? []), bodyGuard(Math.max(limits.pushBytesMax, limits.enrollBytesMax)));

  app.route(apiPaths.enroll, enrollRoutes(deps));
  app.route(apiPaths.entries, entriesRoutes(deps));
  app.route(apiPaths.health, healthRoutes(deps));
  app.route(readyPath, readyRoutes({ ...deps, lifecycle, logger, readyTimeoutMs: options.readyTimeoutMs ?? 2_000 }));
  app.route(setupPath, setupRoutes(deps));
  app.route(digestPath, digestRoutes(deps));
  // Unknown API paths answer JSON 404 even when the app is served: never index.html for an API call.
  app.all('/api/*', answerNotFound);
  app.all('/api', answerNotFound);

  if (options.distDir !== undefined) app.use('*', staticFiles({ distDir: options.distDir }));
  return app;
}
