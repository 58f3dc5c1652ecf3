/**
 * How an entry moves the accounts for reporting. Every kind but a cancel: its own lines. A cancel: its
 * original's lines with the amounts negated, so it counts against the side the original was on (a
 * cancelled receipt nets to nothing in "cash received" instead of showing as a receipt and a payment).
 * The books themselves (ledger, general journal) show the cancel's own swapped lines.
 */
import type { Entry } from '../entry';
import type { JournalLine } from '../journal';

/** The lines as reports add them up; a cancel's amounts may be negative. */
export function movementLinesOf(entry: Entry): readonly JournalLine[] {
  if (entry.kind !== 'cancel') return entry.lines;
  // A cancel's lines are its original's swapped: swap back and negate. `0 - x` keeps 0 as +0.
  return entry.lines.map((l) => ({ account: l.account, debitSatang: 0 - l.creditSatang, creditSatang: 0 - l.debitSatang }));
}

/** True for the year's opening-balances journal (ยอดยกมา, dated 1 October): not a receipt or payment. */
export function isOpeningBalances(entry: Entry): boolean {
  return entry.kind === 'journal' && entry.doc.purpose === 'opening';
}
