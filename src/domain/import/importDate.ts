/**
 * Dates as offices type them in spreadsheets: B.E. or C.E., day first or year first, 2-digit B.E.
 * years, Thai digits, XLSX date cells, and date cells that lost their format (Excel serial days).
 * Anything else is refused in Thai rather than guessed.
 */
import { beYearMax, beYearMin, buddhistEraOffset, isIsoDate, type ParsedDate } from '../thaiDate';
import { arabicDigits, isoOfUtcDate } from './importCell';

const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;
const yearFirst = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/;
const serialDay = /^\d{5}$/;

/**
 * Excel serial days accepted as dates: 36526 = 1 Jan 2000 to 73050 = 31 Dec 2099. A 5-digit number
 * in a date column can only be a date cell whose format was lost; outside this range it is a typo.
 */
export const excelSerialDayMin = 36_526;
export const excelSerialDayMax = 73_050;
/** Excel serial day of 1 Jan 1970 (Excel counts from 1900 and treats 1900 as a leap year). */
const excelSerialOfUnixEpoch = 25_569;
const dayMs = 86_400_000;

/**
 * Reads a date cell. A 4-digit year from 2400 is B.E., from 1900 to 2199 C.E.; a 2-digit year is
 * B.E. 25yy. A Date (an XLSX date cell, UTC midnight) is read with getUTC*. A bare 5-digit number is
 * an Excel serial day (see excelSerialDayMin).
 * @example parseImportDate('16/1/67')    // { ok: true, iso: '2024-01-16' }
 * @example parseImportDate('2024-01-16') // { ok: true, iso: '2024-01-16' }
 * @example parseImportDate('๑๖/๐๑/๒๕๖๗') // { ok: true, iso: '2024-01-16' }
 * @example parseImportDate('45307')      // { ok: true, iso: '2024-01-16' }
 * @example parseImportDate('31/02/2567') // { ok: false, messageTh: 'วันที่ 31/02/2567 ไม่มีอยู่จริง' }
 */
export function parseImportDate(value: string | Date): ParsedDate {
  if (value instanceof Date) {
    const iso = isoOfUtcDate(value);
    if (iso === undefined) return { ok: false, messageTh: 'เซลล์วันที่ไม่มีค่าวันที่ที่อ่านได้' };
    return dateOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)), iso);
  }
  const t = arabicDigits(value.trim());
  if (t === '') return { ok: false, messageTh: 'กรุณากรอกวันที่' };
  let m = dayFirst.exec(t);
  if (m) return dateOf(Number(m[4]), Number(m[3]), Number(m[1]), t, m[4]?.length === 2);
  m = yearFirst.exec(t);
  if (m) return dateOf(Number(m[1]), Number(m[3]), Number(m[4]), t);
  if (serialDay.test(t)) {
    const serial = Number(t);
    if (serial >= excelSerialDayMin && serial <= excelSerialDayMax) {
      return { ok: true, iso: new Date((serial - excelSerialOfUnixEpoch) * dayMs).toISOString().slice(0, 10) };
    }
  }
  return { ok: false, messageTh: `วันที่ "${t}" อ่านไม่ได้ ใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.) เช่น 16/01/2567` };
}

/** A day from its parts: the year's era by its size, then a real calendar day or a Thai refusal. */
function dateOf(year: number, month: number, day: number, typed: string, twoDigitYear = false): ParsedDate {
  let ceYear: number;
  if (twoDigitYear) ceYear = 2500 + year - buddhistEraOffset;
  else if (year >= 2400) ceYear = year - buddhistEraOffset;
  else if (year >= 1900 && year <= 2199) ceYear = year;
  else return { ok: false, messageTh: `ปี ${year} ในวันที่ ${typed} ไม่ใช่ปี พ.ศ. หรือ ค.ศ. ที่อ่านได้` };
  const beYear = ceYear + buddhistEraOffset;
  if (beYear < beYearMin || beYear > beYearMax) {
    return { ok: false, messageTh: `ปี พ.ศ. ${beYear} ไม่ถูกต้อง (ต้องอยู่ระหว่าง ${beYearMin}–${beYearMax})` };
  }
  const iso = `${ceYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (month > 12 || day > 31 || !isIsoDate(iso)) return { ok: false, messageTh: `วันที่ ${typed} ไม่มีอยู่จริง` };
  return { ok: true, iso };
}
