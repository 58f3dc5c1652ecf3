/**
 * The per-day digest (src/sync/dayDigest.ts) and the digest check (src/sync/digestCheck.ts) against the
 * in-memory server: a day the server lost is sent again whole, nothing else moves, and the books do not
 * change.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/domain/entryHash';
import type { SamutDb } from '../../src/store/db';
import { recordReceipts } from '../../src/store/recordReceipt';
import type { StoredEntry } from '../../src/store/storedEntry';
import { dayDigestHash, dayDigestOf, digestRanges, type DigestItem } from '../../src/sync/dayDigest';
import {
  checkDigest,
  digestCheckIntervalMs,
  digestResultTh,
  digestRetryMsMin,
  getLastDigestCheck,
  isDigestCheckDue,
  type DigestCheckResult,
} from '../../src/sync/digestCheck';
import { drainQueue } from '../../src/sync/drain';
import type { DigestClient } from '../../src/sync/httpDigest';
import { protocolVersion } from '../../src/sync/protocol';
import { enrolledDb, manualClock, receiptOn, seededRandom, testEnrolment } from '../store/fixtures';
import { createFakeServer, type FakeServer } from './fakeServer';

const idA = '0190d6a4-0000-7000-8000-000000000001';
const idB = '0190d6a4-0000-7000-8000-000000000002';

describe('dayDigestHash', () => {
  const a: DigestItem = { id: idA, hash: 'a'.repeat(64) };
  const b: DigestItem = { id: idB, hash: 'b'.repeat(64) };

  it('is SHA-256 of the "<id> <hash>" lines sorted by id and joined by a newline (exact vector)', () => {
    expect(dayDigestHash([a, b])).toBe('eb558e4dab1a69556148a27a7cd7411f066710ccf35d28f39ee8847a9206c6aa');
    expect(dayDigestHash([a, b])).toBe(sha256Hex(`${idA} ${'a'.repeat(64)}\n${idB} ${'b'.repeat(64)}`));
  });

  it('does not depend on the order the entries come in', () => {
    const items = Array.from({ length: 7 }, (_, i) => ({ id: `0190d6a4-0000-7000-8000-00000000000${i}`, hash: sha256Hex(String(i)) }));
    const expected = dayDigestHash(items);
    for (let k = 1; k < items.length; k++) {
      const rotated = [...items.slice(k), ...items.slice(0, k)];
      expect(dayDigestHash(rotated)).toBe(expected);
      expect(dayDigestHash([...rotated].reverse())).toBe(expected);
    }
    expect(dayDigestHash([b, a])).toBe(dayDigestHash([a, b]));
  });

  it('changes with any id or hash, and with a missing entry', () => {
    const base = dayDigestHash([a, b]);
    expect(dayDigestHash([a])).not.toBe(base);
    expect(dayDigestHash([a, { ...b, hash: 'c'.repeat(64) }])).not.toBe(base);
    expect(dayDigestOf('2024-01-16', [a, b])).toEqual({ date: '2024-01-16', count: 2, hash: base });
  });

  it('of no entries is SHA-256 of the empty text', () => {
    expect(dayDigestHash([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('digestRanges', () => {
  it('cuts a span into ranges of at most N days, both ends included', () => {
    expect(digestRanges('2024-01-01', '2024-01-05', 2)).toEqual([
      { from: '2024-01-01', to: '2024-01-02' },
      { from: '2024-01-03', to: '2024-01-04' },
      { from: '2024-01-05', to: '2024-01-05' },
    ]);
    expect(digestRanges('2023-10-01', '2024-11-03', 400)).toEqual([{ from: '2023-10-01', to: '2024-11-03' }]);
    expect(digestRanges('2023-10-01', '2024-11-04', 400)).toHaveLength(2);
    expect(digestRanges('2024-02-28', '2024-03-01', 400)).toEqual([{ from: '2024-02-28', to: '2024-03-01' }]);
  });
});

/** The in-memory server's digest, as the real route computes it. */
function digestOf(server: FakeServer, deviceId = testEnrolment.deviceId): DigestClient & { calls: { from: string; to: string }[] } {
  const calls: { from: string; to: string }[] = [];
  const client = async ({ from, to }: { from: string; to: string }) => {
    calls.push({ from, to });
    const byDate = new Map<string, DigestItem[]>();
    for (const { entry } of server.rows.values()) {
      if (entry.deviceId !== deviceId || entry.date < from || entry.date > to) continue;
      byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), { id: entry.id, hash: entry.hash }]);
    }
    const days = [...byDate].sort(([x], [y]) => (x < y ? -1 : 1)).map(([date, items]) => dayDigestOf(date, items));
    return { kind: 'answered' as const, body: { protocol: protocolVersion, deviceId, from, to, days } };
  };
  return Object.assign(client, { calls });
}

