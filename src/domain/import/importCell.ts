/**
 * Turning a decoded cell into the text the form readers take. A cell is never read through a float:
 * an XLSX number arrives as its stored text, and amounts stay decimal strings until parseBaht.
 */
import { formatBeDate } from '../thaiDate';
import type { ImportCell } from './importTypes';

/** Spaces, NBSP, zero-width spaces (Thai word breaks) and BOMs at the ends of a cell mean nothing. */
const edgeSpace = /^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/g;
const thaiDigit = /[๐-๙]/g;
const thaiZeroCode = '๐'.charCodeAt(0);
const thaiNineCode = '๙'.charCodeAt(0);

/**
 * True when a UTF-16 unit cannot be one of edgeSpace's characters: printable ASCII, the C1/Latin
 * range below NBSP, and the Thai block hold none of them. Checking the two ends first lets the
 * common cell (no stray spaces) skip the regexp, which is most of a 20,000-row file's cells.
 */
function neverEdgeSpace(code: number): boolean {
  return (code > 0x20 && code < 0xa0) || (code >= 0x0e00 && code <= 0x0e7f);
}

/** Trims edgeSpace off both ends; the regexp only runs when an end may hold one. */
function trimEdgeSpace(text: string): string {
  if (text === '') return text;
  if (neverEdgeSpace(text.charCodeAt(0)) && neverEdgeSpace(text.charCodeAt(text.length - 1))) return text;
  return text.replace(edgeSpace, '');
}

/** True when `text` holds a Thai digit; a plain loop, cheaper than the replace on text with none. */
function hasThaiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= thaiZeroCode && code <= thaiNineCode) return true;
  }
  return false;
}

/**
 * Thai digits (๐–๙) as Arabic digits: officers type dates and amounts either way.
 * @example arabicDigits('๑๖/๐๑/๒๕๖๗') // '16/01/2567'
 */
export function arabicDigits(text: string): string {
  if (!hasThaiDigit(text)) return text;
  return text.replace(thaiDigit, (d) => String(d.charCodeAt(0) - thaiZeroCode));
}

/**
 * A cell as trimmed text: '' for null, 'TRUE'/'FALSE' for a boolean, B.E. dd/mm/yyyy for a date
 * cell (a UTC-midnight Date, so read with getUTC*).
 * @example cellText('  นายสมชาย\u200B ') // 'นายสมชาย'
 * @example cellText(new Date(Date.UTC(2024, 0, 16))) // '16/01/2567'
 */
export function cellText(cell: ImportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return trimEdgeSpace(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const iso = isoOfUtcDate(cell);
  return iso === undefined ? '' : formatBeDate(iso);
}

/** The calendar day of an XLSX date cell (UTC midnight); undefined for an invalid Date. */
export function isoOfUtcDate(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const y = date.getUTCFullYear();
  if (y < 1000 || y > 9999) return undefined;
  return `${y}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Ten or more decimals can only be a float's stored digits (a formula such as =A2*0.07), never typed. */
const floatNoise = /^(-?)(\d+)\.(\d{2})(\d)\d{6,}$/;

/**
 * An amount cell's text for parseBaht: Thai digits made Arabic, and a formula result's float noise
 * rounded half-up to the satang on the decimal string ("1234.5000000000002" → "1234.50"). Three to
 * nine decimals stay as typed, so parseBaht still refuses "12.345".
 * @example amountCellText('๑,๒๐๐.๕๐') // '1,200.50'
 * @example amountCellText('12.349999999999') // '12.35'
 */
export function amountCellText(text: string): string {
  const t = arabicDigits(text);
  const m = floatNoise.exec(t);
  if (!m) return t;
  const [, sign = '', baht = '0', satang = '00', next = '0'] = m;
  const rounded = (BigInt(baht + satang) + (next >= '5' ? 1n : 0n)).toString().padStart(3, '0');
  return `${sign}${rounded.slice(0, -2)}.${rounded.slice(-2)}`;
}

/** True when no cell of a row holds anything: a row the officer left empty. */
export function isBlankCells(cells: readonly ImportCell[]): boolean {
  for (const c of cells) if (cellText(c) !== '') return false;
  return true;
}
