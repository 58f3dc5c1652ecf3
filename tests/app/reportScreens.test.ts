import { describe, expect, it } from 'vitest';
import type { CashBook, GeneralJournal, Ledger, MonthlyReport, ReceiptBookRegister } from '../../src/domain/reports';
import { tableCsv } from '../../src/app/export/exportTable';
import { axisBahtText, barChartLayout, niceMax } from '../../src/app/reports/barChart';
import { cashBookColumns, cashBookTotalRow, counterAccountsText, rowMarkTh } from '../../src/app/reports/CashBookReport';
import { journalLineRows } from '../../src/app/reports/GeneralJournalReport';
import { balanceText, ledgerColumns, ledgerExportRows } from '../../src/app/reports/LedgerReport';
import { monthlyColumns, monthlyPrintRows } from '../../src/app/reports/MonthlyReportScreen';
import { gapText, receiptRegisterExportRows } from '../../src/app/reports/ReceiptRegisterReport';
import { beMonthText, beMonthTitle, firstOfMonth, parseBeMonth, rangeErrorTh } from '../../src/app/reports/reportPeriods';

describe('report periods', () => {
  it('reads a B.E. month as its range and fiscal year', () => {
    expect(parseBeMonth('01/2567')).toEqual({ ok: true, range: { from: '2024-01-01', to: '2024-01-31' }, fiscalYear: 2567, beYear: 2567, month: 1 });
    expect(parseBeMonth(' 2 / 2567 ')).toMatchObject({ ok: true, range: { from: '2024-02-01', to: '2024-02-29' } });
    expect(parseBeMonth('10/2566')).toMatchObject({ ok: true, fiscalYear: 2567 });
  });

  it('refuses a month it cannot read, in Thai', () => {
    expect(parseBeMonth('13/2567')).toEqual({ ok: false, messageTh: 'ไม่มีเดือนที่ 13: เดือนต้องเป็น 01 ถึง 12' });
    // A C.E. year typed by mistake is out of the B.E. range.
    expect(parseBeMonth('01/2024')).toEqual({ ok: false, messageTh: 'ปี พ.ศ. 2024 อยู่นอกช่วงที่ใช้ได้ (2500–2700)' });
    expect(parseBeMonth('มกราคม')).toEqual({ ok: false, messageTh: 'เดือน "มกราคม" ต้องเป็น ดด/ปปปป (พ.ศ.) เช่น 01/2567' });
  });

  it('writes the month back, and its Thai title', () => {
    expect(beMonthText('2024-01-16')).toBe('01/2567');
    expect(beMonthTitle({ month: 1, beYear: 2567 })).toBe('มกราคม พ.ศ. 2567');
    expect(firstOfMonth('2024-01-16')).toBe('2024-01-01');
  });

  it('refuses a range backwards or longer than 400 days', () => {
    expect(rangeErrorTh({ from: '2024-01-01', to: '2024-01-31' })).toBeUndefined();
    expect(rangeErrorTh({ from: '2024-02-01', to: '2024-01-31' })).toBe('วันที่เริ่มต้องไม่หลังวันที่สิ้นสุด');
    expect(rangeErrorTh({ from: '2023-01-01', to: '2024-12-31' })).toMatch(/^ช่วงวันที่ยาวเกินไป \(731 วัน\)/);
  });
});

