import { describe, expect, it } from 'vitest';
import { createHttpPushClient } from '../../src/sync/httpPush';
import { protocolVersion, type PushRequest } from '../../src/sync/protocol';

const request: PushRequest = { protocol: protocolVersion, deviceId: '0190d6a4-0000-7000-8000-0000000000d1', entries: [{ id: 'a' }] };
const nowMs = Date.UTC(2024, 6, 8, 2, 0, 0);

interface Seen {
  url: string;
  method: string;
  authorization: string | null;
  contentType: string | null;
  body: unknown;
}

/** A fetch that answers `respond()` and records what it was asked. */
function fakeFetch(respond: () => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    seen.push({
      url: req.url,
      method: req.method,
      authorization: req.headers.get('authorization'),
      contentType: req.headers.get('content-type'),
      body: await req.json(),
    });
    return respond();
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

function client(respond: () => Response | Promise<Response>, serverUrl = 'https://samut.example.go.th/') {
  const f = fakeFetch(respond);
  const push = createHttpPushClient({ serverUrl, token: 'secret-token', fetch: f.fetch, timeoutMs: 200, clock: { nowMs: () => nowMs } });
  return { push, seen: f.seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const errorBody = (code: string, message: string) => ({ error: { code, message } });

describe('createHttpPushClient', () => {
  it('POSTs the batch as JSON with the bearer token, once (no hidden retries)', async () => {
    const answer = { protocol: 1, results: [{ id: 'a', outcome: 'posted', serverSeq: 1 }] };
    const { push, seen } = client(() => json(200, answer));
    expect(await push(request)).toEqual({ kind: 'answered', response: answer });
    expect(seen).toEqual([
      {
        url: 'https://samut.example.go.th/api/v1/entries',
        method: 'POST',
        authorization: 'Bearer secret-token',
        contentType: 'application/json',
        body: request,
      },
    ]);
  });

  it('keeps a path prefix of the server URL (a server behind a reverse proxy)', async () => {
    const { push, seen } = client(() => json(200, { protocol: 1, results: [] }), 'https://gw.example.go.th/samut');
    await push(request);
    expect(seen[0]!.url).toBe('https://gw.example.go.th/samut/api/v1/entries');
  });

  it('reads 503 with Retry-After in seconds as retry after that long, sending once', async () => {
    const { push, seen } = client(() => json(503, errorBody('overloaded', 'มีผู้ใช้มาก'), { 'retry-after': '120' }));
    expect(await push(request)).toMatchObject({ kind: 'retry', retryAfterMs: 120_000 });
    expect(seen).toHaveLength(1);
  });

  it('reads 429 with Retry-After as an HTTP date', async () => {
    const { push } = client(() => new Response('', { status: 429, headers: { 'retry-after': 'Mon, 08 Jul 2024 02:00:30 GMT' } }));
    expect(await push(request)).toMatchObject({ kind: 'retry', retryAfterMs: 30_000 });
  });

  it('reads a 500 as retry without a server-given wait', async () => {
    const { push } = client(() => new Response('boom', { status: 500 }));
    const outcome = await push(request);
    expect(outcome).toMatchObject({ kind: 'retry', messageTh: expect.stringMatching(/500/) });
    expect(outcome).not.toHaveProperty('retryAfterMs');
  });

  it('reads 401 and 403 as auth-failed', async () => {
    expect(await client(() => json(401, errorBody('unauthorized', 'โทเคนไม่ถูกต้อง'))).push(request)).toMatchObject({
      kind: 'auth-failed',
      messageTh: expect.stringMatching(/โทเคนไม่ถูกต้อง/),
    });
    expect(await client(() => new Response('', { status: 403 })).push(request)).toMatchObject({ kind: 'auth-failed' });
  });

  it('reads 400, 413 and 415 as refused, with the server message', async () => {
    for (const status of [400, 413, 415]) {
      const outcome = await client(() => json(status, errorBody('bad_request', 'รูปแบบคำขอไม่ถูกต้อง'))).push(request);
      expect(outcome).toMatchObject({ kind: 'refused', status, messageTh: expect.stringMatching(/รูปแบบคำขอไม่ถูกต้อง/) });
    }
  });

  it('reads a network failure as retry', async () => {
    const { push } = client(() => Promise.reject(new TypeError('fetch failed')));
    expect(await push(request)).toMatchObject({ kind: 'retry', messageTh: expect.stringMatching(/เชื่อมต่อ/) });
  });

  it('reads a timeout as retry', async () => {
    const { push } = client(() => new Promise<Response>(() => {}));
    expect(await push(request)).toMatchObject({ kind: 'retry', messageTh: expect.stringMatching(/ช้าเกิน/) });
  });

  it('reads a 200 that is not JSON (a Wi-Fi login page) as retry, not as an answer', async () => {
    const { push } = client(() => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(await push(request)).toMatchObject({ kind: 'retry' });
  });
});
