/**
 * Reads for the screens. Every read is bounded: a PC holds years of entries, a screen shows a page.
 */
import type { IsoDate } from '../domain/thaiDate';
import type { SamutDb } from './db';
import { datedInState, syncStates } from './entriesByDate';
import type { StoredEntry } from './storedEntry';

/** Rows one call may return: screens page through more, they never load the whole book at once. */
export const listEntriesMax = 5000;

/** Entries of one business date a cash book may hold; far above any office's day (≈ a few hundred). */
export const entriesPerDayMax = 20_000;

/** The pending queue: every pending entry, by date, then seq (the `[state+date+seq]` index's 'pending' range). */
export function pendingRange(db: SamutDb) {
  return datedInState(db, 'pending', '', '\uffff');
}

/** How many entries wait to be posted. */
export async function countPending(db: SamutDb): Promise<number> {
  return pendingRange(db).count();
}

export interface ListEntriesOptions {
  /** Newest business date first (then highest seq first): the order of a "recent entries" screen. */
  newestFirst?: boolean;
}

/**
 * The first `limit` entries ordered by business date, then device seq, then id (or the reverse,
 * newest first). Each sync state's range of the `[state+date+seq]` index is in that order already:
 * the first `limit` of each state, merged, hold the first `limit` of all.
 * @example await listEntries(db, 50, { newestFirst: true })
 */
export async function listEntries(db: SamutDb, limit = 200, options: ListEntriesOptions = {}): Promise<StoredEntry[]> {
  const bounded = Math.max(0, Math.min(Math.floor(limit), listEntriesMax));
  if (bounded === 0) return [];
  const newestFirst = options.newestFirst === true;
  const order = newestFirst ? (a: StoredEntry, b: StoredEntry) => byDateThenSeq(b, a) : byDateThenSeq;
  return db.transaction('r', db.entries, async () => {
    const heads = await Promise.all(
      syncStates.map((state) => {
        const all = datedInState(db, state, '', '\uffff');
        return (newestFirst ? all.reverse() : all).limit(bounded).toArray();
      }),
    );
    return heads.flat().sort(order).slice(0, bounded);
  });
}

/** One entry by id, as stored (with its sync state), or undefined. */
export async function getEntry(db: SamutDb, id: string): Promise<StoredEntry | undefined> {
  return db.entries.get(id);
}

/**
 * The id of the cancel that reversed an entry on this PC, or undefined. Only a cancel that counts
 * (pending or posted) cancels: a cancel the server rejected leaves its target standing.
 */
export async function cancelledBy(db: SamutDb, id: string): Promise<string | undefined> {
  return (await db.cancellations.get(id))?.cancelId;
}

/** Whether an entry was reversed by a cancel that counts. */
export async function isCancelled(db: SamutDb, id: string): Promise<boolean> {
  return (await cancelledBy(db, id)) !== undefined;
}

/** The entries of one business date, by seq: the day's cash book (ทะเบียนเงินสด) before totals. */
export async function listCashBook(db: SamutDb, date: IsoDate): Promise<StoredEntry[]> {
  return db.transaction('r', db.entries, async () => {
    const states = await Promise.all(syncStates.map((state) => datedInState(db, state, date, date).limit(entriesPerDayMax).toArray()));
    return states.flat().sort(byDateThenSeq).slice(0, entriesPerDayMax);
  });
}

function byDateThenSeq(a: StoredEntry, b: StoredEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  // Two devices' entries may share a seq (entries restored from a backup of another PC).
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
