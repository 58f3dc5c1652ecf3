/**
 * ใบผ่านรายการบัญชี (journal voucher): free debit/credit lines that must balance. Also carries the
 * opening balances of a fiscal year (purpose `opening`, dated 1 October).
 */
import { z } from 'zod';
import { entryLinesMax, isBalanced, type JournalLine } from '../journal';
import { accountField, amountOrZeroField, optionalTextField, textField } from './fields';

export type JournalPurpose = 'general' | 'opening';

export interface JournalVoucherLine extends JournalLine {
  note?: string;
}

export interface JournalVoucherDoc {
  voucherNo: string;
  purpose: JournalPurpose;
  description: string;
  lines: JournalVoucherLine[];
}

export const journalVoucherDocSchema = z
  .object({
    voucherNo: textField('เลขที่ใบผ่านรายการ', 30),
    purpose: z.enum(['general', 'opening'], { error: 'กรุณาเลือกชนิดใบผ่านรายการ' }),
    description: textField('คำอธิบาย', 300),
    lines: z
      .array(
        z
          .object({
            account: accountField('บัญชี'),
            debitSatang: amountOrZeroField('ยอดเดบิต'),
            creditSatang: amountOrZeroField('ยอดเครดิต'),
            note: optionalTextField('หมายเหตุ', 100),
          })
          .strict()
          .refine((l) => (l.debitSatang === 0) !== (l.creditSatang === 0), {
            error: 'แต่ละบรรทัดต้องมียอดเดบิตหรือเครดิตอย่างใดอย่างหนึ่ง',
          }),
        { error: 'กรุณาระบุรายการบัญชี' },
      )
      .min(2, { error: 'ใบผ่านรายการต้องมีอย่างน้อย 2 บรรทัด' })
      .max(entryLinesMax, { error: `ใบผ่านรายการมีได้ไม่เกิน ${entryLinesMax} บรรทัด` }),
  })
  .strict()
  .refine((d) => isBalanced(d.lines), { error: 'ยอดเดบิตรวมไม่เท่ากับยอดเครดิตรวม', path: ['lines'] });

export function deriveJournalVoucherLines(doc: JournalVoucherDoc): JournalLine[] {
  return doc.lines.map((l) => ({ account: l.account, debitSatang: l.debitSatang, creditSatang: l.creditSatang }));
}
