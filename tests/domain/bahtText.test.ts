import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bahtText, thaiDigits } from '../../src/domain/bahtText';

/** Cases pinned by Excel's BAHTTEXT and narze/baht.js's tests (DOMAIN.md §8.1), in satang. */
const excelCases: [number, string][] = [
  [0, 'ศูนย์บาทถ้วน'],
  [1_100, 'สิบเอ็ดบาทถ้วน'],
  [2_100, 'ยี่สิบเอ็ดบาทถ้วน'],
  [10_100, 'หนึ่งร้อยเอ็ดบาทถ้วน'],
  [10_000_100, 'หนึ่งแสนเอ็ดบาทถ้วน'],
  [100_000_100, 'หนึ่งล้านเอ็ดบาทถ้วน'],
  [1_100_000_100, 'สิบเอ็ดล้านเอ็ดบาทถ้วน'],
  [1_003_456_700, 'สิบล้านสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทถ้วน'],
  [1, 'หนึ่งสตางค์'],
  [29, 'ยี่สิบเก้าสตางค์'],
  [1_125, 'สิบเอ็ดบาทยี่สิบห้าสตางค์'],
  [10_050, 'หนึ่งร้อยบาทห้าสิบสตางค์'],
  [56_701, 'ห้าร้อยหกสิบเจ็ดบาทหนึ่งสตางค์'],
  [-10_100, 'ลบหนึ่งร้อยเอ็ดบาทถ้วน'],
  [123_400, 'หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน'],
  // The float traps of other implementations: integer satang has none.
  [28_379_829, 'สองแสนแปดหมื่นสามพันเจ็ดร้อยเก้าสิบแปดบาทยี่สิบเก้าสตางค์'],
  [48_629_357, 'สี่แสนแปดหมื่นหกพันสองร้อยเก้าสิบสามบาทห้าสิบเจ็ดสตางค์'],
  [55_216_458, 'ห้าแสนห้าหมื่นสองพันหนึ่งร้อยหกสิบสี่บาทห้าสิบแปดสตางค์'],
  [55_357, 'ห้าร้อยห้าสิบสามบาทห้าสิบเจ็ดสตางค์'],
  [79_058, 'เจ็ดร้อยเก้าสิบบาทห้าสิบแปดสตางค์'],
];

describe('bahtText (จำนวนเงินเป็นตัวอักษร)', () => {
  it.each(excelCases)('%i satang → %s', (satang, words) => {
    expect(bahtText(satang)).toBe(words);
  });

  it('keeps the millions when the group below is all zero (a known bug elsewhere)', () => {
    expect(bahtText(100_000_000)).toBe('หนึ่งล้านบาทถ้วน');
    expect(bahtText(2_000_000_000_00)).toBe('สองพันล้านบาทถ้วน');
    expect(bahtText(1_000_000_000_000_00)).toBe('หนึ่งล้านล้านบาทถ้วน');
    expect(bahtText(1_000_001_000_000_00)).toBe('หนึ่งล้านเอ็ดล้านบาทถ้วน'); // 1,000,001 ล้าน, read by the same rule
  });

  it('says เอ็ด after a higher digit, as Excel does (2501 → …ห้าร้อยเอ็ด), and หนึ่ง alone', () => {
    expect(bahtText(250_100)).toBe('สองพันห้าร้อยเอ็ดบาทถ้วน');
    expect(bahtText(100)).toBe('หนึ่งบาทถ้วน');
    expect(bahtText(2_101)).toBe('ยี่สิบเอ็ดบาทหนึ่งสตางค์');
    expect(bahtText(1_011)).toBe('สิบบาทสิบเอ็ดสตางค์');
  });

  it('offers the "เอ็ด only after tens" reading some offices use', () => {
    expect(bahtText(10_100, { ed: 'tensOnly' })).toBe('หนึ่งร้อยหนึ่งบาทถ้วน');
    expect(bahtText(250_100, { ed: 'tensOnly' })).toBe('สองพันห้าร้อยหนึ่งบาทถ้วน');
    expect(bahtText(2_100, { ed: 'tensOnly' })).toBe('ยี่สิบเอ็ดบาทถ้วน');
  });

  it('refuses a fraction of a satang rather than guess', () => {
    expect(() => bahtText(0.5)).toThrow(RangeError);
  });

  it('never throws for any whole satang amount up to 10^12, and always ends as money words do', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (satang) => {
        const words = bahtText(satang);
        expect(words).toMatch(satang % 100 === 0 ? /บาทถ้วน$/ : /สตางค์$/);
        expect(words.startsWith('ลบ')).toBe(satang < 0);
        expect(words).not.toMatch(/undefined|NaN|\d/);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('thaiDigits', () => {
  it('writes Arabic digits as Thai digits and leaves the rest', () => {
    expect(thaiDigits('16/01/2567 เลขที่ 1,234.50')).toBe('๑๖/๐๑/๒๕๖๗ เลขที่ ๑,๒๓๔.๕๐');
  });
});
