/**
 * The receipt form's text between saves. Validation itself is the domain's (readReceiptForm); this only
 * decides what the form holds before the first save and after each one.
 */
import { emptyReceiptItem, type ReceiptFormInput } from '../domain/forms';

/** A fresh form dated `todayBe` (B.E. `dd/mm/bbbb`), paid in cash into `cashAccount`, one empty item. */
export function emptyReceiptForm(todayBe: string, cashAccount: string): ReceiptFormInput {
  return {
    dateBe: todayBe,
    bookNo: '',
    receiptNo: '',
    payer: '',
    items: [{ ...emptyReceiptItem }],
    method: 'cash',
    receivedInto: cashAccount,
    reference: '',
  };
}

/**
 * The form after a saved receipt: same date, book, method, account and item accounts (receipts come
 * from the paper book in runs, often for the same items), the next number; payer, amounts cleared.
 * @example nextReceiptForm({ ...saved, receiptNo: '0041' }).receiptNo // '0042'
 */
export function nextReceiptForm(saved: ReceiptFormInput): ReceiptFormInput {
  const accounts = saved.items.filter((i) => i.account !== '');
  return {
    ...saved,
    receiptNo: nextReceiptNo(saved.receiptNo),
    payer: '',
    reference: '',
    items: (accounts.length > 0 ? accounts : saved.items.slice(0, 1)).map((i) => ({ account: i.account, amountBaht: '', description: '' })),
  };
}

/** The number after `receiptNo`, keeping leading zeros as typed; unchanged when it is not digits. */
export function nextReceiptNo(receiptNo: string): string {
  const digits = receiptNo.trim();
  if (!/^\d{1,15}$/.test(digits)) return receiptNo;
  return String(Number(digits) + 1).padStart(digits.length, '0');
}
