/**
 * A refused entry's document written back as form text reads back, with the kind's own form reader,
 * to the very same document and date: the corrected entry starts from exactly what was recorded.
 */
import { describe, expect, it } from 'vitest';
import { depositFormOf, journalFormOf, paymentFormOf, receiptFormOf } from '../../src/app/rejected/prefill';
import type { EntryOfKind } from '../../src/domain/entry';
import { readDepositForm, readJournalForm, readPaymentForm, readReceiptForm } from '../../src/domain/forms';
import { budgetPayment, entryOf, lineDef, receiptDoc } from '../domain/builders';

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
});
