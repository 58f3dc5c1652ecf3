/**
 * The server process: the only file that reads the environment, opens sockets and handles signals.
 *   PORT (8080), HOST (127.0.0.1), DATA_DIR (./data, PGlite files), DIST_DIR (./dist, the built app),
 *   DATABASE_URL (unset: PGlite in DATA_DIR; set: that PostgreSQL database, and DATA_DIR is not used).
 * On an empty database it creates the demo organisation and prints its one-time enrolment code.
 * SIGTERM/SIGINT: stop accepting, let in-flight requests finish (their commits too), close the database
 * (PGlite: so the data folder is consistent; PostgreSQL: the pool's connections), exit 0.
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { systemClock } from './clock';
import { DataDirLockedError } from './dataDirLock';
import { ensureDemoOrg } from './demoOrg';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/** In-flight requests get this long to finish at shutdown; then their connections are cut. */
const shutdownGraceMs = 10_000;

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port number: ${process.env.PORT}`);
  const host = process.env.HOST ?? '127.0.0.1';
  const dataDir = process.env.DATA_DIR ?? './data';
  const distDir = process.env.DIST_DIR ?? './dist';

  const databaseUrl = process.env.DATABASE_URL;
  // A PostgreSQL server guards its own data: no folder lock. Both get the same migrations.
  const db = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(dataDir);
  await migrate(db);
  const demo = await ensureDemoOrg(db, systemClock);
  if (demo.created) {
    console.log(`องค์กรสาธิต (demo organisation): ${demo.orgName}`);
    console.log(`รหัสลงทะเบียน (enrolment code): ${demo.code}`);
  }

  const distFound = existsSync(distDir);
  if (!distFound) console.warn(`${distDir} not found (run \`npm run build\`): serving the API only`);
  const app = createApp({ db, clock: systemClock, distDir: distFound ? distDir : undefined });
  // PORT=0 asks the system for a free port (tests); the line shows the one actually bound.
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    console.log(`Samut server listening on http://${host}:${info.port}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping; waiting for requests in progress`);
    const cut = setTimeout(() => {
      console.error(`requests still running after ${shutdownGraceMs} ms; closing their connections`);
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, shutdownGraceMs);
    // close() stops accepting and calls back once every in-flight request has been answered.
    server.close(() => {
      clearTimeout(cut);
      db.close().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error('closing the database failed:', err);
          process.exit(1);
        },
      );
    });
    // Idle keep-alive connections would otherwise hold close() open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  // A folder in use is the operator's to resolve: say so plainly, without a stack trace.
  if (err instanceof DataDirLockedError) console.error(`Samut server failed to start: ${err.message}`);
  else console.error('Samut server failed to start:', err);
  process.exit(1);
});
