/**
 * The store side of sync: reading the queue in drain order and applying a batch's results. The drain
 * loop (src/sync/drain.ts) calls these; it never touches Dexie itself.
 */
import type { PushResult } from '../sync/protocol';
import { booksCacheTables, booksTablesOf, removeBooksCachesOf } from './booksCaches';
import type { SamutDb } from './db';
import { pendingAgain } from './postedDays';
import { pendingRange } from './queries';
import { countsInBooks, type StoredEntry } from './storedEntry';

/**
 * The next `limit` pending entries in drain order: earliest business date first, then device seq
 * (DESIGN.md §4), straight from the `[state+date+seq]` index.
 */
export async function readPendingBatch(db: SamutDb, limit: number): Promise<StoredEntry[]> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`bad batch limit ${limit}`);
  return pendingRange(db).limit(limit).toArray();
}

/** What applying one batch's results changed. */
export interface AppliedResults {
  posted: number;
  rejected: number;
  conflicts: number;
  /** Results not applied: id not in the batch, row no longer pending, or a repeated id. */
  ignored: number;
  /**
   * Cancels the server refused as `cancel_unknown` although their original counts on this PC: the
   * server does not have the original (lost in a restore from an older backup, or not sent yet). The
   * cancel stays pending, to be sent after its original (whose date is never later); an original
   * this PC holds as posted is queued again.
   */
  resentOriginals: number;
}

/**
 * Applies the server's answers for one batch in ONE read-write transaction: either every answer is
 * stored or (tab closed, disk full) none is, and the whole batch stays pending to be resent; the
 * server answers a resend with `duplicate`, so nothing posts twice.
 *
 * Only rows still `pending` change (another runner may have applied them already), and an answer for
 * an id that was not sent in this batch is ignored: the server cannot settle what it was not asked.
 *
 * An entry answered `rejected` or `conflict` stops counting in this PC's books: in the same
 * transaction its cache rows go (its receipt number is free again, its budget effects and its
 * cancellation no longer count). The entry itself stays, with the server's reason.
 */
export async function applyPushResults(
  db: SamutDb,
  batchIds: readonly string[],
  results: readonly PushResult[],
  syncedAt: string,
): Promise<AppliedResults> {
  const sent = new Set(batchIds);
  const counts: AppliedResults = { posted: 0, rejected: 0, conflicts: 0, ignored: 0, resentOriginals: 0 };
  return db.transaction('rw', [db.entries, ...booksCacheTables(db)], async () => {
    const relevant = results.filter((r) => sent.has(r.id));
    counts.ignored += results.length - relevant.length;
    const rows = await db.entries.bulkGet(relevant.map((r) => r.id));
    const missingOriginals = await countingOriginalsOfUnknownCancels(db, relevant, rows);
    const changed = new Map<string, StoredEntry>();
    relevant.forEach((result, i) => {
      const row = rows[i];
      if (row === undefined || row.state !== 'pending' || changed.has(result.id)) {
        counts.ignored += 1;
        return;
      }
      const missing = row.kind === 'cancel' ? missingOriginals.get(row.doc.targetId) : undefined;
      if (missing !== undefined && result.outcome === 'rejected') {
        // Not the officer's mistake but the server's gap: the cancel waits for its original.
        if (missing.state === 'posted' && !changed.has(missing.id)) changed.set(missing.id, pendingAgain(missing));
        counts.resentOriginals += 1;
        return;
      }
      changed.set(result.id, settle(row, result, syncedAt));
      if (result.outcome === 'posted' || result.outcome === 'duplicate') counts.posted += 1;
      else if (result.outcome === 'rejected') counts.rejected += 1;
      else counts.conflicts += 1;
    });
    await db.entries.bulkPut([...changed.values()]);
    const voided = [...changed.values()].filter((row) => row.state === 'rejected' || row.state === 'conflict').map((row) => row.id);
    await removeBooksCachesOf(booksTablesOf(db), voided);
    return counts;
  });
}

/**
 * For the cancels answered `cancel_unknown`, their originals that count on this PC (pending or
 * posted), by target id. Two tabs racing without the lock may both apply such an answer: the second
 * finds the original already pending again, and the cancel must still wait.
 */
async function countingOriginalsOfUnknownCancels(
  db: SamutDb,
  results: readonly PushResult[],
  rows: readonly (StoredEntry | undefined)[],
): Promise<Map<string, StoredEntry>> {
  const targetIds = results.flatMap((r, i) => {
    const row = rows[i];
    return r.outcome === 'rejected' && r.code === 'cancel_unknown' && row?.kind === 'cancel' ? [row.doc.targetId] : [];
  });
  if (targetIds.length === 0) return new Map();
  const targets = await db.entries.bulkGet(targetIds);
  return new Map(targets.flatMap((t) => (t !== undefined && countsInBooks(t.state) ? [[t.id, t] as const] : [])));
}

/** The row with the server's answer; its content and hash are never touched. */
function settle(row: StoredEntry, result: PushResult, syncedAt: string): StoredEntry {
  switch (result.outcome) {
    case 'posted':
    case 'duplicate':
      return { ...row, state: 'posted', serverSeq: result.serverSeq, syncedAt };
    case 'rejected':
      return {
        ...row,
        state: 'rejected',
        syncCode: result.code,
        syncMessage: result.message,
        ...(result.field !== undefined ? { syncField: result.field } : {}),
        syncedAt,
      };
    case 'conflict':
      return { ...row, state: 'conflict', syncMessage: result.message, syncedAt };
  }
}
