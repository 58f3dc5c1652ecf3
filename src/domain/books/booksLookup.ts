/**
 * What the rules need to know of the books to accept an entry: a narrow, synchronous view that the
 * PC (from IndexedDB) and the server (from PostgreSQL) each fill with just the slice a batch needs
 * (see booksKeysOf), so the same pure rules run on both ends.
 */
import type { BudgetBalance, BudgetLineDef } from '../budget/budgetLine';
import type { Chart } from '../chart/chart';
import type { Entry } from '../entry';
import type { MoneyRules } from '../moneyRules';
import type { Satang } from '../money';
import type { IsoDate } from '../thaiDate';

export interface BudgetLineState {
  def: BudgetLineDef;
  balance: BudgetBalance;
}

export interface CommitmentState {
  /** The id of the ผูกพัน entry. */
  id: string;
  fiscalYear: number;
  line: string;
  originalSatang: Satang;
  /** Still committed: original less releases and payments made against it. */
  outstandingSatang: Satang;
}

export interface EntryRecord {
  entry: Entry;
  /** The id of the cancel entry that reversed it, if one did. */
  cancelledBy?: string;
}

export interface BooksLookup {
  chart: Chart;
  rules: MoneyRules;
  /** Today in Thailand, on the clock of whoever checks (the PC or the server). */
  todayIso: IsoDate;
  /** The id of the entry that used this receipt number, if any (cancelled receipts keep theirs). */
  receiptHolder(bookNo: string, receiptNo: number): string | undefined;
  budgetLine(fiscalYear: number, code: string): BudgetLineState | undefined;
  commitment(id: string): CommitmentState | undefined;
  entry(id: string): EntryRecord | undefined;
}
