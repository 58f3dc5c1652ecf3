/**
 * The ฎีกา form: a payment charged to a budget line (or a เงินรับฝาก account), gross less deductions
 * (withholding tax and others, each to its เงินรับฝาก account) paid as net. The officer types gross and
 * deductions; net is computed, shown live, never typed. Withholding is suggested by the money rules
 * when gross reaches the threshold, and stays editable.
 */
import type { BudgetLineDef } from '../budget/budgetLine';
import { paymentDocSchema, type PaymentDoc } from '../kinds/payment';
import { formatBaht, parseBaht, sumSatang, type Satang } from '../money';
import { suggestedWithholdingSatang, type MoneyRules } from '../moneyRules';
import { fiscalYearOf } from '../thaiDate';
import {
  ErrorCollector,
  isBlankRow,
  optionalText,
  pathMap,
  readAmount,
  readAmountOrZero,
  readDate,
  type FormResult,
} from './formResult';

export interface DeductionInput {
  /** 'withholding' | 'other' */
  kind: string;
  account: string;
  amountBaht: string;
  note: string;
}

export interface PaymentFormInput {
  dateBe: string;
  voucherNo: string;
  payee: string;
  description: string;
  /** 'budget' (charged to a budget line) | 'deposit' (paid on from a เงินรับฝาก account) */
  chargeKind: string;
  /** Code of a budget line of the date's fiscal year. */
  budgetLine: string;
  /** The ผูกพัน entry this payment pays on, or ''. */
  commitmentId: string;
  /** How much of that commitment it uses up; blank = as much as the payment covers. */
  commitmentReleaseBaht: string;
  depositAccount: string;
  grossBaht: string;
  deductions: DeductionInput[];
  /** 'cheque' | 'transfer' | 'cash' */
  method: string;
  paidFrom: string;
  reference: string;
}

/** What the reader needs to know of the books: the budget lines and commitments on offer. */
export interface PaymentFormContext {
  budgetLines: readonly Pick<BudgetLineDef, 'code' | 'fiscalYear' | 'categoryAccount'>[];
  commitments?: readonly { id: string; outstandingSatang: Satang }[];
}

/** Gross, the deductions' total and net as far as they can be read, for the live display. */
export interface PaymentAmounts {
  grossSatang?: Satang;
  deductionsSatang?: Satang;
  netSatang?: Satang;
}

/**
 * @example readPaymentForm({ …, chargeKind: 'budget', budgetLine: '00111-532000-01', grossBaht: '15,000',
 *   deductions: [{ kind: 'withholding', account: '902', amountBaht: '150', note: '' }], … }, { budgetLines })
 *   // { ok: true, kind: 'payment', doc: { grossSatang: 1500000, netSatang: 1485000, … } }
 */
export function readPaymentForm(input: PaymentFormInput, context: PaymentFormContext): FormResult<'payment'> {
  const errors = new ErrorCollector();
  const date = readDate(input.dateBe, errors);
  const grossSatang = readAmount(input.grossBaht, errors, 'grossBaht', 'จำนวนเงินขอเบิก');

  const deductions = filledDeductionRows(input).map(({ row, index }) => {
    if (row.account.trim() === '') errors.add(`deductions.${index}.account`, 'กรุณาเลือกบัญชีรายการหัก');
    const amountSatang = readAmount(row.amountBaht, errors, `deductions.${index}.amountBaht`, 'จำนวนเงินที่หัก');
    const note = optionalText(row.note);
    return { kind: row.kind, account: row.account.trim() || '000', amountSatang: amountSatang ?? 1, ...(note ? { note } : {}) };
  });
  const deductionsSatang = sumSatang(deductions.map((d) => d.amountSatang));
  const netSatang = grossSatang === undefined ? 1 : grossSatang - deductionsSatang;
  if (grossSatang !== undefined && netSatang <= 0 && !deductions.some((_, i) => errors.has(`deductions.${i}.amountBaht`))) {
    errors.add('net', `รายการหักรวม ${formatBaht(deductionsSatang)} บาท ต้องน้อยกว่าจำนวนเงินขอเบิก ${formatBaht(grossSatang)} บาท`);
  }

  const charge = readCharge(input, context, date === undefined ? undefined : fiscalYearOf(date), grossSatang, errors);
  if (input.paidFrom.trim() === '') {
    errors.add('paidFrom', input.method === 'cash' ? 'กรุณาเลือกบัญชีเงินสดที่จ่าย' : 'กรุณาเลือกบัญชีธนาคารที่จ่าย');
  }
  const reference = optionalText(input.reference);
  const parsed = paymentDocSchema.safeParse({
    voucherNo: input.voucherNo,
    payee: input.payee,
    description: input.description,
    charge,
    // Placeholders keep net = gross − deductions when gross is unreadable or too small (already reported).
    grossSatang: grossSatang !== undefined && netSatang > 0 ? grossSatang : deductionsSatang + 1,
    deductions,
    netSatang: grossSatang !== undefined && netSatang > 0 ? netSatang : 1,
    method: input.method,
    paidFrom: input.paidFrom.trim() || '000',
    ...(reference ? { reference } : {}),
  });
  if (!parsed.success) errors.addIssues(parsed.error, (p) => paymentFieldOf(p, input));
  if (!errors.empty || date === undefined || !parsed.success) return { ok: false, errors: errors.errors };
  return { ok: true, date, kind: 'payment', doc: parsed.data as PaymentDoc };
}

