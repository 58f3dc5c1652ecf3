import { describe, expect, it } from 'vitest';
import {
  coverageLabelTh,
  coverageMonthsOf,
  coverageStateOf,
  coverageSummaryOf,
  coverageSummaryTh,
  coverageWindowErrorTh,
  defaultCoverageWindow,
  shortBeDate,
  weekdayOf,
  type CoverageDayFigures,
} from '../../src/app/backfill/coverageCells';

const zero = { pending: 0, posted: 0, rejected: 0, conflict: 0, receivedSatang: 0, paidSatang: 0 };
const day = (date: string, counts: Partial<CoverageDayFigures> = {}): CoverageDayFigures => ({ date, ...zero, ...counts });

/** Every day from `from` to `to`, all empty. */
function days(from: string, to: string): CoverageDayFigures[] {
  const out: CoverageDayFigures[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(day(new Date(t).toISOString().slice(0, 10)));
  return out;
}

describe('a coverage day’s state', () => {
  it('is empty with nothing recorded', () => {
    expect(coverageStateOf(day('2024-01-16'))).toBe('empty');
  });
  it('is waiting while anything is pending', () => {
    expect(coverageStateOf(day('2024-01-16', { pending: 2, posted: 10 }))).toBe('pending');
  });
  it('is posted when everything is posted', () => {
    expect(coverageStateOf(day('2024-01-16', { posted: 3 }))).toBe('posted');
  });
  it('is a problem when anything is rejected or in conflict, whatever else waits', () => {
    expect(coverageStateOf(day('2024-01-16', { pending: 5, rejected: 1 }))).toBe('problem');
    expect(coverageStateOf(day('2024-01-16', { posted: 5, conflict: 1 }))).toBe('problem');
  });
});

describe('a coverage day’s label', () => {
  it('says the date, the counts per state and the money', () => {
    expect(coverageLabelTh(day('2024-01-16', { posted: 10, pending: 2, receivedSatang: 540000, paidSatang: 120000 }))).toBe(
      '16 ม.ค. 2567: 12 รายการ (ส่งแล้ว 10, รอส่ง 2) รับ 5,400.00 บาท จ่าย 1,200.00 บาท',
    );
  });
  it('names rejected and conflicting entries', () => {
    expect(coverageLabelTh(day('2023-12-01', { rejected: 1, conflict: 2 }))).toBe('1 ธ.ค. 2566: 3 รายการ (ถูกปฏิเสธ 1, ขัดแย้ง 2) รับ 0.00 บาท จ่าย 0.00 บาท');
  });
  it('says an empty day has nothing', () => {
    expect(coverageLabelTh(day('2024-02-29'))).toBe('29 ก.พ. 2567: ไม่มีรายการ');
  });
  it('writes dates short and in B.E.', () => {
    expect(shortBeDate('2024-01-16')).toBe('16 ม.ค. 2567');
    expect(shortBeDate('2023-10-01')).toBe('1 ต.ค. 2566');
  });
});

describe('month blocks', () => {
  it('lays whole months out from their first day’s weekday', () => {
    const months = coverageMonthsOf(days('2024-01-01', '2024-02-29'));
    expect(months.map((m) => [m.key, m.titleTh, m.leadingBlanks, m.cells.length])).toEqual([
      ['2024-01', 'มกราคม 2567', 1, 31], // 1 Jan 2024 was a Monday
      ['2024-02', 'กุมภาพันธ์ 2567', 4, 29], // 1 Feb 2024 a Thursday
    ]);
    expect(months[0]?.cells[15]).toMatchObject({ date: '2024-01-16', dayOfMonth: 16, weekday: 2, state: 'empty' });
  });
  it('starts a window that opens mid-month at that day’s column', () => {
    const [first] = coverageMonthsOf(days('2024-01-16', '2024-01-20'));
    expect(first?.leadingBlanks).toBe(weekdayOf('2024-01-16'));
    expect(first?.leadingBlanks).toBe(2);
    expect(first?.cells.map((c) => c.dayOfMonth)).toEqual([16, 17, 18, 19, 20]);
  });
  it('carries each day’s state and label', () => {
    const [m] = coverageMonthsOf([day('2024-01-16', { pending: 1, receivedSatang: 10000 })]);
    expect(m?.cells[0]).toMatchObject({ state: 'pending', labelTh: '16 ม.ค. 2567: 1 รายการ (รอส่ง 1) รับ 100.00 บาท จ่าย 0.00 บาท' });
  });
  it('shows nothing for no days', () => {
    expect(coverageMonthsOf([])).toEqual([]);
  });
});

describe('the summary', () => {
  it('counts the days in the window, the empty ones (weekends among them), waiting, posted and refused', () => {
    const window = days('2024-01-01', '2024-01-31');
    window[15] = day('2024-01-16', { pending: 1 });
    window[16] = day('2024-01-17', { posted: 2 });
    window[17] = day('2024-01-18', { posted: 1, rejected: 1 });
    const summary = coverageSummaryOf(window);
    expect(summary).toEqual({ days: 31, empty: 28, emptyWeekend: 8, pending: 1, posted: 1, problem: 1 });
    expect(coverageSummaryTh(summary)).toBe(
      'ช่วงนี้ 31 วัน: ไม่มีรายการ 28 วัน (เสาร์–อาทิตย์ 8 วัน) ควรตรวจสอบกับเอกสาร · รอส่ง 1 วัน · ส่งครบแล้ว 1 วัน · มีรายการถูกปฏิเสธหรือขัดแย้ง 1 วัน',
    );
  });
});

describe('the window', () => {
  it('defaults to six months up to today, from the 1st of the month five months back', () => {
    expect(defaultCoverageWindow('2024-03-16')).toEqual({ from: '2023-10-01', to: '2024-03-16' });
    expect(defaultCoverageWindow('2024-06-30')).toEqual({ from: '2024-01-01', to: '2024-06-30' });
  });
  it('refuses an end before the start and more than 800 days', () => {
    expect(coverageWindowErrorTh('2024-02-01', '2024-01-01')).toBe('วันที่เริ่มต้องไม่หลังวันที่สิ้นสุด');
    expect(coverageWindowErrorTh('2022-01-01', '2024-12-31')).toContain('เลือกได้ไม่เกิน 800 วัน');
    expect(coverageWindowErrorTh('2023-10-01', '2024-09-30')).toBeUndefined();
  });
});
