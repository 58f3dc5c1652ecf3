/** Building entries of any kind for tests, with a fixed org and device and a running seq. */
import type { BudgetLineDef } from '../../src/domain/budget/budgetLine';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { buildEntry, type Entry, type EntryDoc } from '../../src/domain/entry';
import { entryIdOf } from '../../src/domain/entryId';
import { InMemoryBooks, type BooksSlice } from '../../src/domain/books/inMemoryBooks';
import { moneyRulesDefault } from '../../src/domain/moneyRules';

export const orgId = entryIdOf(1, new Uint8Array(10).fill(1));
export const deviceId = entryIdOf(2, new Uint8Array(10).fill(2));

let seq = 0;

/** A sealed entry of any kind; ids are unique per call. */
export function entryOf(content: EntryDoc, date = '2024-01-16', cancelTarget?: Entry): Entry {
  seq += 1;
  const random = new Uint8Array(10);
  new DataView(random.buffer).setUint32(6, seq);
  return buildEntry(
    {
      schema: 1,
      id: entryIdOf(Date.UTC(2024, 0, 1) + seq, random),
      orgId,
      deviceId,
      seq,
      date,
      recordedAt: '2024-01-16T03:00:00.000Z',
      recordedBy: 'officer',
      ...content,
    } as Parameters<typeof buildEntry>[0],
    cancelTarget,
  );
}

export function cancelOf(target: Entry, date = target.date, reason = 'บันทึกผิด'): Entry {
  return entryOf({ kind: 'cancel', doc: { targetId: target.id, targetHash: target.hash, reason } }, date, target);
}

export function lineDef(code: string, fiscalYear = 2567, categoryAccount = '532000'): BudgetLineDef {
  return {
    code,
    fiscalYear,
    planCode: '00110',
    planName: 'บริหารงานทั่วไป',
    workCode: '00111',
    workName: 'งานบริหารทั่วไป',
    groupName: 'งบดำเนินงาน',
    categoryAccount,
    typeName: 'รายจ่ายเพื่อให้ได้มาซึ่งบริการ',
    fundSource: 'budget',
  };
}

/** Empty books of FY 2567 with the default chart, today 2024-09-30. */
export function emptyBooks(over: Partial<BooksSlice> = {}): InMemoryBooks {
  return new InMemoryBooks({ chart: defaultChart, rules: moneyRulesDefault, todayIso: '2024-09-30', ...over });
}

export function receiptDoc(bookNo: string, receiptNo: number, amountSatang = 50_000, account = '411002') {
  return {
    kind: 'receipt' as const,
    doc: { bookNo, receiptNo, payer: 'นายสมชาย ใจดี', items: [{ account, amountSatang }], method: 'cash' as const, receivedInto: '010' },
  };
}

export function appropriation(code: string, amountSatang: number, fiscalYear = 2567) {
  return { kind: 'budget' as const, doc: { action: 'appropriation' as const, line: lineDef(code, fiscalYear), amountSatang, reference: 'ข้อบัญญัติ 2567' } };
}

export function budgetPayment(line: string, grossSatang: number, opts: { commitmentId?: string; releaseSatang?: number; withholdingSatang?: number } = {}) {
  const deductions = opts.withholdingSatang ? [{ kind: 'withholding' as const, account: '902', amountSatang: opts.withholdingSatang }] : [];
  return {
    kind: 'payment' as const,
    doc: {
      voucherNo: `ฎ${grossSatang}`,
      payee: 'ร้านวัสดุ',
      description: 'ค่าวัสดุสำนักงาน',
      charge: {
        kind: 'budget' as const,
        fiscalYear: 2567,
        budgetLine: line,
        expenseAccount: '532000',
        ...(opts.commitmentId ? { commitmentId: opts.commitmentId } : {}),
        commitmentReleaseSatang: opts.releaseSatang ?? 0,
      },
      grossSatang,
      deductions,
      netSatang: grossSatang - (opts.withholdingSatang ?? 0),
      method: 'transfer' as const,
      paidFrom: '011',
    },
  };
}