const days = ['2024-01-16', '2024-01-17', '2024-01-18', '2024-01-19', '2024-01-20'];

/** 30 receipts over 5 days (6 a day), all posted to the in-memory server. */
async function postedBooks(label: string): Promise<{ db: SamutDb; server: FakeServer }> {
  const db = await enrolledDb(label);
  await recordReceipts(db, Array.from({ length: 30 }, (_, i) => receiptOn(days[i % 5]!, i + 1)), manualClock(), seededRandom());
  const server = createFakeServer();
  expect(await drainQueue({ db, push: server.push, clock: manualClock() })).toMatchObject({ outcome: 'drained', posted: 30 });
  return { db, server };
}

function loseDays(server: FakeServer, lost: readonly string[]): void {
  for (const [id, row] of server.rows) if (lost.includes(row.entry.date)) server.rows.delete(id);
}

/** Everything the books caches hold, to compare before and after. */
async function booksCaches(db: SamutDb) {
  return {
    accountDayTotals: await db.accountDayTotals.toArray(),
    accountMonthTotals: await db.accountMonthTotals.toArray(),
    cashBookDays: await db.cashBookDays.toArray(),
    receiptNumberBooks: await db.receiptNumberBooks.toArray(),
  };
}

function withoutSync(e: StoredEntry) {
  const { state: _s, serverSeq: _q, syncedAt: _t, ...content } = e;
  return content;
}

