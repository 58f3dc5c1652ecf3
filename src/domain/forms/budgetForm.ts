/**
 * The งบประมาณ form, one of six actions: ตั้งงบประมาณ (appropriation: defines the line's place in
 * แผนงาน → งาน → งบ → หมวด → ประเภท → โครงการ and its แหล่งเงิน), งบเพิ่มเติม (to an existing line or a new
 * one), โอนลด/โอนเพิ่ม (to an existing line or a new one), ผูกพัน (a contract, a purchase order) and
 * ยกเลิกผูกพัน; and ประมาณการรายรับ (a revenue item's estimate for a fiscal year, for the revenue
 * register). Lines other than the one being defined are chosen from the books (the context); the
 * fiscal year of all but a definition is the date's.
 */
import { budgetLineDefSchema, type BudgetLineDef, type FundSource } from '../budget/budgetLine';
import { budgetDocSchema, type BudgetAction, type BudgetDoc } from '../kinds/budgetEntry';
import type { Satang } from '../money';
import { fiscalYearOf } from '../thaiDate';
import { ErrorCollector, optionalText, readAmount, readDate, type FormResult } from './formResult';

/** A budget line's classification, as typed. */
export interface BudgetLineInput {
  code: string;
  /** B.E. year; blank = the fiscal year of the date. */
  fiscalYear: string;
  planCode: string;
  planName: string;
  workCode: string;
  workName: string;
  /** งบ */
  groupName: string;
  /** หมวด: an expense account of the chart. */
  categoryAccount: string;
  /** ประเภท */
  typeName: string;
  /** โครงการ (optional) */
  projectName: string;
  fundSource: string;
}

export interface BudgetFormInput {
  action: string;
  dateBe: string;
  amountBaht: string;
  /** เลขที่/อ้างอิงเอกสาร (all but release). */
  reference: string;
  /** The line defined (appropriation; supplementary or transfer to a new line). */
  line: BudgetLineInput;
  /** supplementary/transfer: the money goes to a new line, defined in `line`. */
  newLine: boolean;
  /** An existing line: supplementary's, commitment's. */
  lineCode: string;
  fromLine: string;
  /** transfer to an existing line. */
  toLine: string;
  /** commitment: the contractor or seller. */
  payee: string;
  /** release: the ผูกพัน entry released. */
  commitmentId: string;
  /** release: why. */
  reason: string;
  /** revenueEstimate: the B.E. fiscal year estimated; blank = the date's. */
  fiscalYear?: string;
  /** revenueEstimate: the revenue item (an account of the chart). */
  account?: string;
}

export interface BudgetFormContext {
  /** The lines in the books (any fiscal year). */
  budgetLines: readonly BudgetLineDef[];
  commitments?: readonly { id: string; fiscalYear: number; line: string; outstandingSatang: Satang }[];
  /** The revenue items a ประมาณการรายรับ may name, per fiscal year (when given, others are refused). */
  revenueAccounts?: (fiscalYear: number) => readonly string[];
}

export const budgetActions: readonly BudgetAction[] = ['appropriation', 'supplementary', 'transfer', 'commitment', 'release', 'revenueEstimate'];

export const emptyBudgetLineInput: BudgetLineInput = {
  code: '',
  fiscalYear: '',
  planCode: '',
  planName: '',
  workCode: '',
  workName: '',
  groupName: '',
  categoryAccount: '',
  typeName: '',
  projectName: '',
  fundSource: 'budget',
};

/**
 * A budget form with no action's field filled: `action` and `dateBe` as given, every other field
 * blank. The screen starts from it, and a refused entry's form (the fixes screen) is it with the
 * entry's own fields written in.
 */
export function blankBudgetForm(action: BudgetAction, dateBe: string): BudgetFormInput {
  return {
    action,
    dateBe,
    amountBaht: '',
    reference: '',
    line: { ...emptyBudgetLineInput },
    newLine: false,
    lineCode: '',
    fromLine: '',
    toLine: '',
    payee: '',
    commitmentId: '',
    reason: '',
    fiscalYear: '',
    account: '',
  };
}

/**
 * @example readBudgetForm({ action: 'commitment', dateBe: '01/02/2567', lineCode: '00111-532000-01', amountBaht: '30,000',
 *   reference: 'สัญญา 5/2567', payee: 'หจก. ก้าวหน้า', … }, { budgetLines })
 *   // { ok: true, kind: 'budget', doc: { action: 'commitment', fiscalYear: 2567, line: '00111-532000-01', amountSatang: 3000000, … } }
 */
