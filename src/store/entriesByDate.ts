/**
 * Entries by business date. Since version 5 the `entries` table has no `date` index: the
 * `[state+date+seq]` index (the sync queue) already orders each sync state's entries by date, then
 * seq, then id, so a date range is one key range per state. A 20,000-entry import wrote every entry
 * into the `date` index too, ≈ 15 % of its IndexedDB time, for reads this file makes as fast.
 */
import { shiftIsoDate, type IsoDate } from '../domain/thaiDate';
import type { SamutDb } from './db';
import type { StoredEntry, SyncState } from './storedEntry';

/** Every sync state, so that a read of "all entries of a date" misses none. */
export const syncStates: readonly SyncState[] = ['pending', 'posted', 'rejected', 'conflict'];

/** The states whose entries count in the books (countsInBooks): what reports and natural keys read. */
export const countingStates: readonly SyncState[] = ['pending', 'posted'];

/**
 * `state`'s entries dated `from`..`to` (both included), in (date, seq, id) order. '' and '\uffff'
 * stand for "from the first" and "to the last" date. [state, from] sorts before every key of `from`
 * and [state, to, '\uffff'] after every key of `to` (IndexedDB orders numbers before strings, and
 * seq is a number). Plain strings, not Dexie.minKey/maxKey: those make liveQuery fail on fake-indexeddb.
 */
export function datedInState(db: SamutDb, state: SyncState, from: IsoDate, to: IsoDate) {
  return db.entries.where('[state+date+seq]').between([state, from], [state, to, '\uffff'], true, true);
}

/**
 * The entries of `states` dated `from`..`to`, in no particular order (callers sort as they need).
 * Each state's range is read in up to `spans` day spans at once: Chromium reads one while the page
 * decodes another. More than `max` throws a RangeError: a cut read would be a wrong report shown as right.
 */
export async function entriesDatedIn(
  db: SamutDb,
  states: readonly SyncState[],
  from: IsoDate,
  to: IsoDate,
  spans: number,
  max: number,
): Promise<StoredEntry[]> {
  const ranges = splitRange(from, to, spans).flatMap(([lo, hi]) => states.map((state) => datedInState(db, state, lo, hi)));
  const parts = await Promise.all(ranges.map((range) => range.limit(max + 1).toArray()));
  const rows = parts.flat();
  if (rows.length > max) throw new RangeError(`more than ${max} entries from ${from} to ${to}`);
  return rows;
}

/** Spans one range read is split into. */
export const rangeReadSpans = 4;

/** [from, to] as up to `n` consecutive day spans, both ends included. */
export function splitRange(from: IsoDate, to: IsoDate, n: number): [IsoDate, IsoDate][] {
  const first = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - first) / 86_400_000) + 1;
  // An open start ('' from accountTotalsAsOf-style callers) or a short range: one span.
  if (!Number.isFinite(days) || days < n * 2) return [[from, to]];
  const per = Math.ceil(days / n);
  const spans: [IsoDate, IsoDate][] = [];
  for (let d = 0; d < days; d += per) spans.push([shiftIsoDate(from, d), shiftIsoDate(from, Math.min(d + per, days) - 1)]);
  return spans;
}
