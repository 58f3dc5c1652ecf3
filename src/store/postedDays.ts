/**
 * The store side of the per-day digest check (src/sync/digestCheck.ts, DESIGN.md §4 Server data loss):
 * reading this PC's posted entries per business date, and sending whole days again when the server lost
 * them. Both read the `[state+date+seq]` index (only posted rows, a bounded date range), never the
 * whole table.
 *
 * Sending again is `posted` → `pending` with the entry itself untouched (same id, same content, same
 * hash): the drain resends it, the server answers `posted` (it had lost it) or `duplicate` (it had it).
 * Pending and posted entries both count in the books (countsInBooks), so the books caches do not change.
 */
import type { IsoDate } from '../domain/thaiDate';
import type { DigestItem } from '../sync/dayDigest';
import type { MetaRow, SamutDb } from './db';
import { datedInState } from './entriesByDate';
import type { StoredEntry } from './storedEntry';

/** Posted entries dated `from`..`to` (both included), of any device, in index order. */
function postedOn(db: SamutDb, from: IsoDate, to: IsoDate) {
  return datedInState(db, 'posted', from, to);
}

/**
 * Earliest and latest business date of the posted entries on this PC, or undefined when none is posted.
 * @example await postedDateSpan(db) // { first: '2024-01-16', last: '2024-07-06' }
 */
export async function postedDateSpan(db: SamutDb): Promise<{ first: IsoDate; last: IsoDate } | undefined> {
  return db.transaction('r', db.entries, async () => {
    const all = postedOn(db, '', '\uffff');
    const first = await all.first();
    const last = await postedOn(db, '', '\uffff').last();
    return first && last ? { first: first.date, last: last.date } : undefined;
  });
}

/**
 * `{ id, hash }` of `deviceId`'s posted entries dated `from`..`to`, per date. Read with a cursor, so only
 * the pairs are kept, not the entries; the range is bounded by the caller (≤ 400 days).
 */
export async function postedDigestItems(db: SamutDb, deviceId: string, from: IsoDate, to: IsoDate): Promise<Map<IsoDate, DigestItem[]>> {
  const byDate = new Map<IsoDate, DigestItem[]>();
  await postedOn(db, from, to).each((entry) => {
    if (entry.deviceId !== deviceId) return;
    const day = byDate.get(entry.date);
    if (day === undefined) byDate.set(entry.date, [{ id: entry.id, hash: entry.hash }]);
    else day.push({ id: entry.id, hash: entry.hash });
  });
  return byDate;
}

/**
 * Puts every posted entry of `deviceId` dated on one of `dates` back in the queue, and writes the meta
 * row `metaOf(requeued)` (the check's result, with the true count) — in ONE read-write transaction:
 * either the whole set of days is queued again and the result says so, or (tab closed, disk full)
 * nothing changed and the next check finds the same days again. Returns how many entries were queued
 * again. `metaOf` must be synchronous (an IndexedDB transaction ends at the first foreign await).
 */
export async function requeuePostedDays(
  db: SamutDb,
  deviceId: string,
  dates: readonly IsoDate[],
  metaOf?: (requeued: number) => MetaRow,
): Promise<number> {
  return db.transaction('rw', [db.entries, db.meta], async () => {
    let requeued = 0;
    for (const date of new Set(dates)) {
      const day = await postedOn(db, date, date).toArray();
      const again = day.filter((entry) => entry.deviceId === deviceId).map(pendingAgain);
      await db.entries.bulkPut(again);
      requeued += again.length;
    }
    if (metaOf !== undefined) await db.meta.put(metaOf(requeued));
    return requeued;
  });
}

/** The row back in the queue: the server's answer is forgotten, the entry itself is not touched. */
export function pendingAgain(row: StoredEntry): StoredEntry {
  const { serverSeq: _serverSeq, syncedAt: _syncedAt, syncCode: _syncCode, syncMessage: _syncMessage, ...entry } = row;
  return { ...entry, state: 'pending' } as StoredEntry;
}
