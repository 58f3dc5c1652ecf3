/**
 * The organisation's books setup as this PC keeps it (in `meta`), for checking entries offline:
 * - the chart of accounts and the money rules, from the server (src/sync/setupSync.ts);
 * - the receipt books (เล่มที่, เลขที่ first..last) assigned to this PC, typed by the officer.
 * Before the server has ever answered, the shipped default chart and rules apply. Every value is
 * validated when saved and again when read (a PC may open a row written by an older version).
 */
import { z } from 'zod';
import type { Chart } from '../domain/chart/chart';
import { defaultChart } from '../domain/chart/defaultChart';
import { receiptNoMax } from '../domain/kinds/receipt';
import { moneyRulesDefault, moneyRulesSchema, type MoneyRules } from '../domain/moneyRules';
import { setupChartSchema } from '../sync/protocol';
import type { SamutDb } from './db';
import { StoreError } from './storeError';

/** One receipt book (or part of one) this PC issues receipts from: numbers firstNo..lastNo. */
export interface ReceiptBookRange {
  bookNo: string;
  firstNo: number;
  lastNo: number;
}

export interface BooksSetup {
  chart: Chart;
  rules: MoneyRules;
  /** Empty: no range check (any book, any number). */
  receiptBooks: ReceiptBookRange[];
}

export const chartAndRulesMetaKey = 'booksSetup.chartAndRules';
export const receiptBooksMetaKey = 'booksSetup.receiptBooks';

/** Receipt books one PC may hold at once (a counter holds a few). */
export const receiptBooksMax = 100;

const chartAndRulesSchema = z.object({ chart: setupChartSchema, rules: moneyRulesSchema }).strict();

const receiptNoField = (whatTh: string) =>
  z
    .number({ error: `${whatTh}ต้องเป็นตัวเลข` })
    .int({ error: `${whatTh}ต้องเป็นจำนวนเต็ม` })
    .min(1, { error: `${whatTh}ต้องมากกว่า 0` })
    .max(receiptNoMax, { error: `${whatTh}ต้องไม่เกิน ${receiptNoMax}` });

const receiptBookSchema = z
  .object({
    bookNo: z.string({ error: 'กรุณากรอกเล่มที่' }).trim().min(1, { error: 'กรุณากรอกเล่มที่' }).max(20, { error: 'เล่มที่ยาวเกิน 20 ตัวอักษร' }),
    firstNo: receiptNoField('เลขที่แรก'),
    lastNo: receiptNoField('เลขที่สุดท้าย'),
  })
  .strict()
  .refine((b) => b.lastNo >= b.firstNo, { error: 'เลขที่สุดท้ายต้องไม่น้อยกว่าเลขที่แรก', path: ['lastNo'] });

export const receiptBooksSchema = z
  .array(receiptBookSchema)
  .max(receiptBooksMax, { error: `กำหนดเล่มใบเสร็จได้ไม่เกิน ${receiptBooksMax} เล่ม` })
  .superRefine((books, ctx) => {
    books.forEach((b, i) => {
      const j = books.findIndex((o, k) => k < i && o.bookNo === b.bookNo && o.firstNo <= b.lastNo && b.firstNo <= o.lastNo);
      if (j >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'firstNo'],
          message: `เล่มที่ ${b.bookNo} เลขที่ ${b.firstNo}–${b.lastNo} ซ้อนกับเลขที่ ${books[j]!.firstNo}–${books[j]!.lastNo} ที่กำหนดไว้แล้ว`,
        });
      }
    });
  });

/**
 * The setup entries are checked against. Missing rows read as the defaults; an unreadable row also
 * reads as the default, since it is a copy of the server's (the next setup sync writes it again)
 * and a damaged copy must not stop an officer from recording during an outage.
 */
export async function getBooksSetup(db: SamutDb): Promise<BooksSetup> {
  const [chartAndRules, books] = await Promise.all([db.meta.get(chartAndRulesMetaKey), db.meta.get(receiptBooksMetaKey)]);
  const cr = chartAndRulesSchema.safeParse(chartAndRules?.value);
  const rb = receiptBooksSchema.safeParse(books?.value);
  return {
    chart: cr.success ? cr.data.chart : defaultChart,
    rules: cr.success ? cr.data.rules : moneyRulesDefault,
    receiptBooks: rb.success ? rb.data : [],
  };
}

/**
 * Stores the chart and the money rules the server sent. Throws StoreError('invalid-setup').
 * @example await saveChartAndRules(db, { chart: answer.chart, rules: answer.rules });
 */
export async function saveChartAndRules(db: SamutDb, setup: { chart: Chart; rules: MoneyRules }): Promise<void> {
  const parsed = chartAndRulesSchema.safeParse(setup);
  if (!parsed.success) throw invalidSetup('ผังบัญชีหรือเกณฑ์การเงินที่ได้รับ', parsed.error);
  await db.meta.put({ key: chartAndRulesMetaKey, value: parsed.data });
}

/**
 * Stores the receipt books assigned to this PC (replacing the earlier list) and returns them as stored.
 * Throws StoreError('invalid-setup') naming the book and the field.
 * @example await saveReceiptBooks(db, [{ bookNo: '12', firstNo: 1, lastNo: 100 }]);
 */
export async function saveReceiptBooks(db: SamutDb, books: readonly ReceiptBookRange[]): Promise<ReceiptBookRange[]> {
  const parsed = receiptBooksSchema.safeParse(books);
  if (!parsed.success) throw invalidSetup('เล่มใบเสร็จ', parsed.error);
  await db.meta.put({ key: receiptBooksMetaKey, value: parsed.data });
  return parsed.data;
}

/**
 * Whether a receipt number may be issued on this PC: always when no books are set, otherwise only
 * inside one of them.
 */
export function receiptInBooks(books: readonly ReceiptBookRange[], bookNo: string, receiptNo: number): boolean {
  return books.length === 0 || books.some((b) => b.bookNo === bookNo && b.firstNo <= receiptNo && receiptNo <= b.lastNo);
}

function invalidSetup(whatTh: string, error: z.ZodError): StoreError {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const row = typeof path[0] === 'number' ? `รายการที่ ${path[0] + 1}: ` : '';
  return new StoreError('invalid-setup', `${whatTh}ไม่ถูกต้อง: ${row}${issue?.message ?? 'รูปแบบไม่ถูกต้อง'}`, {
    field: path.map(String).join('.'),
  });
}
