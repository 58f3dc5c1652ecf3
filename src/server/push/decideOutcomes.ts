/**
 * The heart of idempotent posting, pure: given the checked entries of a push and what the database
 * already holds under their ids, decide each one's outcome and the server sequence of the new ones.
 *   same id, same hash      → duplicate (counts as posted; the original serverSeq)
 *   same id, other hash     → conflict (the original is kept, never overwritten)
 *   new id                  → judged against the books (`judge`, in request order):
 *                             accepted → posted, serverSeq = last + 1, last + 2, … (no gaps)
 *                             refused  → rejected with the judge's code, Thai message and field (if any)
 * An id that appears twice in one push is judged against its first appearance the same way; an id
 * whose first appearance was rejected was never taken, so a later appearance is judged afresh.
 */
import type { PushResult } from '../../sync/protocol';
import type { Candidate } from './screenEntries';

/** What the database holds under an id. */
export interface StoredEntry {
  hash: string;
  serverSeq: number;
}

/** A new entry's verdict from the books. */
export type Verdict =
  | { outcome: 'accepted' }
  /** `field`: the document path at fault, when the rule names one (sent to the PC with the rejection). */
  | { outcome: 'refused'; code: string; message: string; field?: string };

/**
 * Judges a new entry against the books as they stand after the entries accepted before it in the same
 * push; on acceptance it must also record the entry, so that the next one is judged against it.
 */
export type Judge = (candidate: Candidate) => Verdict;

/** Accepts everything: for callers (and tests) concerned with ids and hashes only. */
export const acceptAll: Judge = () => ({ outcome: 'accepted' });

/** The outcome of every candidate, and what to write. */
export interface Decision {
  /** One per candidate, in candidate order. */
  results: PushResult[];
  /** Candidates to insert, each with its new server sequence, in request order. */
  inserts: { candidate: Candidate; serverSeq: number }[];
  /** The organisation's last server sequence after the inserts. */
  lastServerSeq: number;
}

/** What the officer reads for a conflict: the server kept its copy; a correction is a new entry. */
export const conflictMessageTh =
  'มีรายการรหัสนี้อยู่ในเซิร์ฟเวอร์แล้วแต่เนื้อหาต่างกัน เซิร์ฟเวอร์เก็บรายการเดิมไว้ กรุณาตรวจสอบและบันทึกแก้ไขเป็นรายการใหม่';

/**
 * @example decideOutcomes([c1, c2], new Map(), 7) // c1 posted 8, c2 posted 9, lastServerSeq 9
 * @example decideOutcomes([c1], new Map(), 7, () => ({ outcome: 'refused', code: 'overspend', message: '…' }))
 *   // c1 rejected, nothing to insert, lastServerSeq 7
 */
export function decideOutcomes(
  candidates: readonly Candidate[],
  stored: ReadonlyMap<string, StoredEntry>,
  lastServerSeq: number,
  judge: Judge = acceptAll,
): Decision {
  const known = new Map(stored);
  const results: PushResult[] = [];
  const inserts: Decision['inserts'] = [];
  let last = lastServerSeq;
  for (const candidate of candidates) {
    const { id, hash } = candidate.entry;
    const before = known.get(id);
    if (before === undefined) {
      const verdict = judge(candidate);
      if (verdict.outcome === 'refused') {
        const { code, message, field } = verdict;
        results.push(field === undefined ? { id, outcome: 'rejected', code, message } : { id, outcome: 'rejected', code, message, field });
        continue;
      }
      last += 1;
      known.set(id, { hash, serverSeq: last });
      inserts.push({ candidate, serverSeq: last });
      results.push({ id, outcome: 'posted', serverSeq: last });
    } else if (before.hash === hash) {
      results.push({ id, outcome: 'duplicate', serverSeq: before.serverSeq });
    } else {
      results.push({ id, outcome: 'conflict', message: conflictMessageTh });
    }
  }
  return { results, inserts, lastServerSeq: last };
}
