/**
 * GET /api/v1/digest: per business date, the count and hash of the calling device's entries the server
 * holds — only its own, only accepted ones — over a bounded range, refused in Thai when the range is bad.
 */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { sha256Hex } from '../../src/domain/entryHash';
import { digestPath, digestResponseSchema, type DigestResponse } from '../../src/sync/protocol';
import {
  enrolAnotherDevice,
  enrolNewOrg,
  expectThaiError,
  openServerFixture,
  pushResults,
  receiptEntry,
  serverBackends,
  type TestServer,
} from './helpers';

/** The day hash written out independently of src/sync/dayDigest.ts: sorted '<id> <hash>' lines. */
function expectedHash(entries: readonly Entry[]): string {
  return sha256Hex(
    entries
      .map((e) => `${e.id} ${e.hash}`)
      .sort()
      .join('\n'),
  );
}

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend);

  async function getDigest(query: string, by: { token: string } = fx.device, server: TestServer = fx.server): Promise<Response> {
    return server.app.request(`${digestPath}${query}`, { headers: { authorization: `Bearer ${by.token}` } });
  }

  async function digestOk(from: string, to: string, by: { token: string } = fx.device): Promise<DigestResponse> {
    const res = await getDigest(`?from=${from}&to=${to}`, by);
    expect(res.status).toBe(200);
    return digestResponseSchema.strict().parse(await res.json());
  }

  describe('GET /api/v1/digest', () => {
    it('answers count and hash per date that has entries, in date order, nothing for empty dates', async () => {
      const jan16 = [1, 2, 3].map((seq) => receiptEntry(fx.device, { seq, date: '2024-01-16' }));
      const feb01 = [4, 5].map((seq) => receiptEntry(fx.device, { seq, date: '2024-02-01' }));
      // Pushed out of date order and interleaved: the digest depends on the set, not the order of arrival.
      await pushResults(fx.server, fx.device, [feb01[1]!, jan16[2]!, jan16[0]!]);
      await pushResults(fx.server, fx.device, [feb01[0]!, jan16[1]!]);

      const body = await digestOk('2024-01-01', '2024-03-31');
      expect(body).toEqual({
        protocol: 1,
        deviceId: fx.device.deviceId,
        from: '2024-01-01',
        to: '2024-03-31',
        days: [
          { date: '2024-01-16', count: 3, hash: expectedHash(jan16) },
          { date: '2024-02-01', count: 2, hash: expectedHash(feb01) },
        ],
      });
    });

    it('includes both ends of the range and nothing outside it', async () => {
      const dates = ['2024-01-15', '2024-01-16', '2024-01-20', '2024-01-21'];
      await pushResults(fx.server, fx.device, dates.map((date, i) => receiptEntry(fx.device, { seq: i + 1, date })));
      const body = await digestOk('2024-01-16', '2024-01-20');
      expect(body.days.map((d) => d.date)).toEqual(['2024-01-16', '2024-01-20']);
      expect(body.days.every((d) => d.count === 1)).toBe(true);
    });

    it('counts only what the server accepted: a rejected entry and a conflicting resend change nothing', async () => {
      const kept = receiptEntry(fx.device, { seq: 1, date: '2024-03-01' });
      await pushResults(fx.server, fx.device, [kept]);
      const before = await digestOk('2024-03-01', '2024-03-01');

      const future = receiptEntry(fx.device, { seq: 2, date: '2024-12-01' }); // after the server's today
      const sameIdOtherPayer = receiptEntry(fx.device, { seq: 1, date: '2024-03-01', id: kept.id, payer: 'ผู้ชำระคนอื่น' });
      const results = await pushResults(fx.server, fx.device, [future, sameIdOtherPayer]);
      expect(results.map((r) => r.outcome)).toEqual(['rejected', 'conflict']);

      expect(await digestOk('2024-03-01', '2024-03-01')).toEqual(before);
      expect((await digestOk('2024-12-01', '2024-12-01')).days).toEqual([]);
    });

    it('answers for the calling device only: never another device of its office, never another organisation', async () => {
      const mine = receiptEntry(fx.device, { seq: 1, date: '2024-04-01' });
      const office = await enrolAnotherDevice(fx.server, fx.device.orgId);
      const stranger = await enrolNewOrg(fx.server, 'เทศบาลอื่น');
      await pushResults(fx.server, fx.device, [mine]);
      await pushResults(fx.server, office, [receiptEntry(office, { seq: 1, date: '2024-04-01' }), receiptEntry(office, { seq: 2, date: '2024-04-02' })]);
      await pushResults(fx.server, stranger, [receiptEntry(stranger, { seq: 1, date: '2024-04-01' }), receiptEntry(stranger, { seq: 2, date: '2024-04-03' })]);

      expect((await digestOk('2024-04-01', '2024-04-30')).days).toEqual([{ date: '2024-04-01', count: 1, hash: expectedHash([mine]) }]);
      const officeDays = (await digestOk('2024-04-01', '2024-04-30', office)).days;
      expect(officeDays.map((d) => [d.date, d.count])).toEqual([
        ['2024-04-01', 1],
        ['2024-04-02', 1],
      ]);
      const strangerBody = await digestOk('2024-04-01', '2024-04-30', stranger);
      expect(strangerBody.deviceId).toBe(stranger.deviceId);
      expect(strangerBody.days.map((d) => d.date)).toEqual(['2024-04-01', '2024-04-03']);
    });

    it('answers an empty list for a device with nothing on the server', async () => {
      expect(await digestOk('2023-10-01', '2024-09-30')).toMatchObject({ days: [] });
    });

    it('accepts 400 days and refuses 401, in Thai', async () => {
      expect((await getDigest('?from=2023-10-01&to=2024-11-03')).status).toBe(200); // 400 days, both included
      const res = await getDigest('?from=2023-10-01&to=2024-11-04');
      expect(await expectThaiError(res, 400)).toBe('invalid_query');
      expect((await (await getDigest('?from=2023-10-01&to=2024-11-04')).json()).error.message).toMatch(/ไม่เกิน 400 วัน \(ขอมา 401 วัน\)/);
    });

    it.each([
      ['no range at all', '', /วันที่เริ่มต้น \(from\)/],
      ['no end', '?from=2024-01-01', /วันที่สิ้นสุด \(to\)/],
      ['a date that does not exist', '?from=2024-02-30&to=2024-03-01', /มีอยู่จริง/],
      ['a Thai-style date', '?from=16/01/2567&to=2024-03-01', /ปปปป-ดด-วว/],
      ['an end before the start', '?from=2024-03-02&to=2024-03-01', /ต้องไม่ก่อน/],
      ['an unknown parameter', '?from=2024-03-01&to=2024-03-02&deviceId=x', /ไม่รู้จัก/],
    ])('refuses %s with 400 and a Thai message naming the field', async (_name, query, message) => {
      const res = await getDigest(query);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_query');
      expect(body.error.message).toMatch(/^คำขอสรุปรายการรายวันไม่ถูกต้อง/);
      expect(body.error.message).toMatch(message);
    });

    it('answers 401 without a valid token, 401 for a revoked device', async () => {
      expect(await expectThaiError(await fx.server.app.request(`${digestPath}?from=2024-01-01&to=2024-01-31`), 401)).toBe('unauthorized');
      expect(await expectThaiError(await getDigest('?from=2024-01-01&to=2024-01-31', { token: 'x'.repeat(43) }), 401)).toBe('unauthorized');
      await fx.server.db.query('UPDATE devices SET revoked_at = now() WHERE device_id = $1', [fx.device.deviceId]);
      expect(await expectThaiError(await getDigest('?from=2024-01-01&to=2024-01-31'), 401)).toBe('device_revoked');
    });
  });
});
