import { describe, expect, it } from 'vitest';
import { recordReceipts } from '../../src/store/recordReceipt';
import { applyPushResults, readPendingBatch } from '../../src/store/syncQueue';
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
    expect(applied).toEqual({ posted: 1, rejected: 1, conflicts: 1, ignored: 0 });
    expect(await db.entries.get(a.id)).toEqual({ ...a, state: 'posted', serverSeq: 41, syncedAt: at });
    expect(await db.entries.get(b.id)).toEqual({ ...b, state: 'rejected', syncCode: 'period_closed', syncMessage: 'งวดบัญชีปิดแล้ว', syncedAt: at });
    expect(await db.entries.get(c.id)).toEqual({ ...c, state: 'conflict', syncMessage: 'รหัสซ้ำแต่เนื้อหาต่างกัน', syncedAt: at });
  });

  it('counts duplicate as posted', async () => {
    const { db, a } = await threePending();
    expect(await applyPushResults(db, [a.id], [{ id: a.id, outcome: 'duplicate', serverSeq: 7 }], at)).toMatchObject({ posted: 1 });
    expect(await db.entries.get(a.id)).toMatchObject({ state: 'posted', serverSeq: 7 });
  });

  it('ignores an answer for an id that was not in the batch', async () => {
    const { db, a, b } = await threePending();
    const applied = await applyPushResults(db, [a.id], [{ id: b.id, outcome: 'posted', serverSeq: 1 }], at);
    expect(applied).toEqual({ posted: 0, rejected: 0, conflicts: 0, ignored: 1 });
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
    expect(applied).toEqual({ posted: 1, rejected: 0, conflicts: 0, ignored: 2 });
    expect(await db.entries.get(a.id)).toMatchObject({ state: 'rejected' });
    expect(await db.entries.get(b.id)).toMatchObject({ state: 'posted', serverSeq: 6 });
  });
});
