/**
 * The server process: the only file that opens sockets and handles signals; its configuration comes
 * from the environment through config.ts (README "Operations" lists every variable).
 * On an empty database it creates the demo organisation and prints its one-time enrolment code (plain
 * text, for the operator); everything else it logs is JSON lines (http/logger.ts).
 * SIGTERM/SIGINT (graceful shutdown): readiness turns 503 and new requests get 503 + Connection: close;
 * the listener closes; requests in flight — a push in its transaction — run to their commit and their
 * answer, flushed whole (http/connectionDrain.ts); idle keep-alive connections are ended; then the database is closed (PGlite: so the data
 * folder is consistent; PostgreSQL: the pool's connections) and the process exits 0. Requests still
 * running after SHUTDOWN_GRACE_MS have their connections cut (their transactions roll back or commit
 * unanswered: either way the PC sends again and the server answers `duplicate`).
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { systemClock } from './clock';
import { ConfigError, readConfig } from './config';
import { DataDirLockedError } from './dataDirLock';
import { ensureDemoOrg } from './demoOrg';
import { answerClientErrors } from './http/clientErrors';
import { closeListener, trackConnections } from './http/connectionDrain';
import { createLifecycle } from './http/lifecycle';
import { errorFields, jsonLogger } from './http/logger';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/** While stopping, idle keep-alive connections are ended this often (an answered one becomes idle). */
const idleSweepMs = 100;

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const logger = jsonLogger(config.logLevel);

  // A PostgreSQL server guards its own data: no folder lock. Both get the same migrations.
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  await migrate(db);
  const demo = await ensureDemoOrg(db, systemClock);
  if (demo.created) {
    console.log(`องค์กรสาธิต (demo organisation): ${demo.orgName}`);
    console.log(`รหัสลงทะเบียน (enrolment code): ${demo.code}`);
  }

  const distFound = existsSync(config.distDir);
  if (!distFound) logger.warn(`${config.distDir} not found (run \`npm run build\`): serving the API only`);
  const lifecycle = createLifecycle();
  const app = createApp({
    db,
    clock: systemClock,
    distDir: distFound ? config.distDir : undefined,
    limits: config.limits,
    logger,
    corsOrigins: config.corsOrigins,
    lifecycle,
    readyTimeoutMs: config.readyTimeoutMs,
  });
  // PORT=0 asks the system for a free port (tests); the line shows the one actually bound.
  // Plain HTTP/1.1 (no createServer option): TLS and HTTP/2 belong to the reverse proxy.
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Samut server listening on http://${config.host}:${info.port}`);
    logger.info('listening', { host: config.host, port: info.port, database: config.databaseUrl ? 'postgresql' : 'pglite', cors: config.corsOrigins });
  }) as Server;
  const connections = trackConnections(server);
  answerClientErrors(server, logger);

  const stop = (signal: string) => {
    if (lifecycle.stopping) return;
    lifecycle.beginStopping();
    logger.info('stopping: waiting for requests in progress', { signal });
    const sweep = setInterval(() => connections.endIdle(), idleSweepMs);
    const cut = setTimeout(() => {
      logger.error('requests still running at the end of the grace period; closing their connections', { graceMs: config.shutdownGraceMs });
      server.closeAllConnections();
    }, config.shutdownGraceMs);
    // Stops accepting and calls back once every connection has ended (see connectionDrain.ts for why not server.close).
    closeListener(server, () => {
      clearInterval(sweep);
      clearTimeout(cut);
      db.close().then(
        () => {
          logger.info('stopped', { signal });
          process.exit(0);
        },
        (err: unknown) => {
          logger.error('closing the database failed', errorFields(err));
          process.exit(1);
        },
      );
    });
    connections.endIdle();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  // A bad setting or a folder in use is the operator's to resolve: say so plainly, without a stack trace.
  if (err instanceof ConfigError) {
    console.error(`Samut server failed to start: ${err.message}`);
    process.exit(2);
  }
  if (err instanceof DataDirLockedError) console.error(`Samut server failed to start: ${err.message}`);
  else console.error('Samut server failed to start:', err);
  process.exit(1);
});
