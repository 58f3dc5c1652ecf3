/**
 * The golden books of the report tests: a small อบต.'s first week of FY 2567 (October 2023) and one
 * receipt in November, with the default chart. Every report test computes from these entries and
 * compares with a table written out by hand (amounts in the comments are baht).
 *
 *  E1  01/10 ใบผ่านรายการ ยกมา (opening): Dr 010 5,000 · 011 200,000 · 012 50,000 / Cr 901 3,000 · 700 252,000
 *  E2  02/10 ตั้งงบ OPS-01 ค่าใช้สอย 532000 งบดำเนินงาน 100,000
 *  E3  02/10 ตั้งงบ MAT-01 ค่าวัสดุ 533000 งบดำเนินงาน 40,000
 *  E4  02/10 ตั้งงบ EQP-01 ค่าครุภัณฑ์ 541000 งบลงทุน 60,000
 *  E5  03/10 ใบเสร็จ 1/1 นายเอก ภาษีป้าย 411002 1,200 เงินสด
 *  E6  03/10 ใบเสร็จ 1/2 นายโท ค่ามูลฝอย 412001 300 + เงินประกันซอง 901 500 = 800 เงินสด
 *  E7  03/10 ใบเสร็จ 1/3 นายตรี ภาษีป้าย 411002 2,000 เงินสด — cancelled by E8
 *  E8  03/10 ยกเลิก E7 (เขียนชื่อผิด)
 *  E9  03/10 ใบเสร็จ 1/5 (no 4: a gap) กรมสรรพากร ภาษีมูลค่าเพิ่ม 421001 30,000 โอนเข้า 011
 *  E10 04/10 นำฝาก 010 → 011 2,000 ใบนำฝาก PS-01
 *  E11 04/10 ผูกพัน EQP-01 25,000 หจก.ครุภัณฑ์
 *  E12 05/10 ฎีกา 1/2567 ร้านวัสดุ MAT-01 gross 10,000, ภาษีหัก ณ ที่จ่าย 902 100, net 9,900 โอนจาก 011
 *  E13 05/10 ฎีกา 2/2567 คืนเงินประกันซอง นายโท 901 500 เงินสด
 *  E14 05/10 ใบผ่านรายการ 1/2567 ตั้งลูกหนี้ภาษีโรงเรือน: Dr 0081 4,000 / Cr 411004 4,000
 *  E15 06/10 โอน OPS-01 → MAT-01 5,000
 *  E16 06/10 ใบเสร็จ 2/1 นายจัตวา ค่าเช่าสถานที่ 413002 700 เงินสด
 *  E17 06/10 ฎีกา 3/2567 ร้านถ่ายเอกสาร OPS-01 3,000 เช็ค CQ-1001 จาก 012
 *  E18 02/11 ใบเสร็จ 2/2 นายเบญจ ภาษีป้าย 411002 500 เงินสด
 */
import type { BudgetLineState } from '../../../src/domain/books/booksLookup';
import { applyBudgetEffects, emptyBudgetBalance, type BudgetLineDef } from '../../../src/domain/budget/budgetLine';
import { budgetEffectsOf, type Entry } from '../../../src/domain/entry';
import { budgetLineDefsOf } from '../../../src/domain/kinds/budgetEntry';
import { cancelOf, entryOf, lineDef } from '../builders';

/** Baht to satang, for readable expectations: baht(1_200) === 120_000. */
export const baht = (amount: number): number => Math.round(amount * 100);

export const opsLine: BudgetLineDef = { ...lineDef('OPS-01', 2567, '532000'), typeName: 'รายจ่ายเกี่ยวเนื่องกับการปฏิบัติราชการ' };
export const matLine: BudgetLineDef = { ...lineDef('MAT-01', 2567, '533000'), typeName: 'วัสดุสำนักงาน' };
export const eqpLine: BudgetLineDef = { ...lineDef('EQP-01', 2567, '541000'), groupName: 'งบลงทุน', typeName: 'ครุภัณฑ์สำนักงาน' };

function receipt(date: string, bookNo: string, receiptNo: number, payer: string, items: [string, number, string][], into = '010') {
  return entryOf(
    {
      kind: 'receipt',
      doc: {
        bookNo,
        receiptNo,
        payer,
        items: items.map(([account, amount, description]) => ({ account, amountSatang: baht(amount), description })),
        method: into === '010' ? 'cash' : 'transfer',
        receivedInto: into,
      },
    },
    date,
  );
}

function budget(date: string, line: BudgetLineDef, amount: number) {
  return entryOf({ kind: 'budget', doc: { action: 'appropriation', line, amountSatang: baht(amount), reference: 'ข้อบัญญัติ 2567' } }, date);
}

function payment(
  date: string,
  voucherNo: string,
  payee: string,
  description: string,
  charge: { line: BudgetLineDef } | { deposit: string },
  gross: number,
  withholding: number,
  paidFrom: string,
) {
  return entryOf(
    {
      kind: 'payment',
      doc: {
        voucherNo,
        payee,
        description,
        charge:
          'line' in charge
            ? { kind: 'budget', fiscalYear: 2567, budgetLine: charge.line.code, expenseAccount: charge.line.categoryAccount, commitmentReleaseSatang: 0 }
            : { kind: 'deposit', account: charge.deposit },
        grossSatang: baht(gross),
        deductions: withholding > 0 ? [{ kind: 'withholding', account: '902', amountSatang: baht(withholding) }] : [],
        netSatang: baht(gross - withholding),
        method: paidFrom === '010' ? 'cash' : paidFrom === '012' ? 'cheque' : 'transfer',
        paidFrom,
        ...(paidFrom === '012' ? { reference: 'CQ-1001' } : {}),
      },
    },
    date,
  );
}

