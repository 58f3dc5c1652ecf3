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

/** The form's text turned into a business date and a valid document, with Thai messages per field. */
export const receiptFormSchema = z
  .object({
    dateBe: z.string().transform((text, ctx): IsoDate => {
      const d = parseBeDate(text);
      if (!d.ok) {
        ctx.addIssue({ code: 'custom', message: d.messageTh });
        return z.NEVER;
      }
      return d.iso;
    }),
    bookNo: z.string(),
    receiptNo: z.string().transform((text, ctx) => {
      const t = text.trim();
      if (!/^\d+$/.test(t)) {
        ctx.addIssue({ code: 'custom', message: 'เลขที่ใบเสร็จต้องเป็นตัวเลข' });
        return z.NEVER;
      }
      return Number(t);
    }),
    payer: z.string(),
    revenueAccount: z.string(),
    amountBaht: z.string().transform((text, ctx) => {
      const a = parseBaht(text);
      if (!a.ok) {
        ctx.addIssue({ code: 'custom', message: a.messageTh });
        return z.NEVER;
      }
      return a.satang;
    }),
    method: z.string(),
  })
  .transform((f) => ({
    date: f.dateBe,
    doc: {
      bookNo: f.bookNo,
      receiptNo: f.receiptNo,
      payer: f.payer,
      revenueAccount: f.revenueAccount,
      amountSatang: f.amountBaht,
      method: f.method,
    },
  }))
  .pipe(z.object({ date: z.string(), doc: receiptDocSchema }));

export type ReceiptFormResult =
  | { ok: true; date: IsoDate; doc: ReceiptDoc }
  | { ok: false; errors: Partial<Record<keyof ReceiptFormInput, string>> };

/** Field names of the document mapped back to the form field that holds them. */
const formFieldOfDocField: Record<string, keyof ReceiptFormInput> = {
  amountSatang: 'amountBaht',
  date: 'dateBe',
};

/** Validates the receipt form; on failure, one Thai message per offending field. */
export function readReceiptForm(input: ReceiptFormInput): ReceiptFormResult {
  const r = receiptFormSchema.safeParse(input);
  if (r.success) return { ok: true, date: r.data.date, doc: r.data.doc as ReceiptDoc };
  const errors: Partial<Record<keyof ReceiptFormInput, string>> = {};
  for (const issue of r.error.issues) {
    const last = String(issue.path[issue.path.length - 1] ?? '');
    const field = (formFieldOfDocField[last] ?? last) as keyof ReceiptFormInput;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
