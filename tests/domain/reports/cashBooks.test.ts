import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { cashPaymentsBook, cashReceiptsBook } from '../../../src/domain/reports/cashBooks';
import { baht, e10, e12, e13, e16, e17, e5, e6, e7, e8, e9, firstWeek, goldenEntries } from './fixtures';
import { cancelOf, receiptDoc, entryOf } from '../builders';

/** The columns of a row, for a compact table. */
const cols = (r: { entryId: string; documentNo: string; party: string; cashSatang: number; bankSatang: Record<string, number>; cancelled: boolean; reversal: boolean }) => [
  r.entryId,
  r.documentNo,
  r.party,
  r.cashSatang,
  r.bankSatang,
  r.cancelled,
  r.reversal,
];

describe('สมุดเงินสดรับ', () => {
  const book = cashReceiptsBook(goldenEntries, defaultChart, firstWeek);

  it('has a row per entry that debits cash or a bank, in date order, leaving out the opening balances', () => {
    expect(book.rows.map(cols)).toEqual([
      [e5.id, '1/1', 'นายเอก', baht(1_200), {}, false, false],
      [e6.id, '1/2', 'นายโท', baht(800), {}, false, false],
      [e7.id, '1/3', 'นายตรี', baht(2_000), {}, true, false],
      // The cancel sits under its receipt, negative, naming the same เล่ม/เลขที่ and payer.
      [e8.id, '1/3', 'นายตรี', baht(-2_000), {}, false, true],
      [e9.id, '1/5', 'กรมสรรพากร', 0, { '011': baht(30_000) }, false, false],
      // นำฝาก: into the bank (here) and out of cash (payments book).
      [e10.id, 'PS-01', '', 0, { '011': baht(2_000) }, false, false],
      [e16.id, '2/1', 'นายจัตวา', baht(700), {}, false, false],
    ]);
  });

  it('names the accounts credited and what the cancel says', () => {
    expect(book.rows[1]!.counterAccounts).toEqual([
      { account: '412001', nameTh: 'ค่าธรรมเนียมเก็บและขนมูลฝอย', amountSatang: baht(300) },
      { account: '901', nameTh: 'เงินรับฝากอื่น', amountSatang: baht(500) },
    ]);
    expect(book.rows[3]!.counterAccounts).toEqual([{ account: '411002', nameTh: 'ภาษีป้าย', amountSatang: baht(-2_000) }]);
    expect(book.rows[3]!.description).toBe('ยกเลิก ภาษีป้าย: เขียนชื่อผิด');
    expect(book.rows[5]!.counterAccounts).toEqual([{ account: '010', nameTh: 'เงินสด', amountSatang: baht(2_000) }]);
  });

  it('totals each column', () => {
    expect(book.bankAccounts).toEqual([{ code: '011', nameTh: 'เงินฝากธนาคาร – ออมทรัพย์' }]);
    // cash 1,200 + 800 + 2,000 − 2,000 + 700 = 2,700; bank 011 30,000 + 2,000 = 32,000
    expect(book.totals).toEqual({ cashSatang: baht(2_700), bankSatang: { '011': baht(32_000) }, totalSatang: baht(34_700) });
  });

  it('marks a receipt ยกเลิก even when its cancel falls after the range, and names a cancel whose receipt falls before it', () => {
    const receipt = entryOf(receiptDoc('9', 1, baht(100)), '2023-10-10');
    const cancel = cancelOf(receipt, '2023-10-11');
    const cancellations = { cancelledIds: new Set([receipt.id]), targets: new Map([[receipt.id, receipt]]) };
    const day10 = cashReceiptsBook([receipt], defaultChart, { from: '2023-10-10', to: '2023-10-10' }, cancellations);
    expect(day10.rows.map((r) => [r.documentNo, r.cashSatang, r.cancelled])).toEqual([['9/1', baht(100), true]]);
    const day11 = cashReceiptsBook([cancel], defaultChart, { from: '2023-10-11', to: '2023-10-11' }, cancellations);
    expect(day11.rows.map((r) => [r.documentNo, r.party, r.cashSatang, r.reversal])).toEqual([['9/1', 'นายสมชาย ใจดี', baht(-100), true]]);
  });
});

describe('สมุดเงินสดจ่าย', () => {
  const book = cashPaymentsBook(goldenEntries, defaultChart, firstWeek);

  it('has a row per entry that credits cash or a bank, with a column per bank account used', () => {
    expect(book.bankAccounts.map((b) => b.code)).toEqual(['011', '012']);
    expect(book.rows.map(cols)).toEqual([
      [e10.id, 'PS-01', '', baht(2_000), {}, false, false],
      // ฎีกา 1/2567 pays the net: 10,000 − 100 withheld = 9,900.
      [e12.id, '1/2567', 'ร้านวัสดุ', 0, { '011': baht(9_900) }, false, false],
      [e13.id, '2/2567', 'นายโท', baht(500), {}, false, false],
      [e17.id, '3/2567', 'ร้านถ่ายเอกสาร', 0, { '012': baht(3_000) }, false, false],
    ]);
    expect(book.rows[1]!.counterAccounts).toEqual([{ account: '533000', nameTh: 'ค่าวัสดุ', amountSatang: baht(10_000) }]);
  });

  it('totals each column', () => {
    expect(book.totals).toEqual({ cashSatang: baht(2_500), bankSatang: { '011': baht(9_900), '012': baht(3_000) }, totalSatang: baht(15_400) });
  });
});
