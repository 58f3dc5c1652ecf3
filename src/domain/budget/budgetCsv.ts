/**
 * Loading a year's budget structure (แผนงาน → งาน → งบ → หมวด → ประเภท → โครงการ, with the amount
 * approved) from a CSV, as appropriation entries. Lines are matched on their code, never their text;
 * codes stay text (16-digit e-LAAS codes exceed 2^53). Subtotal rows ("รวม…") are skipped.
 */
import { readCsvTable, type RowError } from '../csvTable';
import { parseBaht, type Satang } from '../money';
import { budgetLineDefSchema, type BudgetLineDef, type FundSource } from './budgetLine';

export interface BudgetCsvRow {
  /** The file's line number, for the preview. */
  row: number;
  line: BudgetLineDef;
  amountSatang: Satang;
}

export type BudgetCsvLoad = { ok: true; rows: BudgetCsvRow[]; skippedSubtotalRows: number[] } | { ok: false; errors: RowError[] };

export const budgetCsvRowsMax = 20_000;

type Field =
  | 'code' | 'fiscalYear' | 'planCode' | 'planName' | 'workCode' | 'workName' | 'groupName'
  | 'categoryAccount' | 'typeName' | 'projectName' | 'fundSource' | 'amount';

const names: Record<Field, readonly string[]> = {
  code: ['รหัสรายการ', 'รหัสงบประมาณ', 'รหัส', 'code', 'budget code'],
  fiscalYear: ['ปีงบประมาณ', 'fiscalyear', 'fiscal year'],
  planCode: ['รหัสแผนงาน', 'plancode'],
  planName: ['แผนงาน', 'planname', 'plan'],
  workCode: ['รหัสงาน', 'workcode'],
  workName: ['งาน', 'workname', 'work'],
  groupName: ['งบ', 'groupname', 'group'],
  categoryAccount: ['หมวด', 'รหัสหมวด', 'category', 'categoryaccount'],
  typeName: ['ประเภท', 'typename', 'type'],
  projectName: ['โครงการ', 'projectname', 'project'],
  fundSource: ['แหล่งเงิน', 'fundsource', 'fund source'],
  amount: ['จำนวนเงิน', 'อนุมัติ', 'งบประมาณ', 'amount'],
};

const th: Record<Field, string> = {
  code: 'รหัสรายการ', fiscalYear: 'ปีงบประมาณ', planCode: 'รหัสแผนงาน', planName: 'แผนงาน', workCode: 'รหัสงาน',
  workName: 'งาน', groupName: 'งบ', categoryAccount: 'หมวด', typeName: 'ประเภท', projectName: 'โครงการ',
  fundSource: 'แหล่งเงิน', amount: 'จำนวนเงิน',
};

const fundWords: Record<string, FundSource> = {
  '': 'budget', budget: 'budget', เงินงบประมาณ: 'budget', งบประมาณ: 'budget',
  accumulated: 'accumulated', เงินสะสม: 'accumulated',
  reserve: 'reserve', เงินทุนสำรองเงินสะสม: 'reserve', ทุนสำรองเงินสะสม: 'reserve',
  'specific-grant': 'specific-grant', เงินอุดหนุนระบุวัตถุประสงค์: 'specific-grant', เงินอุดหนุนเฉพาะกิจ: 'specific-grant',
  other: 'other', อื่น: 'other', 'อื่น ๆ': 'other',
};

/** A หมวด cell may read "532000" or "532000 ค่าใช้สอย": the code is what counts. */
function categoryCodeOf(cell: string): string {
  return /^(\d{3,16})/.exec(cell)?.[1] ?? cell;
}

/**
 * @example parseBudgetCsv('รหัสรายการ,ปีงบประมาณ,…,จำนวนเงิน\n00111-532000-01,2567,…,"120,000.00"')
 */
export function parseBudgetCsv(text: string): BudgetCsvLoad {
  const table = readCsvTable<Field>(
    text,
    { names, th, required: ['code', 'fiscalYear', 'planCode', 'planName', 'workCode', 'workName', 'groupName', 'categoryAccount', 'typeName', 'amount'] },
    budgetCsvRowsMax,
  );
  if (!table.ok) return table;
  const errors: RowError[] = [];
  const rows: BudgetCsvRow[] = [];
  const skippedSubtotalRows: number[] = [];
  const firstRowOfLine = new Map<string, number>();
  for (const { row, cell } of table.rows) {
    if (cell('workName').startsWith('รวม') || cell('planName').startsWith('รวม')) {
      skippedSubtotalRows.push(row);
      continue;
    }
    const rowErrors: RowError[] = [];
    const fail = (f: Field, messageTh: string) => rowErrors.push({ row, column: th[f], messageTh });
    const amount = parseBaht(cell('amount'));
    if (!amount.ok) fail('amount', amount.messageTh);
    else if (amount.satang <= 0) fail('amount', 'จำนวนเงินต้องมากกว่า 0');
    const fund = fundWords[cell('fundSource').toLowerCase()];
    if (!fund) fail('fundSource', `"${cell('fundSource')}" ไม่ใช่แหล่งเงินที่รู้จัก`);
    const fyText = cell('fiscalYear');
    if (!/^\d{4}$/.test(fyText)) fail('fiscalYear', `"${fyText}" ต้องเป็นปี พ.ศ. 4 หลัก`);
    const candidate = {
      code: cell('code').replace(/\.0$/, ''), // Excel's float read-back of a long code
      fiscalYear: Number(fyText),
      planCode: cell('planCode'),
      planName: cell('planName'),
      workCode: cell('workCode'),
      workName: cell('workName'),
      groupName: cell('groupName'),
      categoryAccount: categoryCodeOf(cell('categoryAccount')),
      typeName: cell('typeName'),
      ...(cell('projectName') ? { projectName: cell('projectName') } : {}),
      fundSource: fund ?? 'budget',
    };
    const checked = budgetLineDefSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const f = String(issue.path[0] ?? 'code') as Field;
        if (!rowErrors.some((e) => e.column === th[f])) fail(f, issue.message);
      }
    }
    const key = `${candidate.fiscalYear}\u0000${candidate.code}`;
    const seenAt = firstRowOfLine.get(key);
    if (seenAt !== undefined) fail('code', `รหัสรายการ ${candidate.code} ซ้ำกับแถว ${seenAt}`);
    else firstRowOfLine.set(key, row);
    if (rowErrors.length) errors.push(...rowErrors);
    else if (checked.success && amount.ok) rows.push({ row, line: checked.data, amountSatang: amount.satang });
  }
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ row: 2, column: '-', messageTh: 'ไม่มีรายการงบประมาณในไฟล์' }] };
  return { ok: true, rows, skippedSubtotalRows };
}