export function readBudgetForm(input: BudgetFormInput, context: BudgetFormContext): FormResult<'budget'> {
  const errors = new ErrorCollector();
  const date = readDate(input.dateBe, errors);
  const fy = date === undefined ? undefined : fiscalYearOf(date);
  const amountSatang = readAmount(input.amountBaht, errors, 'amountBaht', amountWhatTh(input.action)) ?? 1;
  const known = (code: string) => context.budgetLines.find((l) => l.code === code && l.fiscalYear === fy);
  const pickLine = (field: string, code: string, whatTh: string): string => {
    const c = code.trim();
    if (c === '') errors.add(field, `กรุณาเลือก${whatTh}`);
    else if (fy !== undefined && known(c) === undefined) errors.add(field, `ไม่มีรายการงบประมาณรหัส ${c} ในปีงบประมาณ ${fy}`);
    return c || '0';
  };

  let candidate: unknown;
  switch (input.action) {
    case 'appropriation':
      candidate = { action: 'appropriation', line: readLineDef(input.line, fy, errors), amountSatang, reference: input.reference };
      break;
    case 'supplementary': {
      const line = input.newLine
        ? readLineDef(input.line, fy, errors)
        : (known(pickLine('lineCode', input.lineCode, 'รายการงบประมาณที่ได้งบเพิ่มเติม')) ?? placeholderLine);
      candidate = { action: 'supplementary', line, amountSatang, reference: input.reference };
      break;
    }
    case 'transfer': {
      const fromLine = pickLine('fromLine', input.fromLine, 'รายการที่โอนลด');
      const toLineDef = input.newLine ? readLineDef({ ...input.line, fiscalYear: '' }, fy, errors) : undefined;
      const toLine = toLineDef ? toLineDef.code : pickLine('toLine', input.toLine, 'รายการที่โอนเพิ่ม');
      candidate = {
        action: 'transfer',
        fiscalYear: fy ?? 2567,
        fromLine,
        toLine,
        ...(toLineDef ? { toLineDef } : {}),
        amountSatang,
        reference: input.reference,
      };
      break;
    }
    case 'commitment':
      candidate = {
        action: 'commitment',
        fiscalYear: fy ?? 2567,
        line: pickLine('lineCode', input.lineCode, 'รายการงบประมาณที่ผูกพัน'),
        amountSatang,
        reference: input.reference,
        payee: input.payee,
      };
      break;
    case 'release': {
      const commitment = context.commitments?.find((c) => c.id === input.commitmentId);
      if (input.commitmentId.trim() === '') errors.add('commitmentId', 'กรุณาเลือกรายการผูกพันที่จะยกเลิก');
      else if (commitment === undefined) errors.add('commitmentId', 'ไม่พบรายการผูกพันนี้ในเครื่อง');
      candidate = {
        action: 'release',
        fiscalYear: commitment?.fiscalYear ?? fy ?? 2567,
        line: commitment?.line ?? '0',
        commitmentId: input.commitmentId.trim() || '00000000-0000-7000-8000-000000000000',
        amountSatang,
        reason: input.reason,
      };
      break;
    }
    case 'revenueEstimate': {
      const fiscalYear = readEstimateYear(input.fiscalYear ?? '', fy, errors);
      const account = (input.account ?? '').trim();
      if (account === '') errors.add('account', 'กรุณาเลือกรายการรายได้');
      else if (fiscalYear !== undefined && context.revenueAccounts && !context.revenueAccounts(fiscalYear).includes(account)) {
        errors.add('account', `รหัส ${account} ไม่ใช่รายการรายได้ในผังบัญชีปีงบประมาณ ${fiscalYear}`);
      }
      candidate = { action: 'revenueEstimate', fiscalYear: fiscalYear ?? fy ?? 2567, account: account || '000', amountSatang, reference: input.reference };
      break;
    }
    default:
      errors.add('action', 'กรุณาเลือกประเภทรายการงบประมาณ');
  }
  if (candidate === undefined) return { ok: false, errors: errors.errors };
  const parsed = budgetDocSchema.safeParse(candidate);
  if (!parsed.success) errors.addIssues(parsed.error, (p) => budgetFieldOf(p, input));
  if (!errors.empty || date === undefined || !parsed.success) return { ok: false, errors: errors.errors };
  return { ok: true, date, kind: 'budget', doc: parsed.data as BudgetDoc };
}

/**
 * The fiscal year a ประมาณการรายรับ is for: blank = the date's; otherwise 4 B.E. digits, the date's year
 * or the next (estimates are enacted before the year starts, as the books rules allow).
 */
