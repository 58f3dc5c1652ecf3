/**
 * CORS is closed by default: no Access-Control-Allow-* header on any answer, a preflight refused. With
 * listed origins (CORS_ORIGINS) those origins, and only those, may call the API from a browser.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { apiPaths } from '../../src/sync/protocol';
import { expectThaiError, manualClock } from './helpers';
import { stubDb } from './stubDb';

const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
});

function allowHeaders(res: Response): string[] {
  return [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

describe('CORS closed (the default)', () => {
  const app = createApp({ db: stubDb(), clock: manualClock() });

  it('answers a preflight with 403 in Thai and no allow headers', async () => {
    for (const path of [apiPaths.entries, apiPaths.enroll, apiPaths.health]) {
      const res = await app.request(path, preflight('https://evil.example'));
      expect(allowHeaders(res), path).toEqual([]);
      expect(await expectThaiError(res, 403)).toBe('cors_refused');
    }
  });

  it('puts no allow header on a cross-origin GET or POST', async () => {
    const get = await app.request(apiPaths.health, { headers: { origin: 'https://evil.example' } });
    expect(get.status).toBe(200);
    expect(allowHeaders(get)).toEqual([]);
    const post = await app.request(apiPaths.enroll, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{"code":"ABCD-EFGH"}',
    });
    expect(allowHeaders(post)).toEqual([]);
  });
});

describe('CORS opened to listed origins', () => {
  const app = createApp({ db: stubDb(), clock: manualClock(), corsOrigins: ['https://app.example.go.th', 'http://127.0.0.1:5173'] });

  it('answers a listed origin\'s preflight with 204 and its allow headers', async () => {
    const res = await app.request(apiPaths.entries, preflight('https://app.example.go.th'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.go.th');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('lets a listed origin read answers, with Retry-After and the request id exposed', async () => {
    const res = await app.request(apiPaths.health, { headers: { origin: 'http://127.0.0.1:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After, X-Request-Id');
  });

  it('still refuses every other origin, including look-alikes', async () => {
    for (const origin of ['https://evil.example', 'https://app.example.go.th.evil.example', 'http://app.example.go.th', 'null']) {
      const res = await app.request(apiPaths.entries, preflight(origin));
      expect(allowHeaders(res), origin).toEqual([]);
      expect(await expectThaiError(res, 403)).toBe('cors_refused');
      const get = await app.request(apiPaths.health, { headers: { origin } });
      expect(allowHeaders(get), origin).toEqual([]);
    }
  });
});
