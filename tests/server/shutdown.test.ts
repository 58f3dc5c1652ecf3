/**
 * Graceful shutdown of the real server process (main.ts under tsx) on PGlite and PostgreSQL: SIGTERM
 * arrives while a push of 500 entries is in flight (the server is reading its body: the last KB is sent
 * only once the server has logged that it is stopping). The push still commits and gets its 200 with
 * every entry posted (and Connection: close); a new connection meanwhile is refused or answered 503; the
 * process exits 0; and the database, read directly after the exit, holds the 500 entries exactly once.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiPaths, enrollResponseSchema, protocolVersion, pushResponseSchema } from '../../src/sync/protocol';
import { readServerEntries, type ServerDatabase } from '../killNine/serverEntries';
import { EntryMaker, serverBackends } from './helpers';
import { createPostgresDatabase, requireBackend } from './serverBackends';

const projectDir = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'samut-shutdown-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const batch = 500;

interface LogLine {
  msg?: string;
  path?: string;
  status?: number;
}

/** main.ts on a free port with debug logs; resolves once it listens. */
async function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DIST_DIR: join(tmp, 'no-dist'), LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const waitFor = async (test: () => boolean, what: string, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!test()) {
      if (child.exitCode !== null) throw new Error(`server exited while waiting for ${what}:\n${out}`);
      if (Date.now() > deadline) throw new Error(`no ${what} in ${timeoutMs} ms:\n${out}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await waitFor(() => /listening on http:\/\/[\d.]+:\d+/.test(out), 'listening line', 90_000);
  const origin = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)![1]!;
  const code = /enrolment code\): ([A-Z0-9-]+)/.exec(out)![1]!;
  const logLines = (): LogLine[] =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
  return { child, origin, code, exited, waitFor, logLines, output: () => out };
}

describe.each(serverBackends)('graceful shutdown on %s', (backend) => {
  const runnable = requireBackend(backend);

  it('SIGTERM during a push of 500 entries: the push commits and answers 200, new connections are refused, exit 0', async () => {
    if (!runnable) return;
    const dataDir = mkdtempSync(join(tmp, 'data-'));
    const database: ServerDatabase = backend === 'pglite' ? { backend, dataDir } : { backend, url: await createPostgresDatabase() };
    const server = await startServer(backend === 'pglite' ? { DATA_DIR: dataDir } : { DATA_DIR: dataDir, DATABASE_URL: database.backend === 'postgres' ? database.url : '' });
    try {
      const enrolled = await fetch(`${server.origin}${apiPaths.enroll}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: server.code }),
      });
      const device = enrollResponseSchema.parse(await enrolled.json());
      const maker = new EntryMaker(device);
      const entries = Array.from({ length: batch }, (_, i) => maker.receipt({ amountSatang: 100 + i }));

      // The push's headers and most of its body go now; the rest only once the stop has begun, so the
      // push is surely in flight (read by the server, not yet answered) when SIGTERM is handled.
      const body = Buffer.from(JSON.stringify({ protocol: protocolVersion, deviceId: device.deviceId, entries }));
      const split = body.length - 1000;
      const pushed = new Promise<{ status: number; connection: string | undefined; body: string }>((done, fail) => {
        const req = request(`${server.origin}${apiPaths.entries}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${device.token}` },
        });
        req.on('response', (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
          res.on('error', fail);
        });
        req.on('error', fail);
        req.write(body.subarray(0, split));
        server
          .waitFor(() => server.logLines().some((l) => l.msg === 'stopping: waiting for requests in progress'), 'stopping line')
          .then(() => req.end(body.subarray(split)), fail);
      });
      const isPushLine = (l: LogLine) => l.path === apiPaths.entries;
      await server.waitFor(() => server.logLines().some((l) => l.msg === 'request received' && isPushLine(l)), 'push received');
      server.child.kill('SIGTERM');
      await server.waitFor(() => server.logLines().some((l) => l.msg === 'stopping: waiting for requests in progress'), 'stopping line');

      // A new connection now: refused (the listener is closed, or closes while it waits in the backlog:
      // reset), or, had it got in, a 503.
      const late = await new Promise<number | string>((done) => {
        const req = request(`${server.origin}${apiPaths.health}`, { agent: false }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        });
        req.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? String(err)));
        req.end();
      });
      expect(['ECONNREFUSED', 'ECONNRESET', 503]).toContain(late);

      const answer = await pushed;
      expect(answer.status).toBe(200);
      expect(answer.connection).toBe('close');
      const { results } = pushResponseSchema.parse(JSON.parse(answer.body));
      expect(results.map((r) => r.outcome)).toEqual(entries.map(() => 'posted'));
      expect(await server.exited).toBe(0);

      // The push was in flight when the stop began: its answer was logged after the stopping line.
      const lines = server.logLines();
      const stopping = lines.findIndex((l) => l.msg === 'stopping: waiting for requests in progress');
      const answered = lines.findIndex((l) => l.msg === 'request' && isPushLine(l));
      expect(stopping).toBeGreaterThanOrEqual(0);
      expect(answered).toBeGreaterThan(stopping);
      expect(lines[answered]?.status).toBe(200);
      expect(lines.at(-1)?.msg).toBe('stopped');

      const stored = await readServerEntries(database);
      expect(stored.size).toBe(batch);
      for (const e of entries) expect(stored.get(e.id)?.rows, e.id).toBe(1);
    } catch (err) {
      // What the server logged is what explains a failure here.
      console.log(server.output());
      throw err;
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }, 180_000);
});
