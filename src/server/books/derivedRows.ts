/**
 * The rows an accepted entry adds to the derived tables (migration 002), and writing them for a whole
 * batch in one statement per table. Written in the push transaction, right after the entries, so the
 * derived tables never hold anything of an entry that was not committed, nor miss one that was.
 */
import { budgetEffectsOf, type Entry } from '../../domain/entry';
import { budgetLineDefsOf } from '../../domain/kinds/budgetEntry';
import type { BudgetLineDef } from '../../domain/budget/budgetLine';
import type { Queryable } from '../db';

interface ReceiptNumberRow { book_no: string; receipt_no: number; entry_id: string }
interface BudgetLineRow { fiscal_year: number; code: string; def: BudgetLineDef; entry_id: string }
interface BudgetEffectRow {
  entry_id: string;
  idx: number;
  fiscal_year: number;
  line_code: string;
  column_name: string;
  amount_satang: number;
  commitment_id: string | null;
}
interface CancellationRow { target_id: string; cancel_id: string }

/** Derived rows of a batch, gathered entry by entry as they are accepted, in request order. */
export class DerivedRows {
  readonly receiptNumbers: ReceiptNumberRow[] = [];
  readonly budgetLines: BudgetLineRow[] = [];
  readonly budgetEffects: BudgetEffectRow[] = [];
  readonly cancellations: CancellationRow[] = [];
  private readonly linesSeen = new Set<string>();

  /** Adds what one accepted entry derives. A cancel needs its target (for the effects it undoes). */
  add(entry: Entry, cancelTarget?: Entry): void {
    if (entry.kind === 'receipt') {
      this.receiptNumbers.push({ book_no: entry.doc.bookNo, receipt_no: entry.doc.receiptNo, entry_id: entry.id });
    }
    if (entry.kind === 'budget') {
      for (const def of budgetLineDefsOf(entry.doc)) {
        // The first definition wins, within a batch as against the table (ON CONFLICT DO NOTHING).
        const key = `${def.fiscalYear}\u0000${def.code}`;
        if (this.linesSeen.has(key)) continue;
        this.linesSeen.add(key);
        this.budgetLines.push({ fiscal_year: def.fiscalYear, code: def.code, def, entry_id: entry.id });
      }
    }
    if (entry.kind === 'cancel') {
      if (!cancelTarget || cancelTarget.id !== entry.doc.targetId) throw new Error(`cancel ${entry.id} accepted without its target`);
      this.cancellations.push({ target_id: cancelTarget.id, cancel_id: entry.id });
    }
    budgetEffectsOf(entry, cancelTarget).forEach((e, idx) => {
      this.budgetEffects.push({
        entry_id: entry.id,
        idx,
        fiscal_year: e.fiscalYear,
        line_code: e.lineCode,
        column_name: e.column,
        amount_satang: e.amountSatang,
        commitment_id: e.commitmentId ?? null,
      });
    });
  }
}

/**
 * Inserts a batch's derived rows: at most four statements. Receipt numbers and cancellations have no
 * ON CONFLICT: the rules already refused a taken number or a second cancel, so a clash here is a broken
 * invariant and must fail the transaction, not be skipped.
 */
export async function insertDerivedRows(tx: Queryable, orgId: string, rows: DerivedRows): Promise<void> {
  // `$2::text::jsonb`: records travel as JSON text, which PGlite and node-postgres pass through unchanged.
  if (rows.receiptNumbers.length > 0) {
    await tx.query(
      `INSERT INTO receipt_numbers (org_id, book_no, receipt_no, entry_id)
       SELECT $1::uuid, r.book_no, r.receipt_no, r.entry_id
         FROM jsonb_to_recordset($2::text::jsonb) AS r(book_no text, receipt_no integer, entry_id uuid)`,
      [orgId, JSON.stringify(rows.receiptNumbers)],
    );
  }
  if (rows.budgetLines.length > 0) {
    await tx.query(
      `INSERT INTO budget_lines (org_id, fiscal_year, code, def, entry_id)
       SELECT $1::uuid, r.fiscal_year, r.code, r.def, r.entry_id
         FROM jsonb_to_recordset($2::text::jsonb) AS r(fiscal_year integer, code text, def jsonb, entry_id uuid)
       ON CONFLICT (org_id, fiscal_year, code) DO NOTHING`,
      [orgId, JSON.stringify(rows.budgetLines)],
    );
  }
  if (rows.budgetEffects.length > 0) {
    await tx.query(
      `INSERT INTO budget_effects (org_id, entry_id, idx, fiscal_year, line_code, column_name, amount_satang, commitment_id)
       SELECT $1::uuid, r.entry_id, r.idx, r.fiscal_year, r.line_code, r.column_name, r.amount_satang, r.commitment_id
         FROM jsonb_to_recordset($2::text::jsonb)
           AS r(entry_id uuid, idx integer, fiscal_year integer, line_code text, column_name text, amount_satang bigint, commitment_id uuid)`,
      [orgId, JSON.stringify(rows.budgetEffects)],
    );
  }
  if (rows.cancellations.length > 0) {
    await tx.query(
      `INSERT INTO cancellations (org_id, target_id, cancel_id)
       SELECT $1::uuid, r.target_id, r.cancel_id FROM jsonb_to_recordset($2::text::jsonb) AS r(target_id uuid, cancel_id uuid)`,
      [orgId, JSON.stringify(rows.cancellations)],
    );
  }
}
