/**
 * The rows an entry contributes to the books caches: its receipt number, the budget lines it defines,
 * its budget register movements, and the cancellation it makes. Pure: the same derivation serves the
 * incremental write (recordEntry), the removal of a rejected entry, and the full rebuild, so the three
 * can only agree. The caches are never the truth: they can always be recomputed from entries.
 */
import type { BudgetColumn, BudgetLineDef } from '../domain/budget/budgetLine';
import { budgetEffectsOf, type Entry } from '../domain/entry';
import { budgetLineDefsOf } from '../domain/kinds/budgetEntry';
import type { Satang } from '../domain/money';
import type { IsoDate } from '../domain/thaiDate';

/** `receiptNumbers`: which entry holds a receipt number of a book (cancelled receipts keep theirs). */
export interface ReceiptNumberRow {
  bookNo: string;
  receiptNo: number;
  entryId: string;
  /** Recording order of the holder ({@link recordingOrderOf}): the first holder wins. */
  order: string;
}

/** `budgetLines`: a budget line's definition, from the first counting entry that defines it. */
export interface BudgetLineDefRow {
  fiscalYear: number;
  code: string;
  def: BudgetLineDef;
  /** The entry the definition comes from. */
  entryId: string;
  order: string;
}

/** `budgetEffects`: one register movement of one entry (`n` numbers the entry's movements). */
export interface BudgetEffectRow {
  entryId: string;
  n: number;
  fiscalYear: number;
  lineCode: string;
  column: BudgetColumn;
  amountSatang: Satang;
  commitmentId?: string;
}

/** `cancellations`: the cancel entry that reversed a target. */
export interface CancellationRow {
  targetId: string;
  cancelId: string;
  /** The target's date (indexed: which of a period's entries were cancelled); absent when the target is not on this PC. */
  targetDate?: IsoDate;
}

export interface BooksCacheRows {
  receiptNumber?: ReceiptNumberRow;
  lineDefs: BudgetLineDefRow[];
  effects: BudgetEffectRow[];
  cancellation?: CancellationRow;
}

/**
 * A key that sorts entries in the order they were recorded on this PC: recording instant, then device
 * seq, then id. "First definition wins" means first in this order, both when writing one entry at a
 * time and when rebuilding everything, so the two always agree.
 */
export function recordingOrderOf(entry: Pick<Entry, 'recordedAt' | 'seq' | 'id'>): string {
  return `${entry.recordedAt}|${String(entry.seq).padStart(16, '0')}|${entry.id}`;
}

/**
 * The cache rows of one counting entry. A cancel's budget movements are its target's, negated, so a
 * cancel needs `cancelTarget` (entries are never deleted, so the target is always on the PC).
 */
export function booksCacheRowsOf(entry: Entry, cancelTarget?: Entry): BooksCacheRows {
  const order = recordingOrderOf(entry);
  const rows: BooksCacheRows = { lineDefs: [], effects: [] };
  switch (entry.kind) {
    case 'receipt':
      rows.receiptNumber = { bookNo: entry.doc.bookNo, receiptNo: entry.doc.receiptNo, entryId: entry.id, order };
      break;
    case 'budget':
      rows.lineDefs = budgetLineDefsOf(entry.doc).map((def) => ({ fiscalYear: def.fiscalYear, code: def.code, def, entryId: entry.id, order }));
      break;
    case 'cancel':
      rows.cancellation = { targetId: entry.doc.targetId, cancelId: entry.id };
      if (cancelTarget !== undefined) rows.cancellation.targetDate = cancelTarget.date;
      break;
    default:
      break;
  }
  // A cancel moves the register by its target's effects, negated. Without its target, or with a cancel
  // as target (both refused by recordEntry, so only an imported or damaged history has them), it moves nothing.
  const reversible = cancelTarget !== undefined && cancelTarget.kind !== 'cancel';
  const effects = entry.kind === 'cancel' && !reversible ? [] : budgetEffectsOf(entry, cancelTarget);
  rows.effects = effects.map((e, n) => {
    const row: BudgetEffectRow = { entryId: entry.id, n, fiscalYear: e.fiscalYear, lineCode: e.lineCode, column: e.column, amountSatang: e.amountSatang };
    if (e.commitmentId !== undefined) row.commitmentId = e.commitmentId;
    return row;
  });
  return rows;
}
