/**
 * A rule of this PC, not of the books: when receipt books are assigned to the PC (setup.ts), a receipt
 * must take its number from one of them, so two counters never issue the same paper number.
 */
import type { Entry } from '../domain/entry';
import type { ReceiptBookRange } from './setup';
import { receiptInBooks } from './setup';
import { StoreError } from './storeError';

/** The refusal of a receipt outside this PC's books, or undefined (not a receipt, or in range). */
export function receiptRangeRefusal(entry: Entry, books: readonly ReceiptBookRange[]): StoreError | undefined {
  if (entry.kind !== 'receipt') return undefined;
  const { bookNo, receiptNo } = entry.doc;
  if (receiptInBooks(books, bookNo, receiptNo)) return undefined;
  const ofBook = books.filter((b) => b.bookNo === bookNo);
  if (ofBook.length === 0) {
    const held = books.map((b) => `เล่มที่ ${b.bookNo} เลขที่ ${b.firstNo}–${b.lastNo}`).join(', ');
    return new StoreError('refused', `เครื่องนี้ไม่ได้รับมอบใบเสร็จเล่มที่ ${bookNo} (เล่มของเครื่องนี้: ${held})`, {
      rejectionCode: 'receipt_out_of_range',
      field: 'bookNo',
    });
  }
  const ranges = ofBook.map((b) => `${b.firstNo}–${b.lastNo}`).join(', ');
  return new StoreError('refused', `ใบเสร็จเล่มที่ ${bookNo} เลขที่ ${receiptNo} อยู่นอกช่วงเลขที่ที่เครื่องนี้ได้รับมอบ (${ranges})`, {
    rejectionCode: 'receipt_out_of_range',
    field: 'receiptNo',
  });
}
