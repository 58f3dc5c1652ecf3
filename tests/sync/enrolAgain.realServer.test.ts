/**
 * A PC whose token the server refuses, against the real server (Hono on a socket, PGlite): the
 * administrator revokes the device (admin revoke-device on the server's database); the next drain gets
 * 401, sets the enrolment aside (identity kept, token dropped) and reports auth-failed with the number
 * of entries still waiting; nothing pending is lost. Enrolling again with a new code of the same
 * organisation and the previous device id keeps the device; the queue resumes and posts the same
 * entries — same ids, same device id, seq going on — each exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { issueCode, revokeDevice } from '../../src/server/admin/accounts';
import type { SamutDb } from '../../src/store/db';
import { getEnrolment, saveEnrolment, type Enrolment } from '../../src/store/enrolment';
import { getPreviousDevice } from '../../src/store/previousDevice';
import { countPending } from '../../src/store/queries';
import { recordReceipts } from '../../src/store/recordReceipt';
import { enrolDevice } from '../../src/sync/enrol';
import { runDrain } from '../../src/sync/runDrain';
import { setupRefreshMsMin } from '../../src/sync/setupSync';
import { getSyncStatus } from '../../src/sync/syncStatus';
import { freshDb, manualClock, receiptOn, seededRandom } from '../store/fixtures';
import { createFakeLocks } from './fakeLocks';
import { startRealServer, type RealServer } from './realServer';

let servers: RealServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.close().catch(() => {});
  servers = [];
});

const quiet = { out: () => {}, err: () => {} };
const broadcaster = { post() {}, close() {} };

async function enrolledPc(label: string): Promise<{ server: RealServer; db: SamutDb; enrolment: Enrolment }> {
  const server = await startRealServer();
  servers.push(server);
  const enrolment = await server.enrolDevice(label);
  const db = freshDb(label);
  await saveEnrolment(db, enrolment);
  return { server, db, enrolment };
}

async function revoke(server: RealServer, enrolment: Enrolment): Promise<void> {
  const clock = { now: () => new Date() };
  expect(await revokeDevice(server.db, clock, { orgId: enrolment.orgId, deviceId: enrolment.deviceId }, quiet)).toBe(0);
}

async function newCode(server: RealServer, orgId: string): Promise<string> {
  const lines: string[] = [];
  expect(await issueCode(server.db, { now: () => new Date() }, { orgId }, { out: (l) => lines.push(l), err: () => {} })).toBe(0);
  return /: ([A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(lines[0]!)![1]!;
}

async function serverRows(server: RealServer) {
  const { rows } = await server.db.query<{ id: string; device_id: string; seq: number }>(
    'SELECT id::text AS id, device_id::text AS device_id, seq::int AS seq FROM entries ORDER BY seq',
  );
  return rows;
}

describe('a revoked PC enrols again and its pending entries post exactly once', () => {
  it('sets the enrolment aside on 401, keeps every entry, and posts them with the same device after enrolling again', async () => {
    const { server, db, enrolment } = await enrolledPc('revoked');
    const clock = manualClock();
    const drain = () => runDrain({ reason: 'entry', db, clock, broadcaster, locks: createFakeLocks() });
    await recordReceipts(db, [receiptOn('2024-01-16', 1), receiptOn('2024-01-17', 2)], clock, seededRandom(1));
    expect(await drain()).toMatchObject({ outcome: 'drained', posted: 2, pending: 0 });

    await recordReceipts(db, [receiptOn('2024-01-18', 3), receiptOn('2024-01-19', 4), receiptOn('2024-01-20', 5)], clock, seededRandom(2));
    await revoke(server, enrolment);
    const refused = await drain();
    expect(refused).toMatchObject({ outcome: 'auth-failed', posted: 0, pending: 3 });
    expect(refused.messageTh).toBe(
      'สิทธิ์ของเครื่องนี้ถูกยกเลิกหรือหมดอายุ กรุณาลงทะเบียนใหม่ด้วยรหัสลงทะเบียนจากผู้ดูแลระบบ รายการที่รอส่ง 3 รายการยังอยู่ครบ และจะส่งต่อเองหลังลงทะเบียน',
    );
    expect(await getEnrolment(db)).toBeUndefined();
    const { token: _dropped, enrolledAt: _at, ...identity } = enrolment;
    expect(await getPreviousDevice(db)).toEqual(identity);
    expect(await countPending(db)).toBe(3);
    expect(await getSyncStatus(db)).toEqual({ failures: 0, nextAttemptAtMs: 0 });
    // Not enrolled: a drain sends nothing and says so.
    expect(await drain()).toMatchObject({ outcome: 'not-enrolled', pending: 3 });

    const previous = (await getPreviousDevice(db))!;
    const again = await enrolDevice(previous.serverUrl, await newCode(server, previous.orgId), { previousDeviceId: previous.deviceId });
    if (again.outcome !== 'enrolled') throw new Error(again.messageTh);
    expect(again.enrolment.deviceId).toBe(enrolment.deviceId);
    await saveEnrolment(db, again.enrolment);
    expect(await drain()).toMatchObject({ outcome: 'drained', posted: 3, pending: 0 });

    await recordReceipts(db, [receiptOn('2024-01-21', 6)], clock, seededRandom(3));
    expect(await drain()).toMatchObject({ outcome: 'drained', posted: 1, pending: 0 });
    const local = (await db.entries.toArray()).sort((a, b) => a.seq - b.seq);
    expect(local.map((e) => [e.seq, e.state])).toEqual([1, 2, 3, 4, 5, 6].map((s) => [s, 'posted']));
    const rows = await serverRows(server);
    expect(rows).toEqual(local.map((e) => ({ id: e.id, device_id: enrolment.deviceId, seq: e.seq })));
  });

  it('notices a refused token on the setup request too, with nothing pending', async () => {
    const { server, db, enrolment } = await enrolledPc('setup');
    const clock = manualClock();
    const drain = () => runDrain({ reason: 'start', db, clock, broadcaster, locks: createFakeLocks() });
    expect(await drain()).toMatchObject({ outcome: 'drained', pending: 0 });
    await revoke(server, enrolment);
    clock.advance(setupRefreshMsMin);
    expect(await drain()).toMatchObject({ outcome: 'auth-failed', pending: 0 });
    expect(await getEnrolment(db)).toBeUndefined();
    expect((await getPreviousDevice(db))?.deviceId).toBe(enrolment.deviceId);
  });

  it("keeps the enrolment when a 401 is not the server's (a proxy's bare answer)", async () => {
    const { db, enrolment } = await enrolledPc('proxy');
    await recordReceipts(db, [receiptOn('2024-01-16', 1)], manualClock(), seededRandom(4));
    const proxy401 = (async () => new Response('Unauthorized', { status: 401 })) as typeof fetch;
    const finished = await runDrain({ reason: 'entry', db, fetch: proxy401, clock: manualClock(), broadcaster, locks: createFakeLocks() });
    expect(finished).toMatchObject({ outcome: 'auth-failed', pending: 1 });
    expect(await getEnrolment(db)).toEqual(enrolment);
  });
});
