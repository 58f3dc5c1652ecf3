import { describe, expect, it } from 'vitest';
import { dailyAccountTotals, foldDailyTotals, totalsOf } from '../../../src/domain/reports/accountTotals';
import { baht, e10, e5, e7, e8, goldenEntries } from './fixtures';

describe('account totals', () => {
  it('count a cancel against its original side: a cancelled receipt adds nothing to cash debits', () => {
    expect(totalsOf([e7, e8]).get('010')).toEqual({ debitSatang: 0, creditSatang: 0 });
    expect(totalsOf([e5, e10]).get('010')).toEqual({ debitSatang: baht(1_200), creditSatang: baht(2_000) });
  });

  it('per day, in date then account order; folded, they are the totals of the days kept', () => {
    const rows = dailyAccountTotals(goldenEntries);
    // 3 October, เงินสด: 1,200 + 800 + 2,000 − 2,000
    expect(rows.find((r) => r.date === '2023-10-03' && r.account === '010')).toEqual({ date: '2023-10-03', account: '010', debitSatang: baht(2_000), creditSatang: 0 });
    expect(rows.filter((r) => r.date === '2023-10-04').map((r) => r.account)).toEqual(['010', '011']);
    expect(foldDailyTotals(rows, { before: '2023-10-04' })).toEqual(totalsOf(goldenEntries.filter((e) => e.date < '2023-10-04')));
    expect(foldDailyTotals(rows, { from: '2023-10-04', to: '2023-10-06' })).toEqual(
      totalsOf(goldenEntries.filter((e) => e.date >= '2023-10-04' && e.date <= '2023-10-06')),
    );
  });
});
