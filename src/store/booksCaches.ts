/**
 * Writing, removing and rebuilding the books caches (receipt numbers, budget line definitions, budget
 * effects, cancellations; in version 3 the per-account totals of accountDayTotals.ts and the per-line
 * register sums of budgetLineBalances.ts). Callers run these inside their own transaction over {@link booksCacheTables},
 * so an entry and its cache rows, or a sync answer and the removal of the rows it voids, are one write.
 *
 * Invariants (kept by recordEntry, which refuses a second holder and a second cancel):
 * - only entries that count (pending, posted) have rows, and a cancel moves the register only while
 *   its target counts;
 * - a receipt number has at most one counting holder, a target at most one counting cancel;
 * - a line's definition is the one of its first counting definer in recording order.
 */
import type { Table } from 'dexie';
import type { Entry } from '../domain/entry';
import { addLinesTo, monthRowsOf, removeAccountDayTotalsOf, type AccountDayTotalRow, type AccountTotalsTables } from './accountDayTotals';
import { cashBookSourceOf, type CashBookSource } from '../domain/reports/cashBooks';
import { applyBudgetLineBalances, budgetLineBalancesOf, type BudgetLineBalancesTable } from './budgetLineBalances';
import { cashBookDayRowsOf, removeCashBookSourcesOf, type CashBookDaysTable } from './cashBookDays';
import { addReceiptHolders, receiptNumberBookRowsOf, removeReceiptHoldersOf, type ReceiptNumberBooksTable } from './receiptNumberBooks';
import {
  booksCacheRowsOf,
  recordingOrderOf,
  type BooksCacheRows,
  type BudgetEffectRow,
  type BudgetLineDefRow,
  type CancellationRow,
  type ReceiptNumberRow,
} from './booksCacheRows';
import type { SamutDb } from './db';
import { countsInBooks, entryOf, type StoredEntry } from './storedEntry';

/** The cache tables and the entries table, from a database or an upgrade transaction. */
export interface BooksTables {
  entries: Table<StoredEntry, string>;
  receiptNumberBooks: ReceiptNumberBooksTable;
  budgetLines: Table<BudgetLineDefRow, [number, string]>;
  budgetEffects: Table<BudgetEffectRow, [string, number]>;
  cancellations: Table<CancellationRow, string>;
  accountTotals: AccountTotalsTables;
  budgetLineBalances: BudgetLineBalancesTable;
  cashBookDays: CashBookDaysTable;
}

/** Names of the cache tables, for transaction scopes. */
export const booksCacheTableNames = ['receiptNumberBooks', 'budgetLines', 'budgetEffects', 'cancellations', 'accountDayTotals', 'accountMonthTotals', 'budgetLineBalances', 'cashBookDays'] as const;

/** Anything Dexie can hand a table from: the database, or the transaction of a schema upgrade. */
export interface TableSource {
  table(name: string): Table;
}

/** The tables of `src` (a database, or the transaction of the latest schema upgrade). */
export function booksTablesOf(src: TableSource): BooksTables {
  return {
    entries: src.table('entries') as Table<StoredEntry, string>,
    receiptNumberBooks: src.table('receiptNumberBooks') as ReceiptNumberBooksTable,
    budgetLines: src.table('budgetLines') as Table<BudgetLineDefRow, [number, string]>,
    budgetEffects: src.table('budgetEffects') as Table<BudgetEffectRow, [string, number]>,
    cancellations: src.table('cancellations') as Table<CancellationRow, string>,
    accountTotals: { accountDayTotals: src.table('accountDayTotals'), accountMonthTotals: src.table('accountMonthTotals') } as AccountTotalsTables,
    budgetLineBalances: src.table('budgetLineBalances') as BudgetLineBalancesTable,
    cashBookDays: src.table('cashBookDays') as CashBookDaysTable,
  };
}

/** The tables a write touching the caches must include in its transaction scope. */
export function booksCacheTables(db: SamutDb): Table[] {
  return [db.receiptNumberBooks, db.budgetLines, db.budgetEffects, db.cancellations, db.accountDayTotals, db.accountMonthTotals, db.budgetLineBalances, db.cashBookDays];
}

const lineKey = (fiscalYear: number, code: string) => `${fiscalYear}\u0000${code}`;

/**
 * Adds the rows of newly accepted entries (in recording order). Call inside the transaction that
 * writes the entries. A budget line already defined keeps its definition unless a new row sorts first.
 */
