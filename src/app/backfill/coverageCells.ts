/**
 * The coverage calendar as pure data: the days of a window (the store's coverageInRange) laid out as
 * month blocks of 7 columns (Sunday first, as on Thai wall calendars), each day with its state and the
 * sentence a screen reader and the tooltip say; the summary that tells the officer which days to check.
 */
import { formatBaht, type Satang } from '../../domain/money';
import { buddhistEraOffset, type IsoDate } from '../../domain/thaiDate';
import type { CoverageDay } from '../../store';
import { thaiMonthNames } from '../reports/reportPeriods';

/** One day's figures, as the store's coverageInRange gives them. */
export type CoverageDayFigures = CoverageDay;

/**
 * What a day shows: `empty` nothing recorded (a day to check against the paper), `pending` recorded and
 * waiting to be sent, `posted` all posted, `problem` something rejected or in conflict (it needs a
 * correction whatever else the day holds, so it wins over waiting and posted).
 */
export type CoverageState = 'empty' | 'pending' | 'posted' | 'problem';

export const coverageStates: readonly CoverageState[] = ['empty', 'pending', 'posted', 'problem'];

/** The legend's words, and the symbol in each cell so the states differ without colour too. */
export const coverageStateTh: Record<CoverageState, { labelTh: string; symbol: string }> = {
  empty: { labelTh: 'ไม่มีรายการ (ควรตรวจสอบ)', symbol: '' },
  pending: { labelTh: 'บันทึกแล้ว รอส่ง', symbol: '…' },
  posted: { labelTh: 'ส่งครบแล้ว', symbol: '✓' },
  problem: { labelTh: 'มีรายการถูกปฏิเสธหรือขัดแย้ง', symbol: '!' },
};

/** Thai weekday initials, Sunday first. */
export const thaiWeekdayInitials = ['อา', 'จ', 'อ', 'พ', 'พฤ', 'ศ', 'ส'] as const;

export const thaiMonthAbbreviations = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'] as const;

/** Days a window may span (the store reads at most this many). */
export const coverageDaysMax = 800;

export interface CoverageCell {
  date: IsoDate;
  dayOfMonth: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  state: CoverageState;
  labelTh: string;
}

export interface CoverageMonth {
  /** 'YYYY-MM' */
  key: string;
  /** "มกราคม 2567" */
  titleTh: string;
  /** Blank cells before the first day shown: its weekday. */
  leadingBlanks: number;
  cells: CoverageCell[];
}

/** @example coverageStateOf({ pending: 2, posted: 10, rejected: 0, conflict: 0, … }) // 'pending' */
export function coverageStateOf(day: Pick<CoverageDayFigures, 'pending' | 'posted' | 'rejected' | 'conflict'>): CoverageState {
  if (day.rejected + day.conflict > 0) return 'problem';
  if (day.pending > 0) return 'pending';
  if (day.posted > 0) return 'posted';
  return 'empty';
}

/** 0 Sunday … 6 Saturday, of an ISO date (the calendar's, not the PC's time zone). */
export function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** @example shortBeDate('2024-01-16') // '16 ม.ค. 2567' */
export function shortBeDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${thaiMonthAbbreviations[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(0, 4)) + buddhistEraOffset}`;
}

/**
 * What the cell says (title and aria-label).
 * @example coverageLabelTh({ date: '2024-01-16', posted: 10, pending: 2, rejected: 0, conflict: 0, receivedSatang: 540000, paidSatang: 120000 })
 *   // '16 ม.ค. 2567: 12 รายการ (ส่งแล้ว 10, รอส่ง 2) รับ 5,400.00 บาท จ่าย 1,200.00 บาท'
 */
export function coverageLabelTh(day: CoverageDayFigures): string {
  const total = day.pending + day.posted + day.rejected + day.conflict;
  if (total === 0) return `${shortBeDate(day.date)}: ไม่มีรายการ`;
  const counts = (
    [
      ['ส่งแล้ว', day.posted],
      ['รอส่ง', day.pending],
      ['ถูกปฏิเสธ', day.rejected],
      ['ขัดแย้ง', day.conflict],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what} ${n}`)
    .join(', ');
  return `${shortBeDate(day.date)}: ${total} รายการ (${counts}) รับ ${formatBaht(day.receivedSatang)} บาท จ่าย ${formatBaht(day.paidSatang)} บาท`;
}

