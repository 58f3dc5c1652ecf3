/**
 * Amounts in Thai words (จำนวนเงินเป็นตัวอักษร) as printed on receipts and ฎีกา, compatible with Excel's
 * BAHTTEXT, computed from integer satang so the float traps of other implementations (0.29, 0.57, 0.58
 * × 100) cannot happen. Also Thai digits (๐–๙), an option for official print.
 */
import type { Satang } from './money';

/**
 * How a final 1 after a higher digit is read: `always` (Excel: 101 หนึ่งร้อยเอ็ด, 2501 …ห้าร้อยเอ็ด) or
 * `tensOnly` (เอ็ด only after สิบ: 101 หนึ่งร้อยหนึ่ง, 21 ยี่สิบเอ็ด), which some offices prefer.
 */
export type EdMode = 'always' | 'tensOnly';

const digitWords = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const placeWords = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];

/** Reads 1..999,999 (one ล้าน group); `afterHigher` says whether a higher group came before it. */
function groupWords(n: number, afterHigher: boolean, ed: EdMode): string {
  const digits = String(n).split('').map(Number);
  let words = '';
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) return;
    if (place === 1) {
      words += d === 1 ? 'สิบ' : d === 2 ? 'ยี่สิบ' : `${digitWords[d]}สิบ`;
      return;
    }
    if (place === 0 && d === 1) {
      const tensDigit = digits.length >= 2 ? digits[digits.length - 2]! : 0;
      const higherInGroup = digits.slice(0, -1).some((x) => x !== 0);
      const useEd = ed === 'always' ? higherInGroup || afterHigher : tensDigit !== 0;
      words += useEd ? 'เอ็ด' : 'หนึ่ง';
      return;
    }
    words += digitWords[d]! + placeWords[place]!;
  });
  return words;
}

/** Reads a whole number ≥ 1, recursing through ล้าน so that zero groups are never dropped. */
function numberWords(n: number, ed: EdMode, afterHigher = false): string {
  if (n < 1_000_000) return groupWords(n, afterHigher, ed);
  const millions = Math.floor(n / 1_000_000);
  const rest = n % 1_000_000;
  return numberWords(millions, ed, afterHigher) + 'ล้าน' + (rest === 0 ? '' : groupWords(rest, true, ed));
}

/**
 * @example bahtText(123400)  // 'หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน'
 * @example bahtText(1125)    // 'สิบเอ็ดบาทยี่สิบห้าสตางค์'
 * @example bahtText(-10100)  // 'ลบหนึ่งร้อยเอ็ดบาทถ้วน'
 */
export function bahtText(satang: Satang, options: { ed?: EdMode } = {}): string {
  if (!Number.isSafeInteger(satang)) throw new RangeError(`not a whole number of satang: ${satang}`);
  const ed = options.ed ?? 'always';
  const sign = satang < 0 ? 'ลบ' : '';
  const abs = Math.abs(satang);
  const baht = Math.floor(abs / 100);
  const rest = abs % 100;
  if (baht === 0 && rest === 0) return 'ศูนย์บาทถ้วน';
  const bahtPart = baht === 0 ? '' : `${numberWords(baht, ed)}บาท`;
  const satangPart = rest === 0 ? 'ถ้วน' : `${groupWords(rest, false, ed)}สตางค์`;
  return sign + bahtPart + satangPart;
}

const thaiDigitChars = '๐๑๒๓๔๕๖๗๘๙';

/** @example thaiDigits('16/01/2567') // '๑๖/๐๑/๒๕๖๗' */
export function thaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => thaiDigitChars[Number(d)]!);
}
