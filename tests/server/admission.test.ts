/**
 * Overload: beyond the configured number of pushes at once the server answers 503 with Retry-After
 * at once, instead of queueing without bound; capacity comes back as pushes finish.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { admitAtMost } from '../../src/server/admission';
import { answerError } from '../../src/server/errors';

describe('admitAtMost', () => {
  it('answers 503 with Retry-After beyond the limit, and admits again once a request finishes', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const app = new Hono();
    app.onError(answerError);
    app.post('/push', admitAtMost(1, 7), async (c) => {
      await gate;
      return c.json({ ok: true });
    });

    const first = app.request('/push', { method: 'POST' });
    const second = await app.request('/push', { method: 'POST' });
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('7');
    expect(((await second.json()) as { error: { message: string } }).error.message).toMatch(/[\u0E00-\u0E7F]/);

    release();
    expect((await first).status).toBe(200);
    expect((await app.request('/push', { method: 'POST' })).status).toBe(200);
  });

  it('frees its place when the request fails', async () => {
    const app = new Hono();
    app.onError(answerError);
    let calls = 0;
    app.post('/push', admitAtMost(1, 1), async (c) => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('boom'), {});
      return c.json({ ok: true });
    });
    const quiet = console.error;
    console.error = () => {};
    try {
      expect((await app.request('/push', { method: 'POST' })).status).toBe(500);
    } finally {
      console.error = quiet;
    }
    expect((await app.request('/push', { method: 'POST' })).status).toBe(200);
  });
});
