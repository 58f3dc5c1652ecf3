/**
 * The real drain loop and httpPush against the real server (Hono on a socket, PGlite), end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntry, type EntryContent } from '../../src/domain/entry';
import type { Db } from '../../src/server/db';
import type { SamutDb } from '../../src/store/db';
import { saveEnrolment, type Enrolment } from '../../src/store/enrolment';
import { recordReceipts, type ReceiptInput } from '../../src/store/recordReceipt';
import { entryOf } from '../../src/store/storedEntry';
import { drainQueue } from '../../src/sync/drain';
import { createHttpPushClient } from '../../src/sync/httpPush';
import { getSyncStatus } from '../../src/sync/syncStatus';
import { freshDb, manualClock, receiptOn, seededRandom } from '../store/fixtures';
import { startRealServer, type RealServer } from './realServer';

/** Lets one test hold a push inside the server's transaction, to fill the admission limit. */
let holdPushes: Promise<void> | undefined;
/** Called when a push reaches the held point. */
let onHeld: (() => void) | undefined;
let server: RealServer;
/** Each device gets its own random stream: two devices with the same seed would mint the same ids. */
let deviceSeed = 1000;

beforeAll(async () => {
  server = await startRealServer({
    limits: { pushConcurrentMax: 1, retryAfterSeconds: 7 },
    wrapDb: (db: Db): Db => ({
      ...db,
      query: db.query.bind(db),
      exec: db.exec.bind(db),
      close: db.close.bind(db),
      transaction: async (work) => {
        if (holdPushes) {
          onHeld?.();
          await holdPushes;
        }
        return db.transaction(work);
      },
    }),
  });
});
afterAll(async () => {
  await server?.close();
});

async function deviceWith(count: number, dates: string[], label: string): Promise<{ db: SamutDb; enrolment: Enrolment }> {
  const enrolment = await server.enrolDevice(label);
  const db = freshDb(label);
  await saveEnrolment(db, enrolment);
  const clock = manualClock();
  const random = seededRandom((deviceSeed += 7919));
  for (let start = 0; start < count; start += 500) {
    const inputs: ReceiptInput[] = [];
    // Each device its own receipt book: the server refuses a number already used in its organisation's book.
    for (let i = start; i < Math.min(count, start + 500); i++) inputs.push(receiptOn(dates[i % dates.length]!, i + 1, 1_00 + i, label));
    await recordReceipts(db, inputs, clock, random);
  }
  return { db, enrolment };
}

async function serverRows(deviceId: string) {
  const { rows } = await server.db.query<{ id: string; date: string; seq: number; server_seq: number }>(
    `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, seq::int AS seq, server_seq::int AS server_seq
       FROM entries WHERE device_id = $1 ORDER BY server_seq`,
    [deviceId],
  );
  return rows;
}

