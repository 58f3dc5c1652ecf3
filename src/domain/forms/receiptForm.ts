/**
 * The ใบเสร็จรับเงิน form: a paper receipt as typed (B.E. date, book and number, payer, one or more
 * items, how the money came in). Rows left wholly blank are skipped; at least one item is required.
 */
import { receiptDocSchema, type ReceiptDoc } from '../kinds/receipt';
import {
  ErrorCollector,
  optionalText,
  pathMap,
  readAmount,
  readDate,
  readWholeNumber,
  type FormResult,
} from './formResult';

export interface ReceiptItemInput {
  account: string;
  amountBaht: string;
  description: string;
}

/** What the receipt form holds: text, as typed. */
export interface ReceiptFormInput {
  dateBe: string;
  bookNo: string;
  receiptNo: string;
  payer: string;
  items: ReceiptItemInput[];
  /** 'cash' | 'cheque' | 'transfer' */
  method: string;
  /** The cash account (cash, cheque) or the bank account a transfer came into. */
  receivedInto: string;
  /** Cheque number or transfer reference. */
  reference: string;
}

export const emptyReceiptItem: ReceiptItemInput = { account: '', amountBaht: '', description: '' };

/**
 * Reads the receipt form. Every field is checked, so the officer sees every bad field at once.
 * @example readReceiptForm({ dateBe: '16/01/2567', bookNo: '1/2567', receiptNo: '41', payer: 'นายสมชาย',
 *   items: [{ account: '411002', amountBaht: '500', description: '' }], method: 'cash', receivedInto: '010', reference: '' })
 *   // { ok: true, date: '2024-01-16', kind: 'receipt', doc: { …, items: [{ account: '411002', amountSatang: 50000 }] } }
 */
export function readReceiptForm(input: ReceiptFormInput): FormResult<'receipt'> {
  const errors = new ErrorCollector();
  const date = readDate(input.dateBe, errors);
  const receiptNo = readWholeNumber(input.receiptNo, errors, 'receiptNo', 'เลขที่ใบเสร็จต้องเป็นตัวเลข');

  const rows = filledItemRows(input);
  if (rows.length === 0) errors.add('items', 'ใบเสร็จต้องมีอย่างน้อย 1 รายการ');
  const items = rows.map(({ row, index }) => {
    if (row.account.trim() === '') errors.add(`items.${index}.account`, 'กรุณาเลือกรายการรับ');
    const amountSatang = readAmount(row.amountBaht, errors, `items.${index}.amountBaht`);
    const description = optionalText(row.description);
    return { account: row.account.trim() || '000', amountSatang: amountSatang ?? 1, ...(description ? { description } : {}) };
  });

  if (input.receivedInto.trim() === '') {
    errors.add('receivedInto', input.method === 'transfer' ? 'กรุณาเลือกบัญชีธนาคารที่รับโอน' : 'กรุณาเลือกบัญชีเงินสดที่รับเงิน');
  }
  const reference = optionalText(input.reference);
  const candidate = {
    bookNo: input.bookNo,
    receiptNo: receiptNo ?? 1,
    payer: input.payer,
    items,
    method: input.method,
    receivedInto: input.receivedInto.trim() || '000',
    ...(reference ? { reference } : {}),
  };
  const parsed = receiptDocSchema.safeParse(candidate);
  if (!parsed.success) errors.addIssues(parsed.error, (p) => receiptFieldOf(p, input));
  if (!errors.empty || date === undefined || !parsed.success) return { ok: false, errors: errors.errors };
  return { ok: true, date, kind: 'receipt', doc: parsed.data as ReceiptDoc };
}

/** Item rows with anything typed in them, with their row index on the form. */
function filledItemRows(input: ReceiptFormInput): { row: ReceiptItemInput; index: number }[] {
  // One pass, no intermediate arrays or records: an import reads this form once per receipt.
  const filled: { row: ReceiptItemInput; index: number }[] = [];
  input.items.forEach((row, index) => {
    if (!(row.account.trim() === '' && row.amountBaht.trim() === '' && row.description.trim() === '')) filled.push({ row, index });
  });
  return filled;
}

const receiptPaths = pathMap([
  [/^date$/, 'dateBe'],
  [/^(bookNo|receiptNo|payer|method|receivedInto|reference)$/, '$1'],
  [/^items\.(\d+)\.account$/, 'items.$1.account'],
  [/^items\.(\d+)\.amountSatang$/, 'items.$1.amountBaht'],
  [/^items\.(\d+)\.description$/, 'items.$1.description'],
  [/^items(\.\d+)?$/, 'items'],
]);

/**
 * The form field that shows a receipt document path (from a zod issue or the store's refusal), with
 * item indices turned back into row indices on the form (blank rows were skipped).
 * @example receiptFieldOf('items.0.account', form) // 'items.2.account' when rows 0 and 1 are blank
 */
export function receiptFieldOf(docPath: string, input: ReceiptFormInput): string | undefined {
  const rows = filledItemRows(input);
  const rowPath = docPath.replace(/^items\.(\d+)/, (_, i: string) => `items.${rows[Number(i)]?.index ?? Number(i)}`);
  return receiptPaths(rowPath);
}
