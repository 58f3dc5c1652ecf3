/**
 * ใบเสร็จรับเงิน: money received. Debits cash (cash and cheques are cash on hand until deposited) or the
 * bank account a transfer arrived in; credits each item received for: a revenue item (รายได้) or a
 * เงินรับฝาก account (money held for others). Numbered per book (เล่มที่/เลขที่), gap-free.
 */
import { z } from 'zod';
import { isBalanced, type JournalLine } from '../journal';
import { sumSatang, type Satang } from '../money';
import { accountField, amountField, optionalTextField, textField } from './fields';

export type ReceiptMethod = 'cash' | 'cheque' | 'transfer';

export const receiptMethodNamesTh: Record<ReceiptMethod, string> = { cash: 'เงินสด', cheque: 'เช็ค', transfer: 'โอนเข้าบัญชีธนาคาร' };

export interface ReceiptItem {
  /** A revenue item or a เงินรับฝาก account. */
  account: string;
  amountSatang: Satang;
  description?: string;
}

export interface ReceiptDoc {
  /** เล่มที่ */
  bookNo: string;
  /** เลขที่ */
  receiptNo: number;
  /** ผู้ชำระเงิน */
  payer: string;
  items: ReceiptItem[];
  method: ReceiptMethod;
  /** The account debited: the cash account for cash/cheque, a bank account for a transfer. */
  receivedInto: string;
  /** Cheque number or transfer reference. */
  reference?: string;
}

export const receiptNoMax = 999_999;
export const receiptItemsMax = 20;

export const receiptDocSchema = z
  .object({
    bookNo: textField('เล่มที่', 20),
    receiptNo: z
      .number({ error: 'เลขที่ใบเสร็จต้องเป็นตัวเลข' })
      .int({ error: 'เลขที่ใบเสร็จต้องเป็นจำนวนเต็ม' })
      .min(1, { error: 'เลขที่ใบเสร็จต้องมากกว่า 0' })
      .max(receiptNoMax, { error: `เลขที่ใบเสร็จต้องไม่เกิน ${receiptNoMax}` }),
    payer: textField('ชื่อผู้ชำระเงิน'),
    items: z
      .array(
        z
          .object({
            account: accountField('รายการรับ'),
            amountSatang: amountField('จำนวนเงิน'),
            description: optionalTextField('คำอธิบายรายการ'),
          })
          .strict(),
        { error: 'กรุณาระบุรายการรับ' },
      )
      .min(1, { error: 'ใบเสร็จต้องมีอย่างน้อย 1 รายการ' })
      .max(receiptItemsMax, { error: `ใบเสร็จหนึ่งใบมีได้ไม่เกิน ${receiptItemsMax} รายการ` }),
    method: z.enum(['cash', 'cheque', 'transfer'], { error: 'กรุณาเลือกวิธีรับเงิน (เงินสด เช็ค หรือโอน)' }),
    receivedInto: accountField('บัญชีที่รับเงินเข้า'),
    reference: optionalTextField('เลขที่เช็ค/อ้างอิง', 50),
  })
  .strict();

export function receiptTotalSatang(doc: ReceiptDoc): Satang {
  return sumSatang(doc.items.map((i) => i.amountSatang));
}

/**
 * Dr เงินสด (or the bank) the total / Cr each item.
 * @example deriveReceiptLines({ ..., items: [{ account: '411002', amountSatang: 50000 }], receivedInto: '010' })
 *   // [{ account: '010', debitSatang: 50000, creditSatang: 0 }, { account: '411002', debitSatang: 0, creditSatang: 50000 }]
 */
export function deriveReceiptLines(doc: ReceiptDoc): JournalLine[] {
  const lines: JournalLine[] = [
    { account: doc.receivedInto, debitSatang: receiptTotalSatang(doc), creditSatang: 0 },
    ...doc.items.map((i) => ({ account: i.account, debitSatang: 0, creditSatang: i.amountSatang })),
  ];
  if (!isBalanced(lines)) throw new Error('receipt lines do not balance'); // the total is the sum of the items
  return lines;
}
