import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountSatangMax, formatBaht, parseBaht, sumSatang } from '../../src/domain/money';

function satangOf(text: string): number {
  const r = parseBaht(text);
  if (!r.ok) throw new Error(`expected ${text} to parse: ${r.messageTh}`);
  return r.satang;
}

describe('parseBaht', () => {
  it('reads baht with thousands separators and satang into integer satang', () => {
    expect(satangOf('1,234.50')).toBe(123450);
    expect(satangOf('1234.5')).toBe(123450);
    expect(satangOf('0.01')).toBe(1);
    expect(satangOf('1,000,000')).toBe(100000000);
    expect(satangOf('12')).toBe(1200);
  });

  it('reads the amounts that break float arithmetic exactly', () => {
    // 0.29 * 100 = 28.999999999999996 in floating point: the classic lost satang.
    expect(satangOf('0.29')).toBe(29);
    expect(satangOf('283798.29')).toBe(28379829);
    expect(satangOf('486293.57')).toBe(48629357);
    expect(satangOf('552164.58')).toBe(55216458);
  });

  it('accepts baht signs, the word บาท and accountants\' parentheses for negatives', () => {
    expect(satangOf('฿ 1,500.00')).toBe(150000);
    expect(satangOf('250 บาท')).toBe(25000);
    expect(satangOf('(100.25)')).toBe(-10025);
    expect(satangOf('-3')).toBe(-300);
  });

  it('refuses with a Thai message what is not an amount', () => {
    for (const bad of ['', 'abc', '1.234', '1,23.4', '12,34', '1..2', '--1', '1e5']) {
      const r = parseBaht(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.messageTh).toMatch(/[ก-๙]/);
    }
  });

  it('refuses amounts beyond what one document may carry', () => {
    expect(parseBaht('100,000,000,000.01').ok).toBe(false);
    expect(parseBaht('999999999999999999999').ok).toBe(false);
    expect(satangOf('100,000,000,000.00')).toBe(amountSatangMax);
  });
});

describe('formatBaht', () => {
  it('writes satang as baht with separators and two decimals', () => {
    expect(formatBaht(123450)).toBe('1,234.50');
    expect(formatBaht(1)).toBe('0.01');
    expect(formatBaht(0)).toBe('0.00');
    expect(formatBaht(-10025)).toBe('-100.25');
    expect(formatBaht(100000000)).toBe('1,000,000.00');
  });

  it('refuses a fraction of a satang', () => {
    expect(() => formatBaht(1.5)).toThrow();
  });
});

describe('money properties', () => {
  it('parse(format(x)) = x for every amount a document may hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: -amountSatangMax, max: amountSatangMax }), (satang) => {
        expect(parseBaht(formatBaht(satang))).toEqual({ ok: true, satang });
      }),
      { numRuns: 2000 },
    );
  });

  it('format(parse(text)) is the canonical form of any typed baht/satang pair', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (baht, satang) => {
        const typed = `${baht}.${String(satang).padStart(2, '0')}`;
        expect(formatBaht(satangOf(typed)).replace(/,/g, '')).toBe(typed);
      }),
    );
  });

  it('sumSatang refuses to leave the safe-integer range instead of rounding', () => {
    expect(() => sumSatang([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(sumSatang([1, 2, 3])).toBe(6);
  });
});
