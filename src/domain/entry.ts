/**
 * An entry (รายการ): one accounting document, immutable once recorded, with the journal lines derived
 * from it and a hash of the whole. The same code builds entries on the PC and checks them on the
 * server, so a buggy or tampered client cannot post books that the domain would not have derived.
 */
import { z } from 'zod';
import { entryHash } from './entryHash';
import { uuidPattern } from './entryId';
import { isBalanced, journalLineSchema, entryLinesMax, type JournalLine } from './journal';
import { deriveReceiptLines, receiptDocSchema, type ReceiptDoc } from './receipt';
import { isIsoDate, type IsoDate } from './thaiDate';

/** Version of the entry format; entries that waited months in a queue still say which one they use. */
export const entrySchemaVersion = 1;

export type EntryKind = 'receipt';

export interface Entry {
  schema: typeof entrySchemaVersion;
  id: string;
  orgId: string;
  deviceId: string;
  /** Per-device counter, gap-free, in recording order. */
  seq: number;
  kind: EntryKind;
  /** Business date (ISO, C.E.). */
  date: IsoDate;
  doc: ReceiptDoc;
  lines: JournalLine[];
  /** ISO instant the officer saved it. */
  recordedAt: string;
  recordedBy: string;
  hash: string;
}

export type EntryContent = Omit<Entry, 'hash' | 'lines'>;

const uuid = z.string().regex(uuidPattern, { error: 'รหัสรายการต้องเป็น UUID ตัวพิมพ์เล็ก' });

export const entrySchema = z
  .object({
    schema: z.literal(entrySchemaVersion, { error: 'รุ่นของรูปแบบรายการไม่รองรับ' }),
    id: uuid,
    orgId: uuid,
    deviceId: uuid,
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    kind: z.literal('receipt', { error: 'ชนิดรายการไม่รองรับ' }),
    date: z.string().refine(isIsoDate, { error: 'วันที่ของรายการไม่ถูกต้อง' }),
    doc: receiptDocSchema,
    lines: z.array(journalLineSchema).min(2).max(entryLinesMax),
    recordedAt: z.iso.datetime({ error: 'เวลาบันทึกไม่ถูกต้อง' }),
    recordedBy: z.string().trim().min(1).max(100),
    hash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'ค่าแฮชของรายการไม่ถูกต้อง' }),
  })
  .strict();

/** Builds a complete entry: derives the lines from the document and seals it with its hash. */
export function buildEntry(content: EntryContent): Entry {
  const lines = deriveReceiptLines(content.doc);
  const unsealed = { ...content, lines };
  return { ...unsealed, hash: entryHash(unsealed) };
}

export type EntryCheck =
  | { outcome: 'valid'; entry: Entry }
  | { outcome: 'invalid'; code: EntryRejectionCode; messageTh: string };

export type EntryRejectionCode = 'malformed' | 'unbalanced' | 'lines_mismatch' | 'hash_mismatch';

/**
 * Checks an entry that arrived from elsewhere: well formed, lines exactly what the document derives,
 * balanced, and hash matching the content.
 */
export function checkEntry(raw: unknown): EntryCheck {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return {
      outcome: 'invalid',
      code: 'malformed',
      messageTh: `รายการไม่ถูกต้อง${where ? ` (${where})` : ''}: ${issue?.message ?? 'รูปแบบไม่ถูกต้อง'}`,
    };
  }
  const entry = parsed.data as Entry;
  if (!isBalanced(entry.lines)) {
    return { outcome: 'invalid', code: 'unbalanced', messageTh: 'ยอดเดบิตไม่เท่ากับยอดเครดิต (รายการไม่สมดุล)' };
  }
  const derived = deriveReceiptLines(entry.doc);
  if (JSON.stringify(derived) !== JSON.stringify(entry.lines.map(lineInOrder))) {
    return {
      outcome: 'invalid',
      code: 'lines_mismatch',
      messageTh: 'รายการบัญชีไม่ตรงกับที่คำนวณจากเอกสาร',
    };
  }
  if (entryHash(entry as unknown as Record<string, unknown>) !== entry.hash) {
    return { outcome: 'invalid', code: 'hash_mismatch', messageTh: 'ค่าแฮชไม่ตรงกับเนื้อหาของรายการ' };
  }
  return { outcome: 'valid', entry };
}

function lineInOrder(l: JournalLine): JournalLine {
  return { account: l.account, debitSatang: l.debitSatang, creditSatang: l.creditSatang };
}