function readEstimateYear(text: string, fyOfDate: number | undefined, errors: ErrorCollector): number | undefined {
  const t = text.trim();
  if (t === '') return fyOfDate;
  if (!/^\d{4}$/.test(t)) {
    errors.add('fiscalYear', `ปีงบประมาณ "${t}" ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2567`);
    return undefined;
  }
  const year = Number(t);
  if (fyOfDate !== undefined && (year < fyOfDate || year > fyOfDate + 1)) {
    errors.add('fiscalYear', `ลงวันที่ในปีงบประมาณ ${fyOfDate} ประมาณการรายรับได้เฉพาะปี ${fyOfDate} หรือ ${fyOfDate + 1}`);
    return undefined;
  }
  return year;
}

/** Stands in for a line not chosen (already reported), so the rest of the form is still checked. */
const placeholderLine: BudgetLineDef = {
  code: '0',
  fiscalYear: 2567,
  planCode: '0',
  planName: '-',
  workCode: '0',
  workName: '-',
  groupName: '-',
  categoryAccount: '000',
  typeName: '-',
  fundSource: 'budget',
};

/** A line's classification; errors under `line.<field>`. Blank fiscal year = the date's. */
function readLineDef(input: BudgetLineInput, fyOfDate: number | undefined, errors: ErrorCollector): BudgetLineDef {
  let fiscalYear = fyOfDate ?? 2567;
  const fyText = input.fiscalYear.trim();
  if (fyText !== '') {
    if (/^\d{4}$/.test(fyText)) fiscalYear = Number(fyText);
    else errors.add('line.fiscalYear', `ปีงบประมาณ "${fyText}" ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2567`);
  }
  if (input.categoryAccount.trim() === '') errors.add('line.categoryAccount', 'กรุณาเลือกหมวดรายจ่าย');
  const projectName = optionalText(input.projectName);
  const candidate = {
    code: input.code,
    fiscalYear,
    planCode: input.planCode,
    planName: input.planName,
    workCode: input.workCode,
    workName: input.workName,
    groupName: input.groupName,
    categoryAccount: input.categoryAccount.trim() || '000',
    typeName: input.typeName,
    ...(projectName ? { projectName } : {}),
    fundSource: input.fundSource as FundSource,
  };
  const parsed = budgetLineDefSchema.safeParse(candidate);
  if (!parsed.success) {
    errors.addIssues(parsed.error, (p) => `line.${p.split('.')[0] ?? 'code'}`);
    return { ...placeholderLine, fiscalYear };
  }
  return parsed.data as BudgetLineDef;
}

function amountWhatTh(action: string): string {
  switch (action) {
    case 'appropriation':
      return 'จำนวนเงินงบประมาณ';
    case 'supplementary':
      return 'จำนวนเงินงบเพิ่มเติม';
    case 'transfer':
      return 'จำนวนเงินที่โอน';
    case 'commitment':
      return 'จำนวนเงินผูกพัน';
    case 'release':
      return 'จำนวนเงินที่ยกเลิกผูกพัน';
    case 'revenueEstimate':
      return 'จำนวนเงินประมาณการ';
    default:
      return 'จำนวนเงิน';
  }
}

/**
 * The form field that shows a budget document path (from a zod issue or the store's refusal).
 * @example budgetFieldOf('line.categoryAccount', { action: 'appropriation', … }) // 'line.categoryAccount'
 * @example budgetFieldOf('line', { action: 'commitment', … }) // 'lineCode'
 */
export function budgetFieldOf(docPath: string, input: Pick<BudgetFormInput, 'action' | 'newLine'>): string | undefined {
  if (input.action === 'revenueEstimate' && (docPath === 'fiscalYear' || docPath === 'account')) return docPath;
  if (docPath === 'date' || docPath === 'fiscalYear') return 'dateBe';
  if (docPath === 'amountSatang') return 'amountBaht';
  if (/^(reference|payee|reason|commitmentId|fromLine)$/.test(docPath)) return docPath;
  const definesLine = input.action === 'appropriation' || (input.action === 'supplementary' && input.newLine);
  if (docPath === 'line' || docPath.startsWith('line.')) {
    if (!definesLine) return 'lineCode';
    const field = docPath.split('.')[1];
    return `line.${field ?? 'code'}`;
  }
  if (docPath === 'toLine') return input.newLine ? 'line.code' : 'toLine';
  if (docPath.startsWith('toLineDef')) {
    const field = docPath.split('.')[1];
    return `line.${field ?? 'code'}`;
  }
  return undefined;
}
