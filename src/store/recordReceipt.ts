/**
 * Recording receipts: the walking skeleton's write, kept for the receipt form. A thin wrapper over
 * recordEntry / recordEntries (same transaction, same checks against the books).
 */
import type { ReceiptDoc } from '../domain/kinds/receipt';
import type { IsoDate } from '../domain/thaiDate';
import { cryptoRandomBytes, systemClock, type Clock, type RandomBytes } from './clock';
import type { SamutDb } from './db';
import { recordEntries, recordEntry } from './recordEntry';
import type { StoredEntry } from './storedEntry';

export { recordBatchMax } from './recordEntry';

/** What the receipt form gives the store. */
export interface ReceiptInput {
  date: IsoDate;
  doc: ReceiptDoc;
  recordedBy: string;
}

/**
 * Records one receipt as a `pending` entry (see recordEntry for the errors it throws).
 * @example const entry = await recordReceipt(db, { date: '2024-01-16', doc, recordedBy: 'สมศรี' });
 */
export async function recordReceipt(
  db: SamutDb,
  input: ReceiptInput,
  clock: Clock = systemClock,
  random: RandomBytes = cryptoRandomBytes,
): Promise<StoredEntry> {
  return recordEntry(db, { date: input.date, recordedBy: input.recordedBy, kind: 'receipt', doc: input.doc }, clock, random);
}

/** Records up to recordBatchMax receipts in one transaction (see recordEntries). */
export async function recordReceipts(
  db: SamutDb,
  inputs: readonly ReceiptInput[],
  clock: Clock = systemClock,
  random: RandomBytes = cryptoRandomBytes,
): Promise<StoredEntry[]> {
  return recordEntries(
    db,
    inputs.map((input) => ({ date: input.date, recordedBy: input.recordedBy, kind: 'receipt' as const, doc: input.doc })),
    clock,
    random,
  );
}
