/**
 * ทะเบียนงบประมาณรายจ่าย (expenditure budget register): one row per budget line with อนุมัติ (the
 * appropriation and งบเพิ่มเติม), โอนเพิ่ม, โอนลด, ผูกพัน, เบิกจ่าย, คงเหลือ; a subtotal per งบ and a grand
 * total. And {@link budgetUsedByGroup}, per งบ the budget against what is used, for a bar chart.
 * The balances come from the store's register (BudgetLineState: the same figures the books rules use).
 */
import type { BudgetLineState } from '../books/booksLookup';
import { remainingSatang, type BudgetBalance, type BudgetLineDef } from '../budget/budgetLine';
import { sumSatang, type Satang } from '../money';
import { compareText } from './accountTotals';

export interface BudgetRegisterColumns {
  /** อนุมัติ: appropriation plus งบเพิ่มเติม */
  approvedSatang: Satang;
  /** โอนเพิ่ม */
  transferInSatang: Satang;
  /** โอนลด */
  transferOutSatang: Satang;
  /** ผูกพัน (still committed) */
  committedSatang: Satang;
  /** เบิกจ่าย */
  spentSatang: Satang;
  /** คงเหลือ = อนุมัติ + โอนเพิ่ม − โอนลด − ผูกพัน − เบิกจ่าย */
  remainingSatang: Satang;
}

export interface BudgetRegisterRow extends BudgetRegisterColumns {
  def: BudgetLineDef;
}

export interface BudgetRegisterGroup {
  /** งบ */
  groupName: string;
  rows: BudgetRegisterRow[];
  subtotal: BudgetRegisterColumns;
}

export interface BudgetRegister {
  groups: BudgetRegisterGroup[];
  total: BudgetRegisterColumns;
}

/** The order งบ are printed in (DOMAIN.md §5.1); any other name follows, alphabetically. */
export const budgetGroupOrder: readonly string[] = ['งบกลาง', 'งบบุคลากร', 'งบดำเนินงาน', 'งบลงทุน', 'งบเงินอุดหนุน', 'งบรายจ่ายอื่น'];

/** The six columns of one line's balance. */
export function budgetColumnsOf(b: BudgetBalance): BudgetRegisterColumns {
  return {
    approvedSatang: b.appropriationSatang + b.supplementarySatang,
    transferInSatang: b.transferInSatang,
    transferOutSatang: b.transferOutSatang,
    committedSatang: b.committedSatang,
    spentSatang: b.spentSatang,
    remainingSatang: remainingSatang(b),
  };
}

/**
 * ทะเบียนงบประมาณรายจ่าย of the lines given (one fiscal year's, as the store lists them).
 * @example budgetRegister(await listBudgetLines(db, 2567)).total.remainingSatang
 */
export function budgetRegister(lines: readonly BudgetLineState[]): BudgetRegister {
  const byGroup = new Map<string, BudgetRegisterRow[]>();
  for (const l of lines) {
    const rows = byGroup.get(l.def.groupName) ?? [];
    rows.push({ def: l.def, ...budgetColumnsOf(l.balance) });
    byGroup.set(l.def.groupName, rows);
  }
  const groups = [...byGroup.keys()].sort(compareGroups).map((groupName) => {
    const rows = byGroup.get(groupName)!.sort((a, b) => compareText(a.def.code, b.def.code));
    return { groupName, rows, subtotal: sumColumns(rows) };
  });
  return { groups, total: sumColumns(groups.map((g) => g.subtotal)) };
}

/** One bar of the chart: a งบ's budget (after transfers) against what is committed and spent. */
export interface BudgetGroupUse {
  groupName: string;
  /** อนุมัติ + โอนเพิ่ม − โอนลด */
  budgetSatang: Satang;
  committedSatang: Satang;
  spentSatang: Satang;
  /** ผูกพัน + เบิกจ่าย */
  usedSatang: Satang;
  remainingSatang: Satang;
}

/** Per งบ: budget against used, in the register's order. */
export function budgetUsedByGroup(lines: readonly BudgetLineState[]): BudgetGroupUse[] {
  return budgetRegister(lines).groups.map(({ groupName, subtotal: s }) => ({
    groupName,
    budgetSatang: s.approvedSatang + s.transferInSatang - s.transferOutSatang,
    committedSatang: s.committedSatang,
    spentSatang: s.spentSatang,
    usedSatang: s.committedSatang + s.spentSatang,
    remainingSatang: s.remainingSatang,
  }));
}

function sumColumns(rows: readonly BudgetRegisterColumns[]): BudgetRegisterColumns {
  const sum = (k: keyof BudgetRegisterColumns) => sumSatang(rows.map((r) => r[k]));
  return {
    approvedSatang: sum('approvedSatang'),
    transferInSatang: sum('transferInSatang'),
    transferOutSatang: sum('transferOutSatang'),
    committedSatang: sum('committedSatang'),
    spentSatang: sum('spentSatang'),
    remainingSatang: sum('remainingSatang'),
  };
}

function compareGroups(a: string, b: string): number {
  const rank = (g: string) => (budgetGroupOrder.includes(g) ? budgetGroupOrder.indexOf(g) : budgetGroupOrder.length);
  return rank(a) - rank(b) || compareText(a, b);
}