export async function writeBooksCaches(t: BooksTables, rowsOfEntries: readonly BooksCacheRows[]): Promise<void> {
  const receipts = rowsOfEntries.flatMap((r) => (r.receiptNumber ? [r.receiptNumber] : []));
  const cancels = rowsOfEntries.flatMap((r) => (r.cancellation ? [r.cancellation] : []));
  const effects = rowsOfEntries.flatMap((r) => r.effects);
  const defs = firstDefinitions(rowsOfEntries.flatMap((r) => r.lineDefs));
  await addReceiptHolders(t.receiptNumberBooks, receipts);
  if (cancels.length > 0) await t.cancellations.bulkPut(cancels);
  // add, not put: an entry's effects are written once; a second write is a bug and fails the transaction.
  if (effects.length > 0) await t.budgetEffects.bulkAdd(effects);
  await applyBudgetLineBalances(t.budgetLineBalances, effects, 1);
  if (defs.length > 0) {
    const existing = await t.budgetLines.bulkGet(defs.map((d) => [d.fiscalYear, d.code] as [number, string]));
    const winners = defs.filter((d, i) => {
      const held = existing[i];
      return held === undefined || d.order < held.order;
    });
    if (winners.length > 0) await t.budgetLines.bulkPut(winners);
  }
}

/**
 * Removes the rows of entries that stopped counting (the server rejected them, or holds their id with
 * other content), so their receipt number, budget effects and cancellation no longer count here. A
 * line they defined falls to its next counting definer, or is undefined again. Call inside the
 * transaction that stores their new state, after storing it.
 */
export async function removeBooksCachesOf(t: BooksTables, entryIds: readonly string[]): Promise<void> {
  const ids = [...new Set(entryIds)];
  if (ids.length === 0) return;
  // First: which cancels' lines stop counting is read from the cancellations removed just below.
  const stopped = await removeAccountDayTotalsOf({ entries: t.entries, cancellations: t.cancellations, ...t.accountTotals }, ids);
  await removeCashBookSourcesOf(t.cashBookDays, stopped);
  const voided = await t.entries.bulkGet(ids);
  const voidedBooks = voided.flatMap((e) => (e?.kind === 'receipt' ? [e.doc.bookNo] : []));
  await removeReceiptHoldersOf(t.receiptNumberBooks, new Set(ids), voidedBooks);
  await t.cancellations.where('cancelId').anyOf(ids).delete();
  // A cancel of a voided entry stays recorded, but its reversal no longer has anything to reverse.
  const cancelsOfVoided = (await t.cancellations.where('targetId').anyOf(ids).toArray()).map((c) => c.cancelId);
  const voidedEffects = () => t.budgetEffects.where('entryId').anyOf([...ids, ...cancelsOfVoided]);
  await applyBudgetLineBalances(t.budgetLineBalances, await voidedEffects().toArray(), -1);
  await voidedEffects().delete();
  const defined = await t.budgetLines.where('entryId').anyOf(ids).toArray();
  for (const row of defined) {
    const next = await firstCountingDefinition(t, row.fiscalYear, row.code);
    if (next) await t.budgetLines.put(next);
    else await t.budgetLines.delete([row.fiscalYear, row.code]);
  }
}

/**
 * The definition of a line by its first counting definer. Every definer (appropriation,
 * supplementary, a transfer into a new line) also moves the line, so its effects index finds them.
 */
async function firstCountingDefinition(t: BooksTables, fiscalYear: number, code: string): Promise<BudgetLineDefRow | undefined> {
  const effects = await t.budgetEffects.where('[fiscalYear+lineCode]').equals([fiscalYear, code]).toArray();
  const ids = [...new Set(effects.map((e) => e.entryId))];
  const rows = await t.entries.bulkGet(ids);
  const candidates = rows.flatMap((row) => {
    if (row === undefined || !countsInBooks(row.state) || row.kind !== 'budget') return [];
    return booksCacheRowsOf(entryOf(row)).lineDefs.filter((d) => d.fiscalYear === fiscalYear && d.code === code);
  });
  return firstDefinitions(candidates)[0];
}

/** Per line, the definition row that sorts first in recording order. */
function firstDefinitions(rows: readonly BudgetLineDefRow[]): BudgetLineDefRow[] {
  const first = new Map<string, BudgetLineDefRow>();
  for (const row of rows) {
    const key = lineKey(row.fiscalYear, row.code);
    const held = first.get(key);
    if (held === undefined || row.order < held.order) first.set(key, row);
  }
  return [...first.values()];
}

/** What a rebuild found. */
export interface RebuildReport {
  /** Entries that count (pending or posted) and whose rows were written. */
  counted: number;
  /** Entries that do not count (rejected, conflict). */
  notCounting: number;
  /** Counting entries whose rows could not be derived (an unreadable document); they stay untouched. */
  unreadable: number;
}

