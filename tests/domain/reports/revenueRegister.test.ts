import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { subtractTotals, totalsOf } from '../../../src/domain/reports/accountTotals';
import { revenueRegister } from '../../../src/domain/reports/revenueRegister';
import { baht, e1, estimates, goldenEntries } from './fixtures';

describe('ทะเบียนเงินรายรับ', () => {
  it('for November: estimate, this month, fiscal year to date, and the difference per item', () => {
    const november = goldenEntries.filter((e) => e.date >= '2023-11-01' && e.date <= '2023-11-30');
    const r = revenueRegister({
      chart: defaultChart,
      fiscalYear: 2567,
      estimates,
      monthTotals: totalsOf(november),
      yearToDateTotals: subtractTotals(totalsOf(goldenEntries), totalsOf([e1])),
    });
    expect(r.rows.map((x) => [x.account, x.categoryAccount, x.estimateSatang, x.thisMonthSatang, x.toDateSatang, x.differenceSatang])).toEqual([
      // 1,200 + 2,000 − 2,000 (cancelled) + 500 = 1,700; 1,700 − 10,000 = −8,300
      ['411002', '411000', baht(10_000), baht(500), baht(1_700), baht(-8_300)],
      // recognised by the journal voucher as a receivable
      ['411004', '411000', baht(20_000), 0, baht(4_000), baht(-16_000)],
      ['412001', '412000', baht(5_000), 0, baht(300), baht(-4_700)],
      // no estimate: above it by all of it
      ['413002', '413000', 0, 0, baht(700), baht(700)],
      ['421001', '421000', baht(300_000), 0, baht(30_000), baht(-270_000)],
      ['431001', '431000', baht(500_000), 0, 0, baht(-500_000)],
    ]);
    // estimate 10,000 + 20,000 + 5,000 + 300,000 + 500,000 = 835,000; to date 1,700 + 4,000 + 300 + 700 + 30,000 = 36,700
    expect(r.total).toEqual({ estimateSatang: baht(835_000), thisMonthSatang: baht(500), toDateSatang: baht(36_700), differenceSatang: baht(-798_300) });
  });
});
