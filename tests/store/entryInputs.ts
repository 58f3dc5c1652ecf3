/**
 * Valid inputs of every kind for recordEntry, on the default chart, fiscal year 2567 (Oct 2566 – Sep
 * 2567), and a snapshot of everything a write could touch, to show that a refusal wrote nothing.
 */
import { allReceiptHolders } from '../../src/store/receiptNumberBooks';
import type { BudgetLineDef } from '../../src/domain/budget/budgetLine';
import type { Entry } from '../../src/domain/entry';
import type { SamutDb } from '../../src/store/db';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { testEnrolment } from './fixtures';

export const fy = 2567;
const by = 'สมศรี ใจดี';

export function lineDef(code: string, categoryAccount = '532000', fiscalYear = fy): BudgetLineDef {
  return {
    code,
    fiscalYear,
    planCode: '00110',
    planName: 'แผนงานบริหารงานทั่วไป',
    workCode: '00111',
    workName: 'งานบริหารทั่วไป',
    groupName: 'งบดำเนินงาน',
    categoryAccount,
    typeName: 'รายจ่ายเพื่อให้ได้มาซึ่งบริการ',
    fundSource: 'budget',
  };
}

export function receiptInput(date: string, bookNo: string, receiptNo: number, amountSatang = 50_000, account = '411002'): RecordEntryInput {
  return {
    date,
    recordedBy: by,
    kind: 'receipt',
    doc: { bookNo, receiptNo, payer: 'นายสมชาย มีเงิน', items: [{ account, amountSatang }], method: 'cash', receivedInto: '010' },
  };
}

export function depositInput(date: string, amountSatang: number): RecordEntryInput {
  return { date, recordedBy: by, kind: 'deposit', doc: { fromCashAccount: '010', toBankAccount: '011', amountSatang, slipNo: 'ฝ001' } };
}

export function appropriationInput(date: string, code: string, amountSatang: number): RecordEntryInput {
  return { date, recordedBy: by, kind: 'budget', doc: { action: 'appropriation', line: lineDef(code), amountSatang, reference: 'ข้อบัญญัติงบประมาณ 2567' } };
}

export function supplementaryInput(date: string, code: string, amountSatang: number): RecordEntryInput {
  return { date, recordedBy: by, kind: 'budget', doc: { action: 'supplementary', line: lineDef(code), amountSatang, reference: 'ข้อบัญญัติเพิ่มเติม 1/2567' } };
}

export function transferInput(date: string, fromLine: string, toLine: string, amountSatang: number, newLine = false): RecordEntryInput {
  return {
    date,
    recordedBy: by,
    kind: 'budget',
    doc: { action: 'transfer', fiscalYear: fy, fromLine, toLine, ...(newLine ? { toLineDef: lineDef(toLine) } : {}), amountSatang, reference: 'คำสั่งโอน 1/2567' },
  };
}

export function commitmentInput(date: string, line: string, amountSatang: number): RecordEntryInput {
  return { date, recordedBy: by, kind: 'budget', doc: { action: 'commitment', fiscalYear: fy, line, amountSatang, reference: 'สัญญาจ้าง 5/2567', payee: 'หจก.ก่อสร้างดี' } };
}

export function releaseInput(date: string, line: string, commitmentId: string, amountSatang: number): RecordEntryInput {
  return { date, recordedBy: by, kind: 'budget', doc: { action: 'release', fiscalYear: fy, line, commitmentId, amountSatang, reason: 'ส่งมอบงานไม่ครบ' } };
}

/** A ฎีกา charged to a budget line, paid by transfer from savings, optionally on a commitment. */
export function paymentInput(
  date: string,
  line: string,
  grossSatang: number,
  opts: { commitmentId?: string; releaseSatang?: number; withholdingSatang?: number; expenseAccount?: string } = {},
): RecordEntryInput {
  const withholding = opts.withholdingSatang ?? 0;
  return {
    date,
    recordedBy: by,
    kind: 'payment',
    doc: {
      voucherNo: `ฎ${grossSatang}`,
      payee: 'ร้านวัสดุภัณฑ์',
      description: 'ค่าจ้างเหมาบริการ',
      charge: {
        kind: 'budget',
        fiscalYear: fy,
        budgetLine: line,
        expenseAccount: opts.expenseAccount ?? '532000',
        ...(opts.commitmentId !== undefined ? { commitmentId: opts.commitmentId } : {}),
        commitmentReleaseSatang: opts.releaseSatang ?? 0,
      },
      grossSatang,
      deductions: withholding > 0 ? [{ kind: 'withholding', account: '902', amountSatang: withholding }] : [],
      netSatang: grossSatang - withholding,
      method: 'transfer',
      paidFrom: '011',
    },
  };
}

export function journalInput(date: string, debitSatang: number, creditSatang = debitSatang): RecordEntryInput {
  return {
    date,
    recordedBy: by,
    kind: 'journal',
    doc: {
      voucherNo: 'บช.1/2567',
      purpose: 'general',
      description: 'ปรับปรุงดอกเบี้ยเงินฝาก',
      lines: [
        { account: '011', debitSatang, creditSatang: 0 },
        { account: '413001', debitSatang: 0, creditSatang },
      ],
    },
  };
}

export function cancelInput(date: string, target: Pick<Entry, 'id' | 'hash'>, reason = 'บันทึกผิด'): RecordEntryInput {
  return { date, recordedBy: by, kind: 'cancel', doc: { targetId: target.id, targetHash: target.hash, reason } };
}

/** Everything a write may touch: entries, the seq counter and every cache table. */
export async function snapshot(db: SamutDb) {
  return {
    entries: await db.entries.count(),
    seq: (await db.meta.get(`deviceSeq:${testEnrolment.deviceId}`))?.value,
    receiptNumbers: await allReceiptHolders(db.receiptNumberBooks),
    budgetLines: await db.budgetLines.toArray(),
    budgetEffects: await db.budgetEffects.toArray(),
    budgetLineBalances: await db.budgetLineBalances.toArray(),
    accountDayTotals: await db.accountDayTotals.toArray(),
    accountMonthTotals: await db.accountMonthTotals.toArray(),
    cancellations: await db.cancellations.toArray(),
    cashBookDays: await db.cashBookDays.toArray(),
  };
}
