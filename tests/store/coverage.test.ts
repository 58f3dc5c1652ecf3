import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { nextDay } from '../../src/domain/reports/period';
import { receiptsVsPaymentsByDay } from '../../src/domain/reports/receiptsVsPaymentsByDay';
import { coverageDaysMax, coverageInRange, getCoverageWindow, setCoverageWindow, type CoverageDay } from '../../src/store/coverage';
import { recordEntries, recordEntry } from '../../src/store/recordEntry';
import { entriesInRange } from '../../src/store/reportQueries';
import { StoreError } from '../../src/store/storeError';
import { applyPushResults } from '../../src/store/syncQueue';
import { appropriationInput, cancelInput, depositInput, journalInput, paymentInput, receiptInput } from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

const at = '2024-07-08T03:00:00.000Z';

const empty = (date: string): CoverageDay => ({ date, pending: 0, posted: 0, rejected: 0, conflict: 0, receivedSatang: 0, paidSatang: 0 });

describe('coverageInRange', () => {
  it('counts each day’s entries per sync state, and the money they received and paid', async () => {
    const db = await enrolledDb('coverage');
    const clock = manualClock();
    const random = seededRandom();
    const [, a, b, deposit, payment, journal, c] = await recordEntries(
      db,
      [
        appropriationInput('2023-10-01', 'L1', 10_000_000), // outside the range
        receiptInput('2024-01-10', '12', 1, 50_000), // cash in
        receiptInput('2024-01-10', '12', 2, 30_000), // cash in, cancelled on the 13th
        depositInput('2024-01-11', 20_000), // cash to bank: neither in nor out
        paymentInput('2024-01-11', 'L1', 200_000, { withholdingSatang: 10_000 }), // 190,000 out of the bank, 10,000 withheld
        journalInput('2024-01-12', 4_000), // interest into the bank: in, but answered `conflict`
        receiptInput('2024-01-12', '12', 3, 7_000), // answered `rejected`
        receiptInput('2024-01-15', '12', 4, 9_000), // outside the range
      ],
      clock,
      random,
    );
    clock.advance(1000);
    await recordEntry(db, cancelInput('2024-01-13', b!), clock, random);
    const settled = [a!, deposit!, journal!, c!];
    await applyPushResults(
      db,
      settled.map((e) => e.id),
      [
        { id: a!.id, outcome: 'posted', serverSeq: 1 },
        { id: deposit!.id, outcome: 'duplicate', serverSeq: 2 },
        { id: journal!.id, outcome: 'conflict', message: 'รหัสซ้ำแต่เนื้อหาต่างกัน' },
        { id: c!.id, outcome: 'rejected', code: 'receipt_number_taken', message: 'เลขที่ใบเสร็จซ้ำ' },
      ],
      at,
    );
    expect(payment!.state).toBe('pending');

    const days = await coverageInRange(db, '2024-01-09', '2024-01-14', defaultChart);

    expect(days).toEqual([
      empty('2024-01-09'),
      { ...empty('2024-01-10'), pending: 1, posted: 1, receivedSatang: 80_000 },
      { ...empty('2024-01-11'), pending: 1, posted: 1, paidSatang: 190_000 },
      { ...empty('2024-01-12'), rejected: 1, conflict: 1 },
      { ...empty('2024-01-13'), pending: 1, receivedSatang: -30_000 },
      empty('2024-01-14'),
    ]);
    // The dashboard's chart, from the entries themselves, counts the same money.
    const range = { from: '2024-01-09', to: '2024-01-14' };
    const flows = receiptsVsPaymentsByDay(await entriesInRange(db, range.from, range.to), defaultChart, range);
    expect(days.map(({ date, receivedSatang, paidSatang }) => ({ date, receivedSatang, paidSatang }))).toEqual(flows);
  });

  it('gives a zero day for every day of an empty range, and nothing when from is after to', async () => {
    const db = await enrolledDb('coverage-empty');
    const days = await coverageInRange(db, '2024-02-27', '2024-03-02', defaultChart);
    expect(days).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'].map(empty));
    expect(await coverageInRange(db, '2024-03-02', '2024-03-01', defaultChart)).toEqual([]);
  });

  it(`covers at most ${coverageDaysMax} days`, async () => {
    const db = await enrolledDb('coverage-max');
    let last = '2022-01-01';
    for (let i = 1; i < coverageDaysMax; i++) last = nextDay(last);
    expect(await coverageInRange(db, '2022-01-01', last, defaultChart)).toHaveLength(coverageDaysMax);
    await expect(coverageInRange(db, '2022-01-01', nextDay(last), defaultChart)).rejects.toBeInstanceOf(RangeError);
    await expect(coverageInRange(db, '2024-02-30', '2024-03-01', defaultChart)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('coverage window', () => {
  it('is stored and read back', async () => {
    const db = await enrolledDb('window');
    expect(await getCoverageWindow(db)).toBeUndefined();
    await setCoverageWindow(db, { from: '2024-01-01', to: '2024-03-31' });
    expect(await getCoverageWindow(db)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    await setCoverageWindow(db, { from: '2024-04-01', to: '2024-04-01' });
    expect(await getCoverageWindow(db)).toEqual({ from: '2024-04-01', to: '2024-04-01' });
  });

  it('refuses a date that does not exist, an end before the start, and more than 800 days, in Thai', async () => {
    const db = await enrolledDb('window-refused');
    await setCoverageWindow(db, { from: '2024-01-01', to: '2024-01-31' });
    await expect(setCoverageWindow(db, { from: '2024-02-30', to: '2024-03-31' })).rejects.toMatchObject({
      code: 'invalid-setup',
      field: 'from',
      messageTh: 'วันที่เริ่มต้นไม่ถูกต้อง (ไม่มีวันที่นี้อยู่จริง)',
    });
    await expect(setCoverageWindow(db, { from: '2024-03-31', to: '2024-03-01' })).rejects.toMatchObject({
      code: 'invalid-setup',
      field: 'to',
      messageTh: 'วันที่สิ้นสุด (01/03/2567) ต้องไม่ก่อนวันที่เริ่มต้น (31/03/2567)',
    });
    const tooLong = setCoverageWindow(db, { from: '2022-01-01', to: '2024-03-31' });
    await expect(tooLong).rejects.toBeInstanceOf(StoreError);
    await expect(tooLong).rejects.toMatchObject({ field: 'to', messageTh: expect.stringMatching(/^ช่วงวันที่ยาวเกินไป: เลือกไว้ 821 วัน แต่กำหนดได้ไม่เกิน 800 วัน/) });
    await expect(setCoverageWindow(db, { from: '2024-01-01', to: '2024-01-31', extra: 1 } as never)).rejects.toMatchObject({ code: 'invalid-setup' });
    expect(await getCoverageWindow(db)).toEqual({ from: '2024-01-01', to: '2024-01-31' });
  });

  it('reads a damaged stored window as none, so the screen asks again', async () => {
    const db = await enrolledDb('window-damaged');
    await db.meta.put({ key: 'coverageWindow', value: { from: '2024-03-31', to: '2024-01-01' } });
    expect(await getCoverageWindow(db)).toBeUndefined();
    await db.meta.put({ key: 'coverageWindow', value: '2024-01-01..2024-03-31' });
    expect(await getCoverageWindow(db)).toBeUndefined();
  });
});
