/**
 * A fiscal year (2567: 1 Oct 2023 – 30 Sep 2024) of one busy office, as entries, until the journal
 * lines reach a target: opening balances, appropriations over 60 budget lines, receipts of 1–3 items
 * over every revenue item, deposits, ฎีกา over every expense หมวด (some with withholding), commitments,
 * journal vouchers between many accounts, and cancels. Built by the domain (lines derived, hashed);
 * not checked against the books: the reports' speed does not depend on it. Deterministic (seeded).
 * Runs in the bench page (no Node API).
 */
import type { BudgetLineDef } from '../../../src/domain/budget/budgetLine';
import { postableAccounts } from '../../../src/domain/chart/chart';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { buildEntry, type Entry, type EntryDoc } from '../../../src/domain/entry';
import { entryIdOf } from '../../../src/domain/entryId';
import { daysBetween, seededRandom } from '../ledger';

export const benchFiscalYear = 2567;
export const benchYearFirstDay = '2023-10-01';
export const benchYearLastDay = '2024-09-30';

const orgId = entryIdOf(1, new Uint8Array(10).fill(1));
const deviceId = entryIdOf(2, new Uint8Array(10).fill(2));
const codes = (filter: Parameters<typeof postableAccounts>[2]) => postableAccounts(defaultChart, benchFiscalYear, filter).map((a) => a.code);
const revenue = codes({ type: 'revenue' });
const expense = codes({ type: 'expense' });
const banks = codes({ role: 'bank' });
/** Accounts a journal voucher moves: receivables, liabilities, deposits held (not cash: the cash books stay receipts and ฎีกา). */
const journalAccounts = [...codes({ role: 'receivable' }), ...codes({ role: 'deposit' }), '600', '602', '700'];
const budgetLineCount = 60;

function lineDef(i: number): BudgetLineDef {
  return {
    code: `99690111210${String(10000 + i)}`,
    fiscalYear: benchFiscalYear,
    planCode: `0011${i % 5}`,
    planName: 'แผนงานบริหารงานทั่วไป',
    workCode: `0011${i % 7}`,
    workName: 'งานบริหารทั่วไป',
    groupName: 'งบดำเนินงาน',
    categoryAccount: expense[i % expense.length]!,
    typeName: 'รายจ่ายตามประเภท',
    fundSource: 'budget',
  };
}

/** Entries of the year until their journal lines number at least `linesMin`; with progress every 10,000 entries. */
export function reportLedger(linesMin: number, onProgress: (entries: number, lines: number) => void = () => {}, seed = 11): Entry[] {
  const next = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length]!;
  const days = daysBetween('2023-10-02', benchYearLastDay);
  const entries: Entry[] = [];
  let lines = 0;
  let seq = 0;
  let receiptNo = 0;
  const payable: Entry[] = [];
  const commitments: Entry[] = [];
  const add = (body: EntryDoc, date: string, target?: Entry): Entry => {
    seq += 1;
    const random = new Uint8Array(10);
    new DataView(random.buffer).setUint32(6, seq);
    const entry = buildEntry(
      { schema: 1, id: entryIdOf(Date.UTC(2023, 9, 1) + seq, random), orgId, deviceId, seq, date, recordedAt: `${date}T03:00:00.000Z`, recordedBy: 'bench', ...body } as Parameters<typeof buildEntry>[0],
      target,
    );
    entries.push(entry);
    lines += entry.lines.length;
    if (entries.length % 10_000 === 0) onProgress(entries.length, lines);
    return entry;
  };

  const opening = [
    { account: '010', debitSatang: 5_000_000, creditSatang: 0 },
    ...banks.map((b) => ({ account: b, debitSatang: 2_000_000_000, creditSatang: 0 })),
    { account: '0081', debitSatang: 300_000_000, creditSatang: 0 },
    { account: '700', debitSatang: 0, creditSatang: 5_000_000 + banks.length * 2_000_000_000 + 300_000_000 },
  ];
  add({ kind: 'journal', doc: { voucherNo: 'ยกมา 2567', purpose: 'opening', description: 'ยอดยกมาต้นปีงบประมาณ', lines: opening } }, benchYearFirstDay);
  for (let i = 0; i < budgetLineCount; i++) {
    add({ kind: 'budget', doc: { action: 'appropriation', line: lineDef(i), amountSatang: 90_000_000_000, reference: 'ข้อบัญญัติ 2567' } }, benchYearFirstDay);
  }

  while (lines < linesMin) {
    const date = pick(days);
    const r = next() % 100;
    const amount = 100 + (next() % 2_000_000);
    if (r < 45) {
      receiptNo += 1;
      const items = Array.from({ length: 1 + (next() % 3) }, () => ({ account: pick(revenue), amountSatang: 100 + (next() % 500_000) }));
      const transfer = next() % 4 === 0;
      payable.push(add({ kind: 'receipt', doc: { bookNo: `${1 + (receiptNo % 20)}/2567`, receiptNo, payer: `ผู้ชำระ ${receiptNo}`, items,
        method: transfer ? 'transfer' : 'cash', receivedInto: transfer ? pick(banks) : '010' } }, date));
    } else if (r < 55) {
      add({ kind: 'deposit', doc: { fromCashAccount: '010', toBankAccount: pick(banks), amountSatang: amount } }, date);
    } else if (r < 80) {
      const i = next() % budgetLineCount;
      const line = lineDef(i);
      const withholding = amount >= 1_000_000 ? Math.floor(amount / 100) : 0;
      const c = commitments.length > 0 && next() % 4 === 0 ? pick(commitments) : undefined;
      const onLine = c && c.kind === 'budget' && c.doc.action === 'commitment' ? lineDef(Number(c.doc.line.slice(-5)) - 10000) : line;
      payable.push(add({ kind: 'payment', doc: {
        voucherNo: `ฎ.${seq}/2567`, payee: 'ผู้รับเงิน', description: 'ค่าใช้จ่ายตามฎีกา',
        charge: { kind: 'budget', fiscalYear: benchFiscalYear, budgetLine: onLine.code, expenseAccount: onLine.categoryAccount,
          ...(c ? { commitmentId: c.id } : {}), commitmentReleaseSatang: c ? Math.floor(amount / 2) : 0 },
        grossSatang: amount,
        deductions: withholding ? [{ kind: 'withholding', account: '902', amountSatang: withholding }] : [],
        netSatang: amount - withholding, method: 'transfer', paidFrom: pick(banks),
      } }, date));
    } else if (r < 84) {
      commitments.push(add({ kind: 'budget', doc: { action: 'commitment', fiscalYear: benchFiscalYear, line: lineDef(next() % budgetLineCount).code,
        amountSatang: amount * 3, reference: `สัญญา ${seq}`, payee: 'หจก.ผู้รับจ้าง' } }, date));
    } else if (r < 97) {
      const from = pick(journalAccounts);
      let to = pick(journalAccounts);
      if (to === from) to = '700';
      add({ kind: 'journal', doc: { voucherNo: `JV${seq}`, purpose: 'general', description: 'ปรับปรุงรายการ', lines: [
        { account: from, debitSatang: amount, creditSatang: 0 }, { account: to, debitSatang: 0, creditSatang: amount }] } }, date);
    } else if (payable.length > 0) {
      // Each receipt or ฎีกา is cancelled at most once (the books refuse a second cancel).
      const target = payable.splice(next() % payable.length, 1)[0]!;
      add({ kind: 'cancel', doc: { targetId: target.id, targetHash: target.hash, reason: 'บันทึกผิด' } }, date < target.date ? target.date : date, target);
    }
  }
  return entries;
}
