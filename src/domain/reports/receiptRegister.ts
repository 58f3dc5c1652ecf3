/**
 * ทะเบียนคุมใบเสร็จรับเงิน (receipt control register): per book (เล่มที่), the numbers used with date,
 * payer and amount, the numbers cancelled (they stay used: a cancelled receipt keeps its number,
 * marked ยกเลิก), the numbers missing between the lowest and the highest used (a gap is a receipt form
 * unaccounted for), and the count and total of the receipts that stand.
 */
import type { Entry, EntryOfKind } from '../entry';
import { receiptTotalSatang } from '../kinds/receipt';
import { sumSatang, type Satang } from '../money';
import type { IsoDate } from '../thaiDate';
import { compareText } from './accountTotals';
import { cancellationsOf, type Cancellations } from './cancellations';

export interface ReceiptRegisterRow {
  receiptNo: number;
  entryId: string;
  date: IsoDate;
  payer: string;
  amountSatang: Satang;
  cancelled: boolean;
}

/** Missing numbers fromNo..toNo (both included): ranges, since a book may run to 999,999. */
export interface ReceiptNumberGap {
  fromNo: number;
  toNo: number;
}

export interface ReceiptBookRegister {
  bookNo: string;
  /** Every receipt of the book, by number. */
  rows: ReceiptRegisterRow[];
  lowestNo: number;
  highestNo: number;
  cancelledNos: number[];
  gaps: ReceiptNumberGap[];
  /** Numbers held by more than one receipt (the books rules refuse it; shown if it ever happens). */
  duplicateNos: number[];
  /** Receipts not cancelled. */
  validCount: number;
  /** Their total. */
  validTotalSatang: Satang;
}

/**
 * The register of every book the entries hold (receipts of any date; the store passes a book's or a
 * year's receipts), books in เล่มที่ order.
 * @example receiptRegister(receiptsOfTheYear, { cancelledIds }) // [{ bookNo: '1', gaps: [{ fromNo: 4, toNo: 4 }], … }]
 */
export function receiptRegister(entries: readonly Entry[], known?: Cancellations): ReceiptBookRegister[] {
  const c = known ?? cancellationsOf(entries);
  const byBook = new Map<string, EntryOfKind<'receipt'>[]>();
  for (const e of entries) {
    if (e.kind !== 'receipt') continue;
    const book = byBook.get(e.doc.bookNo) ?? [];
    book.push(e);
    byBook.set(e.doc.bookNo, book);
  }
  return [...byBook.keys()].sort(compareBookNo).map((bookNo) => bookRegister(bookNo, byBook.get(bookNo)!, c));
}

function bookRegister(bookNo: string, receipts: readonly EntryOfKind<'receipt'>[], c: Cancellations): ReceiptBookRegister {
  const rows = receipts
    .map((e) => ({
      receiptNo: e.doc.receiptNo,
      entryId: e.id,
      date: e.date,
      payer: e.doc.payer,
      amountSatang: receiptTotalSatang(e.doc),
      cancelled: c.cancelledIds.has(e.id),
    }))
    .sort((a, b) => a.receiptNo - b.receiptNo || compareText(a.date, b.date) || compareText(a.entryId, b.entryId));
  const gaps: ReceiptNumberGap[] = [];
  const duplicateNos: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1]!.receiptNo;
    const no = rows[i]!.receiptNo;
    if (no === prev && duplicateNos[duplicateNos.length - 1] !== no) duplicateNos.push(no);
    if (no > prev + 1) gaps.push({ fromNo: prev + 1, toNo: no - 1 });
  }
  const valid = rows.filter((r) => !r.cancelled);
  return {
    bookNo,
    rows,
    lowestNo: rows[0]!.receiptNo,
    highestNo: rows[rows.length - 1]!.receiptNo,
    cancelledNos: rows.filter((r) => r.cancelled).map((r) => r.receiptNo),
    gaps,
    duplicateNos,
    validCount: valid.length,
    validTotalSatang: sumSatang(valid.map((r) => r.amountSatang)),
  };
}

/** Book "2" before "10": numerically when both are numbers, else as text. */
function compareBookNo(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b) || compareText(a, b);
  return compareText(a, b);
}
