/**
 * The coverage calendar of bulk back-entry (issue 5): per day of a window, how many entries this PC
 * holds in each sync state and the money they received and paid, so the officer sees at a glance
 * which days of the outage are entered, which are posted, and which need attention. The window the
 * officer is filling in is kept in `meta`.
 *
 * Counts come from the keys of the `[state+date+seq]` index (one key scan per state, no entry is
 * read: a window of two years may hold 200,000 entries); money from the cash books' day records,
 * so a day costs one record, not its entries. (In Node tests, fake-indexeddb walks a bounded cursor
 * from the range's start at every step, quadratic in the keys read: keep test windows small. Chromium's
 * cursors are linear.)
 */
import { z } from 'zod';
import type { Chart } from '../domain/chart/chart';
import type { Satang } from '../domain/money';
import { moneyInOutOf } from '../domain/reports/moneyInOut';
import { nextDay } from '../domain/reports/period';
import { reportAccountsOf } from '../domain/reports/reportAccounts';
import { formatBeDate, isIsoDate, type IsoDate } from '../domain/thaiDate';
import type { SamutDb } from './db';
import { cashBookSourcesInRange, entriesInRangeMax } from './reportQueries';
import type { SyncState } from './storedEntry';
import { StoreError } from './storeError';

/** One day of the calendar. Money counts the entries that count (pending, posted) only. */
export interface CoverageDay {
  date: IsoDate;
  pending: number;
  posted: number;
  rejected: number;
  conflict: number;
  /** Σ debits to cash and bank accounts, less money moved between them (a cancel lowers it). */
  receivedSatang: Satang;
  /** Σ credits to cash and bank accounts, less money moved between them. */
  paidSatang: Satang;
}

/** Days one calendar (and the stored window) may span: two fiscal years and some, the longest outage planned for. */
export const coverageDaysMax = 800;

const syncStates: readonly SyncState[] = ['pending', 'posted', 'rejected', 'conflict'];

/**
 * One {@link CoverageDay} for every day from `from` to `to` (both included; zeros for a day with no
 * entry); empty when `from` > `to`. One read-only transaction. Throws RangeError beyond
 * {@link coverageDaysMax} days or for a date that is not one.
 * @example const days = await coverageInRange(db, '2024-01-01', '2024-03-31', setup.chart); // 91 days
 */
export async function coverageInRange(db: SamutDb, from: IsoDate, to: IsoDate, chart: Chart): Promise<CoverageDay[]> {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError(`coverageInRange: not ISO dates: ${from}..${to}`);
  if (from > to) return [];
  const span = daysBetween(from, to);
  if (span > coverageDaysMax) throw new RangeError(`coverageInRange covers at most ${coverageDaysMax} days, got ${span}`);

  const days = new Map<IsoDate, CoverageDay>();
  for (let d = from; d <= to; d = nextDay(d)) {
    days.set(d, { date: d, pending: 0, posted: 0, rejected: 0, conflict: 0, receivedSatang: 0, paidSatang: 0 });
  }
  const [keysByState, { sources }] = await db.transaction('r', db.entries, db.cashBookDays, db.cancellations, () =>
    Promise.all([
      Promise.all(
        // ['s', from] sorts before every ['s', from, seq]; a seq is a number, below Infinity.
        syncStates.map((state) =>
          db.entries
            .where('[state+date+seq]')
            .between([state, from], [state, to, Infinity], true, true)
            .limit(entriesInRangeMax + 1)
            .keys(),
        ),
      ),
      cashBookSourcesInRange(db, from, to),
    ]),
  );

  syncStates.forEach((state, i) => {
    const keys = keysByState[i]!;
    if (keys.length > entriesInRangeMax) throw new RangeError(`more than ${entriesInRangeMax} ${state} entries from ${from} to ${to}`);
    for (const key of keys) {
      // An index key is [state, date, seq]; its date is all the calendar needs.
      const date = Array.isArray(key) ? key[1] : undefined;
      const day = typeof date === 'string' ? days.get(date) : undefined;
      if (day !== undefined) day[state] += 1;
    }
  });
  const accounts = reportAccountsOf(chart);
  for (const s of sources) {
    const day = days.get(s.date);
    if (day === undefined) continue;
    // Sources are the cash books' view: opening balances are not in them, a cancel's lines are negated.
    const money = moneyInOutOf(s.lines, (account) => accounts.isMoneyAt(account, s.date));
    day.receivedSatang += money.receivedSatang;
    day.paidSatang += money.paidSatang;
  }
  return [...days.values()];
}

/** Days from `from` to `to`, both included. */
function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The days of the outage the officer is entering on paper records. */
export interface CoverageWindow {
  from: IsoDate;
  to: IsoDate;
}

export const coverageWindowMetaKey = 'coverageWindow';

const isoDateField = (whatTh: string) =>
  z.string({ error: `กรุณากรอก${whatTh}` }).refine(isIsoDate, { error: `${whatTh}ไม่ถูกต้อง (ไม่มีวันที่นี้อยู่จริง)` });

const coverageWindowSchema = z
  .object({ from: isoDateField('วันที่เริ่มต้น'), to: isoDateField('วันที่สิ้นสุด') })
  .strict()
  .superRefine((w, ctx) => {
    if (w.from > w.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `วันที่สิ้นสุด (${formatBeDate(w.to)}) ต้องไม่ก่อนวันที่เริ่มต้น (${formatBeDate(w.from)})` });
      return;
    }
    const span = daysBetween(w.from, w.to);
    if (span > coverageDaysMax) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `ช่วงวันที่ยาวเกินไป: เลือกไว้ ${span} วัน แต่กำหนดได้ไม่เกิน ${coverageDaysMax} วัน กรุณาแบ่งเป็นหลายช่วง` });
    }
  });

/**
 * The window stored by {@link setCoverageWindow}, or undefined: none yet, or a row that no longer
 * reads (it is only where the calendar opens, so the screen asks again rather than stop the officer).
 */
export async function getCoverageWindow(db: SamutDb): Promise<CoverageWindow | undefined> {
  const row = await db.meta.get(coverageWindowMetaKey);
  const parsed = coverageWindowSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Stores the window (replacing the earlier one). Throws StoreError('invalid-setup') with a Thai
 * message and `field` ('from' or 'to') for a date that does not exist, an end before the start, or
 * more than {@link coverageDaysMax} days.
 * @example await setCoverageWindow(db, { from: '2024-01-01', to: '2024-03-31' });
 */
export async function setCoverageWindow(db: SamutDb, window: CoverageWindow): Promise<void> {
  const parsed = coverageWindowSchema.safeParse(window);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    const thai = issue !== undefined && /[\u0E00-\u0E7F]/.test(issue.message);
    throw new StoreError('invalid-setup', thai ? issue.message : 'ช่วงวันที่ไม่ถูกต้อง', field ? { field } : {});
  }
  await db.meta.put({ key: coverageWindowMetaKey, value: parsed.data });
}
