/**
 * Loads from IndexedDB the slice of the books an entry's rules read (src/domain/books/booksKeys.ts),
 * in a few indexed queries, for the domain's InMemoryBooks. Call it inside the transaction that will
 * write, so nothing can change between the check and the write.
 */
import type { BooksKeys } from '../domain/books/booksKeys';
import type { BudgetLineState, CommitmentState, EntryRecord } from '../domain/books/booksLookup';
import type { BooksSlice } from '../domain/books/inMemoryBooks';
import { applyBudgetEffects, emptyBudgetBalance, type BudgetEffect } from '../domain/budget/budgetLine';
import type { Chart } from '../domain/chart/chart';
import type { MoneyRules } from '../domain/moneyRules';
import type { IsoDate } from '../domain/thaiDate';
import type { BudgetEffectRow } from './booksCacheRows';
import { booksTablesOf, type BooksTables, type TableSource } from './booksCaches';
import { receiptHoldersOf } from './receiptNumberBooks';
import { countsInBooks, entryOf } from './storedEntry';

/**
 * The slice for `keys`: receipt holders, budget lines (definition + Σ effects by column), commitments
 * (original amount + what is still committed) and counting entries with the cancel that reversed them.
 * @example new InMemoryBooks(await loadBooksSlice(db, booksKeysOf(entry), setup, '2024-07-08'))
 */
export async function loadBooksSlice(
  src: TableSource,
  keys: BooksKeys,
  setup: { chart: Chart; rules: MoneyRules },
  todayIso: IsoDate,
): Promise<BooksSlice> {
  const t = booksTablesOf(src);
  const [receiptHolders, budgetLines, commitments, entries] = await Promise.all([
    loadReceiptHolders(t, keys.receiptNumbers),
    loadBudgetLines(t, keys.budgetLines),
    loadCommitments(t, keys.commitmentIds),
    loadEntryRecords(t, keys.entryIds),
  ]);
  return { chart: setup.chart, rules: setup.rules, todayIso, receiptHolders, budgetLines, commitments, entries };
}

async function loadReceiptHolders(t: BooksTables, keys: BooksKeys['receiptNumbers']) {
  const rows = await receiptHoldersOf(t.receiptNumberBooks, keys);
  return rows.map((r) => ({ bookNo: r.bookNo, receiptNo: r.receiptNo, entryId: r.entryId }));
}

/** A line exists once defined; its balance is the sum of its effects, column by column. */
export async function loadBudgetLines(t: BooksTables, keys: BooksKeys['budgetLines']): Promise<BudgetLineState[]> {
  if (keys.length === 0) return [];
  const pairs = keys.map((k) => [k.fiscalYear, k.code] as [number, string]);
  const [defs, effects] = await Promise.all([
    t.budgetLines.bulkGet(pairs),
    t.budgetEffects.where('[fiscalYear+lineCode]').anyOf(pairs).toArray(),
  ]);
  // Grouped once: folding every line's effects for each line would be lines × effects.
  const effectsByLine = groupBy(effects, (e) => lineKey(e.fiscalYear, e.lineCode));
  return defs.flatMap((row) => (row ? [{ def: row.def, balance: balanceOf(effectsByLine.get(lineKey(row.fiscalYear, row.code)) ?? [], row.fiscalYear, row.code) }] : []));
}

const lineKey = (fiscalYear: number, code: string) => `${fiscalYear}\u0000${code}`;

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** The register columns of one line: Σ its effects, column by column. */
export function balanceOf(effects: readonly BudgetEffectRow[], fiscalYear: number, code: string) {
  return applyBudgetEffects({ ...emptyBudgetBalance }, effects.map(effectOf), { fiscalYear, code });
}

function effectOf(row: BudgetEffectRow): BudgetEffect {
  const e: BudgetEffect = { fiscalYear: row.fiscalYear, lineCode: row.lineCode, column: row.column, amountSatang: row.amountSatang };
  if (row.commitmentId !== undefined) e.commitmentId = row.commitmentId;
  return e;
}

/**
 * A commitment exists while its ผูกพัน entry counts. Outstanding = Σ the committed movements that name
 * it: its own (+original), releases and payments against it (−), and cancels of any of these.
 */
export async function loadCommitments(t: BooksTables, ids: readonly string[]): Promise<CommitmentState[]> {
  if (ids.length === 0) return [];
  const [rows, effects] = await Promise.all([t.entries.bulkGet([...ids]), t.budgetEffects.where('commitmentId').anyOf([...ids]).toArray()]);
  // Summed once per commitment: filtering every effect for each commitment would be commitments × effects.
  const committedById = new Map<string, number>();
  for (const e of effects) {
    if (e.commitmentId !== undefined && e.column === 'committedSatang') committedById.set(e.commitmentId, (committedById.get(e.commitmentId) ?? 0) + e.amountSatang);
  }
  return rows.flatMap((row) => {
    if (!row || !countsInBooks(row.state) || row.kind !== 'budget' || row.doc.action !== 'commitment') return [];
    const outstandingSatang = committedById.get(row.id) ?? 0;
    return [{ id: row.id, fiscalYear: row.doc.fiscalYear, line: row.doc.line, originalSatang: row.doc.amountSatang, outstandingSatang }];
  });
}

/** Counting entries by id, each with the cancel that reversed it, if one did. */
async function loadEntryRecords(t: BooksTables, ids: readonly string[]): Promise<EntryRecord[]> {
  if (ids.length === 0) return [];
  const [rows, cancels] = await Promise.all([t.entries.bulkGet([...ids]), t.cancellations.bulkGet([...ids])]);
  return rows.flatMap((row, i) => {
    if (!row || !countsInBooks(row.state)) return [];
    const cancelledBy = cancels[i]?.cancelId;
    return [cancelledBy === undefined ? { entry: entryOf(row) } : { entry: entryOf(row), cancelledBy }];
  });
}
