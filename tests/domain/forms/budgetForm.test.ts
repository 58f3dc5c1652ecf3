import { describe, expect, it } from 'vitest';
import type { BudgetLineDef } from '../../../src/domain/budget/budgetLine';
import {
  budgetFieldOf,
  emptyBudgetLineInput,
  readBudgetForm,
  type BudgetFormContext,
  type BudgetFormInput,
  type BudgetLineInput,
} from '../../../src/domain/forms/budgetForm';
import { lineDef as budgetLineDef } from '../builders';

const lineInput: BudgetLineInput = {
  code: '00111-532000-01',
  fiscalYear: '',
  planCode: '00110',
  planName: 'บริหารงานทั่วไป',
  workCode: '00111',
  workName: 'งานบริหารทั่วไป',
  groupName: 'งบดำเนินงาน',
  categoryAccount: '532000',
  typeName: 'รายจ่ายเพื่อให้ได้มาซึ่งบริการ',
  projectName: '',
  fundSource: 'budget',
};

const lineDef: BudgetLineDef = budgetLineDef('00111-532000-01');

const commitmentId = '018d1a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b';
const context: BudgetFormContext = {
  budgetLines: [lineDef, { ...lineDef, code: '00111-533000-01', categoryAccount: '533000', typeName: 'วัสดุสำนักงาน' }],
  commitments: [{ id: commitmentId, fiscalYear: 2567, line: lineDef.code, outstandingSatang: 3_000_000 }],
};

const base: BudgetFormInput = {
  action: 'appropriation',
  dateBe: '01/10/2566',
  amountBaht: '120,000',
  reference: 'ข้อบัญญัติงบประมาณ 2567',
  line: lineInput,
  newLine: false,
  lineCode: '',
  fromLine: '',
  toLine: '',
  payee: '',
  commitmentId: '',
  reason: '',
};

