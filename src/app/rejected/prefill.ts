/**
 * A refused entry's document written back as the text its form holds, so the officer's corrected
 * entry starts from what was typed the first time and changes only what was wrong. Pure: reading the
 * form text back with the kind's reader gives the same document (tests/app/prefill.test.ts).
 * Budget entries (six actions, each with its own fields) are not pre-filled yet: the officer types
 * the corrected one on the งบประมาณ screen.
 */
import type { EntryOfKind } from '../../domain/entry';
import type { DepositFormInput, JournalFormInput, PaymentFormInput, ReceiptFormInput } from '../../domain/forms';
import { formatBaht } from '../../domain/money';
import { formatBeDate } from '../../domain/thaiDate';

/** The kinds whose form a refused entry can pre-fill. */
export type PrefillKind = 'receipt' | 'deposit' | 'payment' | 'journal';

export const prefillKinds: readonly PrefillKind[] = ['receipt', 'deposit', 'payment', 'journal'];

export function isPrefillKind(kind: string): kind is PrefillKind {
  return (prefillKinds as readonly string[]).includes(kind);
}

/** @example receiptFormOf(entry) // { dateBe: '31/03/2567', bookNo: '7', receiptNo: '5', items: [{ amountBaht: '500.00', … }], … } */
export function receiptFormOf(entry: EntryOfKind<'receipt'>): ReceiptFormInput {
  const d = entry.doc;
  return {
    dateBe: formatBeDate(entry.date),
    bookNo: d.bookNo,
    receiptNo: String(d.receiptNo),
    payer: d.payer,
    items: d.items.map((i) => ({ account: i.account, amountBaht: formatBaht(i.amountSatang), description: i.description ?? '' })),
    method: d.method,
    receivedInto: d.receivedInto,
    reference: d.reference ?? '',
  };
}

export function depositFormOf(entry: EntryOfKind<'deposit'>): DepositFormInput {
  const d = entry.doc;
  return {
    dateBe: formatBeDate(entry.date),
    fromCashAccount: d.fromCashAccount,
    toBankAccount: d.toBankAccount,
    amountBaht: formatBaht(d.amountSatang),
    slipNo: d.slipNo ?? '',
  };
}

export function paymentFormOf(entry: EntryOfKind<'payment'>): PaymentFormInput {
  const d = entry.doc;
  const c = d.charge;
  const budget = c.kind === 'budget' ? c : undefined;
  return {
    dateBe: formatBeDate(entry.date),
    voucherNo: d.voucherNo,
    payee: d.payee,
    description: d.description,
    chargeKind: c.kind,
    budgetLine: budget?.budgetLine ?? '',
    commitmentId: budget?.commitmentId ?? '',
    // The release as recorded: blank would let the reader recompute it from today's outstanding.
    commitmentReleaseBaht: budget?.commitmentId !== undefined ? formatBaht(budget.commitmentReleaseSatang) : '',
    depositAccount: c.kind === 'deposit' ? c.account : '',
    grossBaht: formatBaht(d.grossSatang),
    deductions: d.deductions.map((x) => ({ kind: x.kind, account: x.account, amountBaht: formatBaht(x.amountSatang), note: x.note ?? '' })),
    method: d.method,
    paidFrom: d.paidFrom,
    reference: d.reference ?? '',
  };
}

export function journalFormOf(entry: EntryOfKind<'journal'>): JournalFormInput {
  const d = entry.doc;
  const amount = (satang: number) => (satang === 0 ? '' : formatBaht(satang));
  return {
    dateBe: formatBeDate(entry.date),
    voucherNo: d.voucherNo,
    purpose: d.purpose,
    description: d.description,
    lines: d.lines.map((l) => ({ account: l.account, debitBaht: amount(l.debitSatang), creditBaht: amount(l.creditSatang), note: l.note ?? '' })),
  };
}
