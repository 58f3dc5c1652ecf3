import { describe, expect, it } from 'vitest';
import { emptyReceiptForm, nextReceiptForm, nextReceiptNo } from '../../src/app/receiptFormState';

describe('the receipt form between saves', () => {
  it('starts dated today, paid in cash, otherwise empty', () => {
    expect(emptyReceiptForm('16/01/2567')).toEqual({
      dateBe: '16/01/2567',
      bookNo: '',
      receiptNo: '',
      payer: '',
      revenueAccount: '',
      amountBaht: '',
      method: 'cash',
    });
  });

  it('keeps date, book, revenue item and method after a save, moves to the next number, clears payer and amount', () => {
    const saved = {
      dateBe: '16/01/2567',
      bookNo: '1/2567',
      receiptNo: '41',
      payer: 'นายสมชาย ใจดี',
      revenueAccount: '411001',
      amountBaht: '2,345.75',
      method: 'bank',
    };
    expect(nextReceiptForm(saved)).toEqual({ ...saved, receiptNo: '42', payer: '', amountBaht: '' });
  });

  it('keeps the leading zeros of a receipt number', () => {
    expect(nextReceiptNo('0041')).toBe('0042');
    expect(nextReceiptNo('0999')).toBe('1000');
    expect(nextReceiptNo('9')).toBe('10');
  });

  it('leaves a number it cannot read as it was', () => {
    expect(nextReceiptNo('ก12')).toBe('ก12');
    expect(nextReceiptNo('')).toBe('');
  });
});
