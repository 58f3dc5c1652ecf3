/**
 * The `budgetLineBalances` cache (version 3): per budget line, Σ of its `budgetEffects` column by
 * column, so the register (ทะเบียนงบประมาณรายจ่าย) reads one row per line instead of every movement
 * of the year. Kept in the same writes as the effects it sums (added with them, subtracted when they
 * are removed), rebuilt with them; a line with no movement left has no row.
 */
import type { Table } from 'dexie';
import { emptyBudgetBalance, type BudgetBalance } from '../domain/budget/budgetLine';
import type { BudgetEffectRow } from './booksCacheRows';

/** One line's register columns. Key `[fiscalYear+lineCode]`. */
export interface BudgetLineBalanceRow {
  fiscalYear: number;
  lineCode: string;
  balance: BudgetBalance;
  /** Movements summed (0 deletes the row). */
  effectCount: number;
}

export type BudgetLineBalancesTable = Table<BudgetLineBalanceRow, [number, string]>;

const keyOf = (fiscalYear: number, lineCode: string) => `${fiscalYear}\u0000${lineCode}`;

/** Per line, the Σ of `effects`. */
export function budgetLineBalancesOf(effects: Iterable<BudgetEffectRow>): Map<string, BudgetLineBalanceRow> {
  const rows = new Map<string, BudgetLineBalanceRow>();
  for (const e of effects) {
    const key = keyOf(e.fiscalYear, e.lineCode);
    let row = rows.get(key);
    if (row === undefined) {
      row = { fiscalYear: e.fiscalYear, lineCode: e.lineCode, balance: { ...emptyBudgetBalance }, effectCount: 0 };
      rows.set(key, row);
    }
    row.balance[e.column] += e.amountSatang;
    row.effectCount += 1;
  }
  return rows;
}

/** Adds (+1) or subtracts (−1) `effects`; call in the transaction that writes or removes them. */
export async function applyBudgetLineBalances(table: BudgetLineBalancesTable, effects: readonly BudgetEffectRow[], sign: 1 | -1): Promise<void> {
  const deltas = [...budgetLineBalancesOf(effects).values()];
  if (deltas.length === 0) return;
  const held = await table.bulkGet(deltas.map((d) => [d.fiscalYear, d.lineCode] as [number, string]));
  const puts: BudgetLineBalanceRow[] = [];
  const deletes: [number, string][] = [];
  deltas.forEach((d, i) => {
    const row = held[i] ?? { fiscalYear: d.fiscalYear, lineCode: d.lineCode, balance: { ...emptyBudgetBalance }, effectCount: 0 };
    const balance = { ...row.balance };
    for (const column of Object.keys(emptyBudgetBalance) as (keyof BudgetBalance)[]) balance[column] += sign * d.balance[column];
    const effectCount = row.effectCount + sign * d.effectCount;
    // Removing movements never added is a bug in the caller: fail the whole transaction.
    if (effectCount < 0) throw new Error(`budgetLineBalances of ${d.fiscalYear}/${d.lineCode}: effectCount would be ${effectCount}`);
    if (effectCount === 0) deletes.push([d.fiscalYear, d.lineCode]);
    else puts.push({ fiscalYear: d.fiscalYear, lineCode: d.lineCode, balance, effectCount });
  });
  if (puts.length > 0) await table.bulkPut(puts);
  if (deletes.length > 0) await table.bulkDelete(deletes);
}