describe('bar chart geometry', () => {
  it('rounds the scale up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect([niceMax(0), niceMax(7), niceMax(1_234_567), niceMax(2_400), niceMax(5_000)]).toEqual([1, 10, 2_000_000, 2_500, 5_000]);
  });

  it('places one bar per series in each category, heights to scale from the baseline', () => {
    const l = barChartLayout(
      [
        { labelTh: 'งบกลาง', values: [100, 50] },
        { labelTh: 'งบลงทุน', values: [0, -5] },
      ],
      2,
      { width: 272, height: 132, left: 72, bottom: 24 },
    );
    expect(l.plot).toEqual({ left: 72, top: 8, right: 264, bottom: 108 });
    expect(l.bars).toHaveLength(4);
    expect(l.bars[0]).toMatchObject({ height: 100, y: 8, series: 0, category: 0 });
    expect(l.bars[1]).toMatchObject({ height: 50, y: 58, series: 1 });
    expect(l.bars[3]).toMatchObject({ height: 0, value: 0 });
    expect(l.bars[1]!.x).toBeCloseTo(l.bars[0]!.x + l.bars[0]!.width);
    expect(l.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
    expect(l.labels.map((x) => x.show)).toEqual([true, true]);
  });

  it('thins the day labels of a month so they do not crowd', () => {
    const days = Array.from({ length: 31 }, (_, i) => ({ labelTh: String(i + 1), values: [0, 0] }));
    const shown = barChartLayout(days, 2, { width: 400, height: 200 }).labels.filter((l) => l.show);
    expect(shown.length).toBeLessThan(31);
    expect(shown[0]!.labelTh).toBe('1');
  });

  it('labels the axis in baht, millions shortened', () => {
    expect(axisBahtText(250_000)).toBe('2,500');
    expect(axisBahtText(150_000_000)).toBe('1.5 ล้าน');
  });
});

