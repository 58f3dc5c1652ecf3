/**
 * Reads of the budget register for the screens (ทะเบียนงบประมาณรายจ่าย, ทะเบียนเงินผูกพัน), from the
 * books caches. What they show counts every pending and posted entry on this PC.
 */
import type { BudgetBalance, BudgetLineDef } from '../domain/budget/budgetLine';
import { emptyBudgetBalance, remainingSatang } from '../domain/budget/budgetLine';
import type { Satang } from '../domain/money';
import type { IsoDate } from '../domain/thaiDate';
import type { BudgetEffectRow } from './booksCacheRows';
import type { SamutDb } from './db';
import { countsInBooks } from './storedEntry';

/** Lines one fiscal year may hold (an อบต.'s ข้อบัญญัติ has hundreds). */
export const budgetLinesPerYearMax = 10_000;
/** Register movements read for one fiscal year; far above any office's year. */
export const budgetEffectsPerYearMax = 1_000_000;

/** One line of the register: its definition, its columns, and what remains (คงเหลือ). */
export interface BudgetLineView {
  def: BudgetLineDef;
  balance: BudgetBalance;
  remainingSatang: Satang;
}

/** One commitment (ผูกพัน/กันเงิน) still open. */
export interface CommitmentView {
  /** The id of the ผูกพัน entry: what a payment or a release names. */
  id: string;
  fiscalYear: number;
  line: string;
  date: IsoDate;
  payee: string;
  reference: string;
  originalSatang: Satang;
  /** Still committed: original less releases and payments against it. */
  outstandingSatang: Satang;
}

/**
 * Every budget line of a fiscal year with its register columns and คงเหลือ, sorted by code.
 * @example const lines = await listBudgetLines(db, 2567); // [{ def, balance, remainingSatang }, …]
 */
export async function listBudgetLines(db: SamutDb, fiscalYear: number): Promise<BudgetLineView[]> {
  return db.transaction('r', db.budgetLines, db.budgetLineBalances, async () => {
    // One row per line for its columns (budgetLineBalances), not every movement of the year.
    const [defs, sums] = await Promise.all([
      db.budgetLines.where('[fiscalYear+code]').between([fiscalYear, ''], [fiscalYear, '\uffff']).limit(budgetLinesPerYearMax).toArray(),
      db.budgetLineBalances.where('[fiscalYear+lineCode]').between([fiscalYear, ''], [fiscalYear, '\uffff']).limit(budgetLinesPerYearMax).toArray(),
    ]);
    const byLine = new Map(sums.map((s) => [s.lineCode, s.balance] as const));
    return defs
      .map((row) => {
        const balance = { ...emptyBudgetBalance, ...byLine.get(row.code) };
        return { def: row.def, balance, remainingSatang: remainingSatang(balance) };
      })
      .sort((a, b) => (a.def.code < b.def.code ? -1 : a.def.code > b.def.code ? 1 : 0));
  });
}

/**
 * Open commitments of a fiscal year (of one line, if given): outstanding above zero, by date.
 * @example const open = await listCommitments(db, 2567, '00111-532000-01');
 */
export async function listCommitments(db: SamutDb, fiscalYear: number, lineCode?: string): Promise<CommitmentView[]> {
  return db.transaction('r', db.budgetEffects, db.entries, async () => {
    const effects =
      lineCode === undefined
        ? await effectsOfYear(db, fiscalYear)
        : await db.budgetEffects.where('[fiscalYear+lineCode]').equals([fiscalYear, lineCode]).limit(budgetEffectsPerYearMax).toArray();
    const committed = groupBy(
      effects.filter((e) => e.column === 'committedSatang' && e.commitmentId !== undefined),
      (e) => e.commitmentId!,
    );
    const ids = [...committed.keys()];
    const rows = await db.entries.bulkGet(ids);
    const open: CommitmentView[] = [];
    rows.forEach((row, i) => {
      if (!row || !countsInBooks(row.state) || row.kind !== 'budget' || row.doc.action !== 'commitment') return;
      const outstandingSatang = (committed.get(ids[i]!) ?? []).reduce((sum, e) => sum + e.amountSatang, 0);
      if (outstandingSatang <= 0) return;
      const d = row.doc;
      open.push({ id: row.id, fiscalYear: d.fiscalYear, line: d.line, date: row.date, payee: d.payee, reference: d.reference, originalSatang: d.amountSatang, outstandingSatang });
    });
    return open.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1));
  });
}

async function effectsOfYear(db: SamutDb, fiscalYear: number): Promise<BudgetEffectRow[]> {
  const rows = await db.budgetEffects
    .where('[fiscalYear+lineCode]')
    .between([fiscalYear, ''], [fiscalYear, '\uffff'])
    .limit(budgetEffectsPerYearMax + 1)
    .toArray();
  // A cut sum would be a wrong balance shown as right: refuse instead.
  if (rows.length > budgetEffectsPerYearMax) throw new RangeError(`more than ${budgetEffectsPerYearMax} budget movements in fiscal year ${fiscalYear}`);
  return rows;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
