/**
 * Liveness, readiness, unknown paths and unexpected failures: always JSON with a Thai message and the
 * request id, never a stack trace. Readiness runs against both databases, up and closed.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { createLifecycle } from '../../src/server/http/lifecycle';
import { readyPath } from '../../src/server/routes/health';
import { apiPaths } from '../../src/sync/protocol';
import { captureLogger } from './captureLogger';
import { expectThaiError, manualClock, openTestServer, serverBackends } from './helpers';
import { requireBackend } from './serverBackends';
import { stubDb } from './stubDb';

describe('GET /api/v1/health (liveness)', () => {
  it('answers ok with the protocol version and the server time', async () => {
    const app = createApp({ db: stubDb(), clock: manualClock('2024-07-10T03:00:00.000Z') });
    const res = await app.request(apiPaths.health);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', protocol: 1, time: '2024-07-10T03:00:00.000Z' });
  });

  it('does not touch the database, so it answers even when the database is gone', async () => {
    const app = createApp({ db: stubDb({ failing: true }), clock: manualClock() });
    expect((await app.request(apiPaths.health)).status).toBe(200);
  });
});

describe.each(serverBackends)('GET /api/v1/ready (readiness) on %s', (backend) => {
  const runnable = requireBackend(backend);

  it('is ready while the database answers, and 503 once it is closed', async () => {
    if (!runnable) return;
    const server = await openTestServer(backend);
    const log = captureLogger();
    const app = createApp({ db: server.db, clock: server.clock, logger: log.logger });
    const ok = await app.request(readyPath);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ready', protocol: 1 });

    await server.db.close();
    const down = await app.request(readyPath);
    expect(await expectThaiError(down, 503)).toBe('database_unavailable');
    expect(log.lines().some((l) => l.msg === 'not ready: database unreachable' && l.stream === 'err')).toBe(true);
  });
});

describe('GET /api/v1/ready without a database answer', () => {
  it('answers 503 when the database takes longer than the timeout', async () => {
    const hanging: Db = { ...stubDb(), query: () => new Promise(() => {}) };
    const app = createApp({ db: hanging, clock: manualClock(), readyTimeoutMs: 20, logger: captureLogger().logger });
    expect(await expectThaiError(await app.request(readyPath), 503)).toBe('database_unavailable');
  });

  it('answers 503 while the server is stopping, as does every new request', async () => {
    const lifecycle = createLifecycle();
    const app = createApp({ db: stubDb(), clock: manualClock(), lifecycle });
    expect((await app.request(readyPath)).status).toBe(200);
    lifecycle.beginStopping();
    for (const path of [readyPath, apiPaths.health, apiPaths.enroll]) {
      const res = await app.request(path);
      expect(await expectThaiError(res, 503), path).toBe('shutting_down');
      expect(res.headers.get('retry-after')).toBe('10');
      expect(res.headers.get('connection')).toBe('close');
    }
  });
});

describe('errors', () => {
  it('answers 404 JSON in Thai for an unknown path', async () => {
    const app = createApp({ db: stubDb(), clock: manualClock() });
    for (const path of ['/api/v1/nope', '/api/v2/entries', '/api', '/index.html']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/ไม่พบ/);
    }
  });

  it('answers a database failure during a push with a bare 500 "internal" and the request id; the stack goes to the log', async () => {
    const log = captureLogger();
    const app = createApp({ db: stubDb({ failing: true }), clock: manualClock(), logger: log.logger });
    const res = await app.request(apiPaths.entries, {
      method: 'POST',
      headers: { authorization: `Bearer ${'A'.repeat(43)}`, 'content-type': 'application/json', 'x-request-id': 'req-500-test' },
      body: '{}',
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body).toEqual({ error: { code: 'internal', message: expect.stringMatching(/^เกิดข้อผิดพลาดภายในเซิร์ฟเวอร์/), requestId: 'req-500-test' } });
    expect(JSON.stringify(body)).not.toMatch(/connection to the database lost|stubDb|\.ts:\d+/);
    const error = log.lines().find((l) => l.msg === 'unexpected error');
    expect(error).toMatchObject({ level: 'error', stream: 'err', requestId: 'req-500-test', path: apiPaths.entries });
    expect((error?.error as { stack: string }).stack).toMatch(/connection to the database lost \(test\)\n\s+at /);
  });
});
