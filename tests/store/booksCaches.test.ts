import { describe, expect, it } from 'vitest';
import { rebuildBooksCaches } from '../../src/store/booksCaches';
import { listBudgetLines } from '../../src/store/budgetQueries';
import type { SamutDb } from '../../src/store/db';
import { isCancelled } from '../../src/store/queries';
import { receiptBookStatus } from '../../src/store/receiptBookStatus';
import { applyPushResults } from '../../src/store/syncQueue';
import {
  appropriationInput,
  cancelInput,
  commitmentInput,
  depositInput,
  lineDef,
  paymentInput,
  receiptInput,
  releaseInput,
  snapshot,
  supplementaryInput,
  transferInput,
} from './entryInputs';
import { recordingBooks } from './fixtures';

const at = '2024-07-08T03:00:00.000Z';

const books = () => recordingBooks('caches');

async function caches(db: SamutDb) {
  const { receiptNumbers, budgetLines, budgetEffects, budgetLineBalances, cancellations, accountDayTotals, accountMonthTotals } = await snapshot(db);
  return { receiptNumbers, budgetLines, budgetEffects, budgetLineBalances, cancellations, accountDayTotals, accountMonthTotals };
}

describe('the books caches when the server rejects an entry', () => {
  it('stop counting its budget effect, in the same transaction that stores the rejection', async () => {
    const { db, record } = await books();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    const payment = await record(paymentInput('2024-03-01', 'L1', 4_000_000));
    expect((await listBudgetLines(db, 2567))[0]!.remainingSatang).toBe(6_000_000);

    await applyPushResults(db, [payment.id], [{ id: payment.id, outcome: 'rejected', code: 'overspend', message: 'งบไม่พอ' }], at);
    expect(await db.entries.get(payment.id)).toMatchObject({ state: 'rejected', hash: payment.hash }); // kept, never deleted
    expect((await listBudgetLines(db, 2567))[0]!.remainingSatang).toBe(10_000_000);
    expect(await db.budgetEffects.where('entryId').equals(payment.id).count()).toBe(0);
  });

  it('free its receipt number, so the officer can record the receipt again correctly', async () => {
    const { db, record } = await books();
    const receipt = await record(receiptInput('2024-01-16', '12', 5));
    await applyPushResults(db, [receipt.id], [{ id: receipt.id, outcome: 'conflict', message: 'รหัสซ้ำแต่เนื้อหาต่างกัน' }], at);
    expect((await receiptBookStatus(db, '12')).usedNos).toEqual([]);
    await expect(record(receiptInput('2024-01-16', '12', 5))).resolves.toMatchObject({ state: 'pending' });
  });

  it('undo its cancellation: the entry it cancelled counts again', async () => {
    const { db, record } = await books();
    const receipt = await record(receiptInput('2024-01-16', '12', 5));
    const cancel = await record(cancelInput('2024-01-16', receipt));
    expect(await isCancelled(db, receipt.id)).toBe(true);
    await applyPushResults(db, [cancel.id], [{ id: cancel.id, outcome: 'rejected', code: 'period_closed', message: 'งวดบัญชีปิดแล้ว' }], at);
    expect(await isCancelled(db, receipt.id)).toBe(false);
  });

  it('stop counting the reversal of a cancel whose target the server rejected', async () => {
    const { db, record } = await books();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    const payment = await record(paymentInput('2024-03-01', 'L1', 4_000_000));
    await record(cancelInput('2024-03-02', payment));
    expect((await listBudgetLines(db, 2567))[0]!.remainingSatang).toBe(10_000_000);
    await applyPushResults(db, [payment.id], [{ id: payment.id, outcome: 'rejected', code: 'x', message: 'ไม่รับ' }], at);
    expect((await listBudgetLines(db, 2567))[0]!.remainingSatang).toBe(10_000_000); // not 14,000,000
    const incremental = await caches(db);
    await rebuildBooksCaches(db);
    expect(await caches(db)).toEqual(incremental);
  });

  it('hand a budget line’s definition to its next definer, or undefine it', async () => {
    const { db, record } = await books();
    const approp = await record(appropriationInput('2023-10-01', 'L1', 1_000_000));
    const renamed = { ...supplementaryInput('2024-03-01', 'L1', 500_000) };
    if (renamed.kind === 'budget' && renamed.doc.action === 'supplementary') renamed.doc = { ...renamed.doc, line: { ...lineDef('L1'), typeName: 'ชื่อใหม่' } };
    const supp = await record(renamed);
    expect((await listBudgetLines(db, 2567))[0]!.def.typeName).toBe(lineDef('L1').typeName); // the first definition wins

    await applyPushResults(db, [approp.id], [{ id: approp.id, outcome: 'rejected', code: 'x', message: 'ไม่รับ' }], at);
    expect(await listBudgetLines(db, 2567)).toEqual([expect.objectContaining({ def: expect.objectContaining({ typeName: 'ชื่อใหม่' }), remainingSatang: 500_000 })]);

    await applyPushResults(db, [supp.id], [{ id: supp.id, outcome: 'rejected', code: 'x', message: 'ไม่รับ' }], at);
    expect(await listBudgetLines(db, 2567)).toEqual([]);
  });

  it('are left alone by a posted answer', async () => {
    const { db, record } = await books();
    const receipt = await record(receiptInput('2024-01-16', '12', 5));
    const before = await caches(db);
    await applyPushResults(db, [receipt.id], [{ id: receipt.id, outcome: 'posted', serverSeq: 1 }], at);
    expect(await caches(db)).toEqual(before);
  });
});

describe('rebuildBooksCaches', () => {
  it('recomputes from the entries exactly the caches written entry by entry (and after rejections)', async () => {
    const { db, record } = await books();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    await record(appropriationInput('2023-10-01', 'L2', 2_000_000));
    await record(supplementaryInput('2024-01-05', 'L2', 300_000));
    await record(transferInput('2024-01-06', 'L1', 'L3', 500_000, true));
    const commitment = await record(commitmentInput('2024-02-01', 'L1', 4_000_000));
    await record(releaseInput('2024-02-02', 'L1', commitment.id, 1_000_000));
    await record(paymentInput('2024-02-03', 'L1', 2_000_000, { commitmentId: commitment.id, releaseSatang: 2_000_000 }));
    const payment = await record(paymentInput('2024-02-04', 'L2', 100_000, { withholdingSatang: 1_000 }));
    await record(cancelInput('2024-02-05', payment));
    const r1 = await record(receiptInput('2024-01-16', '12', 1));
    await record(receiptInput('2024-01-16', '12', 3));
    await record(cancelInput('2024-01-17', r1));
    await record(depositInput('2024-01-17', 50_000));
    const rejected = await record(paymentInput('2024-02-06', 'L3', 100_000));
    await applyPushResults(db, [rejected.id], [{ id: rejected.id, outcome: 'rejected', code: 'x', message: 'ไม่รับ' }], at);

    const incremental = await caches(db);
    expect(incremental.budgetEffects.length).toBeGreaterThan(8);
    expect(incremental.accountDayTotals.length).toBeGreaterThan(8);
    const report = await rebuildBooksCaches(db);
    expect(report).toEqual({ counted: 13, notCounting: 1, unreadable: 0 });
    expect(await caches(db)).toEqual(incremental);
  });
});
