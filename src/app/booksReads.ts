/**
 * The reads of the books the screens make (budget lines with their register columns, open
 * commitments), through the store, under the names the screens use.
 */
import { listBudgetLines, listCommitments, type BudgetLineView, type CommitmentView, type SamutDb } from '../store';

/** A budget line and its register columns (ทะเบียนงบประมาณ). */
export type LineView = BudgetLineView;
export type { CommitmentView };

/** The lines of one fiscal year, in code order. */
export function readBudgetLines(db: SamutDb, fiscalYear: number): Promise<LineView[]> {
  return listBudgetLines(db, fiscalYear);
}

/** The open commitments (still outstanding) of one fiscal year, of one line if given. */
export function readCommitments(db: SamutDb, fiscalYear: number, line?: string): Promise<CommitmentView[]> {
  return listCommitments(db, fiscalYear, line);
}