/**
 * Recomputes every cache from the entries: clears the cache tables and writes the rows of every
 * counting entry, first holder / first definer winning in recording order. Runs inside the caller's
 * transaction (the latest schema upgrade, or {@link rebuildBooksCaches}). Entries are streamed, not
 * loaded whole: a PC may hold years of them.
 */
export async function rebuildCachesIn(src: TableSource): Promise<RebuildReport> {
  const t = booksTablesOf(src);
  await Promise.all(booksCacheTableNames.map((name) => src.table(name).clear()));
  const report: RebuildReport = { counted: 0, notCounting: 0, unreadable: 0 };
  const receipts = new Map<string, ReceiptNumberRow>();
  const cancels = new Map<string, { cancel: Entry; order: string }>();
  const defs: BudgetLineDefRow[] = [];
  const effects: BudgetEffectRow[] = [];
  const accountDays = new Map<string, AccountDayTotalRow>();
  const cashBookSources: CashBookSource[] = [];

  await t.entries.each((row) => {
    if (!countsInBooks(row.state)) {
      report.notCounting += 1;
      return;
    }
    const entry = entryOf(row);
    if (entry.kind === 'cancel') {
      report.counted += 1;
      const held = cancels.get(entry.doc.targetId);
      const order = recordingOrderOf(entry);
      if (held === undefined || order < held.order) cancels.set(entry.doc.targetId, { cancel: entry, order });
      return;
    }
    addLinesTo(accountDays, entry);
    let rows: BooksCacheRows;
    let source: CashBookSource | undefined;
    try {
      rows = booksCacheRowsOf(entry);
      source = cashBookSourceOf(entry);
    } catch {
      report.unreadable += 1;
      return;
    }
    report.counted += 1;
    if (source) cashBookSources.push(source);
    if (rows.receiptNumber) {
      const key = `${rows.receiptNumber.bookNo}\u0000${rows.receiptNumber.receiptNo}`;
      const held = receipts.get(key);
      if (held === undefined || rows.receiptNumber.order < held.order) receipts.set(key, rows.receiptNumber);
    }
    defs.push(...rows.lineDefs);
    effects.push(...rows.effects);
  });

  // A cancel's movements are its target's, negated: read the targets once the stream is done.
  const cancelList = [...cancels.values()].map((c) => c.cancel);
  const targets = await t.entries.bulkGet(cancelList.map((c) => (c.kind === 'cancel' ? c.doc.targetId : '')));
  const cancellations: CancellationRow[] = [];
  cancelList.forEach((cancel, i) => {
    const target = targets[i];
    // Only a target that counts has effects to reverse (as removeBooksCachesOf leaves it).
    const counting = target !== undefined && countsInBooks(target.state);
    const rows = booksCacheRowsOf(cancel, counting ? entryOf(target) : undefined);
    // The original's date, whether or not it counts (as written when the cancel was recorded).
    if (rows.cancellation) cancellations.push(target ? { ...rows.cancellation, targetDate: target.date } : rows.cancellation);
    effects.push(...rows.effects);
    // Its lines (the target's, swapped) count on the same terms as its budget effects.
    if (counting && target.kind !== 'cancel') {
      addLinesTo(accountDays, cancel);
      const source = cashBookSourceOf(cancel, entryOf(target));
      if (source) cashBookSources.push(source);
    }
  });

  await t.receiptNumberBooks.bulkPut(receiptNumberBookRowsOf(receipts.values()));
  await t.budgetLines.bulkPut(firstDefinitions(defs));
  await t.budgetEffects.bulkPut(effects);
  await t.budgetLineBalances.bulkPut([...budgetLineBalancesOf(effects).values()]);
  await t.cancellations.bulkPut(cancellations);
  await t.accountTotals.accountDayTotals.bulkPut([...accountDays.values()]);
  await t.accountTotals.accountMonthTotals.bulkPut([...monthRowsOf(accountDays.values()).values()]);
  await t.cashBookDays.bulkPut(cashBookDayRowsOf(cashBookSources));
  return report;
}

/**
 * Recomputes every books cache from the entries, in ONE transaction (so screens never see half a
 * rebuild). Use after restoring entries from a backup, or when a cache is in doubt.
 * @example const report = await rebuildBooksCaches(db); // { counted: 1204, notCounting: 2, unreadable: 0 }
 */
export async function rebuildBooksCaches(db: SamutDb): Promise<RebuildReport> {
  return db.transaction('rw', [db.entries, ...booksCacheTables(db)], () => rebuildCachesIn(db));
}
