/**
 * ฎีกา (payment voucher): money paid out, charged to a budget line (its หมวด expense account) or to a
 * เงินรับฝาก account (paying on money held for others, e.g. remitting withheld tax). Deductions
 * (withholding tax, loan repayments, guarantees) are kept back and credited to their เงินรับฝาก accounts;
 * the payee gets the net.
 *   Dr expense (or the deposit account)  gross
 *       Cr each deduction account         deduction
 *       Cr the bank (or cash)             net
 */
import { z } from 'zod';
import { budgetLineCodeSchema, fiscalYearSchema } from '../budget/budgetLine';
import { isBalanced, type JournalLine } from '../journal';
import { sumSatang, type Satang } from '../money';
import { accountField, amountField, amountOrZeroField, entryIdField, optionalTextField, textField } from './fields';

export type PaymentMethod = 'cheque' | 'transfer' | 'cash';

export const paymentMethodNamesTh: Record<PaymentMethod, string> = { cheque: 'เช็ค', transfer: 'โอนเงิน', cash: 'เงินสด' };

export type PaymentCharge =
  | {
      kind: 'budget';
      fiscalYear: number;
      budgetLine: string;
      /** The line's หมวด account (checked against the line when the books are consulted). */
      expenseAccount: string;
      /** The ผูกพัน entry this pays on, if any. */
      commitmentId?: string;
      /** How much of that commitment this payment uses up (0 without one). */
      commitmentReleaseSatang: Satang;
    }
  | { kind: 'deposit'; account: string };

export type DeductionKind = 'withholding' | 'other';

export interface Deduction {
  kind: DeductionKind;
  account: string;
  amountSatang: Satang;
  note?: string;
}

export interface PaymentDoc {
  /** เลขที่ฎีกา */
  voucherNo: string;
  payee: string;
  description: string;
  charge: PaymentCharge;
  grossSatang: Satang;
  deductions: Deduction[];
  netSatang: Satang;
  method: PaymentMethod;
  /** The bank account (cheque, transfer) or cash account the net is paid from. */
  paidFrom: string;
  /** Cheque number or transfer reference. */
  reference?: string;
}

export const deductionsMax = 10;

const chargeSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('budget'),
        fiscalYear: fiscalYearSchema,
        budgetLine: budgetLineCodeSchema,
        expenseAccount: accountField('บัญชีรายจ่าย'),
        commitmentId: entryIdField.optional(),
        commitmentReleaseSatang: amountOrZeroField('ยอดที่ตัดจากเงินผูกพัน'),
      })
      .strict(),
    z.object({ kind: z.literal('deposit'), account: accountField('บัญชีเงินรับฝากที่จ่าย') }).strict(),
  ],
  { error: 'กรุณาเลือกว่าจ่ายจากงบประมาณหรือจากเงินรับฝาก' },
);

export const paymentDocSchema = z
  .object({
    voucherNo: textField('เลขที่ฎีกา', 30),
    payee: textField('ชื่อผู้รับเงิน'),
    description: textField('รายละเอียดการจ่าย', 300),
    charge: chargeSchema,
    grossSatang: amountField('จำนวนเงินขอเบิก'),
    deductions: z
      .array(
        z
          .object({
            kind: z.enum(['withholding', 'other'], { error: 'ประเภทรายการหักไม่ถูกต้อง' }),
            account: accountField('บัญชีรายการหัก'),
            amountSatang: amountField('จำนวนเงินที่หัก'),
            note: optionalTextField('หมายเหตุรายการหัก', 100),
          })
          .strict(),
      )
      .max(deductionsMax, { error: `รายการหักมีได้ไม่เกิน ${deductionsMax} รายการ` }),
    netSatang: amountField('จำนวนเงินจ่ายสุทธิ'),
    method: z.enum(['cheque', 'transfer', 'cash'], { error: 'กรุณาเลือกวิธีจ่ายเงิน' }),
    paidFrom: accountField('บัญชีที่จ่ายเงิน'),
    reference: optionalTextField('เลขที่เช็ค/อ้างอิงการโอน', 50),
  })
  .strict()
  .refine((d) => d.netSatang === d.grossSatang - sumSatang(d.deductions.map((x) => x.amountSatang)), {
    error: 'จำนวนเงินจ่ายสุทธิต้องเท่ากับยอดขอเบิกหักด้วยรายการหักทั้งหมด',
    path: ['netSatang'],
  })
  .refine((d) => d.charge.kind !== 'budget' || d.charge.commitmentReleaseSatang <= d.grossSatang, {
    error: 'ยอดที่ตัดจากเงินผูกพันต้องไม่เกินยอดขอเบิก',
    path: ['charge', 'commitmentReleaseSatang'],
  })
  .refine((d) => d.charge.kind !== 'budget' || d.charge.commitmentId !== undefined || d.charge.commitmentReleaseSatang === 0, {
    error: 'ระบุยอดที่ตัดจากเงินผูกพันได้เมื่ออ้างถึงรายการผูกพันเท่านั้น',
    path: ['charge', 'commitmentReleaseSatang'],
  });

export function deductionsTotalSatang(doc: Pick<PaymentDoc, 'deductions'>): Satang {
  return sumSatang(doc.deductions.map((d) => d.amountSatang));
}

export function chargedAccountOf(charge: PaymentCharge): string {
  return charge.kind === 'budget' ? charge.expenseAccount : charge.account;
}

export function derivePaymentLines(doc: PaymentDoc): JournalLine[] {
  const lines: JournalLine[] = [
    { account: chargedAccountOf(doc.charge), debitSatang: doc.grossSatang, creditSatang: 0 },
    ...doc.deductions.map((d) => ({ account: d.account, debitSatang: 0, creditSatang: d.amountSatang })),
    { account: doc.paidFrom, debitSatang: 0, creditSatang: doc.netSatang },
  ];
  if (!isBalanced(lines)) throw new Error('payment lines do not balance: net must be gross less deductions');
  return lines;
}
