import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { generalJournal } from '../../../src/domain/reports/generalJournal';
import { baht, e1, e14, firstWeek, goldenEntries } from './fixtures';

describe('สมุดรายวันทั่วไป', () => {
  const book = generalJournal(goldenEntries, defaultChart, firstWeek);

  it('holds the journal vouchers that touch no cash or bank, and the opening balances', () => {
    expect(book.rows.map((r) => [r.entryId, r.date, r.voucherNo, r.description])).toEqual([
      [e1.id, '2023-10-01', 'ยกมา 1/2567', 'ยอดยกมาต้นปีงบประมาณ 2567'],
      [e14.id, '2023-10-05', '1/2567', 'ตั้งลูกหนี้ภาษีโรงเรือนและที่ดิน'],
    ]);
    expect(book.rows[1]!.lines).toEqual([
      { account: '0081', nameTh: 'ลูกหนี้ภาษีโรงเรือนและที่ดิน', debitSatang: baht(4_000), creditSatang: 0 },
      { account: '411004', nameTh: 'ภาษีโรงเรือนและที่ดิน', debitSatang: 0, creditSatang: baht(4_000) },
    ]);
  });

  it('totals equal debits and credits', () => {
    // opening 5,000 + 200,000 + 50,000 = 255,000; plus the voucher's 4,000 = 259,000
    expect([book.debitSatang, book.creditSatang]).toEqual([baht(259_000), baht(259_000)]);
  });
});
