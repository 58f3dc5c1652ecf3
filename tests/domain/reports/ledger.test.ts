import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { totalsOf } from '../../../src/domain/reports/accountTotals';
import { ledger } from '../../../src/domain/reports/ledger';
import { baht, e1, e10, e13, e16, e5, e6, e7, e8, entriesBefore, firstWeek, goldenEntries } from './fixtures';

describe('บัญชีแยกประเภท', () => {
  it('shows เงินสด from the opening balance, the cancelled receipt and its cancel both, with a running balance', () => {
    const cash = ledger('010', defaultChart, firstWeek, undefined, goldenEntries);
    expect(cash.nameTh).toBe('เงินสด');
    expect(cash.rows.map((r) => [r.entryId, r.documentNo, r.debitSatang, r.creditSatang, r.balanceSatang, r.cancelled, r.reversal])).toEqual([
      [e1.id, 'ยกมา 1/2567', baht(5_000), 0, baht(5_000), false, false],
      [e5.id, '1/1', baht(1_200), 0, baht(6_200), false, false],
      [e6.id, '1/2', baht(800), 0, baht(7_000), false, false],
      [e7.id, '1/3', baht(2_000), 0, baht(9_000), true, false],
      [e8.id, '1/3', 0, baht(2_000), baht(7_000), false, true],
      [e10.id, 'PS-01', 0, baht(2_000), baht(5_000), false, false],
      [e13.id, '2/2567', 0, baht(500), baht(4_500), false, false],
      [e16.id, '2/1', baht(700), 0, baht(5_200), false, false],
    ]);
    // Dr 5,000 + 1,200 + 800 + 2,000 + 700 = 9,700; Cr 2,000 + 2,000 + 500 = 4,500; 9,700 − 4,500 = 5,200
    expect([cash.broughtForwardSatang, cash.debitSatang, cash.creditSatang, cash.carriedForwardSatang]).toEqual([0, baht(9_700), baht(4_500), baht(5_200)]);
  });

  it('brings forward the balance before the range', () => {
    const range = { from: '2023-10-04', to: '2023-10-06' };
    const cash = ledger('010', defaultChart, range, totalsOf(entriesBefore('2023-10-04')).get('010'), goldenEntries);
    // before 4 Oct: 5,000 + 1,200 + 800 + 2,000 − 2,000 (the cancel) = 7,000
    expect(cash.broughtForwardSatang).toBe(baht(7_000));
    expect(cash.rows.map((r) => [r.debitSatang, r.creditSatang, r.balanceSatang])).toEqual([
      [0, baht(2_000), baht(5_000)],
      [0, baht(500), baht(4_500)],
      [baht(700), 0, baht(5_200)],
    ]);
    expect(cash.carriedForwardSatang).toBe(baht(5_200));
  });

  it('runs a credit-normal account on the credit side', () => {
    const held = ledger('901', defaultChart, firstWeek, undefined, goldenEntries);
    expect(held.normalSide).toBe('credit');
    expect(held.rows.map((r) => r.balanceSatang)).toEqual([baht(3_000), baht(3_500), baht(3_000)]);
    expect(held.carriedForwardSatang).toBe(baht(3_000));
  });
});
