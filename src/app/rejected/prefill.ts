/**
 * A refused entry's document written back as the text its form holds, so the officer's corrected
 * entry starts from what was typed the first time and changes only what was wrong. Pure: reading the
 * form text back with the kind's reader gives the same document (tests/app/prefill.test.ts).
 * A budget entry's form is the action's own field set, read back against the books' lines and
 * commitments (the ones the refused entry named).
 */
import type { BudgetLineDef } from '../../domain/budget/budgetLine';
import type { EntryOfKind } from '../../domain/entry';
import {
  blankBudgetForm,
  type BudgetFormInput,
  type BudgetLineInput,
  type DepositFormInput,
  type JournalFormInput,
  type PaymentFormInput,
  type ReceiptFormInput,
} from '../../domain/forms';
import { formatBaht } from '../../domain/money';
import { formatBeDate } from '../../domain/thaiDate';

/** The kinds whose form a refused entry can pre-fill. */
export type PrefillKind = 'receipt' | 'deposit' | 'payment' | 'budget' | 'journal';

export const prefillKinds: readonly PrefillKind[] = ['receipt', 'deposit', 'payment', 'budget', 'journal'];

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

/**
 * The action's fields as recorded; the fields of the other actions blank.
 * @example budgetFormOf(entry) // { action: 'commitment', dateBe: '01/02/2567', lineCode: '00111-532000-01', amountBaht: '30,000.00', payee: 'หจก. ก้าวหน้า', … }
 */
export function budgetFormOf(entry: EntryOfKind<'budget'>): BudgetFormInput {
  const d = entry.doc;
  const form: BudgetFormInput = {
    ...blankBudgetForm(d.action, formatBeDate(entry.date)),
    amountBaht: formatBaht(d.amountSatang),
    reference: d.action === 'release' ? '' : d.reference,
  };
  switch (d.action) {
    case 'appropriation':
      return { ...form, line: lineInputOf(d.line) };
    case 'supplementary':
      // The document carries the whole line, not whether it was new: shown as written, it reads back
      // the same whether or not the books hold it. The picker gets the code too, for an officer who
      // unticks "new line" to pick the books' line instead.
      return { ...form, newLine: true, line: lineInputOf(d.line), lineCode: d.line.code };
    case 'transfer':
      return d.toLineDef !== undefined
        ? { ...form, fromLine: d.fromLine, newLine: true, line: lineInputOf(d.toLineDef) }
        : { ...form, fromLine: d.fromLine, toLine: d.toLine };
    case 'commitment':
      return { ...form, lineCode: d.line, payee: d.payee };
    case 'release':
      // The line and fiscal year are the commitment's: the reader takes them from the books.
      return { ...form, commitmentId: d.commitmentId, reason: d.reason };
    case 'revenueEstimate':
      // The year as recorded: blank would mean the date's, and an estimate may be for the next year.
      return { ...form, fiscalYear: String(d.fiscalYear), account: d.account };
  }
}

/** A line's classification as typed; its year written out, since a line may be for the next year. */
function lineInputOf(line: BudgetLineDef): BudgetLineInput {
  return {
    code: line.code,
    fiscalYear: String(line.fiscalYear),
    planCode: line.planCode,
    planName: line.planName,
    workCode: line.workCode,
    workName: line.workName,
    groupName: line.groupName,
    categoryAccount: line.categoryAccount,
    typeName: line.typeName,
    projectName: line.projectName ?? '',
    fundSource: line.fundSource,
  };
}
