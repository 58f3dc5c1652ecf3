/**
 * What printed documents say, as plain text computed from the entry: pure, so it is tested in Node
 * and the paper components only lay it out. Amounts in figures (formatBaht) and in words (bahtText),
 * B.E. dates, optional Thai digits.
 */
import { bahtText } from '../../domain/bahtText';
import type { BudgetLineDef } from '../../domain/budget/budgetLine';
import type { Chart } from '../../domain/chart/chart';
import type { EntryOfKind } from '../../domain/entry';
import { deductionsTotalSatang, paymentMethodNamesTh } from '../../domain/kinds/payment';
import { receiptMethodNamesTh, receiptTotalSatang } from '../../domain/kinds/receipt';
import { formatBaht } from '../../domain/money';
import { fiscalYearOf } from '../../domain/thaiDate';
import { accountNameTh } from '../entryLabels';
import { digitsFor, type PrintOptions } from './printOptions';
import { thaiLongDate } from './thaiLongDate';

export interface PaperAmount {
  figures: string;
  words: string;
}

export interface ReceiptPaper {
  bookNo: string;
  receiptNo: string;
  dateTh: string;
  payer: string;
  items: { no: string; description: string; amount: string }[];
  total: PaperAmount;
  methodTh: string;
}

function amountOf(satang: number, options: PrintOptions): PaperAmount {
  const d = digitsFor(options);
  return { figures: d(formatBaht(satang)), words: `(${bahtText(satang, { ed: options.ed })})` };
}

/** The receipt as printed. @example receiptPaper(e, chart, opts).total.words // '(หนึ่งพันห้าร้อยสี่สิบบาทห้าสิบสตางค์)' */
export function receiptPaper(entry: EntryOfKind<'receipt'>, chart: Chart, options: PrintOptions): ReceiptPaper {
  const d = digitsFor(options);
  const doc = entry.doc;
  const fy = fiscalYearOf(entry.date);
  return {
    bookNo: d(doc.bookNo),
    receiptNo: d(String(doc.receiptNo)),
    dateTh: d(thaiLongDate(entry.date)),
    payer: doc.payer,
    items: doc.items.map((item, i) => ({
      no: d(String(i + 1)),
      description: item.description ?? accountNameTh(chart, item.account, fy),
      amount: d(formatBaht(item.amountSatang)),
    })),
    total: amountOf(receiptTotalSatang(doc), options),
    methodTh: d(`${receiptMethodNamesTh[doc.method]}${doc.reference ? ` เลขที่ ${doc.reference}` : ''}`),
  };
}

export interface VoucherPaper {
  voucherNo: string;
  dateTh: string;
  fiscalYearTh: string;
  payee: string;
  description: string;
  /** The budget line and its classification, or the เงินรับฝาก account paid from. */
  charge: { labelTh: string; valueTh: string }[];
  gross: PaperAmount;
  deductions: { description: string; amount: string }[];
  deductionsTotal: string;
  net: PaperAmount;
  methodTh: string;
  paidFromTh: string;
}

/** The ฎีกา as printed; `line` is the budget line's definition when the store has it. */
export function voucherPaper(entry: EntryOfKind<'payment'>, chart: Chart, options: PrintOptions, line?: BudgetLineDef): VoucherPaper {
  const d = digitsFor(options);
  const doc = entry.doc;
  const fy = fiscalYearOf(entry.date);
  const name = (code: string) => `${code} ${accountNameTh(chart, code, fy)}`;
  const c = doc.charge;
  const charge =
    c.kind === 'budget'
      ? [
          { labelTh: 'รายการงบประมาณ', valueTh: d(c.budgetLine) },
          ...(line
            ? [
                { labelTh: 'แผนงาน', valueTh: d(`${line.planCode} ${line.planName}`) },
                { labelTh: 'งาน', valueTh: d(`${line.workCode} ${line.workName}`) },
                { labelTh: 'งบ', valueTh: line.groupName },
                { labelTh: 'หมวด', valueTh: d(name(line.categoryAccount)) },
                { labelTh: 'ประเภท', valueTh: line.typeName },
                ...(line.projectName ? [{ labelTh: 'โครงการ', valueTh: line.projectName }] : []),
              ]
            : [{ labelTh: 'หมวด', valueTh: d(name(c.expenseAccount)) }]),
        ]
      : [{ labelTh: 'จ่ายจากเงินรับฝาก', valueTh: d(name(c.account)) }];
  return {
    voucherNo: d(doc.voucherNo),
    dateTh: d(thaiLongDate(entry.date)),
    fiscalYearTh: d(String(fy)),
    payee: doc.payee,
    description: doc.description,
    charge,
    gross: amountOf(doc.grossSatang, options),
    deductions: doc.deductions.map((x) => ({
      description: d(`${x.kind === 'withholding' ? 'ภาษีหัก ณ ที่จ่าย' : accountNameTh(chart, x.account, fy)}${x.note ? ` (${x.note})` : ''}`),
      amount: d(formatBaht(x.amountSatang)),
    })),
    deductionsTotal: d(formatBaht(deductionsTotalSatang(doc))),
    net: amountOf(doc.netSatang, options),
    methodTh: d(`${paymentMethodNamesTh[doc.method]}${doc.reference ? ` เลขที่ ${doc.reference}` : ''}`),
    paidFromTh: d(name(doc.paidFrom)),
  };
}

/** The signers of a ฎีกา (DOMAIN.md §3.1), in the order they sign. */
export const voucherSignersTh = [
  'ผู้ตรวจสอบ/ผู้ควบคุมงบประมาณ',
  'หัวหน้าหน่วยงานคลัง',
  'ปลัด อปท.',
  'ผู้อนุมัติ',
  'ผู้รับเงิน',
  'ผู้จ่ายเงิน',
] as const;
