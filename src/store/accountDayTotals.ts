/**
 * The `accountDayTotals` cache (version 3): per account and business date, Σdebit, Σcredit and how many
 * entries moved it, over the movement lines (src/domain/reports/movementLines.ts: a cancel counts
 * against its original's side, negated, so a day's amount may be negative) of the entries that count. Reports (trial balance, cash
 * book) read it instead of every entry (DESIGN.md §3: a cache, never the truth; rebuilt on demand).
 *
 * Which entries' lines count — the same rule as the budget effects of booksCacheRows.ts:
 * - the entry is pending or posted;
 * - a cancel (whose lines are its target's, swapped) counts only while its target counts, is not
 *   itself a cancel, and this cancel is the one `cancellations` holds for it (the first, in recording order).
 * `accountMonthTotals` rolls the day rows up per month ({@link monthRowsOf}), kept in the same writes.
 * Written in the transaction that records the entry; subtracted in the transaction that stores a
 * rejection; a row whose entryCount falls to 0 is deleted, so incremental and rebuilt caches are equal.
 */
import type { Table } from 'dexie';
import type { Entry } from '../domain/entry';
import type { DailyAccountTotal } from '../domain/reports/accountTotals';
import { movementLinesOf } from '../domain/reports/movementLines';
import type { IsoDate } from '../domain/thaiDate';
import type { CancellationRow } from './booksCacheRows';
import { countsInBooks, type StoredEntry, type SyncState } from './storedEntry';

/** One row: what the counting entries of `date` moved on `account`. Key `[account+date]`. */
export interface AccountDayTotalRow extends DailyAccountTotal {
  /** Counting entries with at least one line on this account that day (0 deletes the row). */
  entryCount: number;
}

export type AccountDayTotalsTable = Table<AccountDayTotalRow, [string, IsoDate]>;

const keyOf = (account: string, date: IsoDate) => `${account}\u0000${date}`;

/** Per (account, date), the sums of `entries`' lines, each entry counted once per account. */
export function accountDayRowsOf(entries: Iterable<Entry>): Map<string, AccountDayTotalRow> {
  const rows = new Map<string, AccountDayTotalRow>();
  for (const entry of entries) addLinesTo(rows, entry);
  return rows;
}

/** Adds one entry's lines to `rows` (keyed by account and date), counting the entry once per account. */
export function addLinesTo(rows: Map<string, AccountDayTotalRow>, entry: Entry): void {
  const seen = new Set<string>();
  for (const line of movementLinesOf(entry)) {
    const key = keyOf(line.account, entry.date);
    let row = rows.get(key);
    if (row === undefined) {
      row = { account: line.account, date: entry.date, debitSatang: 0, creditSatang: 0, entryCount: 0 };
      rows.set(key, row);
    }
    row.debitSatang += line.debitSatang;
    row.creditSatang += line.creditSatang;
    if (!seen.has(key)) {
      seen.add(key);
      row.entryCount += 1;
    }
  }
}

/**
 * The `accountMonthTotals` rollup of the day rows: the same row, with `date` holding the month
 * ('YYYY-MM', which sorts before every day of it and after every day before it) and `entryCount`
 * the Σ of its days' counts. A year's "as of" reads 12 × accounts rows, not 365 × accounts.
 */
export function monthRowsOf(dayRows: Iterable<AccountDayTotalRow>): Map<string, AccountDayTotalRow> {
  const months = new Map<string, AccountDayTotalRow>();
  for (const d of dayRows) {
    const month = monthOf(d.date);
    const key = keyOf(d.account, month);
    const row = months.get(key);
    if (row === undefined) months.set(key, { ...d, date: month });
    else {
      row.debitSatang += d.debitSatang;
      row.creditSatang += d.creditSatang;
      row.entryCount += d.entryCount;
    }
  }
  return months;
}

/** 'YYYY-MM' of an ISO date. */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);

/** The two tables of account totals: per day, and its per-month rollup. */
export interface AccountTotalsTables {
  accountDayTotals: AccountDayTotalsTable;
  accountMonthTotals: AccountDayTotalsTable;
}

/**
 * Adds (sign +1) or subtracts (sign −1) the lines of `entries` to both tables. Call inside the write
 * transaction of the entries (or of their rejection). A row left with no entry is deleted.
 */
export async function applyAccountDayTotals(t: AccountTotalsTables, entries: readonly Entry[], sign: 1 | -1): Promise<void> {
  const days = accountDayRowsOf(entries);
  await applyDeltas(t.accountDayTotals, [...days.values()], sign);
  await applyDeltas(t.accountMonthTotals, [...monthRowsOf(days.values()).values()], sign);
}

