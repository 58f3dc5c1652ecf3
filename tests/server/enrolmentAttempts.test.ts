/**
 * Guessing enrolment codes is slowed: failed attempts are counted per client address and in all, each
 * a token bucket; beyond either, every attempt — even with a right code — is 429 with Retry-After and a
 * Thai message, until the bucket refills. Enrolments that succeed and malformed bodies cost nothing;
 * attempts in progress are capped, so a parallel burst cannot outrun the count by more than the cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAttemptsInFlightMax, enrolmentAttempts } from '../../src/server/enrolmentAttempts';
import { ApiError } from '../../src/server/errors';
import { apiPaths } from '../../src/sync/protocol';
import { addOrg, manualClock, openTestServer, serverBackends, type TestServer } from './helpers';
import { requireBackend } from './serverBackends';

const limits = { enrolFailuresPerAddressBurst: 3, enrolFailuresPerAddressPerHour: 60, enrolFailuresBurst: 8, enrolFailuresPerHour: 3600 };
const hourMs = 60 * 60 * 1000;

describe('the attempt buckets', () => {
  /** One attempt from `address` that guessed wrong. */
  function wrong(attempts: ReturnType<typeof enrolmentAttempts>, address: string): void {
    attempts.begin(address).settle(true);
  }

  it('refuses the attempt after the burst of wrong guesses, says when to come back, and refills over time', () => {
    const clock = manualClock();
    const attempts = enrolmentAttempts(limits, clock);
    for (let i = 0; i < 3; i++) wrong(attempts, '192.0.2.1');
    let refusal: unknown;
    try {
      attempts.begin('192.0.2.1');
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 429, code: 'too_many_enrolment_attempts', headers: { 'Retry-After': '60' } });
    expect((refusal as ApiError).messageTh).toBe('ใส่รหัสลงทะเบียนผิดหลายครั้งเกินไป กรุณาตรวจรหัสจากผู้ดูแลระบบ แล้วลองใหม่ในอีก 1 นาที');
    wrong(attempts, '192.0.2.2'); // another address has its own bucket
    clock.advanceMs(60_000);
    wrong(attempts, '192.0.2.1');
    expect(() => attempts.begin('192.0.2.1')).toThrow(ApiError);
  });

  it('charges only wrong guesses, each once', () => {
    const attempts = enrolmentAttempts(limits, manualClock());
    for (let i = 0; i < 50; i++) attempts.begin('192.0.2.1').settle(false); // an office enrolling many PCs
    const attempt = attempts.begin('192.0.2.1');
    attempt.settle(true);
    attempt.settle(true);
    wrong(attempts, '192.0.2.1');
    wrong(attempts, '192.0.2.1');
    expect(() => attempts.begin('192.0.2.1')).toThrow(ApiError);
  });

  it('lets parallel attempts start on the last token, then holds the debt against later ones', () => {
    const clock = manualClock();
    const attempts = enrolmentAttempts(limits, clock);
    const parallel = Array.from({ length: 5 }, () => attempts.begin('192.0.2.1'));
    for (const a of parallel) a.settle(true); // 5 wrong on a burst of 3: 2 in debt
    clock.advanceMs(2 * 60_000); // 60 an hour: 2 back, still below 1
    expect(() => attempts.begin('192.0.2.1')).toThrow(ApiError);
    clock.advanceMs(60_000);
    attempts.begin('192.0.2.1').settle(false);
  });

  it(`caps attempts in progress at ${enrolAttemptsInFlightMax}`, () => {
    const attempts = enrolmentAttempts({ ...limits, enrolFailuresPerAddressBurst: 1000, enrolFailuresBurst: 1000 }, manualClock());
    const open = Array.from({ length: enrolAttemptsInFlightMax }, (_, i) => attempts.begin(`10.0.0.${i}`));
    expect(() => attempts.begin('10.0.1.1')).toThrow(/มีเครื่องลงทะเบียนพร้อมกันมากเกินไป/);
    open[0]!.settle(false);
    attempts.begin('10.0.1.1').settle(false);
  });

  it('limits all addresses together', () => {
    const attempts = enrolmentAttempts(limits, manualClock());
    for (let i = 0; i < 8; i++) wrong(attempts, `198.51.100.${i}`);
    expect(() => attempts.begin('203.0.113.9')).toThrow(/ใส่รหัสลงทะเบียนผิดหลายครั้งเกินไป/);
  });
});

describe.each(serverBackends)('%s', (backend) => {
  let server: TestServer;
  const runnable = requireBackend(backend);
  beforeAll(async () => {
    if (runnable) server = await openTestServer(backend, { limits });
  });
  afterAll(async () => {
    await server?.db.close();
  });

  /** POST /api/v1/enroll as if from `address` (the socket's peer, as @hono/node-server gives it). */
  function enrolFrom(address: string, body: unknown): Promise<Response> {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    return Promise.resolve(server.app.request(apiPaths.enroll, init, { incoming: { socket: { remoteAddress: address } } }));
  }

  it('answers 429 with Retry-After to an address after 3 wrong codes, even for a right one', async () => {
    server.clock.advanceMs(hourMs); // every bucket full
    const { code } = await addOrg(server, 'อบต.เดาไม่ถูก');
    const wrong = await Promise.all([1, 2, 3].map(() => enrolFrom('192.0.2.10', { code: 'AAAA-AAAA' })));
    expect(wrong.map((r) => r.status)).toEqual([401, 401, 401]);
    const blocked = await enrolFrom('192.0.2.10', { code });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(/^ใส่รหัสลงทะเบียนผิดหลายครั้งเกินไป/);
    // The right code was not spent: another office enrols with it.
    expect((await enrolFrom('192.0.2.11', { code })).status).toBe(200);
  });

  it('charges nothing for enrolments that succeed or bodies that are malformed', async () => {
    server.clock.advanceMs(hourMs);
    for (let i = 0; i < 5; i++) {
      const { code } = await addOrg(server, `อบต.สำนักงานเดียว ${i}`);
      expect((await enrolFrom('192.0.2.20', { code })).status).toBe(200);
      expect((await enrolFrom('192.0.2.20', { kode: code })).status).toBe(400);
    }
    expect((await enrolFrom('192.0.2.20', { code: 'AAAA-AAAA' })).status).toBe(401);
  });

  it('answers 429 to every address once all of them together guessed wrong 8 times', async () => {
    server.clock.advanceMs(hourMs);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await enrolFrom(`198.51.100.${i}`, { code: 'AAAA-AAAA' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    const { code } = await addOrg(server, 'อบต.มาทีหลัง');
    expect((await enrolFrom('203.0.113.1', { code })).status).toBe(429);
    server.clock.advanceMs(1_000); // 3,600 an hour: one attempt a second
    expect((await enrolFrom('203.0.113.1', { code })).status).toBe(200);
  });
});
