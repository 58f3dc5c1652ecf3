/**
 * A PC that stayed on version 1 (the walking skeleton's database), 2 or 3 for months opens with
 * version 4: its entries stay exactly as they were (append-only), and the books caches are computed
 * from them. The entries are of entry format 1, the only one shipped (the skeleton's earlier receipt
 * shape never left a development machine).
 */
import { allReceiptHolders } from '../../src/store/receiptNumberBooks';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../src/domain/entryHash';
import { buildEntry, type Entry, type EntryContent } from '../../src/domain/entry';
import { openSamutDb, schemaV1, schemaV2, schemaV3, schemaV4 } from '../../src/store/db';
import { countPending, listCashBook, listEntries } from '../../src/store/queries';
import { cashBookSourcesInRange, entriesInRange, pendingCountInRange } from '../../src/store/reportQueries';
import { recordEntry } from '../../src/store/recordEntry';
import { receiptInput } from './entryInputs';
import { manualClock, seededRandom, testEnrolment } from './fixtures';

/** A receipt of entry format 1, as any database version stores it. */
function v1Receipt(seq: number, receiptNo: number, state: 'pending' | 'posted' | 'rejected') {
  const content = {
    schema: 1,
    id: `0190d6a4-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    orgId: testEnrolment.orgId,
    deviceId: testEnrolment.deviceId,
    seq,
    kind: 'receipt',
    date: '2024-01-16',
    doc: { bookNo: '12', receiptNo, payer: 'นายสมชาย มีเงิน', items: [{ account: '411002', amountSatang: 50_000 }], method: 'cash', receivedInto: '010' },
    lines: [
      { account: '010', debitSatang: 50_000, creditSatang: 0 },
      { account: '411002', debitSatang: 0, creditSatang: 50_000 },
    ],
    recordedAt: '2024-01-16T03:00:00.000Z',
    recordedBy: 'สมศรี',
  };
  return { ...content, hash: entryHash(content), state, ...(state === 'posted' ? { serverSeq: seq } : {}) };
}

describe('the version 1 → 4 upgrade (through 2 and 3)', () => {
  it('keeps every entry as it was and computes the caches from those that count', async () => {
    const name = `samut-upgrade-${process.pid}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores(schemaV1);
    const rows = [v1Receipt(1, 1, 'posted'), v1Receipt(2, 2, 'pending'), v1Receipt(3, 3, 'rejected')];
    await v1.table('entries').bulkAdd(rows);
    await v1.table('meta').bulkPut([
      { key: 'enrolment', value: testEnrolment },
      { key: `deviceSeq:${testEnrolment.deviceId}`, value: 3 },
    ]);
    v1.close();

    const db = openSamutDb(name, { indexedDB, IDBKeyRange });
    expect(await db.entries.toCollection().sortBy('seq')).toEqual(rows);
    expect(db.verno).toBe(5);
    expect((await allReceiptHolders(db.receiptNumberBooks)).map((r: { receiptNo: number }) => r.receiptNo)).toEqual([1, 2]); // not the rejected one
    expect(await db.accountDayTotals.toArray()).toEqual([
      { account: '010', date: '2024-01-16', debitSatang: 100_000, creditSatang: 0, entryCount: 2 },
      { account: '411002', date: '2024-01-16', debitSatang: 0, creditSatang: 100_000, entryCount: 2 },
    ]);
    expect((await db.entries.toArray()).filter((e) => e.kind === 'receipt')).toHaveLength(3);
    // The cash books' day record: both receipts that count, in seq order, as the domain describes them.
    expect(await db.cashBookDays.toArray()).toEqual([
      {
        date: '2024-01-16',
        sources: [1, 2].map((n) => ({
          entryId: rows[n - 1]!.id,
          kind: 'receipt',
          date: '2024-01-16',
          seq: n,
          documentNo: `12/${n}`,
          party: 'นายสมชาย มีเงิน',
          description: 'รับเงิน',
          lines: rows[n - 1]!.lines,
        })),
      },
    ]);

    const clock = manualClock();
    const random = seededRandom();
    await expect(recordEntry(db, receiptInput('2024-01-17', '12', 2), clock, random)).rejects.toMatchObject({ rejectionCode: 'receipt_number_taken' });
    const next = await recordEntry(db, receiptInput('2024-01-17', '12', 3), clock, random);
    expect(next.seq).toBe(4);
    db.close();
  });
});

describe('the version 2 → 4 upgrade', () => {
  it('fills the per-account per-day totals from the entries that count, by rebuilding every cache', async () => {
    const name = `samut-upgrade-v2-${process.pid}`;
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(1).stores(schemaV1);
    v2.version(2).stores(schemaV2);
    const rows = [v1Receipt(1, 1, 'posted'), { ...v1Receipt(2, 2, 'pending'), date: '2024-01-17' }, v1Receipt(3, 3, 'conflict' as 'rejected')];
    await v2.table('entries').bulkAdd(rows);
    // A version-2 cache in doubt (receipt 2 missing): the upgrade's rebuild recomputes it too.
    await v2.table('receiptNumbers').bulkAdd([{ bookNo: '12', receiptNo: 1, entryId: rows[0]!.id, order: 'a' }]);
    v2.close();

    const db = openSamutDb(name, { indexedDB, IDBKeyRange });
    expect(db.verno).toBe(5);
    expect(await db.entries.toCollection().sortBy('seq')).toEqual(rows);
    expect(await db.accountDayTotals.toArray()).toEqual([
      { account: '010', date: '2024-01-16', debitSatang: 50_000, creditSatang: 0, entryCount: 1 },
      { account: '010', date: '2024-01-17', debitSatang: 50_000, creditSatang: 0, entryCount: 1 },
      { account: '411002', date: '2024-01-16', debitSatang: 0, creditSatang: 50_000, entryCount: 1 },
      { account: '411002', date: '2024-01-17', debitSatang: 0, creditSatang: 50_000, entryCount: 1 },
    ]);
    expect((await allReceiptHolders(db.receiptNumberBooks)).map((r: { receiptNo: number }) => r.receiptNo)).toEqual([1, 2]);
    db.close();
  });
});

