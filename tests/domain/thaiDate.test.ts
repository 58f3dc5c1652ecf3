import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bangkokDateOf,
  fiscalYearOf,
  fiscalYearRange,
  formatBeDate,
  isIsoDate,
  parseBeDate,
} from '../../src/domain/thaiDate';

describe('Buddhist Era dates', () => {
  it('reads a B.E. date into an ISO C.E. date', () => {
    expect(parseBeDate('16/01/2567')).toEqual({ ok: true, iso: '2024-01-16' });
    expect(parseBeDate('6/7/2567')).toEqual({ ok: true, iso: '2024-07-06' });
    expect(parseBeDate(' 29/02/2567 ')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('writes an ISO date in B.E. without adding 543 twice', () => {
    expect(formatBeDate('2024-01-16')).toBe('16/01/2567');
    expect(formatBeDate('2012-12-12')).toBe('12/12/2555');
  });

  it('says in Thai that a date does not exist', () => {
    expect(parseBeDate('31/02/2567')).toEqual({ ok: false, messageTh: 'วันที่ 31/02/2567 ไม่มีอยู่จริง' });
    expect(parseBeDate('29/02/2566').ok).toBe(false); // 2023 is not a leap year
    expect(parseBeDate('31/04/2567').ok).toBe(false);
  });

  it('refuses C.E. years and malformed text typed into a B.E. field', () => {
    const ce = parseBeDate('16/01/2024');
    expect(ce.ok).toBe(false);
    if (!ce.ok) expect(ce.messageTh).toContain('2024');
    expect(parseBeDate('2567-01-16').ok).toBe(false);
    expect(parseBeDate('16/01/67').ok).toBe(false);
    expect(parseBeDate('').ok).toBe(false);
  });

  it('round-trips every real date between 2500 and 2700 B.E.', () => {
    const first = Date.UTC(1957, 0, 1);
    const last = Date.UTC(2157, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Math.floor((last - first) / 86_400_000) }), (day) => {
        const iso = new Date(first + day * 86_400_000).toISOString().slice(0, 10);
        expect(isIsoDate(iso)).toBe(true);
        expect(parseBeDate(formatBeDate(iso))).toEqual({ ok: true, iso });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fiscal year (ปีงบประมาณ, 1 Oct – 30 Sep)', () => {
  it('names the year by the B.E. year in which it ends', () => {
    expect(fiscalYearOf('2023-09-30')).toBe(2566);
    expect(fiscalYearOf('2023-10-01')).toBe(2567);
    expect(fiscalYearOf('2024-01-16')).toBe(2567);
    expect(fiscalYearOf('2024-09-30')).toBe(2567);
    expect(fiscalYearOf('2024-10-01')).toBe(2568);
  });

  it('gives the first and last day of a fiscal year', () => {
    expect(fiscalYearRange(2567)).toEqual({ first: '2023-10-01', last: '2024-09-30' });
  });

  it('puts every date of a fiscal year inside its range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80_000 }), (day) => {
        const iso = new Date(Date.UTC(1960, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const { first, last } = fiscalYearRange(fiscalYearOf(iso));
        expect(first <= iso && iso <= last).toBe(true);
      }),
    );
  });
});

describe('bangkokDateOf', () => {
  it('uses Thai time (UTC+7) whatever the PC clock zone', () => {
    expect(bangkokDateOf(Date.UTC(2024, 0, 15, 16, 59))).toBe('2024-01-15');
    expect(bangkokDateOf(Date.UTC(2024, 0, 15, 17, 0))).toBe('2024-01-16');
  });
});
