/**
 * ใบเสร็จรับเงิน: money received by the office. A receipt debits cash (or the bank, for a transfer) and
 * credits the revenue item it is for.
 */
import { z } from 'zod';
import { bankAccount, cashAccount, isRevenueAccountCode } from './accounts';
import { isBalanced, type JournalLine } from './journal';
import { amountSatangMax, parseBaht, type Satang } from './money';
import { parseBeDate, type IsoDate } from './thaiDate';

export type ReceiptMethod = 'cash' | 'bank';

export interface ReceiptDoc {
  /** เล่มที่ */
  bookNo: string;
  /** เลขที่ */
  receiptNo: number;
  /** ผู้ชำระเงิน */
  payer: string;
  revenueAccount: string;
  amountSatang: Satang;
  method: ReceiptMethod;
}

export const receiptNoMax = 999_999;

export const receiptDocSchema = z
  .object({
    bookNo: z
      .string({ error: 'กรุณากรอกเล่มที่' })
      .trim()
      .min(1, { error: 'กรุณากรอกเล่มที่' })
      .max(20, { error: 'เล่มที่ยาวเกิน 20 ตัวอักษร' }),
    receiptNo: z
      .number({ error: 'เลขที่ใบเสร็จต้องเป็นตัวเลข' })
      .int({ error: 'เลขที่ใบเสร็จต้องเป็นจำนวนเต็ม' })
      .min(1, { error: 'เลขที่ใบเสร็จต้องมากกว่า 0' })
      .max(receiptNoMax, { error: `เลขที่ใบเสร็จต้องไม่เกิน ${receiptNoMax}` }),
    payer: z
      .string({ error: 'กรุณากรอกชื่อผู้ชำระเงิน' })
      .trim()
      .min(1, { error: 'กรุณากรอกชื่อผู้ชำระเงิน' })
      .max(200, { error: 'ชื่อผู้ชำระเงินยาวเกิน 200 ตัวอักษร' }),
    revenueAccount: z
      .string({ error: 'กรุณาเลือกรายการรายได้' })
      .refine(isRevenueAccountCode, { error: 'ไม่มีรายการรายได้นี้ในผังบัญชี' }),
    amountSatang: z
      .number({ error: 'จำนวนเงินต้องเป็นตัวเลข' })
      .int({ error: 'จำนวนเงินต้องเป็นจำนวนเต็มสตางค์' })
      .min(1, { error: 'จำนวนเงินต้องมากกว่า 0' })
      .max(amountSatangMax, { error: 'จำนวนเงินมากเกินกว่าที่ระบบรับได้' }),
    method: z.enum(['cash', 'bank'], { error: 'กรุณาเลือกรับเป็นเงินสดหรือเงินฝากธนาคาร' }),
  })
  .strict();

/**
 * The journal lines of a receipt: Dr เงินสด (or เงินฝากธนาคาร) / Cr the revenue item.
 * @example deriveReceiptLines({ ..., amountSatang: 50000, method: 'cash', revenueAccount: '411002' })
 *   // [{ account: '1101010101', debitSatang: 50000, creditSatang: 0 },
 *   //  { account: '411002', debitSatang: 0, creditSatang: 50000 }]
 */
export function deriveReceiptLines(doc: ReceiptDoc): JournalLine[] {
  const debitAccount = doc.method === 'cash' ? cashAccount.code : bankAccount.code;
  const lines: JournalLine[] = [
    { account: debitAccount, debitSatang: doc.amountSatang, creditSatang: 0 },
    { account: doc.revenueAccount, debitSatang: 0, creditSatang: doc.amountSatang },
  ];
  if (!isBalanced(lines)) throw new Error('receipt lines do not balance'); // cannot happen: same amount both sides
  return lines;
}

/** What the receipt form holds: text, as typed. */
export interface ReceiptFormInput {
  dateBe: string;
  bookNo: string;
  receiptNo: string;
  payer: string;
  revenueAccount: string;
  amountBaht: string;
  method: string;
}

export type ReceiptFormResult =
  | { ok: true; date: IsoDate; doc: ReceiptDoc }
  | { ok: false; errors: Partial<Record<keyof ReceiptFormInput, string>> };

/**
 * Validates the receipt form. Every field is checked (not only up to the first error), so the officer
 * sees one Thai message per offending field at once.
 */
export function readReceiptForm(input: ReceiptFormInput): ReceiptFormResult {
  const errors: Partial<Record<keyof ReceiptFormInput, string>> = {};
  const date = parseBeDate(input.dateBe);
  if (!date.ok) errors.dateBe = date.messageTh;
  const amount = parseBaht(input.amountBaht);
  if (!amount.ok) errors.amountBaht = amount.messageTh;
  const receiptNoText = input.receiptNo.trim();
  if (!/^\d+$/.test(receiptNoText)) errors.receiptNo = 'เลขที่ใบเสร็จต้องเป็นตัวเลข';

  const doc = receiptDocSchema.safeParse({
    bookNo: input.bookNo,
    receiptNo: Number(receiptNoText),
    payer: input.payer,
    revenueAccount: input.revenueAccount,
    amountSatang: amount.ok ? amount.satang : 1,
    method: input.method,
  });
  if (!doc.success) {
    for (const issue of doc.error.issues) {
      const docField = String(issue.path[0] ?? '');
      const field = (docField === 'amountSatang' ? 'amountBaht' : docField) as keyof ReceiptFormInput;
      errors[field] ??= issue.message;
    }
  }
  if (!date.ok || !doc.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, date: date.iso, doc: doc.data };
}