function journal(date: string, voucherNo: string, purpose: 'general' | 'opening', description: string, lines: [string, number, number][]) {
  return entryOf(
    {
      kind: 'journal',
      doc: { voucherNo, purpose, description, lines: lines.map(([account, dr, cr]) => ({ account, debitSatang: baht(dr), creditSatang: baht(cr) })) },
    },
    date,
  );
}

export const e1 = journal('2023-10-01', 'ยกมา 1/2567', 'opening', 'ยอดยกมาต้นปีงบประมาณ 2567', [
  ['010', 5_000, 0],
  ['011', 200_000, 0],
  ['012', 50_000, 0],
  ['901', 0, 3_000],
  ['700', 0, 252_000],
]);
export const e2 = budget('2023-10-02', opsLine, 100_000);
export const e3 = budget('2023-10-02', matLine, 40_000);
export const e4 = budget('2023-10-02', eqpLine, 60_000);
export const e5 = receipt('2023-10-03', '1', 1, 'นายเอก', [['411002', 1_200, 'ภาษีป้าย']]);
export const e6 = receipt('2023-10-03', '1', 2, 'นายโท', [
  ['412001', 300, 'ค่าเก็บขนมูลฝอย'],
  ['901', 500, 'เงินประกันซอง'],
]);
export const e7 = receipt('2023-10-03', '1', 3, 'นายตรี', [['411002', 2_000, 'ภาษีป้าย']]);
export const e8 = cancelOf(e7, '2023-10-03', 'เขียนชื่อผิด');
export const e9 = receipt('2023-10-03', '1', 5, 'กรมสรรพากร', [['421001', 30_000, 'ภาษีมูลค่าเพิ่ม']], '011');
export const e10 = entryOf({ kind: 'deposit', doc: { fromCashAccount: '010', toBankAccount: '011', amountSatang: baht(2_000), slipNo: 'PS-01' } }, '2023-10-04');
export const e11 = entryOf(
  { kind: 'budget', doc: { action: 'commitment', fiscalYear: 2567, line: 'EQP-01', amountSatang: baht(25_000), reference: 'สัญญา 1/2567', payee: 'หจก.ครุภัณฑ์' } },
  '2023-10-04',
);
export const e12 = payment('2023-10-05', '1/2567', 'ร้านวัสดุ', 'ค่าวัสดุสำนักงาน', { line: matLine }, 10_000, 100, '011');
export const e13 = payment('2023-10-05', '2/2567', 'นายโท', 'คืนเงินประกันซอง', { deposit: '901' }, 500, 0, '010');
export const e14 = journal('2023-10-05', '1/2567', 'general', 'ตั้งลูกหนี้ภาษีโรงเรือนและที่ดิน', [
  ['0081', 4_000, 0],
  ['411004', 0, 4_000],
]);
export const e15 = entryOf(
  { kind: 'budget', doc: { action: 'transfer', fiscalYear: 2567, fromLine: 'OPS-01', toLine: 'MAT-01', amountSatang: baht(5_000), reference: 'โอน 1/2567' } },
  '2023-10-06',
);
export const e16 = receipt('2023-10-06', '2', 1, 'นายจัตวา', [['413002', 700, 'ค่าเช่าสถานที่']]);
export const e17 = payment('2023-10-06', '3/2567', 'ร้านถ่ายเอกสาร', 'ค่าถ่ายเอกสาร', { line: opsLine }, 3_000, 0, '012');
export const e18 = receipt('2023-11-02', '2', 2, 'นายเบญจ', [['411002', 500, 'ภาษีป้าย']]);

/** ประมาณการรายรับ 2567 of the golden books. */
export const estimates: ReadonlyMap<string, number> = new Map([
  ['411002', baht(10_000)],
  ['411004', baht(20_000)],
  ['412001', baht(5_000)],
  ['421001', baht(300_000)],
  ['431001', baht(500_000)],
]);

/** All of them, in recording order (which is also book order). */
export const goldenEntries: readonly Entry[] = [e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15, e16, e17, e18];

/** The first week: 1–6 October 2023. */
export const firstWeek = { from: '2023-10-01', to: '2023-10-06' };

/** Entries dated before `date`. */
export function entriesBefore(date: string, entries: readonly Entry[] = goldenEntries): Entry[] {
  return entries.filter((e) => e.date < date);
}

/** The budget register the store would hold after `entries` (the domain's own budget effects). */
export function budgetLinesOf(entries: readonly Entry[] = goldenEntries): BudgetLineState[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const lines = new Map<string, BudgetLineState>();
  for (const e of entries) {
    if (e.kind === 'budget') for (const def of budgetLineDefsOf(e.doc)) if (!lines.has(def.code)) lines.set(def.code, { def, balance: emptyBudgetBalance });
    const effects = budgetEffectsOf(e, e.kind === 'cancel' ? byId.get(e.doc.targetId) : undefined);
    for (const [code, state] of lines) lines.set(code, { ...state, balance: applyBudgetEffects(state.balance, effects, state.def) });
  }
  return [...lines.values()];
}
