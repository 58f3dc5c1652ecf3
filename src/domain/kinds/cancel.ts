/**
 * ยกเลิก: reverses an earlier entry by id. Entries are never edited or deleted; a cancel is a new entry
 * whose lines are the original's with debit and credit swapped (so the two net to zero) and whose
 * budget effects undo the original's. A cancelled receipt stays in its book, marked ยกเลิก.
 */
import { z } from 'zod';
import type { JournalLine } from '../journal';
import { entryIdField, textField } from './fields';

export interface CancelDoc {
  targetId: string;
  /** The hash of the entry cancelled: pins exactly which content is reversed. */
  targetHash: string;
  reason: string;
}

export const cancelDocSchema = z
  .object({
    targetId: entryIdField,
    targetHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'ค่าแฮชของรายการที่ยกเลิกไม่ถูกต้อง' }),
    reason: textField('เหตุผลที่ยกเลิก', 300),
  })
  .strict();

/** The original's lines, debit and credit swapped. */
export function reverseLines(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((l) => ({ account: l.account, debitSatang: l.creditSatang, creditSatang: l.debitSatang }));
}
