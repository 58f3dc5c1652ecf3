/**
 * An entry (รายการ): one accounting document, immutable once recorded, with the journal lines derived
 * from it and a hash of the whole. The same code builds entries on the PC and checks them on the
 * server, so a buggy or tampered client cannot post books that the domain would not have derived.
 * Kinds: receipt · deposit (นำฝาก) · payment (ฎีกา) · budget · journal (ใบผ่านรายการ) · cancel.
 */
import { z } from 'zod';
import type { BudgetEffect } from './budget/budgetLine';
import { entryHash } from './entryHash';
import { uuidPattern } from './entryId';
import { entryLinesMax, isBalanced, journalLineSchema, type JournalLine } from './journal';
import { budgetDocEffects, budgetDocSchema, type BudgetDoc } from './kinds/budgetEntry';
import { cancelDocSchema, reverseLines, type CancelDoc } from './kinds/cancel';
import { depositDocSchema, deriveDepositLines, type DepositDoc } from './kinds/deposit';
import { deriveJournalVoucherLines, journalVoucherDocSchema, type JournalVoucherDoc } from './kinds/journalVoucher';
import { derivePaymentLines, paymentDocSchema, type PaymentDoc } from './kinds/payment';
import { deriveReceiptLines, receiptDocSchema, type ReceiptDoc } from './kinds/receipt';
import { isIsoDate, type IsoDate } from './thaiDate';

/** Version of the entry format; entries that waited months in a queue still say which one they use. */
export const entrySchemaVersion = 1;

export type EntryKind = 'receipt' | 'deposit' | 'payment' | 'budget' | 'journal' | 'cancel';

export const entryKindNamesTh: Record<EntryKind, string> = {
  receipt: 'ใบเสร็จรับเงิน',
  deposit: 'นำเงินฝากธนาคาร',
  payment: 'ฎีกาจ่ายเงิน',
  budget: 'รายการงบประมาณ',
  journal: 'ใบผ่านรายการบัญชี',
  cancel: 'ยกเลิกรายการ',
};

export type EntryDoc =
  | { kind: 'receipt'; doc: ReceiptDoc }
  | { kind: 'deposit'; doc: DepositDoc }
  | { kind: 'payment'; doc: PaymentDoc }
  | { kind: 'budget'; doc: BudgetDoc }
  | { kind: 'journal'; doc: JournalVoucherDoc }
  | { kind: 'cancel'; doc: CancelDoc };

export interface EntryEnvelope {
  schema: typeof entrySchemaVersion;
  id: string;
  orgId: string;
  deviceId: string;
  /** Per-device counter, gap-free, in recording order. */
  seq: number;
  /** Business date (ISO, C.E.). */
  date: IsoDate;
  /** ISO instant the officer saved it. */
  recordedAt: string;
  recordedBy: string;
}

export type Entry = EntryEnvelope & EntryDoc & { lines: JournalLine[]; hash: string };

/** What the PC decides; lines and hash are derived from it. */
export type EntryContent = EntryEnvelope & EntryDoc;

/** An entry with its lines derived, before its hash seals it (an Entry is one, with the hash). */
export type UnsealedEntry = EntryContent & { lines: JournalLine[] };

export type EntryOfKind<K extends EntryKind> = Extract<Entry, { kind: K }>;

const uuid = z.string().regex(uuidPattern, { error: 'รหัสรายการต้องเป็น UUID ตัวพิมพ์เล็ก' });

const envelopeShape = {
  schema: z.literal(entrySchemaVersion, { error: 'รุ่นของรูปแบบรายการไม่รองรับ' }),
  id: uuid,
  orgId: uuid,
  deviceId: uuid,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  date: z.string().refine(isIsoDate, { error: 'วันที่ของรายการไม่ถูกต้อง' }),
  lines: z.array(journalLineSchema).max(entryLinesMax),
  recordedAt: z.iso.datetime({ error: 'เวลาบันทึกไม่ถูกต้อง' }),
  recordedBy: z.string().trim().min(1).max(100),
  hash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'ค่าแฮชของรายการไม่ถูกต้อง' }),
};

export const entrySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...envelopeShape, kind: z.literal('receipt'), doc: receiptDocSchema }).strict(),
    z.object({ ...envelopeShape, kind: z.literal('deposit'), doc: depositDocSchema }).strict(),
    z.object({ ...envelopeShape, kind: z.literal('payment'), doc: paymentDocSchema }).strict(),
    z.object({ ...envelopeShape, kind: z.literal('budget'), doc: budgetDocSchema }).strict(),
    z.object({ ...envelopeShape, kind: z.literal('journal'), doc: journalVoucherDocSchema }).strict(),
    z.object({ ...envelopeShape, kind: z.literal('cancel'), doc: cancelDocSchema }).strict(),
  ],
  { error: 'ชนิดรายการไม่รองรับ' },
);

