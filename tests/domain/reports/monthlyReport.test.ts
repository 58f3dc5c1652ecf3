import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { subtractTotals, totalsOf } from '../../../src/domain/reports/accountTotals';
import { monthlyReport } from '../../../src/domain/reports/monthlyReport';
import { monthRange } from '../../../src/domain/reports/period';
import { receiptsVsPaymentsByDay } from '../../../src/domain/reports/receiptsVsPaymentsByDay';
import { baht, budgetLinesOf, e1, estimates, firstWeek, goldenEntries } from './fixtures';

const amounts = (l: { estimateSatang: number; thisMonthSatang: number; toDateSatang: number }) => [l.estimateSatang, l.thisMonthSatang, l.toDateSatang];

describe('รายงานรับ-จ่ายเงิน', () => {
  const month = monthRange(2023, 11);
  const report = monthlyReport({
    chart: defaultChart,
    fiscalYear: 2567,
    month,
    revenueEstimates: estimates,
    budgetLines: budgetLinesOf(),
    monthTotals: totalsOf(goldenEntries.filter((e) => e.date >= month.from && e.date <= month.to)),
    yearToDateTotals: subtractTotals(totalsOf(goldenEntries), totalsOf([e1])),
  });

  it('lists revenue by หมวด, then money held for others received', () => {
    expect(report.revenue.map((s) => [s.heading?.account, s.lines.map((l) => [l.account, ...amounts(l)]), amounts(s.subtotal)])).toEqual([
      [
        '411000',
        [
          ['411002', baht(10_000), baht(500), baht(1_700)],
          ['411004', baht(20_000), 0, baht(4_000)],
        ],
        [baht(30_000), baht(500), baht(5_700)],
      ],
      ['412000', [['412001', baht(5_000), 0, baht(300)]], [baht(5_000), 0, baht(300)]],
      ['413000', [['413002', 0, 0, baht(700)]], [0, 0, baht(700)]],
      ['421000', [['421001', baht(300_000), 0, baht(30_000)]], [baht(300_000), 0, baht(30_000)]],
      ['431000', [['431001', baht(500_000), 0, 0]], [baht(500_000), 0, 0]],
    ]);
    // The guarantee received (the opening balance of 901 is no receipt) and the tax withheld from ฎีกา 1/2567.
    expect(report.nonBudgetReceipts.map((l) => [l.account, ...amounts(l)])).toEqual([
      ['901', 0, 0, baht(500)],
      ['902', 0, 0, baht(100)],
    ]);
    // to date 5,700 + 300 + 700 + 30,000 + 0 + 500 + 100 = 37,300
    expect(amounts(report.totalReceipts)).toEqual([baht(835_000), baht(500), baht(37_300)]);
  });

  it('lists expenses by หมวด against the appropriation after transfers, then money held for others paid', () => {
    expect(report.expenses.map((l) => [l.account, ...amounts(l)])).toEqual([
      // OPS-01 100,000 − 5,000 transferred out
      ['532000', baht(95_000), 0, baht(3_000)],
      // MAT-01 40,000 + 5,000 transferred in; paid gross 10,000
      ['533000', baht(45_000), 0, baht(10_000)],
      ['541000', baht(60_000), 0, 0],
    ]);
    expect(report.nonBudgetPayments.map((l) => [l.account, ...amounts(l)])).toEqual([['901', 0, 0, baht(500)]]);
    // 3,000 + 10,000 + 500
    expect(amounts(report.totalPayments)).toEqual([baht(200_000), 0, baht(13_500)]);
  });
});

describe('receipts against payments per day', () => {
  it('has a point per day; moves between cash and bank and the opening balances are neither', () => {
    expect(receiptsVsPaymentsByDay(goldenEntries, defaultChart, firstWeek)).toEqual([
      { date: '2023-10-01', receivedSatang: 0, paidSatang: 0 },
      { date: '2023-10-02', receivedSatang: 0, paidSatang: 0 },
      // 1,200 + 800 + 2,000 − 2,000 + 30,000
      { date: '2023-10-03', receivedSatang: baht(32_000), paidSatang: 0 },
      { date: '2023-10-04', receivedSatang: 0, paidSatang: 0 },
      // 9,900 + 500
      { date: '2023-10-05', receivedSatang: 0, paidSatang: baht(10_400) },
      { date: '2023-10-06', receivedSatang: baht(700), paidSatang: baht(3_000) },
    ]);
  });

  it('refuses a range longer than a chart can show', () => {
    expect(() => receiptsVsPaymentsByDay([], defaultChart, { from: '2020-01-01', to: '2024-01-01' })).toThrow(RangeError);
  });
});
