/**
 * The receipt form's text state between saves. Validation itself is the domain's
 * (readReceiptForm); this only decides what the form holds before the first and after each save.
 */
import type { ReceiptFormInput } from '../domain/receipt';

/** A fresh form dated `todayBe` (B.E. `dd/mm/bbbb`), paid in cash, nothing else filled. */
export function emptyReceiptForm(todayBe: string): ReceiptFormInput {
  return { dateBe: todayBe, bookNo: '', receiptNo: '', payer: '', revenueAccount: '', amountBaht: '', method: 'cash' };
}

/**
 * The form after a saved receipt: same date, book, revenue item and method (receipts come from the
 * paper book in runs), the next number, payer and amount cleared.
 * @example nextReceiptForm({ ...saved, receiptNo: '0041' }).receiptNo // '0042'
 */
export function nextReceiptForm(saved: ReceiptFormInput): ReceiptFormInput {
  return { ...saved, receiptNo: nextReceiptNo(saved.receiptNo), payer: '', amountBaht: '' };
}

/** The number after `receiptNo`, keeping leading zeros as typed; unchanged when it is not digits. */
export function nextReceiptNo(receiptNo: string): string {
  const digits = receiptNo.trim();
  if (!/^\d{1,15}$/.test(digits)) return receiptNo;
  return String(Number(digits) + 1).padStart(digits.length, '0');
}
