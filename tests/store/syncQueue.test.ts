import { describe, expect, it } from 'vitest';
import { recordReceipts } from '../../src/store/recordReceipt';
import { isCancelled } from '../../src/store/queries';
import { recordEntry } from '../../src/store/recordEntry';
import { applyPushResults, readPendingBatch } from '../../src/store/syncQueue';
import { cancelInput } from './entryInputs';
import { enrolledDb, manualClock, receiptOn, seededRandom } from './fixtures';

async function threePending() {
  const db = await enrolledDb('queue');
  const [a, b, c] = await recordReceipts(
    db,
    [receiptOn('2024-01-16', 1), receiptOn('2024-01-17', 2), receiptOn('2024-01-18', 3)],
    manualClock(),
    seededRandom(),
  );
  return { db, a: a!, b: b!, c: c! };
}

const at = '2024-07-08T03:00:00.000Z';

describe('applyPushResults', () => {
  it('stores each answer on its entry and never touches the content or hash', async () => {
    const { db, a, b, c } = await threePending();
    const applied = await applyPushResults(
      db,
      [a.id, b.id, c.id],
      [
        { id: a.id, outcome: 'posted', serverSeq: 41 },
        { id: b.id, outcome: 'rejected', code: 'period_closed', message: 'งวดบัญชีปิดแล้ว' },
        { id: c.id, outcome: 'conflict', message: 'รหัสซ้ำแต่เนื้อหาต่างกัน' },
      ],
      at,
    );
    expect(applied).toEqual({ posted: 1, rejected: 1, conflicts: 1, ignored: 0, resentOriginals: 0 });
    expect(await db.entries.get(a.id)).toEqual({ ...a, state: 'posted', serverSeq: 41, syncedAt: at });
    expect(await db.entries.get(b.id)).toEqual({ ...b, state: 'rejected', syncCode: 'period_closed', syncMessage: 'งวดบัญชีปิดแล้ว', syncedAt: at });
    expect(await db.entries.get(c.id)).toEqual({ ...c, state: 'conflict', syncMessage: 'รหัสซ้ำแต่เนื้อหาต่างกัน', syncedAt: at });
  });

  it('keeps the field a rejection names with it; a rejection naming none stores none, and the rows read as before', async () => {
    const { db, a, b } = await threePending();
    await applyPushResults(
      db,
      [a.id, b.id],
      [
        { id: a.id, outcome: 'rejected', code: 'receipt_number_taken', message: 'ใบเสร็จเล่มที่ 1 เลขที่ 1 ถูกใช้ไปแล้ว', field: 'receiptNo' },
        { id: b.id, outcome: 'rejected', code: 'wrong_device', message: 'รายการนี้บันทึกจากเครื่องอื่น' },
      ],
      at,
    );
    const rowA = await db.entries.get(a.id);
    expect(rowA).toEqual({ ...a, state: 'rejected', syncCode: 'receipt_number_taken', syncMessage: 'ใบเสร็จเล่มที่ 1 เลขที่ 1 ถูกใช้ไปแล้ว', syncField: 'receiptNo', syncedAt: at });
    expect(await db.entries.get(b.id)).not.toHaveProperty('syncField');
    expect(rowA?.hash).toBe(a.hash);
  });

  it('reads cancel_unknown for an original this PC holds as posted as the server\'s loss: the original is queued again, the cancel stays pending and keeps counting', async () => {
    const { db, a } = await threePending();
    await applyPushResults(db, [a.id], [{ id: a.id, outcome: 'posted', serverSeq: 41 }], at);
    const cancel = await recordEntry(db, cancelInput('2024-01-20', a), manualClock(Date.UTC(2024, 6, 9)), seededRandom(7));
    expect(await isCancelled(db, a.id)).toBe(true);
    const applied = await applyPushResults(
      db,
      [cancel.id],
      [{ id: cancel.id, outcome: 'rejected', code: 'cancel_unknown', message: 'ไม่พบรายการที่ต้องการยกเลิก' }],
      at,
    );
    expect(applied).toEqual({ posted: 0, rejected: 0, conflicts: 0, ignored: 0, resentOriginals: 1 });
    expect(await db.entries.get(a.id)).toEqual({ ...a, state: 'pending' });
    expect((await db.entries.get(cancel.id))?.state).toBe('pending');
    expect(await isCancelled(db, a.id)).toBe(true);
    // The original goes first (its date is earlier), then the cancel.
    expect((await readPendingBatch(db, 10)).map((e) => e.id).slice(0, 1)).toEqual([a.id]);
  });

  it('keeps a cancel waiting when its original is still pending here (not sent yet), and stores the rejection once the original no longer counts', async () => {
    const { db, a } = await threePending();
    const cancel = await recordEntry(db, cancelInput('2024-01-20', a), manualClock(Date.UTC(2024, 6, 9)), seededRandom(7));
    const unknown = { id: cancel.id, outcome: 'rejected' as const, code: 'cancel_unknown', message: 'ไม่พบ' };
    expect(await applyPushResults(db, [cancel.id], [unknown], at)).toMatchObject({ rejected: 0, resentOriginals: 1 });
    expect((await db.entries.get(cancel.id))?.state).toBe('pending');
    expect((await db.entries.get(a.id))?.state).toBe('pending');
    // The server refuses the original itself: then the cancel has nothing to cancel there either.
    await applyPushResults(db, [a.id], [{ id: a.id, outcome: 'rejected', code: 'period_closed', message: 'งวดบัญชีปิดแล้ว' }], at);
    expect(await applyPushResults(db, [cancel.id], [unknown], at)).toMatchObject({ rejected: 1, resentOriginals: 0 });
    expect((await db.entries.get(cancel.id))?.state).toBe('rejected');
  });

  it('counts duplicate as posted', async () => {
    const { db, a } = await threePending();
    expect(await applyPushResults(db, [a.id], [{ id: a.id, outcome: 'duplicate', serverSeq: 7 }], at)).toMatchObject({ posted: 1 });
    expect(await db.entries.get(a.id)).toMatchObject({ state: 'posted', serverSeq: 7 });
  });

  it('ignores an answer for an id that was not in the batch', async () => {
    const { db, a, b } = await threePending();
    const applied = await applyPushResults(db, [a.id], [{ id: b.id, outcome: 'posted', serverSeq: 1 }], at);
    expect(applied).toEqual({ posted: 0, rejected: 0, conflicts: 0, ignored: 1, resentOriginals: 0 });
    expect((await readPendingBatch(db, 10)).map((e) => e.id)).toContain(b.id);
  });

  it('changes only rows that are still pending, and an id answered twice only once', async () => {
    const { db, a, b } = await threePending();
    await applyPushResults(db, [a.id], [{ id: a.id, outcome: 'rejected', code: 'x', message: 'ไม่รับ' }], at);
    const applied = await applyPushResults(
      db,
      [a.id, b.id],
      [
        { id: a.id, outcome: 'posted', serverSeq: 5 },
        { id: b.id, outcome: 'posted', serverSeq: 6 },
        { id: b.id, outcome: 'conflict', message: 'ซ้ำ' },
      ],
      at,
    );
    expect(applied).toEqual({ posted: 1, rejected: 0, conflicts: 0, ignored: 2, resentOriginals: 0 });
    expect(await db.entries.get(a.id)).toMatchObject({ state: 'rejected' });
    expect(await db.entries.get(b.id)).toMatchObject({ state: 'posted', serverSeq: 6 });
  });
});
