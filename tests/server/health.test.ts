/**
 * Health, unknown paths and unexpected failures: always JSON with a Thai message, never a stack trace.
 */
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { apiPaths } from '../../src/sync/protocol';
import { manualClock } from './helpers';
import { stubDb } from './stubDb';

describe('GET /api/v1/health', () => {
  it('answers ok with the protocol version and the server time', async () => {
    const app = createApp({ db: stubDb(), clock: manualClock('2024-07-10T03:00:00.000Z') });
    const res = await app.request(apiPaths.health);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', protocol: 1, time: '2024-07-10T03:00:00.000Z' });
  });

  it('answers 503 when the database does not answer', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp({ db: stubDb({ failing: true }), clock: manualClock() });
    const res = await app.request(apiPaths.health);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('database_unavailable');
    vi.restoreAllMocks();
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

  it('answers a database failure during a push with a bare 500 "internal", no stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp({ db: stubDb({ failing: true }), clock: manualClock() });
    const res = await app.request(apiPaths.entries, {
      method: 'POST',
      headers: { authorization: `Bearer ${'A'.repeat(43)}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'เกิดข้อผิดพลาดภายในเซิร์ฟเวอร์' } });
    expect(logged).toHaveBeenCalled(); // the operator still sees what happened, in the server log
    vi.restoreAllMocks();
  });
});
