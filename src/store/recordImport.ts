/**
 * Recording a whole import file (bulk back-entry of a paper ledger, issue 5) as ONE transaction: the
 * officer sees the file in the books, or (one refused row) nothing of it, never half a file to find
 * and cancel. Same path as recordEntries (recordEntry.ts), only the bound is an import's.
 */
import { cryptoRandomBytes, systemClock, type Clock, type RandomBytes } from './clock';
import type { SamutDb } from './db';
import type { RecordEntryInput } from './entryInput';
import { recordInOneTransaction, type RecordPhaseTimes } from './recordEntry';
import type { StoredEntry } from './storedEntry';

/**
 * Entries per {@link recordImport} call: a busy office's year of paper (≈ 20,000 receipts) with room
 * to spare, while one transaction's memory (the built entries, their cache rows) stays in the tens of MB.
 */
export const importEntriesMax = 50_000;

/**
 * Records 1..{@link importEntriesMax} entries in ONE transaction, with consecutive seqs in input order,
 * each checked against the books as left by the ones before it (exactly as recordEntries). All or
 * nothing: on the first refusal nothing is written, and the StoreError's `index` (0-based) and message
 * ("รายการที่ 1500: …") say which input and why. The entries wait to be posted in date order, like any
 * other (the sync queue is the `[state+date+seq]` index).
 * @example const stored = await recordImport(db, reading.entries.map((e) => ({ date: e.date, recordedBy, kind: e.kind, doc: e.doc })));
 */
export async function recordImport(
  db: SamutDb,
  inputs: readonly RecordEntryInput[],
  clock: Clock = systemClock,
  random: RandomBytes = cryptoRandomBytes,
  /** Filled with the milliseconds of each phase, when given (the import bench prints them). */
  phases?: RecordPhaseTimes,
): Promise<StoredEntry[]> {
  return recordInOneTransaction(db, inputs, clock, random, { batch: true, max: importEntriesMax, callerName: 'recordImport', ...(phases ? { phases } : {}) });
}
