/**
 * The state of one receipt book on this PC (ทะเบียนคุมใบเสร็จ): which numbers are used, which of them
 * are cancelled (a cancelled receipt keeps its number), which were skipped, and the next to issue.
 * Receipts of the same book recorded on another PC are not known here.
 */
import { receiptNoMax } from '../domain/kinds/receipt';
import type { SamutDb } from './db';
import { receiptHoldersOfBook } from './receiptNumberBooks';
import { getBooksSetup, type ReceiptBookRange } from './setup';

/** Skipped numbers listed at most (a typo such as 100000 for 1000 would otherwise list 99,000). */
export const receiptGapsMax = 1000;

export interface ReceiptBookStatus {
  bookNo: string;
  /** Numbers used by receipts that count here (pending or posted), ascending. */
  usedNos: number[];
  /** Those of them reversed by a cancel. */
  cancelledNos: number[];
  /** Numbers skipped between the first and the highest used, ascending, at most receiptGapsMax. */
  gaps: number[];
  /** How many numbers are skipped in all (gaps may be cut). */
  gapCount: number;
  /** The number after the highest used (within this PC's ranges of the book, if any); undefined when they are used up. */
  nextNo: number | undefined;
  /** This PC's assigned ranges of this book (empty when none are set). */
  ranges: ReceiptBookRange[];
}

/** @example const s = await receiptBookStatus(db, '12'); // { usedNos: [1, 2, 4], gaps: [3], nextNo: 5, … } */
export async function receiptBookStatus(db: SamutDb, bookNo: string): Promise<ReceiptBookStatus> {
  return db.transaction('r', db.receiptNumberBooks, db.cancellations, db.meta, async () => {
    const [rows, setup] = await Promise.all([
      receiptHoldersOfBook(db.receiptNumberBooks, bookNo),
      getBooksSetup(db),
    ]);
    const cancels = await db.cancellations.bulkGet(rows.map((r) => r.entryId));
    const usedNos = rows.map((r) => r.receiptNo);
    const cancelledNos = rows.filter((_, i) => cancels[i] !== undefined).map((r) => r.receiptNo);
    const ranges = setup.receiptBooks.filter((b) => b.bookNo === bookNo).sort((a, b) => a.firstNo - b.firstNo);
    const first = usedNos[0];
    const highest = usedNos[usedNos.length - 1];
    const gaps: number[] = [];
    let gapCount = 0;
    if (first !== undefined && highest !== undefined) {
      gapCount = highest - first + 1 - usedNos.length;
      const used = new Set(usedNos);
      for (let n = first; n <= highest && gaps.length < receiptGapsMax; n++) if (!used.has(n)) gaps.push(n);
    }
    return { bookNo, usedNos, cancelledNos, gaps, gapCount, nextNo: nextNoOf(highest ?? 0, ranges), ranges };
  });
}

function nextNoOf(highestUsed: number, ranges: readonly ReceiptBookRange[]): number | undefined {
  const after = highestUsed + 1;
  if (ranges.length === 0) return after <= receiptNoMax ? after : undefined;
  for (const r of ranges) {
    if (after <= r.lastNo) return Math.max(after, r.firstNo);
  }
  return undefined;
}
