/**
 * How many times each document (receipt, ฎีกา) was printed on this PC: the first print is the original,
 * every later one is marked สำเนา. Kept in the `meta` table (one row per printed entry, key
 * `print:<entryId>`) so no schema version is needed; the count is this PC's only (it is not synced:
 * the paper original comes from the PC that recorded the entry).
 */
import { systemClock, type Clock } from './clock';
import type { SamutDb } from './db';

export interface PrintRecord {
  /** Prints so far: 0 never printed, 1 the original only, 2+ copies made. */
  count: number;
  /** ISO instant of the latest print. */
  lastPrintedAt?: string;
}

/** Prints counted per document; past it the count stays (every print past the first is a copy anyway). */
export const printCountMax = 1_000_000;

const keyOf = (entryId: string) => `print:${entryId}`;

function readRecord(value: unknown): PrintRecord {
  if (typeof value !== 'object' || value === null) return { count: 0 };
  const v = value as Partial<PrintRecord>;
  const count = typeof v.count === 'number' && Number.isSafeInteger(v.count) && v.count >= 0 ? v.count : 0;
  return typeof v.lastPrintedAt === 'string' ? { count, lastPrintedAt: v.lastPrintedAt } : { count };
}

/** The document's print record (count 0 when never printed). */
export async function printRecordOf(db: SamutDb, entryId: string): Promise<PrintRecord> {
  return readRecord((await db.meta.get(keyOf(entryId)))?.value);
}

/**
 * Counts one print of the document, atomically (two tabs printing at once get 1 and 2, never 1 and 1).
 * @returns the print's number: 1 = the original, 2+ = a copy
 */
export async function recordPrint(db: SamutDb, entryId: string, clock: Clock = systemClock): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const before = readRecord((await db.meta.get(keyOf(entryId)))?.value);
    const count = Math.min(printCountMax, before.count + 1);
    await db.meta.put({ key: keyOf(entryId), value: { count, lastPrintedAt: new Date(clock.nowMs()).toISOString() } });
    return count;
  });
}
