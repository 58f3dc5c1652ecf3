import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { totalsOf } from '../../../src/domain/reports/accountTotals';
import { trialBalance } from '../../../src/domain/reports/trialBalance';
import { baht, entriesBefore } from './fixtures';

describe('งบทดลอง', () => {
  it('lists each account with a balance, assets → expenses → liabilities → revenue → equity, and balances', () => {
    const tb = trialBalance(totalsOf(entriesBefore('2023-10-07')), defaultChart, '2023-10-06');
    expect(tb.rows.map((r) => [r.account, r.nameTh, r.debitSatang, r.creditSatang])).toEqual([
      ['0081', 'ลูกหนี้ภาษีโรงเรือนและที่ดิน', baht(4_000), 0],
      // 5,000 + 1,200 + 800 + 2,000 − 2,000 − 2,000 − 500 + 700
      ['010', 'เงินสด', baht(5_200), 0],
      // 200,000 + 30,000 + 2,000 − 9,900
      ['011', 'เงินฝากธนาคาร – ออมทรัพย์', baht(222_100), 0],
      // 50,000 − 3,000
      ['012', 'เงินฝากธนาคาร – กระแสรายวัน', baht(47_000), 0],
      ['532000', 'ค่าใช้สอย', baht(3_000), 0],
      ['533000', 'ค่าวัสดุ', baht(10_000), 0],
      // 3,000 + 500 − 500
      ['901', 'เงินรับฝากอื่น', 0, baht(3_000)],
      ['902', 'ภาษีหัก ณ ที่จ่าย', 0, baht(100)],
      // 1,200 + 2,000 − 2,000 (cancelled)
      ['411002', 'ภาษีป้าย', 0, baht(1_200)],
      ['411004', 'ภาษีโรงเรือนและที่ดิน', 0, baht(4_000)],
      ['412001', 'ค่าธรรมเนียมเก็บและขนมูลฝอย', 0, baht(300)],
      ['413002', 'ค่าเช่าหรือบริการสถานที่', 0, baht(700)],
      ['421001', 'ภาษีมูลค่าเพิ่ม', 0, baht(30_000)],
      ['700', 'เงินสะสม', 0, baht(252_000)],
    ]);
    // Dr 4,000 + 5,200 + 222,100 + 47,000 + 3,000 + 10,000 = 291,300
    // Cr 3,000 + 100 + 1,200 + 4,000 + 300 + 700 + 30,000 + 252,000 = 291,300
    expect([tb.debitSatang, tb.creditSatang]).toEqual([baht(291_300), baht(291_300)]);
  });

  it('shows an overdrawn bank account on the credit side and still balances', () => {
    const totals = new Map([
      ['011', { debitSatang: 100, creditSatang: 300 }],
      ['010', { debitSatang: 200, creditSatang: 0 }],
    ]);
    const tb = trialBalance(totals, defaultChart, '2023-10-06');
    expect(tb.rows.map((r) => [r.account, r.debitSatang, r.creditSatang])).toEqual([
      ['010', 200, 0],
      ['011', 0, 200],
    ]);
  });

  it('refuses totals that do not balance (a corrupt cache)', () => {
    expect(() => trialBalance(new Map([['010', { debitSatang: 1, creditSatang: 0 }]]), defaultChart, '2023-10-06')).toThrow(/out of balance/);
  });
});
