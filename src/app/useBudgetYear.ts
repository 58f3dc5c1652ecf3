/**
 * The budget lines and open commitments of one fiscal year, followed live, as the budget and payment
 * forms use them: to offer lines and commitments, and as the context their readers check against.
 */
import type { BudgetLineDef } from '../domain/budget/budgetLine';
import type { SamutDb } from '../store';
import { readBudgetLines, readCommitments, type CommitmentView, type LineView } from './booksReads';
import { useLiveQuery } from './useLiveQuery';

export interface BudgetYear {
  /** The year's lines, in code order (none until read). */
  lines: LineView[];
  /** The year's open commitments (none until read). */
  commitments: CommitmentView[];
  /** The same, as a form reader's context. */
  readerContext: { budgetLines: BudgetLineDef[]; commitments: CommitmentView[] };
}

export function useBudgetYear(db: SamutDb, fy: number): BudgetYear {
  const lines = useLiveQuery(() => readBudgetLines(db, fy), [db, fy]);
  const commitments = useLiveQuery(() => readCommitments(db, fy), [db, fy]);
  const lineList = lines.status === 'ready' ? lines.value : [];
  const commitmentList = commitments.status === 'ready' ? commitments.value : [];
  return {
    lines: lineList,
    commitments: commitmentList,
    readerContext: { budgetLines: lineList.map((l) => l.def), commitments: commitmentList },
  };
}
