/**
 * A throwaway PostgreSQL 15 cluster for the server tests: initdb into a temporary folder, one postgres
 * listening on 127.0.0.1 only (a free port, its socket in that folder, trust auth), tuned for speed
 * rather than durability. Started once per test run (postgresGlobalSetup.ts); stopping it removes the
 * folder.
 *
 * Tests run as root in CI, and initdb and postgres refuse root. As root, both run as `nobody` (Node's
 * spawn sets uid and gid itself, dropping supplementary groups: no runuser, su or PAM needed) in a folder
 * chowned to it. A reaper shell outlives a test runner killed without its teardown, stops postgres and
 * removes the folder, so no cluster is ever left behind.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../e2e/serverProcess';

/** Where Debian's postgresql-15 puts its programs; SAMUT_TEST_PG_BIN points elsewhere. */
export const postgresBinDir = process.env.SAMUT_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Start to accepting connections; initdb alone takes 1–3 s on a 2-core machine. */
const readyWaitMsMax = 60_000;
/** Another process can take the free port between asking and binding: a few tries, then give up. */
const portTriesMax = 3;

export interface PostgresCluster {
  /** Superuser URL of the `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** Why the cluster cannot run here, or undefined when the programs are in place. */
export function missingPostgres(): string | undefined {
  const missing = ['initdb', 'postgres'].filter((p) => !existsSync(join(postgresBinDir, p)));
  if (missing.length === 0) return undefined;
  return (
    `PostgreSQL 15 not found (${missing.join(', ')} missing in ${postgresBinDir}): ` +
    'install it (apt-get install -y postgresql-15; .ci/run does), point SAMUT_TEST_PG_BIN at its bin folder, ' +
    'or set SAMUT_TEST_POSTGRES=off to run the server tests on PGlite only'
  );
}

/**
 * Creates and starts a cluster.
 * @example const cluster = await startPostgresCluster(); … await cluster.stop();
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const missing = missingPostgres();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'samut-pg-'));
  try {
    const owner = clusterOwner();
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const asOwner: SpawnOptions = { cwd: dir, ...owner };
    const dataDir = join(dir, 'data');
    const init = spawnSync(
      join(postgresBinDir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'],
      { ...asOwner, encoding: 'utf8' },
    );
    if (init.status !== 0) throw new Error(`initdb failed (${init.status ?? init.signal}):\n${init.stderr}${init.error ?? ''}`);
    for (let tries = 1; ; tries++) {
      try {
        return await startPostgres(dir, dataDir, asOwner, await freePort());
      } catch (err) {
        if (tries >= portTriesMax || !(err instanceof PortTakenError)) throw err;
      }
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

class PortTakenError extends Error {}

async function startPostgres(dir: string, dataDir: string, asOwner: SpawnOptions, port: number): Promise<PostgresCluster> {
  const logFile = join(dir, `postgres-${port}.log`);
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: dir,
    // A test cluster is thrown away: durability only costs time.
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    wal_level: 'minimal',
    max_wal_senders: '0',
    // Test files run side by side, each with its own pool.
    max_connections: '100',
  };
  const log = openSync(logFile, 'a');
  const child = spawn(
    join(postgresBinDir, 'postgres'),
    ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    { ...asOwner, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  child.unref();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const reaper = startReaper(child.pid!, dir);
  // A runner that exits without its teardown (an uncaught error) still stops postgres; the reaper then
  // removes the folder once postgres is gone.
  const onExit = () => child.kill('SIGQUIT');
  process.once('exit', onExit);

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    // Immediate shutdown: nothing in a throwaway cluster needs a checkpoint.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await exited;
    reaper.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };

  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop().catch(() => {});
      const log = readLog(logFile);
      if (/could not bind|Address already in use/.test(log)) throw new PortTakenError(`port ${port} taken`);
      throw new Error(`postgres exited at start:\n${log}`);
    }
    if (await answers(adminUrl)) return { adminUrl, stop };
    if (Date.now() - started > readyWaitMsMax) {
      await stop();
      throw new Error(`postgres did not accept connections within ${readyWaitMsMax} ms:\n${readLog(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  // A refused connection also emits 'error' on the client; connect()'s rejection is enough.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A detached shell that waits for this process to end, then stops postgres and removes the folder. The
 * normal stop() kills it first; it acts only when the runner died without cleaning up (SIGKILL, Ctrl-C).
 */
function startReaper(postgresPid: number, dir: string) {
  const script =
    'while kill -0 "$1" 2>/dev/null; do sleep 1; done; kill -QUIT "$2" 2>/dev/null; ' +
    'n=0; while kill -0 "$2" 2>/dev/null && [ "$n" -lt 50 ]; do sleep 0.2; n=$((n+1)); done; rm -rf "$3"';
  const reaper = spawn('/bin/sh', ['-c', script, 'samut-pg-reaper', String(process.pid), String(postgresPid), dir], {
    detached: true,
    stdio: 'ignore',
  });
  reaper.unref();
  return reaper;
}

/** The user initdb and postgres run as: `nobody` when this process is root, else this process's own. */
function clusterOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error('running as root, but there is no user nobody to run PostgreSQL as');
  return { uid: Number(uid), gid: Number(gid) };
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-4_000);
  } catch {
    return '(no log)';
  }
}
