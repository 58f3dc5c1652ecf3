import { describe, expect, it } from 'vitest';
import { listBudgetLines } from '../../src/store/budgetQueries';
import { recordBatchMax, recordEntries, recordEntry } from '../../src/store/recordEntry';
import { StoreError } from '../../src/store/storeError';
import { appropriationInput, cancelInput, commitmentInput, paymentInput, receiptInput, snapshot } from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

describe('recordEntries', () => {
  it('records many entries of every kind in one transaction, with consecutive seqs, each checked against the ones before it', async () => {
    const db = await enrolledDb('batch');
    const stored = await recordEntries(
      db,
      [
        appropriationInput('2023-10-01', 'L1', 10_000_000),
        commitmentInput('2024-02-01', 'L1', 4_000_000),
        paymentInput('2024-03-01', 'L1', 6_000_000),
        receiptInput('2024-03-01', '12', 1),
        receiptInput('2024-03-01', '12', 2),
      ],
      manualClock(),
      seededRandom(),
    );
    expect(stored.map((e) => [e.kind, e.seq])).toEqual([
      ['budget', 1],
      ['budget', 2],
      ['payment', 3],
      ['receipt', 4],
      ['receipt', 5],
    ]);
    expect((await listBudgetLines(db, 2567))[0]!.remainingSatang).toBe(0);
  });

  it('is all or nothing: one refusal writes nothing, and the error says which input and why', async () => {
    const db = await enrolledDb('batch-refused');
    const clock = manualClock();
    const random = seededRandom();
    await recordEntry(db, receiptInput('2024-01-16', '12', 1), clock, random);
    const before = await snapshot(db);
    const attempt = recordEntries(
      db,
      [
        appropriationInput('2023-10-01', 'L1', 1_000_000),
        paymentInput('2024-03-01', 'L1', 600_000),
        paymentInput('2024-03-02', 'L1', 600_000), // only 400,000 left after the one before it
        receiptInput('2024-03-02', '12', 1), // taken as well, but the first refusal is reported
      ],
      clock,
      random,
    );
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toMatchObject({
      code: 'refused',
      index: 2,
      rejectionCode: 'overspend',
      field: 'grossSatang',
      messageTh: expect.stringMatching(/^รายการที่ 3: งบประมาณรายการ L1 คงเหลือไม่พอ/),
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses the second of two receipts with the same number in one batch', async () => {
    const db = await enrolledDb('batch-dup');
    await expect(
      recordEntries(db, [receiptInput('2024-01-16', '12', 9), receiptInput('2024-01-16', '12', 9)], manualClock(), seededRandom()),
    ).rejects.toMatchObject({ index: 1, rejectionCode: 'receipt_number_taken' });
    expect(await db.entries.count()).toBe(0);
  });

  it('reports a malformed input by its index, even after inputs the books would accept', async () => {
    const db = await enrolledDb('batch-invalid');
    await expect(
      recordEntries(db, [receiptInput('2024-01-16', '12', 1), receiptInput('2024-01-16', '12', 2, -5)], manualClock(), seededRandom()),
    ).rejects.toMatchObject({ code: 'invalid-entry', index: 1, field: 'items.0.amountSatang', messageTh: 'รายการที่ 2: จำนวนเงินต้องมากกว่า 0' });
    expect(await db.entries.count()).toBe(0);
  });

  it('refuses the second of two cancels of one entry in one batch', async () => {
    const db = await enrolledDb('batch-cancel');
    const clock = manualClock();
    const random = seededRandom();
    const receipt = await recordEntry(db, receiptInput('2024-01-16', '12', 1), clock, random);
    await expect(
      recordEntries(db, [cancelInput('2024-01-16', receipt), cancelInput('2024-01-17', receipt)], clock, random),
    ).rejects.toMatchObject({ index: 1, rejectionCode: 'cancel_already' });
    expect(await db.cancellations.count()).toBe(0);
  });

  it(`takes 1..${recordBatchMax} inputs`, async () => {
    const db = await enrolledDb('batch-bounds');
    await expect(recordEntries(db, [])).rejects.toBeInstanceOf(RangeError);
    const tooMany = Array.from({ length: recordBatchMax + 1 }, (_, i) => receiptInput('2024-01-16', '12', i + 1));
    await expect(recordEntries(db, tooMany)).rejects.toBeInstanceOf(RangeError);
  });
});
