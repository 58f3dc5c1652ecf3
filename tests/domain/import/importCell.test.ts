import { describe, expect, it } from 'vitest';
import { amountCellText, arabicDigits, cellText } from '../../../src/domain/import/importCell';

describe('cells as text (importCell)', () => {
  it('trims spaces, NBSP and zero-width spaces, and writes null, booleans and dates as text', () => {
    expect(cellText('\u00A0 นายสมชาย\u200B ')).toBe('นายสมชาย');
    expect(cellText(null)).toBe('');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2024, 0, 16)))).toBe('16/01/2567');
  });

  it('turns Thai digits into Arabic ones', () => {
    expect(arabicDigits('๑,๒๓๔.๕๐')).toBe('1,234.50');
  });

  it('rounds a formula result’s float digits to the satang, on the decimal text', () => {
    expect(amountCellText('1234.5000000000002')).toBe('1234.50');
    expect(amountCellText('12.349999999999')).toBe('12.35');
    expect(amountCellText('0.0049999999999')).toBe('0.00');
    expect(amountCellText('99.995000000001')).toBe('100.00');
  });

  it('leaves a typed amount with too many decimals for parseBaht to refuse', () => {
    expect(amountCellText('12.345')).toBe('12.345');
    expect(amountCellText('1,234.50')).toBe('1,234.50');
  });
});