describe('the budget form (readBudgetForm)', () => {
  it('reads an appropriation that defines the line (fiscal year from the date when left blank)', () => {
    expect(readBudgetForm(base, context)).toEqual({
      ok: true,
      date: '2023-10-01',
      kind: 'budget',
      doc: { action: 'appropriation', line: lineDef, amountSatang: 12_000_000, reference: 'ข้อบัญญัติงบประมาณ 2567' },
    });
  });

  it("takes the typed fiscal year for next year's budget, and the project name when given", () => {
    const result = readBudgetForm({ ...base, dateBe: '15/09/2566', line: { ...lineInput, fiscalYear: '2567', projectName: 'โครงการอบรม' } }, context);
    expect(result.ok && result.doc).toMatchObject({ line: { fiscalYear: 2567, projectName: 'โครงการอบรม' } });
  });

  it('reads a supplementary budget to an existing line', () => {
    const result = readBudgetForm({ ...base, action: 'supplementary', dateBe: '01/03/2567', lineCode: lineDef.code, line: emptyBudgetLineInput }, context);
    expect(result.ok && result.doc).toEqual({ action: 'supplementary', line: lineDef, amountSatang: 12_000_000, reference: base.reference });
  });

  it('reads a transfer between existing lines, and one to a new line', () => {
    const existing = readBudgetForm(
      { ...base, action: 'transfer', dateBe: '01/03/2567', fromLine: lineDef.code, toLine: '00111-533000-01', amountBaht: '5,000' },
      context,
    );
    expect(existing.ok && existing.doc).toEqual({
      action: 'transfer', fiscalYear: 2567, fromLine: lineDef.code, toLine: '00111-533000-01', amountSatang: 500_000, reference: base.reference,
    });
    const toNew = readBudgetForm(
      { ...base, action: 'transfer', dateBe: '01/03/2567', fromLine: lineDef.code, newLine: true, line: { ...lineInput, code: 'NEW-1', categoryAccount: '541000' }, amountBaht: '5,000' },
      context,
    );
    expect(toNew.ok && toNew.doc).toMatchObject({ toLine: 'NEW-1', toLineDef: { code: 'NEW-1', fiscalYear: 2567, categoryAccount: '541000' } });
  });

  it('reads a commitment against a line of the fiscal year', () => {
    const result = readBudgetForm({ ...base, action: 'commitment', dateBe: '01/02/2567', lineCode: lineDef.code, amountBaht: '30,000', reference: 'สัญญา 5/2567', payee: 'หจก. ก้าวหน้า' }, context);
    expect(result.ok && result.doc).toEqual({
      action: 'commitment', fiscalYear: 2567, line: lineDef.code, amountSatang: 3_000_000, reference: 'สัญญา 5/2567', payee: 'หจก. ก้าวหน้า',
    });
  });

  it('reads a release of a commitment, its line from the commitment', () => {
    const result = readBudgetForm({ ...base, action: 'release', dateBe: '01/04/2567', commitmentId, amountBaht: '1,000', reason: 'ส่งของไม่ครบ' }, context);
    expect(result.ok && result.doc).toEqual({
      action: 'release', fiscalYear: 2567, line: lineDef.code, commitmentId, amountSatang: 100_000, reason: 'ส่งของไม่ครบ',
    });
  });

  it("reports every bad field of a line's classification at once, in Thai", () => {
    const result = readBudgetForm(
      { ...base, amountBaht: '0', reference: '', line: { ...emptyBudgetLineInput, fiscalYear: '67', fundSource: '' } },
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        amountBaht: 'จำนวนเงินงบประมาณต้องมากกว่า 0',
        'line.fiscalYear': 'ปีงบประมาณ "67" ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2567',
        'line.categoryAccount': 'กรุณาเลือกหมวดรายจ่าย',
        'line.code': 'รหัสรายการงบประมาณต้องเป็นตัวเลขหรืออักษร ไม่เกิน 32 ตัว',
        'line.planCode': 'กรุณากรอกรหัสแผนงาน',
        'line.planName': 'กรุณากรอกชื่อแผนงาน',
        'line.workCode': 'กรุณากรอกรหัสงาน',
        'line.workName': 'กรุณากรอกชื่องาน',
        'line.groupName': 'กรุณากรอกงบ',
        'line.typeName': 'กรุณากรอกประเภทรายจ่าย',
        'line.fundSource': 'กรุณาเลือกแหล่งเงิน',
        reference: 'กรุณากรอกเลขที่/อ้างอิงเอกสาร',
      },
    });
  });

  it('asks for the lines of a transfer and refuses one unknown in the fiscal year', () => {
    const result = readBudgetForm({ ...base, action: 'transfer', dateBe: '01/03/2567', fromLine: '', toLine: 'ZZZ' }, context);
    expect(result).toEqual({
      ok: false,
      errors: { fromLine: 'กรุณาเลือกรายการที่โอนลด', toLine: 'ไม่มีรายการงบประมาณรหัส ZZZ ในปีงบประมาณ 2567' },
    });
  });

  it('asks for the commitment to release, and the payee of a commitment', () => {
    expect(readBudgetForm({ ...base, action: 'release', dateBe: '01/04/2567', reason: '' }, context)).toEqual({
      ok: false,
      errors: { commitmentId: 'กรุณาเลือกรายการผูกพันที่จะยกเลิก', reason: 'กรุณากรอกเหตุผล' },
    });
    expect(readBudgetForm({ ...base, action: 'commitment', dateBe: '01/02/2567', lineCode: lineDef.code }, context)).toEqual({
      ok: false,
      errors: { payee: 'กรุณากรอกชื่อคู่สัญญา/ผู้ขาย' },
    });
  });

  it('asks which action when none is chosen', () => {
    expect(readBudgetForm({ ...base, action: '' }, context)).toEqual({ ok: false, errors: { action: 'กรุณาเลือกประเภทรายการงบประมาณ' } });
  });

  it("maps the store's document paths to form fields, per action", () => {
    expect(budgetFieldOf('line.categoryAccount', { action: 'appropriation', newLine: false })).toBe('line.categoryAccount');
    expect(budgetFieldOf('line.code', { action: 'appropriation', newLine: false })).toBe('line.code');
    expect(budgetFieldOf('line', { action: 'commitment', newLine: false })).toBe('lineCode');
    expect(budgetFieldOf('amountSatang', { action: 'commitment', newLine: false })).toBe('amountBaht');
    expect(budgetFieldOf('toLineDef', { action: 'transfer', newLine: true })).toBe('line.code');
    expect(budgetFieldOf('toLine', { action: 'transfer', newLine: false })).toBe('toLine');
    expect(budgetFieldOf('fiscalYear', { action: 'release', newLine: false })).toBe('dateBe');
    expect(budgetFieldOf('fiscalYear', { action: 'revenueEstimate', newLine: false })).toBe('fiscalYear');
    expect(budgetFieldOf('account', { action: 'revenueEstimate', newLine: false })).toBe('account');
  });

  describe('ประมาณการรายรับ (revenueEstimate)', () => {
    const estimate: BudgetFormInput = { ...base, action: 'revenueEstimate', dateBe: '15/09/2566', amountBaht: '50,000', reference: 'ข้อบัญญัติงบประมาณ 2567', account: '411002', fiscalYear: '2567' };
    const withChart: BudgetFormContext = { ...context, revenueAccounts: (fy) => (fy === 2567 ? ['411001', '411002'] : []) };

    it("reads the fiscal year, revenue item, amount and reference (next year's estimate dated in September)", () => {
      expect(readBudgetForm(estimate, withChart)).toEqual({
        ok: true,
        date: '2023-09-15',
        kind: 'budget',
        doc: { action: 'revenueEstimate', fiscalYear: 2567, account: '411002', amountSatang: 5_000_000, reference: 'ข้อบัญญัติงบประมาณ 2567' },
      });
    });

    it("takes the date's fiscal year when the year is left blank", () => {
      const result = readBudgetForm({ ...estimate, dateBe: '01/10/2566', fiscalYear: '' }, withChart);
      expect(result.ok && result.doc).toMatchObject({ action: 'revenueEstimate', fiscalYear: 2567 });
    });

    it('asks for the revenue item and refuses one not a revenue item of the year, and a year other than the date’s or the next, in Thai', () => {
      expect(readBudgetForm({ ...estimate, account: '' }, withChart)).toEqual({ ok: false, errors: { account: 'กรุณาเลือกรายการรายได้' } });
      expect(readBudgetForm({ ...estimate, account: '510000' }, withChart)).toEqual({ ok: false, errors: { account: 'รหัส 510000 ไม่ใช่รายการรายได้ในผังบัญชีปีงบประมาณ 2567' } });
      const wrongYear = readBudgetForm({ ...estimate, fiscalYear: '2569' }, withChart);
      expect(wrongYear).toEqual({ ok: false, errors: { fiscalYear: 'ลงวันที่ในปีงบประมาณ 2566 ประมาณการรายรับได้เฉพาะปี 2566 หรือ 2567' } });
      const badYear = readBudgetForm({ ...estimate, fiscalYear: '67', amountBaht: '' }, withChart);
      expect(badYear.ok).toBe(false);
      expect(!badYear.ok && Object.keys(badYear.errors).sort()).toEqual(['amountBaht', 'fiscalYear']);
    });
  });
});