describe('the version 3 → 4 upgrade', () => {
  it('dates each cancellation by its original and fills the cash books\' day records, the cancel on its own day with its original\'s amounts negated', async () => {
    const name = `samut-upgrade-v3-${process.pid}`;
    const v3 = new Dexie(name, { indexedDB, IDBKeyRange });
    v3.version(1).stores(schemaV1);
    v3.version(2).stores(schemaV2);
    v3.version(3).stores(schemaV3);
    const receipt = v1Receipt(1, 1, 'posted');
    const { hash: _h, state: _s, serverSeq: _n, ...receiptContent } = receipt;
    const cancel = buildEntry(
      { ...receiptContent, id: '0190d6a4-0000-7000-8000-000000000009', seq: 2, kind: 'cancel', date: '2024-02-01', doc: { targetId: receipt.id, targetHash: receipt.hash, reason: 'บันทึกผิด' } } as EntryContent,
      receipt as Entry,
    );
    await v3.table('entries').bulkAdd([receipt, { ...cancel, state: 'pending' }]);
    await v3.table('cancellations').bulkAdd([{ targetId: receipt.id, cancelId: cancel.id }]);
    v3.close();

    const db = openSamutDb(name, { indexedDB, IDBKeyRange });
    expect(db.verno).toBe(5);
    expect(await db.cancellations.toArray()).toEqual([{ targetId: receipt.id, cancelId: cancel.id, targetDate: '2024-01-16' }]);
    const january = await cashBookSourcesInRange(db, '2024-01-01', '2024-01-31');
    expect(january.sources.map((x) => x.entryId)).toEqual([receipt.id]);
    expect([...january.cancelledIds]).toEqual([receipt.id]);
    const february = await cashBookSourcesInRange(db, '2024-02-01', '2024-02-29');
    expect(february.sources).toEqual([
      expect.objectContaining({ entryId: cancel.id, documentNo: '12/1', description: 'ยกเลิก รับเงิน: บันทึกผิด', lines: [
        { account: '010', debitSatang: -50_000, creditSatang: 0 },
        { account: '411002', debitSatang: 0, creditSatang: -50_000 },
      ] }),
    ]);
    expect(february.cancelledIds.size).toBe(0);
    db.close();
  });
});

describe('the version 4 → 5 upgrade', () => {
  it('drops the entries\' date index, keeps every entry and cache row as it was, and still reads by date across every state', async () => {
    const name = `samut-upgrade-v4-${process.pid}`;
    const v4 = new Dexie(name, { indexedDB, IDBKeyRange });
    [schemaV1, schemaV2, schemaV3, schemaV4].forEach((stores, i) => v4.version(i + 1).stores(stores));
    // Seqs out of date order, two dates, every state: the reads must come back in (date, seq) order.
    const rows = [
      { ...v1Receipt(4, 4, 'posted'), date: '2024-01-17' },
      v1Receipt(3, 3, 'pending'),
      v1Receipt(1, 1, 'rejected'),
      { ...v1Receipt(2, 2, 'posted'), date: '2024-01-17' },
      { ...v1Receipt(5, 5, 'conflict' as 'rejected'), date: '2024-01-17' },
      v1Receipt(6, 6, 'posted'),
    ];
    await v4.table('entries').bulkAdd(rows);
    const cacheRow = { date: '2024-01-16', sources: [] };
    await v4.table('cashBookDays').add(cacheRow);
    v4.close();

    const db = openSamutDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.entries.schema.indexes.map((i) => i.name)).toEqual(['[state+date+seq]']);
    expect(await db.entries.orderBy(':id').toArray()).toEqual([...rows].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.cashBookDays.toArray()).toEqual([cacheRow]);

    const seqs = (entries: readonly { seq: number }[]) => entries.map((e) => e.seq);
    expect(seqs(await listCashBook(db, '2024-01-16'))).toEqual([1, 3, 6]); // every state, by seq
    expect(seqs(await listCashBook(db, '2024-01-17'))).toEqual([2, 4, 5]);
    expect(seqs(await listEntries(db, 10))).toEqual([1, 3, 6, 2, 4, 5]);
    expect(seqs(await listEntries(db, 4))).toEqual([1, 3, 6, 2]);
    expect(seqs(await listEntries(db, 2, { newestFirst: true }))).toEqual([5, 4]);
    expect(seqs(await entriesInRange(db, '2024-01-01', '2024-01-31'))).toEqual([3, 6, 2, 4]); // counting only, book order
    expect(seqs(await entriesInRange(db, '2024-01-17', '2024-01-17'))).toEqual([2, 4]);
    expect(await pendingCountInRange(db, '2024-01-16', '2024-01-16')).toBe(1);
    expect(await countPending(db)).toBe(1);
    db.close();
  });
});