async function applyDeltas(table: AccountDayTotalsTable, deltas: readonly AccountDayTotalRow[], sign: 1 | -1): Promise<void> {
  if (deltas.length === 0) return;
  const held = await table.bulkGet(deltas.map((d) => [d.account, d.date] as [string, IsoDate]));
  const puts: AccountDayTotalRow[] = [];
  const deletes: [string, IsoDate][] = [];
  deltas.forEach((d, i) => {
    const row = held[i] ?? { account: d.account, date: d.date, debitSatang: 0, creditSatang: 0, entryCount: 0 };
    const next = {
      account: d.account,
      date: d.date,
      debitSatang: row.debitSatang + sign * d.debitSatang,
      creditSatang: row.creditSatang + sign * d.creditSatang,
      entryCount: row.entryCount + sign * d.entryCount,
    };
    // Subtracting what was never added is a bug in the caller: fail the whole transaction. (Amounts
    // may be negative, a cancel's; the count may not, and with no entry left nothing may remain.)
    if (next.entryCount < 0) throw new Error(`${table.name} of ${d.account} on ${d.date}: entryCount would be ${next.entryCount}`);
    if (next.entryCount === 0 && (next.debitSatang !== 0 || next.creditSatang !== 0)) {
      throw new Error(`${table.name} of ${d.account} on ${d.date}: no entry left but ${next.debitSatang}/${next.creditSatang} satang`);
    }
    if (next.entryCount === 0) deletes.push([d.account, d.date]);
    else puts.push(next);
  });
  if (puts.length > 0) await table.bulkPut(puts);
  if (deletes.length > 0) await table.bulkDelete(deletes);
}

/** What deciding whether an entry's lines count needs to look up. */
export interface LineCountingLookup {
  stateOf(id: string): SyncState | undefined;
  entryOf(id: string): Pick<StoredEntry, 'kind'> | undefined;
  /** The cancel `cancellations` holds for a target. */
  cancelOf(targetId: string): string | undefined;
}

/** Whether an entry's journal lines count in the account totals (the rule in this file's header). */
export function linesCount(entry: Pick<StoredEntry, 'id' | 'kind' | 'doc'>, state: SyncState, look: LineCountingLookup): boolean {
  if (!countsInBooks(state)) return false;
  if (entry.kind !== 'cancel') return true;
  const targetId = (entry.doc as { targetId: string }).targetId;
  const targetState = look.stateOf(targetId);
  const target = look.entryOf(targetId);
  return target !== undefined && target.kind !== 'cancel' && targetState !== undefined && countsInBooks(targetState) && look.cancelOf(targetId) === entry.id;
}

/**
 * Subtracts the lines of entries that stopped counting: the voided entries themselves, and the cancels
 * of voided targets; returns those entries (their other line-based caches go with them). Call inside the transaction that stored their new state, BEFORE the cancellations
 * of the voided entries are removed (the rule reads them). `voidedIds` were all pending before.
 */
export async function removeAccountDayTotalsOf(
  t: { entries: Table<StoredEntry, string>; cancellations: Table<CancellationRow, string> } & AccountTotalsTables,
  voidedIds: readonly string[],
): Promise<StoredEntry[]> {
  const voided = new Set(voidedIds);
  if (voided.size === 0) return [];
  const cancelsOfVoided = (await t.cancellations.where('targetId').anyOf([...voided]).toArray()).map((c) => c.cancelId);
  const affectedIds = [...new Set([...voided, ...cancelsOfVoided])];
  const affected = (await t.entries.bulkGet(affectedIds)).flatMap((e) => (e ? [e] : []));
  const targetIds = affected.flatMap((e) => (e.kind === 'cancel' ? [e.doc.targetId] : []));
  const [targets, cancellations] = await Promise.all([t.entries.bulkGet(targetIds), t.cancellations.bulkGet(targetIds)]);
  const known = new Map<string, StoredEntry>();
  for (const e of [...affected, ...targets]) if (e) known.set(e.id, e);
  const cancelByTarget = new Map(targetIds.map((id, i) => [id, cancellations[i]?.cancelId] as const));
  const entryOfId = (id: string) => known.get(id);
  const cancelOf = (id: string) => cancelByTarget.get(id);
  const before: LineCountingLookup = { stateOf: (id) => (voided.has(id) ? 'pending' : known.get(id)?.state), entryOf: entryOfId, cancelOf };
  const after: LineCountingLookup = { stateOf: (id) => known.get(id)?.state, entryOf: entryOfId, cancelOf };
  const stopped = affected.filter((e) => linesCount(e, before.stateOf(e.id)!, before) && !linesCount(e, e.state, after));
  await applyAccountDayTotals(t, stopped, -1);
  return stopped;
}
