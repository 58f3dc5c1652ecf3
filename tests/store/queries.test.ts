import { describe, expect, it } from 'vitest';
import { countPending, getEntry, listCashBook, listEntries } from '../../src/store/queries';
import { recordReceipt } from '../../src/store/recordReceipt';
import { readPendingBatch } from '../../src/store/syncQueue';
import { enrolledDb, manualClock, receiptOn, seededRandom } from './fixtures';

/** Records receipts on these dates, in this order; receipt numbers follow the recording order. */
async function recordOn(dates: string[]) {
  const db = await enrolledDb('queries');
  const clock = manualClock();
  const random = seededRandom();
  for (const [i, date] of dates.entries()) {
    clock.advance(1000);
    await recordReceipt(db, receiptOn(date, i + 1), clock, random);
  }
  return db;
}

describe('the pending queue', () => {
  it('is read in (date, seq) order even when entries were recorded out of date order', async () => {
    // Back-posting a paper ledger: the officer types March before January.
    const db = await recordOn(['2024-03-01', '2024-01-16', '2024-03-01', '2024-01-16', '2024-02-10']);
    const queue = await readPendingBatch(db, 10);
    expect(queue.map((e) => [e.date, e.seq])).toEqual([
      ['2024-01-16', 2],
      ['2024-01-16', 4],
      ['2024-02-10', 5],
      ['2024-03-01', 1],
      ['2024-03-01', 3],
    ]);
  });

  it('takes at most the batch limit, earliest first', async () => {
    const db = await recordOn(['2024-03-01', '2024-01-16', '2024-02-10']);
    expect((await readPendingBatch(db, 2)).map((e) => e.date)).toEqual(['2024-01-16', '2024-02-10']);
  });

  it('holds only pending entries', async () => {
    const db = await recordOn(['2024-01-16', '2024-01-17', '2024-01-18']);
    const [first] = await readPendingBatch(db, 1);
    await db.entries.put({ ...first!, state: 'posted', serverSeq: 1 });
    expect(await countPending(db)).toBe(2);
    expect((await readPendingBatch(db, 10)).map((e) => e.date)).toEqual(['2024-01-17', '2024-01-18']);
  });
});

describe('listEntries', () => {
  it('lists entries of every state by date, then seq', async () => {
    const db = await recordOn(['2024-02-01', '2024-01-16', '2024-02-01', '2024-01-16']);
    const rows = await listEntries(db);
    expect(rows.map((e) => [e.date, e.seq])).toEqual([
      ['2024-01-16', 2],
      ['2024-01-16', 4],
      ['2024-02-01', 1],
      ['2024-02-01', 3],
    ]);
  });

  it('cuts at the limit in (date, seq) order, also inside the last date', async () => {
    const db = await recordOn(['2024-02-01', '2024-01-16', '2024-02-01', '2024-02-01', '2024-01-16']);
    const rows = await listEntries(db, 3);
    expect(rows.map((e) => [e.date, e.seq])).toEqual([
      ['2024-01-16', 2],
      ['2024-01-16', 5],
      ['2024-02-01', 1],
    ]);
  });
});

describe('listEntries, newest first', () => {
  it('lists the latest business date first, highest seq first, and cuts inside the last date by seq', async () => {
    const db = await recordOn(['2024-02-01', '2024-01-16', '2024-02-01', '2024-02-01', '2024-01-16']);
    expect((await listEntries(db, 10, { newestFirst: true })).map((e) => [e.date, e.seq])).toEqual([
      ['2024-02-01', 4],
      ['2024-02-01', 3],
      ['2024-02-01', 1],
      ['2024-01-16', 5],
      ['2024-01-16', 2],
    ]);
    expect((await listEntries(db, 4, { newestFirst: true })).map((e) => [e.date, e.seq])).toEqual([
      ['2024-02-01', 4],
      ['2024-02-01', 3],
      ['2024-02-01', 1],
      ['2024-01-16', 5],
    ]);
  });
});

describe('getEntry', () => {
  it('reads one entry by id with its sync state, or undefined', async () => {
    const db = await recordOn(['2024-01-16']);
    const [only] = await listEntries(db);
    expect(await getEntry(db, only!.id)).toEqual(only);
    expect(await getEntry(db, '0190d6a4-0000-7000-8000-00000000beef')).toBeUndefined();
  });
});

describe('listCashBook', () => {
  it('lists the entries of one business date by seq', async () => {
    const db = await recordOn(['2024-01-17', '2024-01-16', '2024-01-17', '2024-01-17']);
    expect((await listCashBook(db, '2024-01-17')).map((e) => e.seq)).toEqual([1, 3, 4]);
    expect(await listCashBook(db, '2024-01-18')).toEqual([]);
  });
});
