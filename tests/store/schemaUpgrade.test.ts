/**
 * A PC that stayed on version 1 (the walking skeleton) or 2 for months opens with version 3: its
 * entries stay exactly as they were (append-only), and the books caches are computed from them.
 */
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../src/domain/entryHash';
import { openSamutDb, schemaV1, schemaV2 } from '../../src/store/db';
import { recordEntry } from '../../src/store/recordEntry';
import { receiptInput } from './entryInputs';
import { manualClock, seededRandom, testEnrolment } from './fixtures';

/** A receipt exactly as version 1 stored it (the receipt document of the walking skeleton). */
function v1Receipt(seq: number, receiptNo: number, state: 'pending' | 'posted' | 'rejected') {
  const content = {
    schema: 1,
    id: `0190d6a4-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    orgId: testEnrolment.orgId,
    deviceId: testEnrolment.deviceId,
    seq,
    kind: 'receipt',
    date: '2024-01-16',
    doc: { bookNo: '12', receiptNo, payer: 'นายสมชาย มีเงิน', revenueAccount: '411002', amountSatang: 50_000, method: 'cash' },
    lines: [
      { account: '010', debitSatang: 50_000, creditSatang: 0 },
      { account: '411002', debitSatang: 0, creditSatang: 50_000 },
    ],
    recordedAt: '2024-01-16T03:00:00.000Z',
    recordedBy: 'สมศรี',
  };
  return { ...content, hash: entryHash(content), state, ...(state === 'posted' ? { serverSeq: seq } : {}) };
}

describe('the version 1 → 3 upgrade (through 2)', () => {
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
    expect(await db.entries.orderBy('seq').toArray()).toEqual(rows);
    expect(db.verno).toBe(3);
    expect((await db.receiptNumbers.toArray()).map((r) => r.receiptNo)).toEqual([1, 2]); // not the rejected one
    expect(await db.accountDayTotals.toArray()).toEqual([
      { account: '010', date: '2024-01-16', debitSatang: 100_000, creditSatang: 0, entryCount: 2 },
      { account: '411002', date: '2024-01-16', debitSatang: 0, creditSatang: 100_000, entryCount: 2 },
    ]);
    expect(await db.entries.where('kind').equals('receipt').count()).toBe(3);

    const clock = manualClock();
    const random = seededRandom();
    await expect(recordEntry(db, receiptInput('2024-01-17', '12', 2), clock, random)).rejects.toMatchObject({ rejectionCode: 'receipt_number_taken' });
    const next = await recordEntry(db, receiptInput('2024-01-17', '12', 3), clock, random);
    expect(next.seq).toBe(4);
    db.close();
  });
});

describe('the version 2 → 3 upgrade', () => {
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
    expect(db.verno).toBe(3);
    expect(await db.entries.orderBy('seq').toArray()).toEqual(rows);
    expect(await db.accountDayTotals.toArray()).toEqual([
      { account: '010', date: '2024-01-16', debitSatang: 50_000, creditSatang: 0, entryCount: 1 },
      { account: '010', date: '2024-01-17', debitSatang: 50_000, creditSatang: 0, entryCount: 1 },
      { account: '411002', date: '2024-01-16', debitSatang: 0, creditSatang: 50_000, entryCount: 1 },
      { account: '411002', date: '2024-01-17', debitSatang: 0, creditSatang: 50_000, entryCount: 1 },
    ]);
    expect((await db.receiptNumbers.toArray()).map((r) => r.receiptNo)).toEqual([1, 2]);
    db.close();
  });
});
