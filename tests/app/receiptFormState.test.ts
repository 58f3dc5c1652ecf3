import { describe, expect, it } from 'vitest';
import { emptyReceiptForm, nextReceiptForm, nextReceiptNo } from '../../src/app/receiptFormState';

describe('the receipt form between saves', () => {
  it('starts dated today, paid in cash into the cash account, with one empty item', () => {
    expect(emptyReceiptForm('16/01/2567', '010')).toEqual({
      dateBe: '16/01/2567',
      bookNo: '',
      receiptNo: '',
      payer: '',
      items: [{ account: '', amountBaht: '', description: '' }],
      method: 'cash',
      receivedInto: '010',
      reference: '',
    });
  });

  it('keeps date, book, method, account and item accounts after a save; next number; clears payer, amounts, reference', () => {
    const saved = {
      dateBe: '16/01/2567',
      bookNo: '1/2567',
      receiptNo: '41',
      payer: 'นายสมชาย ใจดี',
      items: [
        { account: '411001', amountBaht: '2,345.75', description: 'แปลง 12' },
        { account: '', amountBaht: '', description: '' },
        { account: '412001', amountBaht: '20', description: '' },
      ],
      method: 'transfer',
      receivedInto: '011',
      reference: 'KTB 1',
    };
    expect(nextReceiptForm(saved)).toEqual({
      ...saved,
      receiptNo: '42',
      payer: '',
      reference: '',
      items: [
        { account: '411001', amountBaht: '', description: '' },
        { account: '412001', amountBaht: '', description: '' },
      ],
    });
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
