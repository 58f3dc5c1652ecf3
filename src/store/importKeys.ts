/**
 * Which rows of an import file this PC already holds, by natural key (src/domain/import/naturalKey.ts),
 * so importing the same file twice, or an overlapping one, records nothing twice. Only entries that
 * count (pending or posted) hold a key: a rejected entry's paper record still has to be recorded.
 *
 * No table of keys: each put costs ≈ 90 µs in Chromium, a row per entry would nearly double an
 * import's writes. Instead, receipts come from the `receiptNumberBooks` cache (one record per book),
 * and every other kind from the counting entries dated within the candidates' dates, keys computed here.
 * Limitation: a ฎีกา or ใบผ่านรายการ number is unique within the fiscal year, but only entries dated
 * between the earliest and the latest non-receipt candidate are read, so a number reused on a date
 * outside the file's span is not found (the server's own checks are the backstop).
 */
import { naturalKeyOf, type NaturalKeySource } from '../domain/import/naturalKey';
import type { SamutDb } from './db';
import { receiptHoldersOf } from './receiptNumberBooks';
import { importEntriesMax } from './recordImport';
import { countingStates, entriesDatedIn, rangeReadSpans } from './entriesByDate';
import { entriesInRangeMax } from './reportQueries';
import type { StoredEntry } from './storedEntry';

/**
 * For the candidates' natural keys already held by an entry that counts on this PC: key → its entry id
 * (the first in book order if several do). Keys nobody holds are absent. One read-only transaction.
 * @example const held = await recordedNaturalKeys(db, reading.entries); reading.entries.filter((e) => !held.has(e.naturalKey))
 */
export async function recordedNaturalKeys(db: SamutDb, candidates: readonly NaturalKeySource[]): Promise<Map<string, string>> {
  if (candidates.length > importEntriesMax) throw new RangeError(`recordedNaturalKeys takes at most ${importEntriesMax} candidates, got ${candidates.length}`);
  const receipts: { bookNo: string; receiptNo: number }[] = [];
  const others = new Set<string>();
  const kinds = new Set<string>();
  // Kind and date of every other candidate: a fingerprint is only hashed for an entry that could match.
  const kindDates = new Set<string>();
  let from: string | undefined;
  let to: string | undefined;
  for (const c of candidates) {
    if (c.kind === 'receipt') {
      receipts.push({ bookNo: c.doc.bookNo, receiptNo: c.doc.receiptNo });
      continue;
    }
    others.add(naturalKeyOf(c));
    kinds.add(c.kind);
    kindDates.add(kindDateOf(c));
    if (from === undefined || c.date < from) from = c.date;
    if (to === undefined || c.date > to) to = c.date;
  }

  return db.transaction('r', db.entries, db.receiptNumberBooks, async () => {
    const [holders, dated] = await Promise.all([
      receiptHoldersOf(db.receiptNumberBooks, receipts),
      from === undefined || to === undefined ? [] : entriesDated(db, from, to),
    ]);
    const held = new Map<string, string>();
    // The cache holds only counting receipts, the first holder of each number.
    for (const r of holders) held.set(`receipt|${r.bookNo}|${r.receiptNo}`, r.entryId);
    dated.sort(bookOrder);
    for (const e of dated) {
      if (!kinds.has(e.kind)) continue;
      if (!hasVoucherKey(e) && !kindDates.has(kindDateOf(e))) continue;
      const key = naturalKeyOf(e);
      if (others.has(key) && !held.has(key)) held.set(key, e.id);
    }
    return held;
  });
}

/** A voucher's key is its number within the fiscal year, whatever its date: never skip it by date. */
function hasVoucherKey(e: StoredEntry): boolean {
  return e.kind === 'payment' || e.kind === 'journal';
}

const kindDateOf = (e: { kind: string; date: string }) => `${e.kind}|${e.date}`;

/** Every counting entry dated from..to, in a few concurrent spans (as entriesInRange reads). */
async function entriesDated(db: SamutDb, from: string, to: string): Promise<StoredEntry[]> {
  return entriesDatedIn(db, countingStates, from, to, rangeReadSpans, entriesInRangeMax);
}

function bookOrder(a: StoredEntry, b: StoredEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
