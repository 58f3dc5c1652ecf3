/**
 * Correcting an entry the server refused: a NEW entry, linked to the refused one in the same
 * transaction; the refused entry itself never changes.
 */
import { describe, expect, it } from 'vitest';
import { listRefusedEntries, recordCorrection } from '../../src/store/corrections';
import type { SamutDb } from '../../src/store/db';
import { recordEntry } from '../../src/store/recordEntry';
import { StoreError } from '../../src/store/storeError';
import { applyPushResults } from '../../src/store/syncQueue';
import type { StoredEntry } from '../../src/store/storedEntry';
import { cancelInput, receiptInput } from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

const at = '2024-07-08T03:00:00.000Z';

async function refusedReceipt(label: string, outcome: 'rejected' | 'conflict' = 'rejected') {
  const db = await enrolledDb(label);
  const clock = manualClock();
  const random = seededRandom(11);
  const record = (input: Parameters<typeof recordEntry>[1]) => {
    clock.advance(1000);
    return recordEntry(db, input, clock, random);
  };
  const receipt = await record(receiptInput('2024-03-31', '7', 5));
  const result =
    outcome === 'rejected'
      ? { id: receipt.id, outcome, code: 'date_closed', message: 'ปิดบัญชีถึงวันที่ 31/03/2567 แล้ว', field: 'date' }
      : { id: receipt.id, outcome, message: 'มีรายการรหัสนี้อยู่ในเซิร์ฟเวอร์แล้วแต่เนื้อหาต่างกัน' };
  await applyPushResults(db, [receipt.id], [result], at);
  const stored = (await db.entries.get(receipt.id))!;
  const correct = (input = receiptInput('2024-04-01', '7', 5)) => {
    clock.advance(1000);
    return recordCorrection(db, receipt.id, input, clock, random);
  };
  return { db, receipt: stored, record, correct };
}

async function expectRefused(p: Promise<unknown>, pattern: RegExp): Promise<StoreError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe('refused');
  expect((error as StoreError).messageTh).toMatch(pattern);
  return error as StoreError;
}

async function entryCount(db: SamutDb): Promise<number> {
  return db.entries.count();
}

describe('recordCorrection', () => {
  it('records a new pending entry with a new id, links it, and leaves the refused entry exactly as it was', async () => {
    const { db, receipt, correct } = await refusedReceipt('corr-basic');
    const fixed = await correct();
    expect(fixed.id).not.toBe(receipt.id);
    expect(fixed.state).toBe('pending');
    // Same receipt number: the refused one no longer holds it on this PC.
    expect(fixed.kind === 'receipt' && fixed.doc.receiptNo).toBe(5);
    expect(await db.entries.get(receipt.id)).toEqual(receipt);
    const [item] = await listRefusedEntries(db);
    expect(item?.entry).toEqual(receipt);
    expect(item?.corrections.map((c) => c.id)).toEqual([fixed.id]);
  });

  it('writes nothing, not even the link, when the new entry is refused by the books', async () => {
    const { db, receipt, correct, record } = await refusedReceipt('corr-refused');
    await record(receiptInput('2024-04-02', '7', 6));
    const before = await entryCount(db);
    const error = await expectRefused(correct(receiptInput('2024-04-03', '7', 6)), /เล่มที่ 7 เลขที่ 6 ถูกใช้ไปแล้ว/);
    expect(error.field).toBe('receiptNo');
    expect(await entryCount(db)).toBe(before);
    expect((await listRefusedEntries(db))[0]?.corrections).toEqual([]);
    expect(await db.entries.get(receipt.id)).toEqual(receipt);
  });

  it('is one transaction: when the link cannot be written, the new entry is not stored either', async () => {
    const { db, correct } = await refusedReceipt('corr-atomic');
    const before = await entryCount(db);
    const failLink = (key: string) => {
      if (key.startsWith('correction/')) throw new Error('disk full');
    };
    db.meta.hook('creating', failLink);
    await expect(correct()).rejects.toThrow('disk full');
    db.meta.hook('creating').unsubscribe(failLink);
    expect(await entryCount(db)).toBe(before);
    expect((await listRefusedEntries(db))[0]?.corrections).toEqual([]);
  });

  it('refuses to correct an entry that still counts (pending or posted): that one is cancelled instead', async () => {
    const { db, record } = await refusedReceipt('corr-pending');
    const pending = await record(receiptInput('2024-04-02', '7', 9));
    await expectRefused(recordCorrection(db, pending.id, receiptInput('2024-04-02', '7', 10)), /ไม่ได้ถูกเซิร์ฟเวอร์ปฏิเสธ/);
    await expectRefused(recordCorrection(db, '0190d6a4-0000-7000-8000-00000000ffff', receiptInput('2024-04-02', '7', 10)), /ไม่ได้ถูกเซิร์ฟเวอร์ปฏิเสธ/);
  });

  it('refuses a second correction while the first counts, and allows one when the first was refused too', async () => {
    const { db, receipt, correct } = await refusedReceipt('corr-again');
    const first = await correct();
    await expectRefused(correct(receiptInput('2024-04-01', '7', 8)), /แก้ไขแล้ว/);
    await applyPushResults(db, [first.id], [{ id: first.id, outcome: 'rejected', code: 'date_closed', message: 'ปิดบัญชี' }], at);
    const second = await correct(receiptInput('2024-04-05', '7', 5));
    const items = await listRefusedEntries(db);
    const original = items.find((i) => i.entry.id === receipt.id);
    expect(original?.corrections.map((c) => [c.id, c.state])).toEqual([
      [first.id, 'rejected'],
      [second.id, 'pending'],
    ]);
  });

  it('corrects a conflicting entry the same way', async () => {
    const { db, receipt, correct } = await refusedReceipt('corr-conflict', 'conflict');
    const fixed = await correct();
    const [item] = await listRefusedEntries(db);
    expect(item?.entry.state).toBe('conflict');
    expect(item?.entry.hash).toBe(receipt.hash);
    expect(item?.corrections.map((c) => c.id)).toEqual([fixed.id]);
  });
});

describe('listRefusedEntries', () => {
  it('lists rejected and conflicting entries newest first, with a cancel’s target and who cancels it now', async () => {
    const { db, receipt, record } = await refusedReceipt('list-order');
    const other = await record(receiptInput('2024-05-01', '7', 20));
    const later = await record(receiptInput('2024-06-01', '7', 21));
    const cancel = await record(cancelInput('2024-06-02', other));
    const posted: StoredEntry[] = [other, later];
    await applyPushResults(db, posted.map((e) => e.id), posted.map((e, i) => ({ id: e.id, outcome: 'posted' as const, serverSeq: i + 1 })), at);
    await applyPushResults(db, [cancel.id], [{ id: cancel.id, outcome: 'rejected', code: 'date_closed', message: 'ปิดบัญชี', field: 'date' }], at);
    await applyPushResults(db, [later.id], [{ id: later.id, outcome: 'conflict', message: 'ต่างกัน' }], at); // ignored: posted
    const again = await record(cancelInput('2024-06-03', other));
    const items = await listRefusedEntries(db);
    expect(items.map((i) => i.entry.id)).toEqual([cancel.id, receipt.id]);
    expect(items[0]?.cancelTarget?.id).toBe(other.id);
    expect(items[0]?.targetCancelledBy).toBe(again.id);
    expect(items[0]?.entry.syncField).toBe('date');
  });
});