describe('drainQueue with httpPush, against the real server', () => {
  it('posts 1,200 receipts recorded out of date order exactly once, earliest business date first', async () => {
    const dates = ['2024-06-30', '2024-01-16', '2024-03-15', '2024-01-17', '2024-07-06'];
    const { db, enrolment } = await deviceWith(1200, dates, 'order');
    const push = createHttpPushClient({ serverUrl: enrolment.serverUrl, token: enrolment.token });

    const report = await drainQueue({ db, push, batchSize: 200 });
    expect(report).toMatchObject({ outcome: 'drained', posted: 1200, rejected: 0, conflicts: 0, pending: 0, pushes: 6 });

    const rows = await serverRows(enrolment.deviceId);
    expect(rows).toHaveLength(1200);
    const inDrainOrder = [...rows].sort((a, b) => (a.date === b.date ? a.seq - b.seq : a.date < b.date ? -1 : 1));
    expect(rows.map((r) => r.id)).toEqual(inDrainOrder.map((r) => r.id));
    const serverSeqById = new Map(rows.map((r) => [r.id, r.server_seq]));
    for (const e of await db.entries.toArray()) {
      expect(e.state).toBe('posted');
      expect(e.serverSeq).toBe(serverSeqById.get(e.id));
    }
  });

  it('posts once when the answer is lost after the server committed: the resend is a duplicate', async () => {
    const { db, enrolment } = await deviceWith(30, ['2024-02-01'], 'lost-answer');
    let calls = 0;
    const losingFetch: typeof fetch = async (input, init) => {
      calls += 1;
      const res = await fetch(input, init); // the server commits and answers…
      if (calls === 1) throw new TypeError('fetch failed: connection reset'); // …and the answer is lost
      return res;
    };
    const clock = manualClock(Date.now());
    const push = createHttpPushClient({ serverUrl: enrolment.serverUrl, token: enrolment.token, fetch: losingFetch });

    const first = await drainQueue({ db, push, clock });
    expect(first).toMatchObject({ outcome: 'backing-off', posted: 0, pending: 30 });
    expect(await serverRows(enrolment.deviceId)).toHaveLength(30);

    clock.set(first.nextAttemptAtMs!);
    const second = await drainQueue({ db, push, clock });
    expect(second).toMatchObject({ outcome: 'drained', posted: 30, pending: 0 });
    const rows = await serverRows(enrolment.deviceId);
    expect(rows).toHaveLength(30);
    const serverSeqById = new Map(rows.map((r) => [r.id, r.server_seq]));
    for (const e of await db.entries.toArray()) expect(e.serverSeq).toBe(serverSeqById.get(e.id));
  });

  it('backs off by at least Retry-After when the server is at its admission limit, and marks nothing', async () => {
    const busy = await deviceWith(5, ['2024-02-02'], 'busy-a');
    const waiting = await deviceWith(5, ['2024-02-03'], 'busy-b');
    let release!: () => void;
    holdPushes = new Promise((r) => (release = r));
    const held = new Promise<void>((r) => (onHeld = r));
    const first = drainQueue({ db: busy.db, push: createHttpPushClient({ serverUrl: server.url, token: busy.enrolment.token }) });
    await held; // the first push is now inside the server, holding its only admission slot

    const clock = manualClock(Date.now());
    const report = await drainQueue({
      db: waiting.db,
      push: createHttpPushClient({ serverUrl: server.url, token: waiting.enrolment.token }),
      clock,
    });
    holdPushes = undefined;
    onHeld = undefined;
    release();
    expect(report).toMatchObject({ outcome: 'backing-off', posted: 0, pending: 5, messageTh: expect.stringMatching(/ผู้ใช้มาก/) });
    expect((await getSyncStatus(waiting.db)).nextAttemptAtMs).toBeGreaterThanOrEqual(clock.nowMs() + 7_000);
    expect((await waiting.db.entries.toArray()).every((e) => e.state === 'pending')).toBe(true);
    expect(await first).toMatchObject({ outcome: 'drained', posted: 5 });

    clock.advance(7_000 + 60_000);
    expect(await drainQueue({ db: waiting.db, push: createHttpPushClient({ serverUrl: server.url, token: waiting.enrolment.token }), clock })).toMatchObject({
      outcome: 'drained',
      posted: 5,
    });
  });

  it('stores the server’s rejection of an entry altered on the PC, and its conflict for a reused id', async () => {
    const { db, enrolment } = await deviceWith(4, ['2024-04-01'], 'reject-conflict');
    const push = createHttpPushClient({ serverUrl: enrolment.serverUrl, token: enrolment.token });
    const [a, b, c] = await db.entries.toCollection().sortBy('seq');
    if (a?.kind !== 'receipt' || c?.kind !== 'receipt') throw new Error('the device holds receipts');
    expect(await drainQueue({ db, push })).toMatchObject({ outcome: 'drained', posted: 4 });
    // The PC is then "restored" from another backup that holds a different entry under c's id…
    const cAgain = buildEntry({ ...entryOf(c), doc: { ...c.doc, payer: 'ผู้ชำระคนอื่น' } } as EntryContent);
    await db.entries.put({ ...cAgain, state: 'pending' });
    // …and a copy of a, under a new id, whose amount was edited without re-sealing: the hash no longer matches.
    const item = a.doc.items[0]!;
    const aTampered = { ...a, id: crypto.randomUUID(), doc: { ...a.doc, items: [{ ...item, amountSatang: item.amountSatang + 1 }] }, state: 'pending' as const };
    await db.entries.put(aTampered);

    const report = await drainQueue({ db, push });
    expect(report).toMatchObject({ outcome: 'drained', posted: 0, rejected: 1, conflicts: 1, pending: 0 });
    expect(await db.entries.get(aTampered.id)).toMatchObject({ state: 'rejected', syncCode: expect.any(String), syncMessage: expect.stringMatching(/[\u0E00-\u0E7F]/) });
    expect(await db.entries.get(c!.id)).toMatchObject({ state: 'conflict', syncMessage: expect.stringMatching(/[\u0E00-\u0E7F]/) });
    expect(await db.entries.get(b!.id)).toMatchObject({ state: 'posted' });
  });

  it('stops with auth-failed when the server no longer accepts the token', async () => {
    const { db, enrolment } = await deviceWith(3, ['2024-05-01'], 'revoked');
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE device_id = $1', [enrolment.deviceId]);
    const report = await drainQueue({ db, push: createHttpPushClient({ serverUrl: enrolment.serverUrl, token: enrolment.token }) });
    expect(report).toMatchObject({ outcome: 'auth-failed', pushes: 1, pending: 3, messageTh: expect.stringMatching(/ลงทะเบียน/) });
  });
});
