import { describe, expect, it } from 'vitest';
import { budgetRegister, budgetUsedByGroup } from '../../../src/domain/reports/budgetRegister';
import { baht, budgetLinesOf } from './fixtures';

const columns = (c: { approvedSatang: number; transferInSatang: number; transferOutSatang: number; committedSatang: number; spentSatang: number; remainingSatang: number }) => [
  c.approvedSatang,
  c.transferInSatang,
  c.transferOutSatang,
  c.committedSatang,
  c.spentSatang,
  c.remainingSatang,
];

describe('ทะเบียนงบประมาณรายจ่าย', () => {
  const register = budgetRegister(budgetLinesOf());

  it('gives each line its six columns, grouped by งบ in the order of the budget', () => {
    expect(register.groups.map((g) => [g.groupName, g.rows.map((r) => [r.def.code, ...columns(r)])])).toEqual([
      [
        'งบดำเนินงาน',
        [
          // 40,000 + 5,000 − 10,000 (ฎีกา 1/2567 gross)
          ['MAT-01', baht(40_000), baht(5_000), 0, 0, baht(10_000), baht(35_000)],
          // 100,000 − 5,000 − 3,000
          ['OPS-01', baht(100_000), 0, baht(5_000), 0, baht(3_000), baht(92_000)],
        ],
      ],
      // 60,000 − 25,000 committed
      ['งบลงทุน', [['EQP-01', baht(60_000), 0, 0, baht(25_000), 0, baht(35_000)]]],
    ]);
  });

  it('totals each งบ and the whole', () => {
    expect(register.groups.map((g) => columns(g.subtotal))).toEqual([
      [baht(140_000), baht(5_000), baht(5_000), 0, baht(13_000), baht(127_000)],
      [baht(60_000), 0, 0, baht(25_000), 0, baht(35_000)],
    ]);
    expect(columns(register.total)).toEqual([baht(200_000), baht(5_000), baht(5_000), baht(25_000), baht(13_000), baht(162_000)]);
  });

  it('gives per งบ the budget after transfers against what is used, for the bar chart', () => {
    expect(budgetUsedByGroup(budgetLinesOf())).toEqual([
      { groupName: 'งบดำเนินงาน', budgetSatang: baht(140_000), committedSatang: 0, spentSatang: baht(13_000), usedSatang: baht(13_000), remainingSatang: baht(127_000) },
      { groupName: 'งบลงทุน', budgetSatang: baht(60_000), committedSatang: baht(25_000), spentSatang: 0, usedSatang: baht(25_000), remainingSatang: baht(35_000) },
    ]);
  });
});
