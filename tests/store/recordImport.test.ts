import { describe, expect, it } from 'vitest';
import { rebuildBooksCaches } from '../../src/store/booksCaches';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { recordEntries } from '../../src/store/recordEntry';
import { importEntriesMax, recordImport } from '../../src/store/recordImport';
import { StoreError } from '../../src/store/storeError';
import { appropriationInput, cancelInput, commitmentInput, depositInput, journalInput, paymentInput, receiptInput, snapshot } from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

const lines = ['L1', 'L2', 'L3', 'L4', 'L5'];

/** A day of fiscal year 2567 before "today" (8 Jul 2024): Oct 2023 .. Jun 2024, by `i`. */
function dayOf(i: number): string {
  const months = ['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
  return `${months[i % months.length]}-${String(1 + (i % 28)).padStart(2, '0')}`;
}

/** A paper ledger's worth of every kind: the lines' appropriations first, then receipts, payments, deposits, journals, commitments. */
function mixedInputs(n: number): RecordEntryInput[] {
  const inputs: RecordEntryInput[] = lines.map((code) => appropriationInput('2023-10-01', code, 1_000_000_000));
  for (let i = 0; inputs.length < n; i++) {
    const date = dayOf(i);
    switch (i % 5) {
      case 0:
      case 1:
        inputs.push(receiptInput(date, String(100 + Math.floor(i / 500)), 1 + (i % 500), 10_000 + i));
        break;
      case 2: {
        const p = paymentInput(date, lines[i % lines.length]!, 50_000 + i);
        inputs.push({ ...p, doc: { ...p.doc, voucherNo: `ฎ${i}/2567` } } as RecordEntryInput);
        break;
      }
      case 3:
        inputs.push(i % 2 === 0 ? depositInput(date, 20_000 + i) : journalInput(date, 3_000 + i));
        break;
      default:
        inputs.push(commitmentInput(date, lines[i % lines.length]!, 1_000 + i));
    }
  }
  return inputs;
}

describe('recordImport', () => {
  it('records 2,000 entries of every kind in one call: all pending, consecutive seqs, caches as a rebuild makes them', async () => {
    const db = await enrolledDb('import-mixed');
    const clock = manualClock();
    const random = seededRandom();
    // Two entries recorded before the import, which cancels them: a cancel's target may be anywhere on the PC.
    const [r1, r2] = await recordEntries(db, [receiptInput('2024-01-05', '1', 1), receiptInput('2024-01-06', '1', 2)], clock, random);
    const inputs = [...mixedInputs(1_998), cancelInput('2024-02-01', r1!), cancelInput('2024-02-02', r2!)];

    const stored = await recordImport(db, inputs, clock, random);

    expect(stored).toHaveLength(2_000);
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 2_000 }, (_, i) => 3 + i));
    expect(new Set(stored.map((e) => e.kind))).toEqual(new Set(['budget', 'receipt', 'payment', 'deposit', 'journal', 'cancel']));
    expect(await db.entries.where('[state+date+seq]').between(['pending', ''], ['pending', '\uffff']).count()).toBe(2_002);
    expect((await db.entries.bulkGet(stored.map((e) => e.id))).every((e) => e?.state === 'pending')).toBe(true);
    expect((await db.meta.get('deviceSeq:0190d6a4-0000-7000-8000-0000000000d1'))?.value).toBe(2_002);

    const incremental = await snapshot(db);
    expect(incremental.receiptNumbers).toHaveLength(2 + inputs.filter((x) => x.kind === 'receipt').length);
    expect(incremental.cancellations).toHaveLength(2);
    await rebuildBooksCaches(db);
    expect(await snapshot(db)).toEqual(incremental);
  });

  it('writes nothing when its 1,500th input is refused, and says which input and why', async () => {
    const db = await enrolledDb('import-refused');
    const clock = manualClock();
    const random = seededRandom();
    await recordEntries(db, [receiptInput('2024-01-16', '7', 41)], clock, random);
    const before = await snapshot(db);
    const inputs = mixedInputs(2_000);
    inputs[1_499] = receiptInput('2024-03-01', '7', 41);

    const attempt = recordImport(db, inputs, clock, random);

    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toMatchObject({
      code: 'refused',
      index: 1_499,
      rejectionCode: 'receipt_number_taken',
      field: 'receiptNo',
      messageTh: 'รายการที่ 1500: ใบเสร็จเล่มที่ 7 เลขที่ 41 ถูกใช้ไปแล้ว',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it(`takes 1..${importEntriesMax} inputs`, async () => {
    const db = await enrolledDb('import-cap');
    await expect(recordImport(db, [])).rejects.toBeInstanceOf(RangeError);
    const tooMany = new Array<RecordEntryInput>(importEntriesMax + 1).fill(receiptInput('2024-01-16', '12', 1));
    await expect(recordImport(db, tooMany)).rejects.toBeInstanceOf(RangeError);
    expect(await db.entries.count()).toBe(0);
  });

  it('records 20,000 receipts in one call (time printed, not asserted)', async () => {
    const db = await enrolledDb('import-20k');
    const inputs = Array.from({ length: 20_000 }, (_, i) => receiptInput(dayOf(i), String(1 + Math.floor(i / 1_000)), 1 + (i % 1_000)));
    const started = performance.now();
    const stored = await recordImport(db, inputs, manualClock(), seededRandom());
    const ms = performance.now() - started;
    console.log(`recordImport: 20,000 receipts in ${Math.round(ms)} ms on fake-indexeddb (${((ms * 1000) / 20_000).toFixed(0)} µs each)`);
    expect(stored).toHaveLength(20_000);
    expect(await db.cashBookDays.count()).toBe(new Set(inputs.map((x) => x.date)).size);
  }, 120_000);
});
