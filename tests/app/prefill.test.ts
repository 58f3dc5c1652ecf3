/**
 * A refused entry's document written back as form text reads back, with the kind's own form reader,
 * to the very same document and date: the corrected entry starts from exactly what was recorded.
 */
import { describe, expect, it } from 'vitest';
import { budgetFormOf, depositFormOf, journalFormOf, paymentFormOf, receiptFormOf } from '../../src/app/rejected/prefill';
import type { EntryOfKind } from '../../src/domain/entry';
import { readBudgetForm, readDepositForm, readJournalForm, readPaymentForm, readReceiptForm, type BudgetFormContext } from '../../src/domain/forms';
import type { BudgetDoc } from '../../src/domain/kinds/budgetEntry';
import { appropriation, budgetPayment, entryOf, lineDef, receiptDoc } from '../domain/builders';

describe('pre-filling a form from a refused entry', () => {
  it('writes a receipt back (B.E. date, amounts in baht, optional texts blank) and reads it back unchanged', () => {
    const content = receiptDoc('7', 5, 123_456);
    const doc = { ...content.doc, items: [...content.doc.items, { account: '412001', amountSatang: 5, description: 'ค่าปรับ' }], reference: 'ชค 1234' };
    const entry = entryOf({ kind: 'receipt', doc }, '2024-03-31') as EntryOfKind<'receipt'>;
    const form = receiptFormOf(entry);
    expect(form).toMatchObject({ dateBe: '31/03/2567', bookNo: '7', receiptNo: '5' });
    expect(form.items).toEqual([
      { account: '411002', amountBaht: '1,234.56', description: '' },
      { account: '412001', amountBaht: '0.05', description: 'ค่าปรับ' },
    ]);
    expect(readReceiptForm(form)).toEqual({ ok: true, date: entry.date, kind: 'receipt', doc: entry.doc });
  });

  it('writes a deposit back and reads it back unchanged', () => {
    const entry = entryOf({ kind: 'deposit', doc: { fromCashAccount: '010', toBankAccount: '011', amountSatang: 200_000 } }, '2024-01-17') as EntryOfKind<'deposit'>;
    const form = depositFormOf(entry);
    expect(form).toEqual({ dateBe: '17/01/2567', fromCashAccount: '010', toBankAccount: '011', amountBaht: '2,000.00', slipNo: '' });
    expect(readDepositForm(form)).toEqual({ ok: true, date: entry.date, kind: 'deposit', doc: entry.doc });
  });

  it('writes a ฎีกา back, deductions and a commitment release included, and reads it back unchanged', () => {
    const content = budgetPayment('L1', 1_500_000, { withholdingSatang: 15_000, commitmentId: '0190d6a4-0000-7000-8000-0000000000c1', releaseSatang: 1_000_000 });
    const entry = entryOf(content, '2024-02-01') as EntryOfKind<'payment'>;
    const form = paymentFormOf(entry);
    expect(form).toMatchObject({ grossBaht: '15,000.00', chargeKind: 'budget', budgetLine: 'L1', commitmentReleaseBaht: '10,000.00' });
    expect(form.deductions).toEqual([{ kind: 'withholding', account: '902', amountBaht: '150.00', note: '' }]);
    const context = { budgetLines: [lineDef('L1')], commitments: [{ id: '0190d6a4-0000-7000-8000-0000000000c1', outstandingSatang: 3_000_000 }] };
    expect(readPaymentForm(form, context)).toEqual({ ok: true, date: entry.date, kind: 'payment', doc: entry.doc });
  });

  it('writes a ฎีกา paid from a เงินรับฝาก account back', () => {
    const content = budgetPayment('L1', 50_000);
    const doc = { ...content.doc, charge: { kind: 'deposit' as const, account: '902' } };
    const entry = entryOf({ kind: 'payment', doc }, '2024-02-01') as EntryOfKind<'payment'>;
    const form = paymentFormOf(entry);
    expect(form).toMatchObject({ chargeKind: 'deposit', depositAccount: '902', budgetLine: '', commitmentId: '' });
    expect(readPaymentForm(form, { budgetLines: [] })).toEqual({ ok: true, date: entry.date, kind: 'payment', doc: entry.doc });
  });

  it('writes a ใบผ่านรายการ back, each line with its debit or its credit, and reads it back unchanged', () => {
    const lines = [
      { account: '011', debitSatang: 10_050, creditSatang: 0, note: 'ปรับ' },
      { account: '413001', debitSatang: 0, creditSatang: 10_050 },
    ];
    const entry = entryOf({ kind: 'journal', doc: { voucherNo: 'JV1', purpose: 'general', description: 'ปรับปรุง', lines } }, '2024-01-31') as EntryOfKind<'journal'>;
    const form = journalFormOf(entry);
    expect(form.lines).toEqual([
      { account: '011', debitBaht: '100.50', creditBaht: '', note: 'ปรับ' },
      { account: '413001', debitBaht: '', creditBaht: '100.50', note: '' },
    ]);
    expect(readJournalForm(form)).toEqual({ ok: true, date: entry.date, kind: 'journal', doc: entry.doc });
  });

  describe('a budget entry, each action with its own fields', () => {
    const commitmentId = '0190d6a4-0000-7000-8000-0000000000c2';
    const context: BudgetFormContext = {
      budgetLines: [lineDef('L1'), lineDef('L2', 2567, '533000')],
      commitments: [{ id: commitmentId, fiscalYear: 2567, line: 'L1', outstandingSatang: 3_000_000 }],
    };
    const budgetEntry = (doc: BudgetDoc, date: string) => entryOf({ kind: 'budget', doc }, date) as EntryOfKind<'budget'>;

    it("writes an appropriation back with its line's whole classification, the year written out, and reads it back unchanged", () => {
      // Enacted in September for the fiscal year starting in October: the line's year is not the date's.
      const content = appropriation('L9', 12_345_678, 2567, { ...lineDef('L9'), projectName: 'โครงการอบรมอาสาสมัคร' });
      const entry = entryOf(content, '2023-09-15') as EntryOfKind<'budget'>;
      const form = budgetFormOf(entry);
      expect(form).toMatchObject({ action: 'appropriation', dateBe: '15/09/2566', amountBaht: '123,456.78', reference: 'ข้อบัญญัติ 2567', newLine: false });
      expect(form.line).toMatchObject({ code: 'L9', fiscalYear: '2567', categoryAccount: '532000', projectName: 'โครงการอบรมอาสาสมัคร', fundSource: 'budget' });
      expect(readBudgetForm(form, { budgetLines: [] })).toEqual({ ok: true, date: entry.date, kind: 'budget', doc: entry.doc });
    });

    it('writes a งบเพิ่มเติม back as the line it names, which reads back unchanged as written or picked from the books', () => {
      const entry = budgetEntry({ action: 'supplementary', line: lineDef('L1'), amountSatang: 500_000, reference: 'งบเพิ่มเติม 1/2567' }, '2024-03-01');
      const form = budgetFormOf(entry);
      expect(form).toMatchObject({ action: 'supplementary', dateBe: '01/03/2567', amountBaht: '5,000.00', newLine: true, lineCode: 'L1' });
      expect(form.line).toMatchObject({ code: 'L1', fiscalYear: '2567', planCode: '00110', projectName: '' });
      const read = { ok: true, date: entry.date, kind: 'budget', doc: entry.doc };
      expect(readBudgetForm(form, context)).toEqual(read);
      expect(readBudgetForm({ ...form, newLine: false }, context)).toEqual(read);
    });

    it('writes a โอน back, to an existing line or to a new one, and reads each back unchanged', () => {
      const between = budgetEntry({ action: 'transfer', fiscalYear: 2567, fromLine: 'L1', toLine: 'L2', amountSatang: 250_050, reference: 'คำสั่งโอน 3/2567' }, '2024-04-02');
      const betweenForm = budgetFormOf(between);
      expect(betweenForm).toMatchObject({ action: 'transfer', fromLine: 'L1', toLine: 'L2', newLine: false, amountBaht: '2,500.50' });
      expect(readBudgetForm(betweenForm, context)).toEqual({ ok: true, date: between.date, kind: 'budget', doc: between.doc });

      const toLineDef = { ...lineDef('NEW-1', 2567, '541000'), groupName: 'งบลงทุน', projectName: 'ก่อสร้างรางระบายน้ำ', fundSource: 'accumulated' as const };
      const toNew = budgetEntry({ action: 'transfer', fiscalYear: 2567, fromLine: 'L1', toLine: 'NEW-1', toLineDef, amountSatang: 9_000_000, reference: 'คำสั่งโอน 4/2567' }, '2024-04-03');
      const toNewForm = budgetFormOf(toNew);
      expect(toNewForm).toMatchObject({ action: 'transfer', fromLine: 'L1', toLine: '', newLine: true });
      expect(toNewForm.line).toMatchObject({ code: 'NEW-1', categoryAccount: '541000', projectName: 'ก่อสร้างรางระบายน้ำ', fundSource: 'accumulated' });
      expect(readBudgetForm(toNewForm, context)).toEqual({ ok: true, date: toNew.date, kind: 'budget', doc: toNew.doc });
    });

    it('writes a ผูกพัน back with its line, contract and payee, and reads it back unchanged', () => {
      const entry = budgetEntry({ action: 'commitment', fiscalYear: 2567, line: 'L1', amountSatang: 3_000_000, reference: 'สัญญา 5/2567', payee: 'หจก. ก้าวหน้า' }, '2024-02-01');
      const form = budgetFormOf(entry);
      expect(form).toMatchObject({ action: 'commitment', dateBe: '01/02/2567', lineCode: 'L1', amountBaht: '30,000.00', reference: 'สัญญา 5/2567', payee: 'หจก. ก้าวหน้า' });
      expect(readBudgetForm(form, context)).toEqual({ ok: true, date: entry.date, kind: 'budget', doc: entry.doc });
    });

    it('writes a ยกเลิกผูกพัน back with the commitment released and the reason, and reads it back unchanged', () => {
      const entry = budgetEntry({ action: 'release', fiscalYear: 2567, line: 'L1', commitmentId, amountSatang: 1_000_001, reason: 'ผู้รับจ้างส่งงานไม่ครบ' }, '2024-06-28');
      const form = budgetFormOf(entry);
      expect(form).toMatchObject({ action: 'release', commitmentId, amountBaht: '10,000.01', reason: 'ผู้รับจ้างส่งงานไม่ครบ', reference: '', lineCode: '' });
      expect(readBudgetForm(form, context)).toEqual({ ok: true, date: entry.date, kind: 'budget', doc: entry.doc });
    });

    it("writes a ประมาณการรายรับ back with the year estimated written out (next year's, here), and reads it back unchanged", () => {
      const entry = budgetEntry({ action: 'revenueEstimate', fiscalYear: 2568, account: '411002', amountSatang: 80_000_000, reference: 'ประมาณการ 2568' }, '2024-08-15');
      const form = budgetFormOf(entry);
      expect(form).toMatchObject({ action: 'revenueEstimate', dateBe: '15/08/2567', fiscalYear: '2568', account: '411002', amountBaht: '800,000.00' });
      const estimating = { ...context, revenueAccounts: (fy: number) => (fy === 2568 ? ['411002'] : []) };
      expect(readBudgetForm(form, estimating)).toEqual({ ok: true, date: entry.date, kind: 'budget', doc: entry.doc });
    });
  });
});
