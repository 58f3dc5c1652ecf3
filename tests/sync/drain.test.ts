import { describe, expect, it } from 'vitest';
import type { SamutDb } from '../../src/store/db';
import { saveEnrolment } from '../../src/store/enrolment';
import { countPending } from '../../src/store/queries';
import { recordReceipts, type ReceiptInput } from '../../src/store/recordReceipt';
import { retryDelayMsMax } from '../../src/sync/backoff';
import { drainIterationsSlack, drainQueue, type DrainOptions } from '../../src/sync/drain';
import { getSyncStatus } from '../../src/sync/syncStatus';
import { injectFault } from '../store/faults';
import { enrolledDb, freshDb, manualClock, receiptOn, seededRandom, testEnrolment } from '../store/fixtures';
import { createFakeServer } from './fakeServer';

/** Dates deliberately not in recording order: the officer back-posts a paper ledger out of order. */
const dates = ['2024-03-04', '2024-01-16', '2024-02-29', '2024-01-17', '2024-07-06'];

/** `count` receipts over `dates`, recorded in that scrambled order. */
async function withPending(db: SamutDb, count: number): Promise<void> {
  const inputs: ReceiptInput[] = Array.from({ length: count }, (_, i) => receiptOn(dates[i % dates.length]!, i + 1, 100 * (i + 1)));
  await recordReceipts(db, inputs, manualClock(), seededRandom(count));
}

function setup(count: number) {
  const clock = manualClock();
  const server = createFakeServer();
  return {
    clock,
    server,
    async db() {
      const db = await enrolledDb('drain');
      if (count > 0) await withPending(db, count);
      return db;
    },
    opts(db: SamutDb, extra: Partial<DrainOptions> = {}): DrainOptions {
      return { db, push: server.push, clock, random: seededRandom(7), ...extra };
    },
  };
}

