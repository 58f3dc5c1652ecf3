import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { totalsOf } from '../../../src/domain/reports/accountTotals';
import { depositRegister } from '../../../src/domain/reports/depositRegister';
import { baht, entriesBefore, firstWeek, goldenEntries } from './fixtures';

const rowsOf = (r: ReturnType<typeof depositRegister>) => r.rows.map((x) => [x.account, x.broughtForwardSatang, x.receivedSatang, x.paidSatang, x.balanceSatang]);

describe('ทะเบียนเงินรับฝาก', () => {
  it('over the first week: the opening balance brought forward, the guarantee in and out, the tax withheld', () => {
    const r = depositRegister(defaultChart, firstWeek, new Map(), goldenEntries);
    expect(rowsOf(r)).toEqual([
      ['901', baht(3_000), baht(500), baht(500), baht(3_000)],
      ['902', 0, baht(100), 0, baht(100)],
    ]);
    expect(r.total).toEqual({ broughtForwardSatang: baht(3_000), receivedSatang: baht(600), paidSatang: baht(500), balanceSatang: baht(3_100) });
  });

  it('from 4 October: brought forward includes the guarantee received on the 3rd', () => {
    const range = { from: '2023-10-04', to: '2023-10-06' };
    const r = depositRegister(defaultChart, range, totalsOf(entriesBefore('2023-10-04')), goldenEntries);
    // 901: 3,000 + 500 = 3,500 brought forward, 500 paid back
    expect(rowsOf(r)).toEqual([
      ['901', baht(3_500), 0, baht(500), baht(3_000)],
      ['902', 0, baht(100), 0, baht(100)],
    ]);
  });
});
