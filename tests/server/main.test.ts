/**
 * The server process as an operator runs it: prints the enrolment code once, serves, stops cleanly on
 * SIGTERM (exit 0) with a database that the next start finds intact: PGlite in DATA_DIR, or the
 * PostgreSQL database of DATABASE_URL.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/serverProcess';
import { serverBackends, type ServerBackend } from './helpers';
import { createPostgresDatabase } from './serverBackends';

const projectDir = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'samut-main-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Running {
  output: () => string;
  origin: string;
  stop: (signal: NodeJS.Signals) => Promise<number | null>;
}

/** Starts main.ts on a free port (PORT=0) and waits for its "listening" line. */
async function start(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DIST_DIR: join(tmp, 'no-dist'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const deadline = Date.now() + 40_000;
  let origin = '';
  while (!origin) {
    const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
    if (m) origin = m[1]!;
    else if (child.exitCode !== null) return { output: () => out, origin: '', stop: () => exited };
    else if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    output: () => out,
    origin,
    stop: async (signal) => {
      child.kill(signal);
      return exited;
    },
  };
}

/** Where a server on `backend` keeps its data: a new data folder, or a new PostgreSQL database (and a data folder it must leave alone). */
async function newDatabaseEnv(backend: ServerBackend): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(join(tmp, 'data-'));
  return backend === 'pglite' ? { DATA_DIR: dataDir } : { DATA_DIR: dataDir, DATABASE_URL: await createPostgresDatabase() };
}

describe.each(serverBackends)('main on %s', (backend) => {
  it('prints the enrolment code on the first start only, and stops with exit 0 on SIGTERM', async () => {
    const env = await newDatabaseEnv(backend);
    const first = await start(env);
    const code = /enrolment code\): ([A-Z0-9-]+)/.exec(first.output())?.[1];
    expect(first.output()).toMatch(/^รหัสลงทะเบียน \(enrolment code\): [A-Z0-9]{4}-[A-Z0-9]{4}$/m);
    expect(first.output()).toMatch(/^Samut server listening on http:\/\/127\.0\.0\.1:\d+$/m);
    const health = await fetch(`${first.origin}/api/v1/health`);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const enrolled = await fetch(`${first.origin}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(enrolled.status).toBe(200);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await start(env);
    expect(second.output()).not.toMatch(/enrolment code/);
    // The code was used before the restart: the database kept that too.
    const again = await fetch(`${second.origin}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(again.status).toBe(401);
    expect(await second.stop('SIGINT')).toBe(0);
    // With DATABASE_URL the data folder is not used at all: no PGlite files, no lock.
    expect(readdirSync(env.DATA_DIR!)).toEqual(backend === 'pglite' ? expect.arrayContaining(['PG_VERSION']) : []);
  });
});

describe('main with a DATABASE_URL that does not answer', () => {
  it('says so and exits 1, without serving', async () => {
    const url = `postgres://samut@127.0.0.1:${await freePort()}/samut`;
    const run = await start({ DATA_DIR: mkdtempSync(join(tmp, 'data-')), DATABASE_URL: url });
    expect(await run.stop('SIGTERM')).toBe(1);
    expect(run.output()).toMatch(/Samut server failed to start/);
    expect(run.output()).not.toMatch(/listening on/);
  });
});