describe('report export tables', () => {
  const book: CashBook = {
    side: 'receipts',
    range: { from: '2024-01-01', to: '2024-01-31' },
    bankAccounts: [{ code: '021', nameTh: 'เงินฝากธนาคาร กรุงไทย' }],
    rows: [
      {
        entryId: 'e1',
        kind: 'receipt',
        date: '2024-01-16',
        documentNo: '1/5',
        party: 'นายสมชาย',
        description: 'ภาษีป้าย',
        counterAccounts: [{ account: '411002', nameTh: 'ภาษีป้าย', amountSatang: 120_000 }],
        cashSatang: 120_000,
        bankSatang: {},
        totalSatang: 120_000,
        cancelled: true,
        reversal: false,
      },
    ],
    totals: { cashSatang: 120_000, bankSatang: { '021': 0 }, totalSatang: 120_000 },
  };

  it('a cash book: one bank column per bank account, B.E. dates, ยกเลิก marked, a total row', () => {
    const csv = tableCsv({ title: 'สมุดเงินสดรับ', columns: cashBookColumns(book), rows: [...book.rows, cashBookTotalRow(book)] });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFวันที่,เลขที่เอกสาร,ผู้ชำระเงิน,รายการ,ประเภทบัญชี,เงินสด,เงินฝากธนาคาร 021 เงินฝากธนาคาร กรุงไทย,รวม',
      '16/01/2567,1/5,นายสมชาย,ภาษีป้าย ยกเลิก,411002 ภาษีป้าย,1200.00,0.00,1200.00',
      ',,,รวม,,1200.00,0.00,1200.00',
    ]);
  });

  it('counter accounts show amounts only when there are several; cancels are marked', () => {
    expect(counterAccountsText({ counterAccounts: [{ account: '411002', nameTh: 'ภาษีป้าย', amountSatang: 100 }, { account: '902', nameTh: 'ภาษีหัก ณ ที่จ่าย', amountSatang: 50 }] })).toBe(
      '411002 ภาษีป้าย 1.00; 902 ภาษีหัก ณ ที่จ่าย 0.50',
    );
    expect([rowMarkTh({ cancelled: false, reversal: true }), rowMarkTh({ cancelled: true, reversal: false }), rowMarkTh({ cancelled: false, reversal: false })]).toEqual(['รายการยกเลิก', 'ยกเลิก', '']);
  });

  it('the general journal: the date, number and description on each entry’s first line only', () => {
    const journal: Pick<GeneralJournal, 'rows'> = {
      rows: [
        {
          entryId: 'j1',
          kind: 'journal',
          date: '2024-01-20',
          voucherNo: 'JV 1/2567',
          description: 'ปรับปรุง',
          lines: [
            { account: '510000', nameTh: 'งบกลาง', debitSatang: 500, creditSatang: 0 },
            { account: '090', nameTh: 'เงินสะสม', debitSatang: 0, creditSatang: 500 },
          ],
          cancelled: false,
          reversal: false,
        },
      ],
    };
    expect(journalLineRows(journal).map((r) => [r.date, r.voucherNo, r.account])).toEqual([
      ['2024-01-20', 'JV 1/2567', '510000'],
      ['', '', '090'],
    ]);
  });

  it('a ledger exports ยกมา first and รวม/ยกไป last; a balance on the other side is in brackets', () => {
    const l: Ledger = {
      account: '010',
      nameTh: 'เงินสด',
      normalSide: 'debit',
      range: { from: '2024-01-01', to: '2024-01-31' },
      broughtForwardSatang: 1_000,
      rows: [],
      debitSatang: 0,
      creditSatang: 0,
      carriedForwardSatang: 1_000,
    };
    const csv = tableCsv({ title: 'x', columns: ledgerColumns, rows: ledgerExportRows(l) }).split('\r\n');
    expect(csv.slice(1)).toEqual(['01/01/2567,,ยอดยกมา,,,10.00', '31/01/2567,,รวม / ยอดยกไป,,,10.00']);
    expect(balanceText(-12_345)).toBe('(123.45)');
  });

  it('the receipt register lists receipts, then missing numbers, then the book’s total', () => {
    const b: ReceiptBookRegister = {
      bookNo: '1',
      rows: [
        { receiptNo: 1, entryId: 'a', date: '2024-01-02', payer: 'ก', amountSatang: 100, cancelled: false },
        { receiptNo: 5, entryId: 'b', date: '2024-01-03', payer: 'ข', amountSatang: 200, cancelled: true },
      ],
      lowestNo: 1,
      highestNo: 5,
      cancelledNos: [5],
      gaps: [{ fromNo: 2, toNo: 4 }],
      duplicateNos: [],
      validCount: 1,
      validTotalSatang: 100,
    };
    expect(gapText({ fromNo: 4, toNo: 4 })).toBe('4');
    expect(receiptRegisterExportRows([b]).map((r) => [r.receiptNo, r.statusTh, r.amountSatang])).toEqual([
      ['1', 'ใช้', 100],
      ['5', 'ยกเลิก', 200],
      ['2–4', 'ขาดเลข (ไม่พบในเครื่องนี้)', undefined],
      ['', '', 100],
    ]);
  });

  it('the monthly report in print order: รายรับ by หมวด with subtotals, นอกงบประมาณ, totals', () => {
    const amounts = { estimateSatang: 1, thisMonthSatang: 2, toDateSatang: 3 };
    const r: MonthlyReport = {
      fiscalYear: 2567,
      month: { from: '2024-01-01', to: '2024-01-31' },
      revenue: [{ heading: { account: '411000', nameTh: 'หมวดภาษีอากร' }, lines: [{ account: '411002', nameTh: 'ภาษีป้าย', ...amounts }], subtotal: amounts }],
      nonBudgetReceipts: [{ account: '902', nameTh: 'ภาษีหัก ณ ที่จ่าย', estimateSatang: 0, thisMonthSatang: 5, toDateSatang: 5 }],
      totalReceipts: amounts,
      expenses: [{ account: '531000', nameTh: 'ค่าตอบแทน', ...amounts }],
      nonBudgetPayments: [],
      totalPayments: amounts,
    };
    const rows = monthlyPrintRows(r);
    expect(rows.map((x) => `${x.style}:${x.labelTh}`)).toEqual([
      'section:รายรับ',
      'heading:หมวดภาษีอากร',
      'line:ภาษีป้าย',
      'subtotal:รวมหมวดภาษีอากร',
      'heading:รายรับนอกงบประมาณ',
      'line:ภาษีหัก ณ ที่จ่าย',
      'total:รวมรายรับ',
      'section:รายจ่าย',
      'line:ค่าตอบแทน',
      'total:รวมรายจ่าย',
    ]);
    // Headings export no amounts.
    expect(tableCsv({ title: 'x', columns: monthlyColumns, rows }).split('\r\n')[1]).toBe(',รายรับ,,,');
  });
});