function readCharge(
  input: PaymentFormInput,
  context: PaymentFormContext,
  fiscalYear: number | undefined,
  grossSatang: Satang | undefined,
  errors: ErrorCollector,
): unknown {
  if (input.chargeKind === 'deposit') {
    if (input.depositAccount.trim() === '') errors.add('depositAccount', 'กรุณาเลือกบัญชีเงินรับฝากที่จ่าย');
    return { kind: 'deposit', account: input.depositAccount.trim() || '000' };
  }
  if (input.chargeKind !== 'budget') {
    errors.add('chargeKind', 'กรุณาเลือกว่าจ่ายจากงบประมาณหรือจากเงินรับฝาก');
    return undefined;
  }
  const code = input.budgetLine.trim();
  const line = context.budgetLines.find((l) => l.code === code && l.fiscalYear === fiscalYear);
  if (code === '') errors.add('budgetLine', 'กรุณาเลือกรายการงบประมาณที่เบิกจ่าย');
  else if (fiscalYear !== undefined && line === undefined) {
    errors.add('budgetLine', `ไม่มีรายการงบประมาณรหัส ${code} ในปีงบประมาณ ${fiscalYear}`);
  }
  const commitmentId = input.commitmentId.trim();
  let releaseSatang: Satang | undefined = 0;
  if (commitmentId !== '') {
    if (input.commitmentReleaseBaht.trim() === '') {
      const outstanding = context.commitments?.find((c) => c.id === commitmentId)?.outstandingSatang;
      releaseSatang = grossSatang === undefined ? 0 : Math.min(grossSatang, outstanding ?? grossSatang);
    } else {
      releaseSatang = readAmountOrZero(input.commitmentReleaseBaht, errors, 'commitmentReleaseBaht', 'ยอดที่ตัดจากเงินผูกพัน');
    }
  }
  return {
    kind: 'budget',
    fiscalYear: fiscalYear ?? 2567,
    budgetLine: code || '0',
    expenseAccount: line?.categoryAccount ?? '000',
    ...(commitmentId !== '' ? { commitmentId } : {}),
    commitmentReleaseSatang: releaseSatang ?? 0,
  };
}

function filledDeductionRows(input: PaymentFormInput): { row: DeductionInput; index: number }[] {
  return input.deductions
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !isBlankRow({ account: row.account, amountBaht: row.amountBaht, note: row.note }));
}

/**
 * Gross, deductions and net as typed so far (what the form shows under the deductions).
 * @example paymentAmounts({ grossBaht: '15,000', deductions: [{ amountBaht: '150', … }], … }) // { grossSatang: 1500000, deductionsSatang: 15000, netSatang: 1485000 }
 */
export function paymentAmounts(input: Pick<PaymentFormInput, 'grossBaht' | 'deductions'>): PaymentAmounts {
  const gross = parseBaht(input.grossBaht);
  const amounts = input.deductions.filter((d) => d.amountBaht.trim() !== '').map((d) => parseBaht(d.amountBaht));
  const result: PaymentAmounts = {};
  if (gross.ok) result.grossSatang = gross.satang;
  if (amounts.every((a) => a.ok)) {
    result.deductionsSatang = sumSatang(amounts.map((a) => (a.ok ? a.satang : 0)));
    if (gross.ok) result.netSatang = gross.satang - result.deductionsSatang;
  }
  return result;
}

/**
 * The withholding the rules suggest for a gross typed in baht, written as the form shows it; '' below
 * the threshold or while gross is not a number.
 * @example suggestedWithholdingBaht('15,000', moneyRulesDefault) // '150.00'
 */
export function suggestedWithholdingBaht(grossBaht: string, rules: MoneyRules): string {
  const gross = parseBaht(grossBaht);
  if (!gross.ok || gross.satang <= 0) return '';
  const tax = suggestedWithholdingSatang(gross.satang, rules);
  return tax > 0 ? formatBaht(tax) : '';
}

const paymentPaths = pathMap([
  [/^date$/, 'dateBe'],
  [/^(voucherNo|payee|description|method|paidFrom|reference)$/, '$1'],
  [/^grossSatang$/, 'grossBaht'],
  [/^netSatang$/, 'net'],
  [/^charge\.(budgetLine|expenseAccount)$/, 'budgetLine'],
  [/^charge\.fiscalYear$/, 'dateBe'],
  [/^charge\.commitmentId$/, 'commitmentId'],
  [/^charge\.commitmentReleaseSatang$/, 'commitmentReleaseBaht'],
  [/^charge\.account$/, 'depositAccount'],
  [/^charge$/, 'chargeKind'],
  [/^deductions\.(\d+)\.account$/, 'deductions.$1.account'],
  [/^deductions\.(\d+)\.amountSatang$/, 'deductions.$1.amountBaht'],
  [/^deductions\.(\d+)\.(kind|note)$/, 'deductions.$1.$2'],
  [/^deductions(\.\d+)?$/, 'deductions'],
]);

/** The form field that shows a payment document path, deduction indices turned back into form rows. */
export function paymentFieldOf(docPath: string, input: PaymentFormInput): string | undefined {
  const rows = filledDeductionRows(input);
  const rowPath = docPath.replace(/^deductions\.(\d+)/, (_, i: string) => `deductions.${rows[Number(i)]?.index ?? Number(i)}`);
  return paymentPaths(rowPath);
}