/**
 * The days (in date order, as coverageInRange gives them) as month blocks. A window starting mid-month
 * starts its first block at that day's weekday column.
 */
export function coverageMonthsOf(days: readonly CoverageDayFigures[]): CoverageMonth[] {
  const months: CoverageMonth[] = [];
  for (const day of days) {
    const key = day.date.slice(0, 7);
    let month = months[months.length - 1];
    if (month === undefined || month.key !== key) {
      const beYear = Number(key.slice(0, 4)) + buddhistEraOffset;
      month = { key, titleTh: `${thaiMonthNames[Number(key.slice(5, 7)) - 1]} ${beYear}`, leadingBlanks: weekdayOf(day.date), cells: [] };
      months.push(month);
    }
    month.cells.push({ date: day.date, dayOfMonth: Number(day.date.slice(8, 10)), weekday: weekdayOf(day.date), state: coverageStateOf(day), labelTh: coverageLabelTh(day) });
  }
  return months;
}

export interface CoverageSummary {
  days: number;
  /** Days with nothing recorded: the ones to check against the paper. */
  empty: number;
  /** Of the empty days, Saturdays and Sundays (an office is usually closed). */
  emptyWeekend: number;
  pending: number;
  posted: number;
  problem: number;
}

export function coverageSummaryOf(days: readonly CoverageDayFigures[]): CoverageSummary {
  const summary: CoverageSummary = { days: days.length, empty: 0, emptyWeekend: 0, pending: 0, posted: 0, problem: 0 };
  for (const day of days) {
    const state = coverageStateOf(day);
    summary[state] += 1;
    if (state === 'empty' && [0, 6].includes(weekdayOf(day.date))) summary.emptyWeekend += 1;
  }
  return summary;
}

/**
 * @example coverageSummaryTh({ days: 31, empty: 20, emptyWeekend: 8, pending: 3, posted: 8, problem: 0 })
 *   // 'ช่วงนี้ 31 วัน: ไม่มีรายการ 20 วัน (เสาร์–อาทิตย์ 8 วัน) ควรตรวจสอบกับเอกสาร · รอส่ง 3 วัน · ส่งครบแล้ว 8 วัน · มีรายการถูกปฏิเสธหรือขัดแย้ง 0 วัน'
 */
export function coverageSummaryTh(s: CoverageSummary): string {
  const weekend = s.emptyWeekend > 0 ? ` (เสาร์–อาทิตย์ ${s.emptyWeekend} วัน)` : '';
  return `ช่วงนี้ ${s.days} วัน: ไม่มีรายการ ${s.empty} วัน${weekend} ควรตรวจสอบกับเอกสาร · รอส่ง ${s.pending} วัน · ส่งครบแล้ว ${s.posted} วัน · มีรายการถูกปฏิเสธหรือขัดแย้ง ${s.problem} วัน`;
}

/** Days from `from` to `to`, both counted. @example windowDays('2024-01-01', '2024-01-31') // 31 */
export function windowDays(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The Thai message of a window that cannot be shown, or undefined. */
export function coverageWindowErrorTh(from: IsoDate, to: IsoDate): string | undefined {
  if (from > to) return 'วันที่เริ่มต้องไม่หลังวันที่สิ้นสุด';
  const days = windowDays(from, to);
  if (days > coverageDaysMax) return `ช่วงวันที่ยาวเกินไป (${days} วัน): เลือกได้ไม่เกิน ${coverageDaysMax} วัน`;
  return undefined;
}

/**
 * The window shown when none is stored: the last 6 months up to today, from the 1st of the month five
 * months back, so the blocks are whole months and today's month is the last.
 * @example defaultCoverageWindow('2024-03-16') // { from: '2023-10-01', to: '2024-03-16' }
 */
export function defaultCoverageWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const index = year * 12 + (month - 1) - 5;
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  return { from, to: today };
}