describe('drainQueue', () => {
  it('posts everything, earliest business date first, in batches', async () => {
    const t = setup(25);
    const db = await t.db();
    const progress: Array<[number, number]> = [];
    const report = await drainQueue(t.opts(db, { batchSize: 10, onProgress: (p) => progress.push([p.sent, p.total]) }));

    expect(report).toMatchObject({ outcome: 'drained', posted: 25, rejected: 0, conflicts: 0, pending: 0, pushes: 3 });
    expect(t.server.requests.map((r) => r.entries.length)).toEqual([10, 10, 5]);
    expect(progress).toEqual([[10, 25], [20, 25], [25, 25]]);
    const arrived = t.server.insertOrder.map((id) => t.server.rows.get(id)!.entry);
    const sorted = [...arrived].sort((a, b) => (a.date === b.date ? a.seq - b.seq : a.date < b.date ? -1 : 1));
    expect(arrived.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    for (const stored of await db.entries.toArray()) {
      expect(stored.state).toBe('posted');
      expect(stored.serverSeq).toBe(t.server.rows.get(stored.id)!.serverSeq);
      expect(stored.syncedAt).toBe(new Date(t.clock.nowMs()).toISOString());
    }
  });

  it('sends entries exactly as recorded, without the sync fields', async () => {
    const t = setup(3);
    const db = await t.db();
    await drainQueue(t.opts(db));
    const sent = t.server.requests[0]!.entries;
    expect(Object.keys(sent[0]!).sort()).toEqual(
      ['date', 'deviceId', 'doc', 'hash', 'id', 'kind', 'lines', 'orgId', 'recordedAt', 'recordedBy', 'schema', 'seq'].sort(),
    );
    expect(t.server.requests[0]!.deviceId).toBe(testEnrolment.deviceId);
  });

  it('posts an entry exactly once when the answer is lost after the server committed', async () => {
    const t = setup(12);
    const db = await t.db();
    t.server.faults.push({ kind: 'lose-answer' });

    const first = await drainQueue(t.opts(db, { batchSize: 5 }));
    expect(first).toMatchObject({ outcome: 'backing-off', posted: 0, pending: 12 });
    expect(t.server.rows.size).toBe(5); // committed, but the PC never heard

    t.clock.set(first.nextAttemptAtMs!);
    const second = await drainQueue(t.opts(db, { batchSize: 5 }));
    expect(second).toMatchObject({ outcome: 'drained', posted: 12, pending: 0 });
    expect(t.server.rows.size).toBe(12);
    expect(t.server.insertOrder).toHaveLength(12);
    for (const stored of await db.entries.toArray()) {
      expect(stored.state).toBe('posted');
      expect(stored.serverSeq).toBe(t.server.rows.get(stored.id)!.serverSeq);
    }
  });

  it('on 503 with Retry-After, persists a backoff of at least Retry-After and marks nothing', async () => {
    const t = setup(8);
    const db = await t.db();
    t.server.faults.push({ kind: 'overloaded', retryAfterMs: 120_000 });
    const startMs = t.clock.nowMs();

    const report = await drainQueue(t.opts(db));
    expect(report).toMatchObject({ outcome: 'backing-off', posted: 0, pending: 8, pushes: 1 });
    const status = await getSyncStatus(db);
    expect(status.failures).toBe(1);
    expect(status.nextAttemptAtMs).toBeGreaterThanOrEqual(startMs + 120_000);
    expect(status.nextAttemptAtMs).toBe(report.nextAttemptAtMs);
    expect(status.lastError).toMatch(/ผู้ใช้มาก/);
    expect((await db.entries.toArray()).every((e) => e.state === 'pending')).toBe(true);

    // Asked again too early (a new entry, a reload): nothing is sent.
    t.clock.advance(119_000);
    const early = await drainQueue(t.opts(db));
    expect(early).toMatchObject({ outcome: 'backing-off', pushes: 0 });
    expect(t.server.requests).toHaveLength(1);

    t.clock.set(status.nextAttemptAtMs);
    expect(await drainQueue(t.opts(db))).toMatchObject({ outcome: 'drained', posted: 8 });
    expect(await getSyncStatus(db)).toMatchObject({ failures: 0, nextAttemptAtMs: 0 });
  });

  it('backs off exponentially with jitter, never beyond the cap, while the server stays down', async () => {
    const t = setup(2);
    const db = await t.db();
    t.server.stickyFault = { kind: 'overloaded' };
    for (let failures = 1; failures <= 10; failures++) {
      const before = t.clock.nowMs();
      const report = await drainQueue(t.opts(db, { random: seededRandom(failures) }));
      expect(report.outcome).toBe('backing-off');
      const status = await getSyncStatus(db);
      expect(status.failures).toBe(failures);
      expect(status.nextAttemptAtMs - before).toBeLessThanOrEqual(Math.min(retryDelayMsMax, 1000 * 2 ** failures));
      expect(status.nextAttemptAtMs).toBeGreaterThanOrEqual(before);
      t.clock.set(status.nextAttemptAtMs);
    }
    expect(await countPending(db)).toBe(2); // nothing dropped or expired, however long it takes
  });

  it('stores rejections and conflicts with the server message, and posts the rest of the batch', async () => {
    const t = setup(10);
    const db = await t.db();
    const all = await db.entries.toArray();
    const conflicting = all[0]!;
    // The server already holds this id with other content (e.g. restored from a bad backup).
    t.server.rows.set(conflicting.id, { entry: { ...conflicting, hash: 'f'.repeat(64) }, serverSeq: 999 });
    t.server.rejectIf = (e) =>
      e.date === '2024-07-06' ? { code: 'period_closed', message: 'งวดบัญชีเดือนกรกฎาคม 2567 ปิดแล้ว' } : undefined;

    const report = await drainQueue(t.opts(db));
    const byId = new Map((await db.entries.toArray()).map((e) => [e.id, e]));
    expect(byId.get(conflicting.id)).toMatchObject({ state: 'conflict', syncMessage: expect.stringMatching(/รหัสเดียวกัน/) });
    const rejected = [...byId.values()].filter((e) => e.state === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const e of rejected) {
      expect(e).toMatchObject({ date: '2024-07-06', syncCode: 'period_closed', syncMessage: 'งวดบัญชีเดือนกรกฎาคม 2567 ปิดแล้ว' });
    }
    expect(report).toMatchObject({
      outcome: 'drained',
      conflicts: 1,
      rejected: rejected.length,
      posted: 10 - 1 - rejected.length,
      pending: 0,
    });
    // Rejected and conflicting entries are kept, never deleted: the officer corrects with a new entry.
    expect(byId.size).toBe(10);
  });

  it('stops at an auth failure, marks nothing, and does not hammer the server', async () => {
    const t = setup(5);
    const db = await t.db();
    t.server.stickyFault = { kind: 'auth-failed' };
    const report = await drainQueue(t.opts(db));
    expect(report).toMatchObject({ outcome: 'auth-failed', pushes: 1, pending: 5, messageTh: expect.stringMatching(/ลงทะเบียน/) });
    expect(await drainQueue(t.opts(db))).toMatchObject({ outcome: 'backing-off', pushes: 0 });
    expect(t.server.requests).toHaveLength(1);
  });

  it('stops at a refused request (a bug), reports it, and does not spin', async () => {
    const t = setup(5);
    const db = await t.db();
    t.server.stickyFault = { kind: 'refused', status: 400 };
    const report = await drainQueue(t.opts(db));
    expect(report).toMatchObject({ outcome: 'refused', pushes: 1, pending: 5, messageTh: expect.stringMatching(/400/) });
    expect(report.nextAttemptAtMs).toBeGreaterThanOrEqual(t.clock.nowMs());
    expect((await db.entries.toArray()).every((e) => e.state === 'pending')).toBe(true);
  });

  it('treats an answer of the wrong shape as a failed push, not as results', async () => {
    const t = setup(3);
    const db = await t.db();
    t.server.faults.push({ kind: 'garbage-answer' });
    expect(await drainQueue(t.opts(db))).toMatchObject({ outcome: 'backing-off', posted: 0, pending: 3 });
    t.clock.set((await getSyncStatus(db)).nextAttemptAtMs);
    expect(await drainQueue(t.opts(db))).toMatchObject({ outcome: 'drained', posted: 3 });
    expect(t.server.rows.size).toBe(3);
  });

  it('leaves every entry pending when the tab closes while answers are being stored; a re-drain completes exactly once', async () => {
    const clock = manualClock();
    const server = createFakeServer();
    const db = freshDb('tab-closed');
    const fault = injectFault(db, 'entries', 'abort-after-write', (req) =>
      req.type === 'put' && req.values.some((v: { state?: string }) => v.state !== 'pending'),
    );
    await saveEnrolment(db, testEnrolment);
    await withPending(db, 6);

    fault.arm();
    await expect(drainQueue({ db, push: server.push, clock, random: seededRandom() })).rejects.toThrow(/tab closed/);
    expect(fault.fired).toBe(1);
    expect((await db.entries.toArray()).every((e) => e.state === 'pending')).toBe(true);
    expect(server.rows.size).toBe(6);

    const again = await drainQueue({ db, push: server.push, clock, random: seededRandom() });
    expect(again).toMatchObject({ outcome: 'drained', posted: 6, pending: 0 });
    expect(server.insertOrder).toHaveLength(6);
    expect(server.requests).toHaveLength(2);
  });

  it('ends after one push when the server answers but settles nothing (no spinning)', async () => {
    const t = setup(4);
    const db = await t.db();
    t.server.stickyFault = { kind: 'empty-answer' };
    expect(await drainQueue(t.opts(db))).toMatchObject({ outcome: 'backing-off', pushes: 1, pending: 4 });
  });

  it('is bounded: at most ceil(pending / batch) + slack pushes per call', async () => {
    const t = setup(10);
    const db = await t.db();
    t.server.stickyFault = { kind: 'settle-first-only' };
    const report = await drainQueue(t.opts(db, { batchSize: 5 }));
    expect(report.pushes).toBe(Math.ceil(10 / 5) + drainIterationsSlack);
    expect(report).toMatchObject({ outcome: 'incomplete', posted: report.pushes, pending: 10 - report.pushes });
  });

  it('honours a caller’s tighter bound on pushes, and says the drain is incomplete', async () => {
    const t = setup(10);
    const db = await t.db();
    expect(await drainQueue(t.opts(db, { batchSize: 3, pushesMax: 2 }))).toMatchObject({ outcome: 'incomplete', pushes: 2, posted: 6, pending: 4 });
  });

  it('does nothing and says so when the PC is not enrolled', async () => {
    const db = freshDb('not-enrolled');
    const server = createFakeServer();
    expect(await drainQueue({ db, push: server.push })).toMatchObject({ outcome: 'not-enrolled', pushes: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('is done at once when nothing is pending', async () => {
    const t = setup(0);
    const db = await t.db();
    expect(await drainQueue(t.opts(db))).toMatchObject({ outcome: 'drained', pushes: 0, pending: 0 });
  });
});
