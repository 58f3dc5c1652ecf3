import { allReceiptHolders } from '../../src/store/receiptNumberBooks';
import { describe, expect, it } from 'vitest';
import { checkEntry } from '../../src/domain/entry';
import { listBudgetLines, listCommitments } from '../../src/store/budgetQueries';
import { isCancelled } from '../../src/store/queries';
import { receiptBookStatus } from '../../src/store/receiptBookStatus';
import { recordEntry } from '../../src/store/recordEntry';
import { entryOf } from '../../src/store/storedEntry';
import { StoreError } from '../../src/store/storeError';
import {
  appropriationInput,
  cancelInput,
  commitmentInput,
  depositInput,
  journalInput,
  paymentInput,
  receiptInput,
  releaseInput,
  snapshot,
  supplementaryInput,
  transferInput,
} from './entryInputs';
import { enrolledDb, freshDb, manualClock, seededRandom } from './fixtures';

async function setup() {
  const db = await enrolledDb('record');
  const clock = manualClock();
  const random = seededRandom();
  return { db, record: (input: Parameters<typeof recordEntry>[1]) => recordEntry(db, input, clock, random) };
}

describe('recordEntry, for each kind', () => {
  it('records a receipt as pending, passing the server’s own check, and holds its number in its book', async () => {
    const { db, record } = await setup();
    const stored = await record(receiptInput('2024-01-16', '12', 7));
    expect(stored).toMatchObject({ state: 'pending', kind: 'receipt', seq: 1 });
    expect(checkEntry(entryOf(stored)).outcome).toBe('valid');
    expect(await db.entries.get(stored.id)).toEqual(stored);
    expect(await allReceiptHolders(db.receiptNumberBooks)).toEqual([expect.objectContaining({ bookNo: '12', receiptNo: 7, entryId: stored.id })]);
    expect((await receiptBookStatus(db, '12')).usedNos).toEqual([7]);
  });

  it('records a deposit (Dr bank / Cr cash), which touches no cache', async () => {
    const { db, record } = await setup();
    const stored = await record(depositInput('2024-01-16', 120_000));
    expect(stored.lines).toEqual([
      { account: '011', debitSatang: 120_000, creditSatang: 0 },
      { account: '010', debitSatang: 0, creditSatang: 120_000 },
    ]);
    const s = await snapshot(db);
    expect([s.receiptNumbers, s.budgetLines, s.budgetEffects, s.cancellations]).toEqual([[], [], [], []]);
  });

  it('records an appropriation: it defines the line and sets its อนุมัติ column', async () => {
    const { db, record } = await setup();
    const stored = await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    expect(stored.lines).toEqual([]);
    const [line] = await listBudgetLines(db, 2567);
    expect(line).toMatchObject({ def: { code: 'L1', categoryAccount: '532000' }, remainingSatang: 10_000_000 });
    expect(line!.balance.appropriationSatang).toBe(10_000_000);
  });

  it('records supplementary budget and transfers (to an existing and to a new line)', async () => {
    const { db, record } = await setup();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    await record(appropriationInput('2023-10-01', 'L2', 1_000_000));
    await record(supplementaryInput('2024-03-01', 'L1', 500_000));
    await record(transferInput('2024-04-01', 'L1', 'L2', 2_000_000));
    await record(transferInput('2024-04-02', 'L1', 'L3', 300_000, true));
    const lines = await listBudgetLines(db, 2567);
    expect(lines.map((l) => [l.def.code, l.remainingSatang])).toEqual([
      ['L1', 10_000_000 + 500_000 - 2_000_000 - 300_000],
      ['L2', 3_000_000],
      ['L3', 300_000],
    ]);
    expect(lines[0]!.balance).toMatchObject({ supplementarySatang: 500_000, transferOutSatang: 2_300_000 });
  });

  it('records a commitment, a release, and a payment on it: the register and the open commitments follow', async () => {
    const { db, record } = await setup();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    const commitment = await record(commitmentInput('2024-02-01', 'L1', 4_000_000));
    await record(releaseInput('2024-02-10', 'L1', commitment.id, 500_000));
    const payment = await record(paymentInput('2024-03-01', 'L1', 3_000_000, { commitmentId: commitment.id, releaseSatang: 3_000_000, withholdingSatang: 30_000 }));
    expect(payment.lines).toEqual([
      { account: '532000', debitSatang: 3_000_000, creditSatang: 0 },
      { account: '902', debitSatang: 0, creditSatang: 30_000 },
      { account: '011', debitSatang: 0, creditSatang: 2_970_000 },
    ]);
    const [line] = await listBudgetLines(db, 2567);
    expect(line!.balance).toMatchObject({ committedSatang: 500_000, spentSatang: 3_000_000 });
    expect(line!.remainingSatang).toBe(10_000_000 - 500_000 - 3_000_000);
    expect(await listCommitments(db, 2567)).toEqual([
      expect.objectContaining({ id: commitment.id, line: 'L1', originalSatang: 4_000_000, outstandingSatang: 500_000, payee: 'หจก.ก่อสร้างดี' }),
    ]);
  });

  it('records a journal voucher with the lines as typed', async () => {
    const { record } = await setup();
    const stored = await record(journalInput('2024-06-30', 12_345));
    expect(stored.lines).toEqual([
      { account: '011', debitSatang: 12_345, creditSatang: 0 },
      { account: '413001', debitSatang: 0, creditSatang: 12_345 },
    ]);
  });

  it('records a cancel: the reversed lines, the cancellation, and the target’s budget effects undone', async () => {
    const { db, record } = await setup();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    const payment = await record(paymentInput('2024-03-01', 'L1', 1_000_000));
    const cancel = await record(cancelInput('2024-03-02', payment));
    expect(cancel.lines).toEqual(payment.lines.map((l) => ({ account: l.account, debitSatang: l.creditSatang, creditSatang: l.debitSatang })));
    expect(await isCancelled(db, payment.id)).toBe(true);
    expect(await db.cancellations.toArray()).toEqual([{ targetId: payment.id, cancelId: cancel.id, targetDate: payment.date }]);
    const [line] = await listBudgetLines(db, 2567);
    expect(line!.remainingSatang).toBe(10_000_000);
  });

  it('keeps a cancelled receipt’s number used, and lists it as cancelled', async () => {
    const { db, record } = await setup();
    const r = await record(receiptInput('2024-01-16', '12', 1));
    await record(cancelInput('2024-01-16', r));
    expect(await receiptBookStatus(db, '12')).toMatchObject({ usedNos: [1], cancelledNos: [1], nextNo: 2 });
  });

  it('stores the document as the server will read it (trimmed)', async () => {
    const { record } = await setup();
    const input = receiptInput('2024-01-16', '12', 1);
    const stored = await record({ ...input, recordedBy: ' สมศรี ', doc: { ...(input.doc as object), payer: '  นายสมชาย  ', bookNo: '12 ' } } as typeof input);
    expect(stored.doc).toMatchObject({ payer: 'นายสมชาย', bookNo: '12' });
    expect(stored.recordedBy).toBe('สมศรี');
    expect(checkEntry(entryOf(stored)).outcome).toBe('valid');
  });

  it('refuses to record when the PC is not enrolled, in Thai, and writes nothing', async () => {
    const db = freshDb();
    const attempt = recordEntry(db, receiptInput('2024-01-16', '12', 1), manualClock(), seededRandom());
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toMatchObject({ code: 'not-enrolled', messageTh: expect.stringMatching(/ลงทะเบียน/) });
    expect(await db.entries.count()).toBe(0);
  });
});
