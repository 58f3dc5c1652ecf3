/**
 * A budget line (รายการงบประมาณรายจ่าย) and its register columns (ทะเบียนงบประมาณรายจ่าย):
 * อนุมัติ, งบเพิ่มเติม, โอนเพิ่ม, โอนลด, ผูกพัน, เบิกจ่าย, คงเหลือ. Lines are matched on their code
 * (text: e-LAAS codes are 16 digits, beyond 2^53 and Excel's 15 significant digits), never on names.
 */
import { z } from 'zod';
import { accountCodePattern } from '../chart/account';
import type { Satang } from '../money';

/** แหล่งเงิน */
export type FundSource = 'budget' | 'accumulated' | 'reserve' | 'specific-grant' | 'other';

export const fundSourceNamesTh: Record<FundSource, string> = {
  budget: 'เงินงบประมาณ',
  accumulated: 'เงินสะสม',
  reserve: 'เงินทุนสำรองเงินสะสม',
  'specific-grant': 'เงินอุดหนุนระบุวัตถุประสงค์/เฉพาะกิจ',
  other: 'อื่น ๆ',
};

/** Where a line sits: แผนงาน → งาน → งบ → หมวด → ประเภท → โครงการ, and what funds it. */
export interface BudgetLineDef {
  code: string;
  fiscalYear: number;
  planCode: string;
  planName: string;
  workCode: string;
  workName: string;
  /** งบ, e.g. งบดำเนินงาน */
  groupName: string;
  /** หมวด: the expense account a payment on this line is charged to, e.g. 532000 ค่าใช้สอย */
  categoryAccount: string;
  /** ประเภท */
  typeName: string;
  projectName?: string;
  fundSource: FundSource;
}

const text = (what: string, max = 200) =>
  z.string({ error: `กรุณากรอก${what}` }).trim().min(1, { error: `กรุณากรอก${what}` }).max(max, { error: `${what}ยาวเกิน ${max} ตัวอักษร` });

export const budgetLineCodeSchema = z
  .string({ error: 'กรุณากรอกรหัสรายการงบประมาณ' })
  .trim()
  .regex(/^[0-9A-Za-z.\-/]{1,32}$/, { error: 'รหัสรายการงบประมาณต้องเป็นตัวเลขหรืออักษร ไม่เกิน 32 ตัว' });

export const fiscalYearSchema = z
  .number({ error: 'ปีงบประมาณต้องเป็นตัวเลข' })
  .int({ error: 'ปีงบประมาณต้องเป็นจำนวนเต็ม' })
  .min(2500, { error: 'ปีงบประมาณต้องเป็นปี พ.ศ.' })
  .max(2700, { error: 'ปีงบประมาณต้องเป็นปี พ.ศ.' });

export const budgetLineDefSchema = z
  .object({
    code: budgetLineCodeSchema,
    fiscalYear: fiscalYearSchema,
    planCode: text('รหัสแผนงาน', 32),
    planName: text('ชื่อแผนงาน'),
    workCode: text('รหัสงาน', 32),
    workName: text('ชื่องาน'),
    groupName: text('งบ'),
    categoryAccount: z.string().regex(accountCodePattern, { error: 'หมวดรายจ่ายต้องเป็นรหัสบัญชีตัวเลข' }),
    typeName: text('ประเภทรายจ่าย'),
    projectName: z.string().trim().max(300, { error: 'ชื่อโครงการยาวเกิน 300 ตัวอักษร' }).optional(),
    fundSource: z.enum(['budget', 'accumulated', 'reserve', 'specific-grant', 'other'], { error: 'กรุณาเลือกแหล่งเงิน' }),
  })
  .strict();

/** The register columns of one line. `committedSatang` is what is still committed (ผูกพัน, net of releases). */
export interface BudgetBalance {
  appropriationSatang: Satang;
  supplementarySatang: Satang;
  transferInSatang: Satang;
  transferOutSatang: Satang;
  committedSatang: Satang;
  spentSatang: Satang;
}

export type BudgetColumn = keyof BudgetBalance;

export const emptyBudgetBalance: BudgetBalance = {
  appropriationSatang: 0,
  supplementarySatang: 0,
  transferInSatang: 0,
  transferOutSatang: 0,
  committedSatang: 0,
  spentSatang: 0,
};

/** คงเหลือ = อนุมัติ + งบเพิ่มเติม + โอนเพิ่ม − โอนลด − ผูกพัน − เบิกจ่าย */
export function remainingSatang(b: BudgetBalance): Satang {
  return b.appropriationSatang + b.supplementarySatang + b.transferInSatang - b.transferOutSatang - b.committedSatang - b.spentSatang;
}

/** One movement of one register column of one line, caused by one entry. */
export interface BudgetEffect {
  fiscalYear: number;
  lineCode: string;
  column: BudgetColumn;
  amountSatang: Satang;
  /** For `committedSatang` movements: which commitment (the id of the ผูกพัน entry). */
  commitmentId?: string;
}

/** Adds effects to a balance (effects of other lines are ignored). */
export function applyBudgetEffects(
  balance: BudgetBalance,
  effects: readonly BudgetEffect[],
  line: { fiscalYear: number; code: string },
): BudgetBalance {
  const next = { ...balance };
  for (const e of effects) {
    if (e.fiscalYear === line.fiscalYear && e.lineCode === line.code) next[e.column] += e.amountSatang;
  }
  return next;
}
