/**
 * The receipt-books setting (ตั้งค่า): this PC's books as typed, rows of เล่มที่ / เลขที่เริ่ม /
 * เลขที่สิ้นสุด. Reads the numbers (the store validates the ranges again, overlaps included); blank
 * rows are dropped. Errors are keyed `<row>.<field>` like the store's own `field` paths.
 */
import type { FieldErrors } from '../domain/forms';
import type { ReceiptBookRange } from '../store';

export interface ReceiptBookRowInput {
  bookNo: string;
  firstNo: string;
  lastNo: string;
}

/** `formRows[i]` is the form row of `books[i]` (blank rows are dropped), to place the store's errors. */
export type ReceiptBooksRead = { ok: true; books: ReceiptBookRange[]; formRows: number[] } | { ok: false; errors: FieldErrors };

/** @example readReceiptBooksForm([{ bookNo: '12', firstNo: '1', lastNo: '100' }]) // { ok: true, books: [{ bookNo: '12', firstNo: 1, lastNo: 100 }], formRows: [0] } */
export function readReceiptBooksForm(rows: readonly ReceiptBookRowInput[]): ReceiptBooksRead {
  const errors: FieldErrors = {};
  const books: ReceiptBookRange[] = [];
  const formRows: number[] = [];
  rows.forEach((row, i) => {
    if (row.bookNo.trim() === '' && row.firstNo.trim() === '' && row.lastNo.trim() === '') return;
    if (row.bookNo.trim() === '') errors[`${i}.bookNo`] = 'กรุณากรอกเล่มที่';
    const first = readNo(row.firstNo);
    const last = readNo(row.lastNo);
    if (first === undefined) errors[`${i}.firstNo`] = 'เลขที่เริ่มต้องเป็นตัวเลขมากกว่า 0';
    if (last === undefined) errors[`${i}.lastNo`] = 'เลขที่สิ้นสุดต้องเป็นตัวเลขมากกว่า 0';
    else if (first !== undefined && last < first) errors[`${i}.lastNo`] = 'เลขที่สิ้นสุดต้องไม่น้อยกว่าเลขที่เริ่ม';
    books.push({ bookNo: row.bookNo.trim(), firstNo: first ?? 0, lastNo: last ?? 0 });
    formRows.push(i);
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, books, formRows };
}

function readNo(text: string): number | undefined {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) && Number(t) > 0 ? Number(t) : undefined;
}

/** The rows a saved list shows (plus one blank row to add a book). */
export function receiptBookRows(books: readonly ReceiptBookRange[]): ReceiptBookRowInput[] {
  return [...books.map((b) => ({ bookNo: b.bookNo, firstNo: String(b.firstNo), lastNo: String(b.lastNo) })), { bookNo: '', firstNo: '', lastNo: '' }];
}
