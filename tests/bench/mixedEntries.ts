/**
 * A year's worth of every kind of entry, as one office would record it: appropriations first, then
 * receipts, deposits, ฎีกา (some with withholding, some on commitments), commitments, transfers,
 * journal vouchers and cancels, all valid against the books in order. Deterministic (seeded).
 */
import { InMemoryBooks } from '../../src/domain/books/inMemoryBooks';
import { checkAgainstBooks } from '../../src/domain/books/checkAgainstBooks';
import type { BudgetLineDef } from '../../src/domain/budget/budgetLine';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { buildEntry, type Entry, type EntryDoc } from '../../src/domain/entry';
import { entryIdOf } from '../../src/domain/entryId';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { daysBetween, seededRandom } from './ledger';

const orgId = entryIdOf(1, new Uint8Array(10).fill(1));
const deviceId = entryIdOf(2, new Uint8Array(10).fill(2));
const lineCount = 40;
const categories = ['531000', '532000', '533000', '534000', '541000'];

function lineDef(i: number): BudgetLineDef {
  return {
    code: `99690111210${String(10000 + i)}`,
    fiscalYear: 2567,
    planCode: '00110',
    planName: 'บริหารงานทั่วไป',
    workCode: '00111',
    workName: 'งานบริหารทั่วไป',
    groupName: 'งบดำเนินงาน',
    categoryAccount: categories[i % categories.length]!,
    typeName: 'รายจ่ายตามประเภท',
    fundSource: 'budget',
  };
}

export function freshBooks(): InMemoryBooks {
  return new InMemoryBooks({ chart: defaultChart, rules: moneyRulesDefault, todayIso: '2024-09-30' });
}

/** `count` entries of every kind, each accepted by the books in order (refused drafts are redrawn). */
export function mixedEntries(count: number, seed = 7): Entry[] {
  const next = seededRandom(seed);
  const days = daysBetween('2023-10-02', '2024-09-29');
  const books = freshBooks();
  const entries: Entry[] = [];
  let seq = 0;
  let receiptNo = 0;
  const commitments: Entry[] = [];
  const seal = (body: EntryDoc, date: string, target?: Entry): Entry => {
    seq += 1;
    const random = new Uint8Array(10);
    new DataView(random.buffer).setUint32(6, seq);
    return buildEntry(
      { schema: 1, id: entryIdOf(Date.UTC(2023, 9, 1) + seq, random), orgId, deviceId, seq, date, recordedAt: '2024-09-30T03:00:00.000Z', recordedBy: 'bench', ...body } as Parameters<typeof buildEntry>[0],
      target,
    );
  };
  const accept = (e: Entry): boolean => {
    if (checkAgainstBooks(e, books).outcome !== 'accepted') return false;
    books.apply(e);
    entries.push(e);
    return true;
  };
  for (let i = 0; i < lineCount && entries.length < count; i++) {
    accept(seal({ kind: 'budget', doc: { action: 'appropriation', line: lineDef(i), amountSatang: 50_000_000_000, reference: 'ข้อบัญญัติ 2567' } }, '2023-10-01'));
  }
  while (entries.length < count) {
    const date = days[next() % days.length]!;
    const line = lineDef(next() % lineCount);
    const r = next() % 100;
    const amount = 100 + (next() % 2_000_000);
    let e: Entry;
    if (r < 45) {
      receiptNo += 1;
      e = seal({ kind: 'receipt', doc: { bookNo: '1/2567', receiptNo, payer: `ผู้ชำระ ${receiptNo}`, items: [{ account: '411002', amountSatang: amount }], method: 'cash', receivedInto: '010' } }, date);
    } else if (r < 55) {
      e = seal({ kind: 'deposit', doc: { fromCashAccount: '010', toBankAccount: '011', amountSatang: amount } }, date);
    } else if (r < 80) {
      const withholding = amount >= 1_000_000 ? Math.floor(amount / 100) : 0;
      const c = commitments.length > 0 && next() % 3 === 0 ? commitments[next() % commitments.length] : undefined;
      const commitLine = c && c.kind === 'budget' && c.doc.action === 'commitment' ? c.doc.line : undefined;
      const outstanding = c ? (books.commitment(c.id)?.outstandingSatang ?? 0) : 0;
      const chargedLine = commitLine ? lineDef(Number(commitLine.slice(-5)) - 10000) : line;
      e = seal({
        kind: 'payment',
        doc: {
          voucherNo: `ฎ.${seq}/2567`, payee: 'ผู้รับเงิน', description: 'ค่าใช้จ่ายตามฎีกา',
          charge: { kind: 'budget', fiscalYear: 2567, budgetLine: chargedLine.code, expenseAccount: chargedLine.categoryAccount,
            ...(c ? { commitmentId: c.id } : {}), commitmentReleaseSatang: c ? Math.min(outstanding, amount) : 0 },
          grossSatang: amount,
          deductions: withholding ? [{ kind: 'withholding', account: '902', amountSatang: withholding }] : [],
          netSatang: amount - withholding, method: 'transfer', paidFrom: '011',
        },
      }, date);
    } else if (r < 86) {
      e = seal({ kind: 'budget', doc: { action: 'commitment', fiscalYear: 2567, line: line.code, amountSatang: amount * 3, reference: `สัญญา ${seq}`, payee: 'หจก.ผู้รับจ้าง' } }, date);
      if (accept(e)) commitments.push(e);
      continue;
    } else if (r < 90) {
      const to = lineDef(next() % lineCount);
      if (to.code === line.code) continue;
      e = seal({ kind: 'budget', doc: { action: 'transfer', fiscalYear: 2567, fromLine: line.code, toLine: to.code, amountSatang: amount, reference: `โอน ${seq}` } }, date);
    } else if (r < 97) {
      e = seal({ kind: 'journal', doc: { voucherNo: `JV${seq}`, purpose: 'general', description: 'ปรับปรุงรายการ', lines: [
        { account: '600', debitSatang: amount, creditSatang: 0 }, { account: '700', debitSatang: 0, creditSatang: amount }] } }, date);
    } else {
      const target = entries[next() % entries.length]!;
      if (target.kind === 'cancel') continue;
      e = seal({ kind: 'cancel', doc: { targetId: target.id, targetHash: target.hash, reason: 'บันทึกผิด' } }, date < target.date ? target.date : date, target);
    }
    accept(e);
  }
  return entries;
}