/**
 * The journal lines a document derives. A cancel derives from the entry it cancels, so it needs
 * `cancelTarget`; without it the answer is undefined (the lines can only be checked against the books).
 */
export function deriveLines(content: EntryDoc, cancelTarget?: Pick<Entry, 'lines'>): JournalLine[] | undefined {
  switch (content.kind) {
    case 'receipt':
      return deriveReceiptLines(content.doc);
    case 'deposit':
      return deriveDepositLines(content.doc);
    case 'payment':
      return derivePaymentLines(content.doc);
    case 'budget':
      return [];
    case 'journal':
      return deriveJournalVoucherLines(content.doc);
    case 'cancel':
      return cancelTarget ? reverseLines(cancelTarget.lines) : undefined;
  }
}

/** Builds a complete entry: derives the lines and seals it with its hash. */
export function buildEntry(content: EntryContent, cancelTarget?: Pick<Entry, 'lines'>): Entry {
  return sealEntry(deriveEntry(content, cancelTarget));
}

/**
 * The first half of {@link buildEntry}: the lines derived and checked to balance, no hash yet. A store
 * recording thousands of entries derives them all, reads the books they need, then seals each one as
 * it goes to the database.
 */
export function deriveEntry(content: EntryContent, cancelTarget?: Pick<Entry, 'lines'>): UnsealedEntry {
  const lines = deriveLines(content, cancelTarget);
  if (lines === undefined) throw new Error('a cancel is built from the entry it cancels');
  if (lines.length > 0 && !isBalanced(lines)) throw new Error(`${content.kind} lines do not balance`);
  return { ...content, lines } as UnsealedEntry;
}

/** The second half of {@link buildEntry}: the entry with its hash. */
export function sealEntry(unsealed: UnsealedEntry): Entry {
  return { ...unsealed, hash: entryHash(unsealed as unknown as Record<string, unknown>) } as Entry;
}

export type EntryRejectionCode = 'malformed' | 'unbalanced' | 'lines_mismatch' | 'hash_mismatch';

export type EntryCheck =
  | { outcome: 'valid'; entry: Entry }
  | { outcome: 'invalid'; code: EntryRejectionCode; messageTh: string };

/**
 * Checks an entry that arrived from elsewhere, without consulting the books: well formed, lines
 * exactly what the document derives (a cancel: balanced, checked against its target by the books),
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
  const mustHaveLines = entry.kind !== 'budget' && entry.kind !== 'cancel';
  if ((mustHaveLines || entry.lines.length > 0) && !isBalanced(entry.lines)) {
    return { outcome: 'invalid', code: 'unbalanced', messageTh: 'ยอดเดบิตไม่เท่ากับยอดเครดิต (รายการไม่สมดุล)' };
  }
  const derived = deriveLines(entry);
  if (derived !== undefined && !sameLines(derived, entry.lines)) {
    return { outcome: 'invalid', code: 'lines_mismatch', messageTh: 'รายการบัญชีไม่ตรงกับที่คำนวณจากเอกสาร' };
  }
  if (entryHash(entry as unknown as Record<string, unknown>) !== entry.hash) {
    return { outcome: 'invalid', code: 'hash_mismatch', messageTh: 'ค่าแฮชไม่ตรงกับเนื้อหาของรายการ' };
  }
  return { outcome: 'valid', entry };
}

/** Same lines in the same order (key order ignored). */
export function sameLines(a: readonly JournalLine[], b: readonly JournalLine[]): boolean {
  return (
    a.length === b.length &&
    a.every((l, i) => {
      const m = b[i]!;
      return l.account === m.account && l.debitSatang === m.debitSatang && l.creditSatang === m.creditSatang;
    })
  );
}

/**
 * How an entry moves the budget register: budget documents directly; a payment charged to a budget
 * line spends gross and uses up its commitment; a cancel undoes its target's effects.
 */
export function budgetEffectsOf(entry: EntryContent, cancelTarget?: EntryContent): BudgetEffect[] {
  switch (entry.kind) {
    case 'budget':
      return budgetDocEffects(entry.doc, entry.id);
    case 'payment': {
      const c = entry.doc.charge;
      if (c.kind !== 'budget') return [];
      const effects: BudgetEffect[] = [
        { fiscalYear: c.fiscalYear, lineCode: c.budgetLine, column: 'spentSatang', amountSatang: entry.doc.grossSatang },
      ];
      if (c.commitmentId !== undefined && c.commitmentReleaseSatang > 0) {
        effects.push({
          fiscalYear: c.fiscalYear,
          lineCode: c.budgetLine,
          column: 'committedSatang',
          amountSatang: -c.commitmentReleaseSatang,
          commitmentId: c.commitmentId,
        });
      }
      return effects;
    }
    case 'cancel':
      if (!cancelTarget) throw new Error('the budget effects of a cancel come from the entry it cancels');
      return budgetEffectsOf(cancelTarget).map((e) => ({ ...e, amountSatang: -e.amountSatang }));
    default:
      return [];
  }
}
