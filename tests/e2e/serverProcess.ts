/**
 * Runs the real server (`src/server/main.ts`) as a child process on 127.0.0.1, the way `npm start`
 * does, so end-to-end tests can stop it and start it again on the same data folder and port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface ServerProcess {
  origin: string;
  /** The one-time enrolment code printed on the first start, if this start printed one. */
  enrolmentCode: string | undefined;
  output: () => string;
  /** Sends `signal` (default SIGTERM), waits for the exit; SIGKILL follows after 15 s if it is still running. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** Sends `signal` (default SIGKILL: no shutdown code runs) and waits for the exit, with no grace period. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface StartServerOptions {
  port: number;
  /** DATA_DIR: the PGlite folder (not used when `env` sets DATABASE_URL). */
  dataDir: string;
  /** More environment for the server, e.g. `{ DATABASE_URL }` to run on PostgreSQL. */
  env?: Record<string, string>;
}

const projectDir = resolve(import.meta.dirname, '../..');
// Generous: on a loaded 2-core machine tsx compiling the server can take tens of seconds.
const startTimeoutMs = 90_000;
const stopTimeoutMs = 15_000;

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

export async function startServer(opts: StartServerOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectDir,
    // warn: a line per request would fill `out` (kept whole for the error message) in the herd bench.
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir, DIST_DIR: 'dist', LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  const started = Date.now();
  while (!/listening on/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    if (Date.now() - started > startTimeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in ${startTimeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin: `http://127.0.0.1:${opts.port}`,
    enrolmentCode: /enrolment code\): ([A-Z0-9-]+)/.exec(out)?.[1],
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (hasExited()) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    },
    kill: async (signal = 'SIGKILL') => {
      if (hasExited()) return;
      child.kill(signal);
      await exited;
    },
  };
}