describe('checkDigest', () => {
  it('finds nothing when the server holds every posted entry, and asks about the posted span only', async () => {
    const { db, server } = await postedBooks('digest-equal');
    const fetchDigest = digestOf(server);
    const result = await checkDigest({ db, fetchDigest, clock: manualClock() });
    expect(result).toMatchObject({ outcome: 'checked', daysChecked: 5, daysDiffering: 0, entriesRequeued: 0, differingDates: [] });
    expect(fetchDigest.calls).toEqual([{ from: '2024-01-16', to: '2024-01-20' }]);
    expect(digestResultTh(result)).toBeUndefined();
  });

  it('re-queues every posted entry of each day the server lost, in one go, leaving the entries and the books as they were', async () => {
    const { db, server } = await postedBooks('digest-lost');
    loseDays(server, ['2024-01-17', '2024-01-19']);
    server.rows.delete([...server.rows.values()].find((r) => r.entry.date === '2024-01-20')!.entry.id); // one of a day
    const before = await db.entries.toArray();
    const cachesBefore = await booksCaches(db);

    const result = await checkDigest({ db, fetchDigest: digestOf(server), clock: manualClock() });
    expect(result).toMatchObject({ outcome: 'checked', daysChecked: 5, daysDiffering: 3, entriesRequeued: 18, differingDates: ['2024-01-17', '2024-01-19', '2024-01-20'] });
    expect(digestResultTh(result)).toBe('เซิร์ฟเวอร์ขาดรายการ 18 รายการ ของ 3 วัน จึงส่งให้ใหม่แล้ว');

    const after = await db.entries.toArray();
    for (const e of after) expect(e.state).toBe(['2024-01-17', '2024-01-19', '2024-01-20'].includes(e.date) ? 'pending' : 'posted');
    expect(after.filter((e) => e.state === 'pending').every((e) => e.serverSeq === undefined)).toBe(true);
    expect(after.map(withoutSync)).toEqual(before.map(withoutSync)); // same ids, same content, same hashes
    expect(await booksCaches(db)).toEqual(cachesBefore);
    expect(await getLastDigestCheck(db)).toEqual(result);

    // Sent again: the 13 lost are posted, the 5 the server still had are duplicates; then all is equal.
    expect(await drainQueue({ db, push: server.push, clock: manualClock() })).toMatchObject({ outcome: 'drained', posted: 18, pending: 0 });
    expect(server.rows.size).toBe(30);
    expect(await checkDigest({ db, fetchDigest: digestOf(server), clock: manualClock() })).toMatchObject({ daysDiffering: 0, entriesRequeued: 0 });
  });

  it('compares and re-queues this device’s entries only, never another PC’s entries kept here', async () => {
    const { db, server } = await postedBooks('digest-other-device');
    const [someone] = (await db.entries.toArray()).filter((e) => e.date === '2024-01-16');
    const foreign = { ...someone!, id: '0190d6a4-0000-7000-8000-0000000000ff', deviceId: '0190d6a4-0000-7000-8000-0000000000d2', date: '2024-01-18' };
    await db.entries.put(foreign);
    loseDays(server, ['2024-01-18']);

    const result = await checkDigest({ db, fetchDigest: digestOf(server), clock: manualClock() });
    expect(result).toMatchObject({ daysChecked: 5, daysDiffering: 1, entriesRequeued: 6 });
    expect((await db.entries.get(foreign.id))?.state).toBe('posted');
  });

  it('re-queues nothing on a wrong answer (another device’s, another range, a day twice), and says it failed', async () => {
    const { db, server } = await postedBooks('digest-bad-answer');
    loseDays(server, ['2024-01-17']);
    const good = digestOf(server);
    const answers: DigestClient[] = [
      async () => ({ kind: 'answered', body: { protocol: 1, deviceId: testEnrolment.orgId, from: '2024-01-16', to: '2024-01-20', days: [] } }),
      async () => ({ kind: 'answered', body: { protocol: 1, deviceId: testEnrolment.deviceId, from: '2024-01-01', to: '2024-01-20', days: [] } }),
      async (range) => {
        const answer = await good(range);
        if (answer.kind !== 'answered') throw new Error('the fake answers');
        const body = answer.body as { days: unknown[] };
        return { kind: 'answered', body: { ...body, days: [...body.days, body.days[0]] } };
      },
      async () => ({ kind: 'answered', body: '<html>login</html>' }),
      async () => ({ kind: 'failed', messageTh: 'ติดต่อเซิร์ฟเวอร์ไม่ได้' }),
      async () => {
        throw new Error('a bug in a client');
      },
    ];
    for (const fetchDigest of answers) {
      const result = await checkDigest({ db, fetchDigest, clock: manualClock() });
      expect(result).toMatchObject({ outcome: 'failed', entriesRequeued: 0, messageTh: expect.stringMatching(/[\u0E00-\u0E7F]/) });
      expect(await db.entries.where('[state+date+seq]').between(['pending', ''], ['pending', '\uffff']).count()).toBe(0);
      expect((await getLastDigestCheck(db))?.outcome).toBe('failed');
    }
  });

  it('does nothing before enrolment or with nothing posted', async () => {
    const db = await enrolledDb('digest-nothing');
    const fetchDigest = digestOf(createFakeServer());
    expect(await checkDigest({ db, fetchDigest, clock: manualClock() })).toMatchObject({ outcome: 'checked', daysChecked: 0 });
    expect(fetchDigest.calls).toEqual([]);
  });
});

describe('isDigestCheckDue', () => {
  const at = Date.UTC(2024, 6, 8);
  const last = (outcome: DigestCheckResult['outcome'], checkedAtMs: number): DigestCheckResult => ({
    outcome,
    checkedAtMs,
    daysChecked: 0,
    daysDiffering: 0,
    entriesRequeued: 0,
    differingDates: [],
  });

  it('is due when never checked, every 6 hours after a check, 15 minutes after a failure, and when the clock went back', () => {
    expect(isDigestCheckDue(undefined, at)).toBe(true);
    expect(isDigestCheckDue(last('checked', at), at + digestCheckIntervalMs - 1)).toBe(false);
    expect(isDigestCheckDue(last('checked', at), at + digestCheckIntervalMs)).toBe(true);
    expect(isDigestCheckDue(last('failed', at), at + digestRetryMsMin - 1)).toBe(false);
    expect(isDigestCheckDue(last('failed', at), at + digestRetryMsMin)).toBe(true);
    expect(isDigestCheckDue(last('checked', at), at - 1)).toBe(true);
  });
});
