/**
 * The periods report screens ask for, as pure functions: a month typed as mm/bbbb (B.E.), a range of
 * two B.E. dates, and the default of each (this month; the 1st of this month to today).
 */
import { monthRange, type DateRange } from '../../domain/reports';
import { buddhistEraOffset, fiscalYearOf, formatBeDate, type IsoDate } from '../../domain/thaiDate';

export type ParsedMonth = { ok: true; range: DateRange; fiscalYear: number; beYear: number; month: number } | { ok: false; messageTh: string };

/** The parts of a valid month. */
export type MonthParts = { month: number; beYear: number; fiscalYear: number };

export const thaiMonthNames = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'] as const;

/**
 * A month typed as mm/bbbb (B.E.; Thai digits not accepted, spaces ignored).
 * @example parseBeMonth('01/2567') // { ok: true, range: { from: '2024-01-01', to: '2024-01-31' }, fiscalYear: 2567, beYear: 2567, month: 1 }
 */
export function parseBeMonth(text: string): ParsedMonth {
  const m = /^(\d{1,2})\/(\d{4})$/.exec(text.replace(/\s+/g, ''));
  if (!m) return { ok: false, messageTh: `เดือน "${text.trim()}" ต้องเป็น ดด/ปปปป (พ.ศ.) เช่น 01/2567` };
  const month = Number(m[1]);
  const beYear = Number(m[2]);
  if (month < 1 || month > 12) return { ok: false, messageTh: `ไม่มีเดือนที่ ${month}: เดือนต้องเป็น 01 ถึง 12` };
  if (beYear < 2500 || beYear > 2700) return { ok: false, messageTh: `ปี พ.ศ. ${beYear} อยู่นอกช่วงที่ใช้ได้ (2500–2700)` };
  const range = monthRange(beYear - buddhistEraOffset, month);
  return { ok: true, range, fiscalYear: fiscalYearOf(range.from), beYear, month };
}

/** The month of an ISO date as mm/bbbb. @example beMonthText('2024-01-16') // '01/2567' */
export function beMonthText(iso: IsoDate): string {
  return `${iso.slice(5, 7)}/${Number(iso.slice(0, 4)) + buddhistEraOffset}`;
}

/** "มกราคม พ.ศ. 2567" */
export function beMonthTitle(p: { month: number; beYear: number }): string {
  return `${thaiMonthNames[p.month - 1]} พ.ศ. ${p.beYear}`;
}

/** The first day of the month of an ISO date. @example firstOfMonth('2024-01-16') // '2024-01-01' */
export function firstOfMonth(iso: IsoDate): IsoDate {
  return `${iso.slice(0, 7)}-01`;
}

/** Days a range report may cover: a little over a fiscal year. */
export const rangeDaysMax = 400;

/** The Thai message of a range that cannot be read, or undefined when it can. */
export function rangeErrorTh(range: DateRange): string | undefined {
  if (range.from > range.to) return 'วันที่เริ่มต้องไม่หลังวันที่สิ้นสุด';
  const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > rangeDaysMax) return `ช่วงวันที่ยาวเกินไป (${days} วัน): เลือกได้ไม่เกิน ${rangeDaysMax} วัน`;
  return undefined;
}

/** "ตั้งแต่วันที่ 01/01/2567 ถึงวันที่ 31/01/2567", or '' while the range is not valid. */
export function rangePeriodTh(range: DateRange | undefined): string {
  return range ? `ตั้งแต่วันที่ ${formatBeDate(range.from)} ถึงวันที่ ${formatBeDate(range.to)}` : '';
}

/** "ประจำเดือน มกราคม 2567 (ปีงบประมาณ 2567)", or '' while the month is not valid. */
export function monthPeriodTh(p: MonthParts | undefined): string {
  return p ? `ประจำเดือน ${beMonthTitle(p)} (ปีงบประมาณ ${p.fiscalYear})` : '';
}

/** "01-2567", for export titles (and so file names). */
export function beMonthTag(p: MonthParts): string {
  return `${String(p.month).padStart(2, '0')}-${p.beYear}`;
}
