/**
 * The days a report covers, and the order its rows come in: by date, then the device's seq (recording
 * order), then id so that two PCs' entries of one day still sort the same everywhere.
 */
import type { Entry } from '../entry';
import type { IsoDate } from '../thaiDate';
import { compareText } from './accountTotals';

/** From and to, both included (ISO, C.E.). */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export function inRange(date: IsoDate, range: DateRange): boolean {
  return range.from <= date && date <= range.to;
}

/** (date, seq, id) order: the order rows of a book are written in. */
export function compareEntries(a: Entry, b: Entry): number {
  return compareText(a.date, b.date) || a.seq - b.seq || compareText(a.id, b.id);
}

/** The entries dated in `range`, in book order (the caller may hand over more than the range). */
export function entriesIn(entries: Iterable<Entry>, range: DateRange): Entry[] {
  const out: Entry[] = [];
  for (const e of entries) if (inRange(e.date, range)) out.push(e);
  return out.sort(compareEntries);
}

/** The calendar month (1–12) of a C.E. year as a range. @example monthRange(2023, 10) // 2023-10-01 … 2023-10-31 */
export function monthRange(ceYear: number, month: number): DateRange {
  const last = new Date(Date.UTC(ceYear, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${ceYear}-${mm}-01`, to: `${ceYear}-${mm}-${String(last).padStart(2, '0')}` };
}

/** The day after `date`. */
export function nextDay(date: IsoDate): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
