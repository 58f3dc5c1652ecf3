/**
 * The `cashBookDays` cache (version 4): per business date, one record holding the cash-book sources
 * (src/domain/reports/cashBooks.ts: document, party, description, movement lines) of that day's
 * entries, in book order. A month's สมุดเงินสด then reads ≈ 30 records instead of every entry: in
 * Chromium, 8,000 entries read one per record cost ≈ 200 ms, the same month as day records ≈ 30 ms
 * (`npm run bench -- --only reports`).
 *
 * Which entries have a source: those whose lines count in the account totals (the rule of
 * accountDayTotals.ts: a cancel only while its target counts and it is the cancel `cancellations`
 * holds), less what is in neither book (opening balances, entries without lines). Written in the
 * transaction that records the entry, removed in the one that stores its rejection, rebuilt with the
 * other caches: never the truth, always recomputable from the entries.
 */
import type { Table } from 'dexie';
import { compareSources, type CashBookSource } from '../domain/reports/cashBooks';
import type { IsoDate } from '../domain/thaiDate';

/** One day's sources, sorted by (seq, entryId). Key: `date`. */
export interface CashBookDayRow {
  date: IsoDate;
  sources: CashBookSource[];
}

export type CashBookDaysTable = Table<CashBookDayRow, IsoDate>;

/** Groups `sources` per day (for a rebuild), each day in book order. */
export function cashBookDayRowsOf(sources: Iterable<CashBookSource>): CashBookDayRow[] {
  const days = new Map<IsoDate, CashBookSource[]>();
  for (const s of sources) {
    const day = days.get(s.date);
    if (day === undefined) days.set(s.date, [s]);
    else day.push(s);
  }
  return [...days].map(([date, list]) => ({ date, sources: list.sort(compareSources) }));
}

/** Adds newly counting entries' sources to their days. Call inside the transaction that records them. */
export async function addCashBookSources(table: CashBookDaysTable, sources: readonly CashBookSource[]): Promise<void> {
  if (sources.length === 0) return;
  const added = cashBookDayRowsOf(sources);
  const held = await table.bulkGet(added.map((d) => d.date));
  const rows = added.map((d, i) => {
    const before = held[i]?.sources ?? [];
    const ids = new Set(before.map((s) => s.entryId));
    // Adding an entry twice is a bug in the caller: fail the whole transaction.
    for (const s of d.sources) if (ids.has(s.entryId)) throw new Error(`cashBookDays ${d.date}: entry ${s.entryId} is already there`);
    return { date: d.date, sources: [...before, ...d.sources].sort(compareSources) };
  });
  await table.bulkPut(rows);
}

/**
 * Removes the sources of entries that stopped counting (a day left empty is deleted). Entries that
 * never had a source (opening balances, budget entries) are passed over.
 */
export async function removeCashBookSourcesOf(table: CashBookDaysTable, entries: readonly { id: string; date: IsoDate }[]): Promise<void> {
  if (entries.length === 0) return;
  const idsByDay = new Map<IsoDate, Set<string>>();
  for (const e of entries) idsByDay.set(e.date, (idsByDay.get(e.date) ?? new Set()).add(e.id));
  const dates = [...idsByDay.keys()];
  const held = await table.bulkGet(dates);
  const puts: CashBookDayRow[] = [];
  const deletes: IsoDate[] = [];
  dates.forEach((date, i) => {
    const row = held[i];
    if (row === undefined) return;
    const gone = idsByDay.get(date)!;
    const sources = row.sources.filter((s) => !gone.has(s.entryId));
    if (sources.length === row.sources.length) return;
    if (sources.length === 0) deletes.push(date);
    else puts.push({ date, sources });
  });
  if (puts.length > 0) await table.bulkPut(puts);
  if (deletes.length > 0) await table.bulkDelete(deletes);
}
