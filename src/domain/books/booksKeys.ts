/**
 * The slice of the books an entry's rules read, so a store loads only that (in a few set-based
 * queries per batch) instead of the whole ledger.
 */
import { budgetEffectsOf, type EntryContent } from '../entry';
import { budgetLineDefsOf } from '../kinds/budgetEntry';

export interface BooksKeys {
  receiptNumbers: { bookNo: string; receiptNo: number }[];
  budgetLines: { fiscalYear: number; code: string }[];
  commitmentIds: string[];
  entryIds: string[];
}

export function emptyBooksKeys(): BooksKeys {
  return { receiptNumbers: [], budgetLines: [], commitmentIds: [], entryIds: [] };
}

/**
 * Keys one entry's rules read. A cancel reads its target; once the target is loaded, call again with
 * it to get the keys the target's reversal touches (its budget lines and commitment). Reads the
 * documents and ids, never the lines or the hash: a store asks before it derives its entries.
 */
export function booksKeysOf(entry: EntryContent, cancelTarget?: EntryContent): BooksKeys {
  const keys = emptyBooksKeys();
  switch (entry.kind) {
    case 'receipt':
      keys.receiptNumbers.push({ bookNo: entry.doc.bookNo, receiptNo: entry.doc.receiptNo });
      break;
    case 'payment':
      if (entry.doc.charge.kind === 'budget') {
        keys.budgetLines.push({ fiscalYear: entry.doc.charge.fiscalYear, code: entry.doc.charge.budgetLine });
        if (entry.doc.charge.commitmentId) keys.commitmentIds.push(entry.doc.charge.commitmentId);
      }
      break;
    case 'budget': {
      const d = entry.doc;
      for (const def of budgetLineDefsOf(d)) keys.budgetLines.push({ fiscalYear: def.fiscalYear, code: def.code });
      if (d.action === 'transfer') {
        keys.budgetLines.push({ fiscalYear: d.fiscalYear, code: d.fromLine }, { fiscalYear: d.fiscalYear, code: d.toLine });
      }
      if (d.action === 'commitment') keys.budgetLines.push({ fiscalYear: d.fiscalYear, code: d.line });
      if (d.action === 'release') {
        keys.budgetLines.push({ fiscalYear: d.fiscalYear, code: d.line });
        keys.commitmentIds.push(d.commitmentId);
      }
      break;
    }
    case 'cancel':
      keys.entryIds.push(entry.doc.targetId);
      // A cancel of a cancel is refused by the rules; its keys are just the target.
      if (cancelTarget && cancelTarget.kind !== 'cancel') {
        for (const e of budgetEffectsOf(cancelTarget)) {
          keys.budgetLines.push({ fiscalYear: e.fiscalYear, code: e.lineCode });
          if (e.commitmentId) keys.commitmentIds.push(e.commitmentId);
        }
        if (cancelTarget.kind === 'budget' && cancelTarget.doc.action === 'commitment') keys.commitmentIds.push(cancelTarget.id);
      }
      break;
    default:
      break;
  }
  return keys;
}

/** Merges keys of several entries, without duplicates. */
export function mergeBooksKeys(all: readonly BooksKeys[]): BooksKeys {
  const receipt = new Map<string, { bookNo: string; receiptNo: number }>();
  const lines = new Map<string, { fiscalYear: number; code: string }>();
  const commitments = new Set<string>();
  const entries = new Set<string>();
  for (const k of all) {
    for (const r of k.receiptNumbers) receipt.set(`${r.bookNo}\u0000${r.receiptNo}`, r);
    for (const l of k.budgetLines) lines.set(`${l.fiscalYear}\u0000${l.code}`, l);
    k.commitmentIds.forEach((c) => commitments.add(c));
    k.entryIds.forEach((e) => entries.add(e));
  }
  return {
    receiptNumbers: [...receipt.values()],
    budgetLines: [...lines.values()],
    commitmentIds: [...commitments],
    entryIds: [...entries],
  };
}
