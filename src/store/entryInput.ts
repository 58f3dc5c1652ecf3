/**
 * What a form gives the store to record: the business date, who records it, and the document of one
 * kind. Validated with the domain's own document schemas, so the stored document is exactly the parsed
 * (trimmed) one the server will parse again: hashing the raw input would fail the server's hash check.
 */
import { z } from 'zod';
import type { EntryDoc } from '../domain/entry';
import { budgetDocSchema } from '../domain/kinds/budgetEntry';
import { cancelDocSchema } from '../domain/kinds/cancel';
import { depositDocSchema } from '../domain/kinds/deposit';
import { textField } from '../domain/kinds/fields';
import { journalVoucherDocSchema } from '../domain/kinds/journalVoucher';
import { paymentDocSchema } from '../domain/kinds/payment';
import { receiptDocSchema } from '../domain/kinds/receipt';
import { isIsoDate, type IsoDate } from '../domain/thaiDate';
import { StoreError } from './storeError';

/** One entry to record: `{ date, recordedBy, kind, doc }`. */
export type RecordEntryInput = { date: IsoDate; recordedBy: string } & EntryDoc;

const envelope = {
  date: z
    .string({ error: 'กรุณากรอกวันที่ของรายการ' })
    .refine(isIsoDate, { error: 'วันที่ของรายการไม่ถูกต้อง (ไม่มีวันที่นี้อยู่จริง)' }),
  recordedBy: textField('ชื่อผู้บันทึก', 100),
};

export const recordEntryInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...envelope, kind: z.literal('receipt'), doc: receiptDocSchema }),
    z.object({ ...envelope, kind: z.literal('deposit'), doc: depositDocSchema }),
    z.object({ ...envelope, kind: z.literal('payment'), doc: paymentDocSchema }),
    z.object({ ...envelope, kind: z.literal('budget'), doc: budgetDocSchema }),
    z.object({ ...envelope, kind: z.literal('journal'), doc: journalVoucherDocSchema }),
    z.object({ ...envelope, kind: z.literal('cancel'), doc: cancelDocSchema }),
  ],
  { error: 'ชนิดรายการไม่รองรับ' },
);

const thaiPattern = /[\u0E00-\u0E7F]/;

/**
 * The input parsed, or a StoreError('invalid-entry') whose message is the first problem in Thai and
 * whose `field` is `date`, `recordedBy`, or the path inside the document (`items.0.amountSatang`).
 */
export function parseRecordEntryInput(raw: unknown): { ok: true; input: RecordEntryInput } | { ok: false; error: StoreError } {
  const parsed = recordEntryInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data as RecordEntryInput };
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map(String);
  const field = (path[0] === 'doc' ? path.slice(1) : path).join('.');
  // zod's own messages (an unknown key, a wrong type with no message of ours) are English: never show them.
  const messageTh =
    issue !== undefined && thaiPattern.test(issue.message) ? issue.message : `ข้อมูลของรายการไม่ถูกต้อง${field ? ` (ช่อง ${field})` : ''}`;
  return { ok: false, error: new StoreError('invalid-entry', messageTh, field ? { field } : {}) };
}
