import { describe, expect, it } from 'vitest';
import { depositFieldOf, readDepositForm, type DepositFormInput } from '../../../src/domain/forms/depositForm';

const valid: DepositFormInput = { dateBe: '17/01/2567', fromCashAccount: '010', toBankAccount: '011', amountBaht: '2,000', slipNo: ' 556 ' };

describe('the deposit form (readDepositForm)', () => {
  it('reads a filled form into a deposit', () => {
    expect(readDepositForm(valid)).toEqual({
      ok: true,
      date: '2024-01-17',
      kind: 'deposit',
      doc: { fromCashAccount: '010', toBankAccount: '011', amountSatang: 200000, slipNo: '556' },
    });
  });

  it('leaves out a blank slip number', () => {
    const result = readDepositForm({ ...valid, slipNo: '' });
    expect(result.ok && 'slipNo' in result.doc).toBe(false);
  });

  it('reports every bad field at once, in Thai', () => {
    expect(readDepositForm({ dateBe: '1/13/2567', fromCashAccount: '', toBankAccount: '', amountBaht: '', slipNo: '' })).toEqual({
      ok: false,
      errors: {
        dateBe: 'วันที่ 1/13/2567 ไม่มีอยู่จริง',
        fromCashAccount: 'กรุณาเลือกบัญชีเงินสด',
        toBankAccount: 'กรุณาเลือกบัญชีเงินฝากธนาคารที่นำฝาก',
        amountBaht: 'กรุณากรอกจำนวนเงินนำฝาก',
      },
    });
  });

  it('refuses an amount with three decimals', () => {
    const result = readDepositForm({ ...valid, amountBaht: '10.005' });
    expect(result).toEqual({ ok: false, errors: { amountBaht: 'จำนวนเงิน "10.005" มีทศนิยมเกิน 2 ตำแหน่ง (สตางค์)' } });
  });

  it("maps the store's document paths to form fields", () => {
    expect(depositFieldOf('amountSatang')).toBe('amountBaht');
    expect(depositFieldOf('toBankAccount')).toBe('toBankAccount');
    expect(depositFieldOf('date')).toBe('dateBe');
  });
});
