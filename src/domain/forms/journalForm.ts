/**
 * The ใบผ่านรายการบัญชี form: a grid of lines, each an account with a debit or a credit. Σdebit and
 * Σcredit are shown live (journalFormTotals) and must be equal to save. Rows left blank are skipped.
 */
import { journalVoucherDocSchema, type JournalVoucherDoc } from '../kinds/journalVoucher';
import { formatBaht, parseBaht, sumSatang, type Satang } from '../money';
import {
  ErrorCollector,
  isBlankRow,
  optionalText,
  pathMap,
  readAmountOrZero,
  readDate,
  type FormResult,
} from './formResult';

export interface JournalLineInput {
  account: string;
  debitBaht: string;
  creditBaht: string;
  note: string;
}

export interface JournalFormInput {
  dateBe: string;
  voucherNo: string;
  /** 'general' | 'opening' (ยอดยกมา, dated 1 October) */
  purpose: string;
  description: string;
  lines: JournalLineInput[];
}

export const emptyJournalLine: JournalLineInput = { account: '', debitBaht: '', creditBaht: '', note: '' };

export interface JournalTotalsView {
  debitSatang: Satang;
  creditSatang: Satang;
  /** Equal and more than zero (every amount readable). */
  balanced: boolean;
}

/**
 * @example readJournalForm({ dateBe: '31/01/2567', voucherNo: 'JV1/2567', purpose: 'general', description: 'ปรับปรุงบัญชี',
 *   lines: [{ account: '011', debitBaht: '100', creditBaht: '', note: '' }, { account: '413001', debitBaht: '', creditBaht: '100', note: '' }] })
 *   // { ok: true, kind: 'journal', doc: { …, lines: [{ account: '011', debitSatang: 10000, creditSatang: 0 }, …] } }
 */
export function readJournalForm(input: JournalFormInput): FormResult<'journal'> {
  const errors = new ErrorCollector();
  const date = readDate(input.dateBe, errors);
  const rows = filledLineRows(input);
  if (rows.length < 2) errors.add('lines', 'ใบผ่านรายการต้องมีอย่างน้อย 2 บรรทัด');
  let amountsReadable = true;
  const lines = rows.map(({ row, index }) => {
    if (row.account.trim() === '') errors.add(`lines.${index}.account`, 'กรุณาเลือกบัญชี');
    const debitSatang = readAmountOrZero(row.debitBaht, errors, `lines.${index}.debitBaht`, 'ยอดเดบิต');
    const creditSatang = readAmountOrZero(row.creditBaht, errors, `lines.${index}.creditBaht`, 'ยอดเครดิต');
    if (debitSatang === undefined || creditSatang === undefined) amountsReadable = false;
    else if ((debitSatang === 0) === (creditSatang === 0)) {
      errors.add(`lines.${index}.debitBaht`, 'แต่ละบรรทัดต้องมียอดเดบิตหรือเครดิตอย่างใดอย่างหนึ่ง');
    }
    const note = optionalText(row.note);
    return {
      account: row.account.trim() || '000',
      debitSatang: debitSatang ?? 0,
      creditSatang: creditSatang ?? 0,
      ...(note ? { note } : {}),
    };
  });
  const totals = { debitSatang: sumSatang(lines.map((l) => l.debitSatang)), creditSatang: sumSatang(lines.map((l) => l.creditSatang)) };
  const rowsOk = rows.length >= 2 && amountsReadable && rows.every(({ index }) => !errors.has(`lines.${index}.debitBaht`));
  if (rowsOk && totals.debitSatang !== totals.creditSatang) {
    errors.add(
      'lines',
      `ยอดเดบิตรวม ${formatBaht(totals.debitSatang)} บาท ไม่เท่ากับยอดเครดิตรวม ${formatBaht(totals.creditSatang)} บาท (ต่างกัน ${formatBaht(Math.abs(totals.debitSatang - totals.creditSatang))} บาท)`,
    );
  }
  const parsed = journalVoucherDocSchema.safeParse({
    voucherNo: input.voucherNo,
    purpose: input.purpose,
    description: input.description,
    // Lines already at fault are checked by the reader above; the schema sees well-formed stand-ins
    // so that its messages concern the rest of the form only.
    lines: rowsOk ? lines : placeholderLines,
  });
  if (!parsed.success) errors.addIssues(parsed.error, (p) => journalFieldOf(p, input));
  if (!errors.empty || date === undefined || !parsed.success) return { ok: false, errors: errors.errors };
  return { ok: true, date, kind: 'journal', doc: parsed.data as JournalVoucherDoc };
}

const placeholderLines = [
  { account: '000', debitSatang: 1, creditSatang: 0 },
  { account: '000', debitSatang: 0, creditSatang: 1 },
];

/**
 * Σdebit and Σcredit of the grid as typed so far (unreadable amounts count as 0 and unbalance it).
 * @example journalFormTotals([{ debitBaht: '100', … }, { creditBaht: '100', … }]) // { debitSatang: 10000, creditSatang: 10000, balanced: true }
 */
export function journalFormTotals(lines: readonly Pick<JournalLineInput, 'debitBaht' | 'creditBaht'>[]): JournalTotalsView {
  let readable = true;
  const read = (text: string): Satang => {
    if (text.trim() === '') return 0;
    const p = parseBaht(text);
    if (!p.ok || p.satang < 0) {
      readable = false;
      return 0;
    }
    return p.satang;
  };
  const debitSatang = sumSatang(lines.map((l) => read(l.debitBaht)));
  const creditSatang = sumSatang(lines.map((l) => read(l.creditBaht)));
  return { debitSatang, creditSatang, balanced: readable && debitSatang === creditSatang && debitSatang > 0 };
}

function filledLineRows(input: JournalFormInput): { row: JournalLineInput; index: number }[] {
  return input.lines.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankRow({ ...row }));
}

const journalPaths = pathMap([
  [/^date$/, 'dateBe'],
  [/^(voucherNo|purpose|description)$/, '$1'],
  [/^lines\.(\d+)\.account$/, 'lines.$1.account'],
  [/^lines\.(\d+)\.debitSatang$/, 'lines.$1.debitBaht'],
  [/^lines\.(\d+)\.creditSatang$/, 'lines.$1.creditBaht'],
  [/^lines\.(\d+)\.note$/, 'lines.$1.note'],
  [/^lines\.(\d+)$/, 'lines.$1.debitBaht'],
  [/^lines$/, 'lines'],
]);

/** The form field that shows a journal document path, line indices turned back into grid rows. */
export function journalFieldOf(docPath: string, input: JournalFormInput): string | undefined {
  const rows = filledLineRows(input);
  const rowPath = docPath.replace(/^lines\.(\d+)/, (_, i: string) => `lines.${rows[Number(i)]?.index ?? Number(i)}`);
  return journalPaths(rowPath);
}
