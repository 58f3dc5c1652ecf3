import { receiptHoldersOf } from '../../src/store/receiptNumberBooks';
import { describe, expect, it } from 'vitest';
import { listBudgetLines, listCommitments } from '../../src/store/budgetQueries';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { receiptBookStatus } from '../../src/store/receiptBookStatus';
import { recordEntry } from '../../src/store/recordEntry';
import { saveReceiptBooks } from '../../src/store/setup';
import { appropriationInput, cancelInput, commitmentInput, paymentInput, receiptInput, releaseInput } from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

async function books() {
  const db = await enrolledDb('books-queries');
  const clock = manualClock();
  const random = seededRandom();
  return { db, record: (input: RecordEntryInput) => recordEntry(db, input, clock, random) };
}

describe('receiptBookStatus', () => {
  it('lists used, cancelled and skipped numbers, and the next number after the highest used', async () => {
    const { db, record } = await books();
    for (const n of [3, 4, 7, 9]) await record(receiptInput('2024-01-16', '12', n));
    const seven = (await receiptHoldersOf(db.receiptNumberBooks, [{ bookNo: '12', receiptNo: 7 }]))[0]!.entryId;
    await record(cancelInput('2024-01-16', (await db.entries.get(seven))!));
    await record(receiptInput('2024-01-16', '13', 1));
    expect(await receiptBookStatus(db, '12')).toEqual({
      bookNo: '12',
      usedNos: [3, 4, 7, 9],
      cancelledNos: [7],
      gaps: [5, 6, 8],
      gapCount: 3,
      nextNo: 10,
      ranges: [],
    });
  });

  it('starts a new book at the first number of this PC’s range, jumps to its next range, and says when they are used up', async () => {
    const { db, record } = await books();
    await saveReceiptBooks(db, [
      { bookNo: '12', firstNo: 101, lastNo: 102 },
      { bookNo: '12', firstNo: 51, lastNo: 51 },
    ]);
    expect((await receiptBookStatus(db, '12')).nextNo).toBe(51);
    await record(receiptInput('2024-01-16', '12', 51));
    expect((await receiptBookStatus(db, '12')).nextNo).toBe(101);
    await record(receiptInput('2024-01-16', '12', 101));
    await record(receiptInput('2024-01-16', '12', 102));
    expect(await receiptBookStatus(db, '12')).toMatchObject({ nextNo: undefined, gapCount: 49 });
  });

  it('starts an unused book without ranges at 1', async () => {
    const { db } = await books();
    expect(await receiptBookStatus(db, '99')).toEqual({ bookNo: '99', usedNos: [], cancelledNos: [], gaps: [], gapCount: 0, nextNo: 1, ranges: [] });
  });
});

describe('listBudgetLines', () => {
  it('lists the lines of one fiscal year, sorted by code, with every column and what remains', async () => {
    const { db, record } = await books();
    await record(appropriationInput('2023-10-01', 'B2', 2_000_000));
    await record(appropriationInput('2023-10-01', 'A1', 1_000_000));
    await record(paymentInput('2024-01-10', 'A1', 250_000));
    const lines = await listBudgetLines(db, 2567);
    expect(lines.map((l) => [l.def.code, l.balance.spentSatang, l.remainingSatang])).toEqual([
      ['A1', 250_000, 750_000],
      ['B2', 0, 2_000_000],
    ]);
    expect(await listBudgetLines(db, 2568)).toEqual([]);
  });
});

describe('listCommitments', () => {
  it('lists open commitments with what is still committed, and leaves out those used up or cancelled', async () => {
    const { db, record } = await books();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    await record(appropriationInput('2023-10-01', 'L2', 10_000_000));
    const open = await record(commitmentInput('2024-02-01', 'L1', 3_000_000));
    const usedUp = await record(commitmentInput('2024-02-02', 'L1', 1_000_000));
    const cancelled = await record(commitmentInput('2024-02-03', 'L1', 500_000));
    const other = await record(commitmentInput('2024-02-04', 'L2', 700_000));
    await record(paymentInput('2024-03-01', 'L1', 1_200_000, { commitmentId: open.id, releaseSatang: 1_200_000 }));
    await record(releaseInput('2024-03-02', 'L1', usedUp.id, 1_000_000));
    await record(cancelInput('2024-03-03', cancelled));

    expect((await listCommitments(db, 2567)).map((c) => [c.id, c.outstandingSatang])).toEqual([
      [open.id, 1_800_000],
      [other.id, 700_000],
    ]);
    expect(await listCommitments(db, 2567, 'L1')).toEqual([
      { id: open.id, fiscalYear: 2567, line: 'L1', date: '2024-02-01', payee: 'หจก.ก่อสร้างดี', reference: 'สัญญาจ้าง 5/2567', originalSatang: 3_000_000, outstandingSatang: 1_800_000 },
    ]);
  });
});
