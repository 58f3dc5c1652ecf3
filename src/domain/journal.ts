/**
 * Journal lines (รายการบัญชี) and the double-entry rule: every entry's debits equal its credits.
 */
import { z } from 'zod';
import { amountSatangMax, sumSatang, type Satang } from './money';

export interface JournalLine {
  account: string;
  debitSatang: Satang;
  creditSatang: Satang;
}

/** Lines per entry are bounded so one entry can never be an unbounded amount of work. */
export const entryLinesMax = 100;

const satangField = z.number().int().min(0).max(amountSatangMax);

export const journalLineSchema = z
  .object({
    account: z.string().regex(/^\d{3,16}$/, { error: 'รหัสบัญชีต้องเป็นตัวเลข 3–16 หลัก' }),
    debitSatang: satangField,
    creditSatang: satangField,
  })
  .strict()
  .refine((l) => (l.debitSatang === 0) !== (l.creditSatang === 0), {
    error: 'แต่ละบรรทัดต้องมียอดเดบิตหรือเครดิตอย่างใดอย่างหนึ่ง',
  });

export interface JournalTotals {
  debitSatang: Satang;
  creditSatang: Satang;
}

export function journalTotals(lines: readonly JournalLine[]): JournalTotals {
  return {
    debitSatang: sumSatang(lines.map((l) => l.debitSatang)),
    creditSatang: sumSatang(lines.map((l) => l.creditSatang)),
  };
}

/** Σdebit = Σcredit, and the entry moves some money (an all-zero entry is a mistake, not a balance). */
export function isBalanced(lines: readonly JournalLine[]): boolean {
  if (lines.length < 2) return false;
  const t = journalTotals(lines);
  return t.debitSatang === t.creditSatang && t.debitSatang > 0;
}
