/**
 * The books' half of judging a push: loads, in a fixed handful of set-based statements, the slice of
 * the organisation's books that the batch's new entries read, into the domain's InMemoryBooks, and
 * judges each entry with the domain's `checkAgainstBooks` in request order, advancing the books after
 * each accepted one — so entry k is judged against the stored books plus entries 1..k-1 (an
 * appropriation then a payment on it, in one push, both post).
 *
 * Keys are collected in two phases, because a cancel's reversal touches what its target touched:
 *   1. every entry's own keys; the ids cancels name are loaded (stored entries with their cancellations);
 *   2. with each cancel's possible targets known (stored, or new in this same batch), the keys of their
 *      reversal (lines, commitments); then receipt numbers, budget lines and commitments are loaded.
 */
import { booksKeysOf, mergeBooksKeys, type BooksKeys } from '../../domain/books/booksKeys';
import { checkAgainstBooks } from '../../domain/books/checkAgainstBooks';
import { InMemoryBooks } from '../../domain/books/inMemoryBooks';
import type { Entry } from '../../domain/entry';
import { bangkokDateOf } from '../../domain/thaiDate';
import type { Queryable } from '../db';
import { DerivedRows } from '../books/derivedRows';
import { loadEntryRecords, loadStoredRegisters } from '../books/loadBooks';
import { loadOrgSetup } from '../books/orgSetup';
import type { Judge, Verdict } from './decideOutcomes';
import type { Candidate } from './screenEntries';

/** A cancel of a stored entry this version cannot read cannot be checked, so it is refused alone. */
export const unreadableTargetVerdict: Verdict = {
  outcome: 'refused',
  code: 'cancel_target_unreadable',
  message: 'รายการที่ต้องการยกเลิกถูกบันทึกไว้ในรูปแบบที่ระบบรุ่นนี้อ่านไม่ได้ จึงยกเลิกไม่ได้ กรุณาแจ้งผู้ดูแลระบบ',
  field: 'targetId',
};

/** A push's judge, and the derived rows of the entries it accepted (to insert with them). */
export interface BooksGate {
  judge: Judge;
  derived: DerivedRows;
}

/**
 * Opens the gate for the new candidates of one push (ids not stored yet), inside its transaction.
 * @example const gate = await openBooksGate(tx, orgId, newCandidates, receivedAt);
 *          const decision = decideOutcomes(candidates, stored, last, gate.judge);
 */
export async function openBooksGate(tx: Queryable, orgId: string, candidates: readonly Candidate[], now: Date): Promise<BooksGate> {
  const ownKeys = candidates.map((c) => booksKeysOf(c.entry));
  const targetIds = new Set(mergeBooksKeys(ownKeys).entryIds);
  const { records: storedTargets, unreadableIds } = await loadEntryRecords(tx, orgId, [...targetIds]);

  const reversalKeys: BooksKeys[] = [];
  if (targetIds.size > 0) {
    // An id may come twice in a batch with different content; which one is accepted is known only when
    // judging, so the keys of every possibility are loaded (a superset is harmless).
    const possibleTargets = new Map<string, Entry[]>();
    const addTarget = (e: Entry) => possibleTargets.set(e.id, [...(possibleTargets.get(e.id) ?? []), e]);
    for (const r of storedTargets) addTarget(r.entry);
    for (const c of candidates) if (targetIds.has(c.entry.id)) addTarget(c.entry);
    for (const { entry } of candidates) {
      if (entry.kind !== 'cancel') continue;
      // A cancel of a cancel is refused by the rules before any reversal is computed: no keys needed.
      for (const target of possibleTargets.get(entry.doc.targetId) ?? []) {
        if (target.kind !== 'cancel') reversalKeys.push(booksKeysOf(entry, target));
      }
    }
  }

  const { chart, rules } = await loadOrgSetup(tx, orgId);
  const registers = await loadStoredRegisters(tx, orgId, mergeBooksKeys([...ownKeys, ...reversalKeys]));
  const books = new InMemoryBooks({ chart, rules, todayIso: bangkokDateOf(now.getTime()), ...registers, entries: storedTargets });
  const derived = new DerivedRows();

  const judge: Judge = ({ entry }) => {
    if (entry.kind === 'cancel' && unreadableIds.has(entry.doc.targetId)) return unreadableTargetVerdict;
    const check = checkAgainstBooks(entry, books);
    if (check.outcome === 'refused') {
      const { code, messageTh: message, field } = check;
      return field === undefined ? { outcome: 'refused', code, message } : { outcome: 'refused', code, message, field };
    }
    const cancelTarget = entry.kind === 'cancel' ? books.entry(entry.doc.targetId)?.entry : undefined;
    books.apply(entry);
    derived.add(entry, cancelTarget);
    return { outcome: 'accepted' };
  };
  return { judge, derived };
}
