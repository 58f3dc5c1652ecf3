import { describe, expect, it } from 'vitest';
import { errorTestId, fieldId } from '../../src/app/fieldIds';

describe('form field ids (the e2e test ids)', () => {
  it('keeps the receipt form ids of the walking skeleton', () => {
    expect(fieldId('receipt', 'dateBe')).toBe('receipt-date');
    expect(fieldId('receipt', 'bookNo')).toBe('receipt-book');
    expect(fieldId('receipt', 'receiptNo')).toBe('receipt-no');
    expect(fieldId('receipt', 'payer')).toBe('receipt-payer');
    expect(fieldId('receipt', 'method')).toBe('receipt-method');
  });

  it('names row controls by row and column', () => {
    expect(fieldId('receipt', 'items.0.account')).toBe('receipt-item-0-account');
    expect(fieldId('receipt', 'items.0.amountBaht')).toBe('receipt-item-0-amount');
    expect(fieldId('payment', 'deductions.1.amountBaht')).toBe('payment-deduction-1-amount');
    expect(fieldId('journal', 'lines.2.debitBaht')).toBe('journal-line-2-debit');
  });

  it('kebab-cases the other fields, and tells a line picker from a line definition', () => {
    expect(fieldId('receipt', 'receivedInto')).toBe('receipt-received-into');
    expect(fieldId('budget', 'line.categoryAccount')).toBe('budget-line-category-account');
    expect(fieldId('budget', 'lineCode')).toBe('budget-existing-line');
    expect(fieldId('receipt-books', '0.firstNo')).toBe('receipt-books-0-first-no');
  });

  it('prefixes errors with error-', () => {
    expect(errorTestId('receipt', 'dateBe')).toBe('error-receipt-date');
    expect(errorTestId('payment', 'grossBaht')).toBe('error-payment-gross');
  });
});
