/** Outcomes of checking an entry against the books, and the rules shared by every kind. */
import { requireAccount } from '../chart/chart';
import type { AccountRole, AccountType } from '../chart/account';
import type { Entry } from '../entry';
import { fiscalYearOf, formatBeDate } from '../thaiDate';
import type { BooksLookup } from './booksLookup';

export type BooksRejectionCode =
  | 'unknown_account'
  | 'date_in_future'
  | 'date_closed'
  | 'receipt_number_taken'
  | 'budget_line_unknown'
  | 'budget_line_exists'
  | 'fiscal_year_mismatch'
  | 'expense_account_mismatch'
  | 'overspend'
  | 'transfer_exceeds'
  | 'commitment_unknown'
  | 'release_exceeds'
  | 'opening_date'
  | 'cancel_unknown'
  | 'cancel_already'
  | 'cancel_of_cancel'
  | 'cancel_mismatch'
  | 'cancel_blocked';

export type BooksCheck =
  | { outcome: 'accepted' }
  | { outcome: 'refused'; code: BooksRejectionCode; messageTh: string; /** the document field at fault */ field?: string };

export const accepted: BooksCheck = { outcome: 'accepted' };

export function refuse(code: BooksRejectionCode, messageTh: string, field?: string): BooksCheck {
  return field === undefined ? { outcome: 'refused', code, messageTh } : { outcome: 'refused', code, messageTh, field };
}

/** The date rules of every entry: not in the future, not in closed books. */
export function checkDate(entry: Entry, books: BooksLookup): BooksCheck {
  if (entry.date > books.todayIso) {
    return refuse('date_in_future', `วันที่ ${formatBeDate(entry.date)} ยังมาไม่ถึง (วันนี้ ${formatBeDate(books.todayIso)})`, 'date');
  }
  const closed = books.rules.booksClosedThrough;
  if (closed !== undefined && entry.date <= closed) {
    return refuse('date_closed', `ปิดบัญชีถึงวันที่ ${formatBeDate(closed)} แล้ว บันทึกรายการลงวันที่ ${formatBeDate(entry.date)} ไม่ได้`, 'date');
  }
  return accepted;
}

/** Every account a line posts to exists and is postable in the entry's fiscal year. */
export function checkLineAccounts(entry: Entry, books: BooksLookup): BooksCheck {
  const fy = fiscalYearOf(entry.date);
  for (const [i, line] of entry.lines.entries()) {
    const r = requireAccount(books.chart, line.account, fy, {}, 'บัญชี');
    if (!r.ok) return refuse('unknown_account', r.messageTh, `lines.${i}.account`);
  }
  return accepted;
}

/** One account of a document, of the expected type or role. */
export function checkAccount(
  books: BooksLookup,
  entry: Entry,
  code: string,
  expect: { types?: readonly AccountType[]; roles?: readonly AccountRole[] },
  fieldTh: string,
  field: string,
): BooksCheck {
  const r = requireAccount(books.chart, code, fiscalYearOf(entry.date), expect, fieldTh);
  return r.ok ? accepted : refuse('unknown_account', r.messageTh, field);
}

/** The first refusal among checks run in order, or accepted. */
export function firstRefusal(...checks: (() => BooksCheck)[]): BooksCheck {
  for (const c of checks) {
    const r = c();
    if (r.outcome === 'refused') return r;
  }
  return accepted;
}
