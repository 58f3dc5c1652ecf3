/**
 * One device cannot take the server for itself: beyond its burst, pushes are answered 429 with
 * Retry-After and a Thai message, nothing written; as time passes its rate comes back. Other devices
 * are not affected.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { DeviceEnv } from '../../src/server/auth';
import { limitDevicePushRate } from '../../src/server/devicePushRate';
import { answerError } from '../../src/server/errors';
import { countEntryRows, enrolNewOrg, manualClock, openTestServer, push, receiptEntries, serverBackends } from './helpers';

function appWithRate(burst: number, perSecond: number) {
  const clock = manualClock();
  const app = new Hono<DeviceEnv>();
  app.onError(answerError);
  app.post(
    '/push/:device',
    async (c, next) => {
      c.set('device', { orgId: 'org', deviceId: c.req.param('device') });
      await next();
    },
    limitDevicePushRate(burst, perSecond, clock),
    (c) => c.json({ ok: true }),
  );
  const send = async (device: string) => (await app.request(`/push/${device}`, { method: 'POST' })).status;
  return { clock, send, app };
}

describe('limitDevicePushRate', () => {
  it('lets a burst through, then answers 429 with Retry-After until tokens come back', async () => {
    const { clock, send, app } = appWithRate(3, 2);
    expect([await send('a'), await send('a'), await send('a')]).toEqual([200, 200, 200]);
    const refused = await app.request('/push/a', { method: 'POST' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'too_many_pushes',
      message: 'เครื่องนี้ส่งข้อมูลถี่เกินไป ระบบจะส่งใหม่ให้อัตโนมัติในอีก 1 วินาที ข้อมูลในเครื่องยังอยู่ครบ',
    });
    expect(await send('b')).toBe(200); // another device has its own bucket
    clock.advanceMs(499); // 2 tokens a second: not quite one yet
    expect(await send('a')).toBe(429);
    clock.advanceMs(1); // half a second: one token, one push
    expect(await send('a')).toBe(200);
    expect(await send('a')).toBe(429);
    clock.advanceMs(60_000); // never more than the burst, however long it waited
    expect([await send('a'), await send('a'), await send('a'), await send('a')]).toEqual([200, 200, 200, 429]);
  });

  it('loses no tokens when the server clock steps back', async () => {
    const { clock, send } = appWithRate(3, 1);
    expect(await send('a')).toBe(200); // 2 left
    clock.advanceMs(-3_600_000); // the clock goes back an hour
    expect([await send('a'), await send('a'), await send('a')]).toEqual([200, 200, 429]);
    clock.advanceMs(1_000); // a second later (on the new clock): one token again
    expect(await send('a')).toBe(200);
  });
});

describe.each(serverBackends)('%s: pushes over a device\u2019s rate', (backend) => {
  it('are refused whole with 429 (nothing written) and accepted once the rate allows', async () => {
    const server = await openTestServer(backend, { limits: { devicePushBurst: 2, devicePushesPerSecond: 1 } });
    try {
      const device = await enrolNewOrg(server);
      const entries = receiptEntries(device, 3);
      expect((await push(server, device, [entries[0]!])).status).toBe(200);
      expect((await push(server, device, [entries[1]!])).status).toBe(200);
      const third = await push(server, device, [entries[2]!]);
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('1');
      expect(await countEntryRows(server, device.orgId)).toBe(2);
      server.clock.advanceMs(1_000);
      expect((await push(server, device, [entries[2]!])).status).toBe(200);
    } finally {
      await server.db.close();
    }
  });
});
