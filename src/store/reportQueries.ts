/**
 * Reads for the reports (งบทดลอง, สมุดเงินสด, ทะเบียนงบประมาณ …): what the pure report functions of
 * src/domain/reports need, from the entries that count (pending or posted) on this PC.
 * Totals come from the `accountMonthTotals` / `accountDayTotals` caches (one row per account and month
 * or day, never one per line), so a year's trial balance over 250,000 lines folds ≈ 12 × accounts rows;
 * entries come by date from the `[state+date+seq]` index (src/store/entriesByDate.ts). Reads are not one snapshot across calls (nor across the spans of
 * entriesInRange): an entry recorded meanwhile may be in one read and not the next, as on any screen.
 * Every read is bounded and refuses rather than cut: a cut sum would be a wrong report shown as right.
 */
import type { AccountTotals } from '../domain/reports/accountTotals';
import type { Cancellations } from '../domain/reports/cancellations';
import type { CashBookSource } from '../domain/reports/cashBooks';
import { shiftIsoDate, type IsoDate } from '../domain/thaiDate';
import type { AccountDayTotalRow } from './accountDayTotals';
import type { SamutDb } from './db';
import { countingStates, datedInState, entriesDatedIn, rangeReadSpans } from './entriesByDate';
import type { StoredEntry } from './storedEntry';

/** Day or month rows one totals read may fold: 1,000 accounts × 10 years of days, far above any office. */
export const accountDayRowsMax = 3_650_000;
/** Entries one range read may return (a year of a busy office is ≈ 100,000). */
export const entriesInRangeMax = 1_000_000;

/**
 * Per account, Σdebit and Σcredit of every counting line dated `from`..`to` (both included). Whole
 * months come from the month rollup, the days of a partial month at either end from the day rows:
 * a year is ≈ 12 × accounts rows, not 365 × accounts.
 * @example trialBalance(await accountTotalsInRange(db, '2023-10-01', '2024-09-30'), chart, '2024-09-30')
 */
export async function accountTotalsInRange(db: SamutDb, from: IsoDate, to: IsoDate): Promise<AccountTotals> {
  if (from > to) return new Map();
  return foldRange(db, from, to);
}

/** Per account, the totals of every counting line dated on or before `date`: balances as of that day. */
export async function accountTotalsAsOf(db: SamutDb, date: IsoDate): Promise<AccountTotals> {
  return foldRange(db, undefined, date);
}

/** Per account, the totals of every counting line dated before `date`: ยอดยกมา of a period starting then. */
export async function accountTotalsBefore(db: SamutDb, date: IsoDate): Promise<AccountTotals> {
  return foldRange(db, undefined, shiftIsoDate(date, -1));
}

/** `from` undefined: since the first entry. */
async function foldRange(db: SamutDb, from: IsoDate | undefined, to: IsoDate): Promise<AccountTotals> {
  const firstFullMonth = from === undefined ? '' : from.endsWith('-01') ? monthOf(from) : monthOf(shiftMonth(from, 1));
  const lastFullMonth = monthOf(shiftIsoDate(to, 1)) !== monthOf(to) ? monthOf(to) : monthOf(shiftMonth(to, -1));
  const days = (lo: string, hi: string) => db.accountDayTotals.where('date').between(lo, hi, true, true).limit(accountDayRowsMax + 1).toArray();
  const none = Promise.resolve([] as AccountDayTotalRow[]);
  const parts = await db.transaction('r', db.accountDayTotals, db.accountMonthTotals, (): Promise<AccountDayTotalRow[][]> =>
    firstFullMonth > lastFullMonth
      ? Promise.all([days(from ?? '', to)])
      : Promise.all([
          // The days before the first whole month, the whole months, the days after the last.
          from === undefined || from.endsWith('-01') ? none : days(from, `${monthOf(from)}-99`),
          db.accountMonthTotals.where('date').between(firstFullMonth, lastFullMonth, true, true).limit(accountDayRowsMax + 1).toArray(),
          lastFullMonth === monthOf(to) ? none : days(`${monthOf(to)}-01`, to),
        ]),
  );
  return foldRows(parts.flat());
}

const monthOf = (date: IsoDate) => date.slice(0, 7);

/** The first day of the month `n` months after `date`'s. */
function shiftMonth(date: IsoDate, n: number): IsoDate {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 10);
}

function foldRows(rows: readonly AccountDayTotalRow[]): AccountTotals {
  if (rows.length > accountDayRowsMax) throw new RangeError(`more than ${accountDayRowsMax} account-day totals in one read`);
  const totals: AccountTotals = new Map();
  for (const r of rows) {
    const t = totals.get(r.account);
    if (t === undefined) totals.set(r.account, { debitSatang: r.debitSatang, creditSatang: r.creditSatang });
    else {
      t.debitSatang += r.debitSatang;
      t.creditSatang += r.creditSatang;
    }
  }
  return totals;
}

/**
 * The counting entries dated `from`..`to`, in book order (date, seq, id). Rejected and conflicting
 * entries are not in the books, so not in a report; the screen lists them elsewhere.
 * @example cashReceiptsBook(await entriesInRange(db, '2024-01-01', '2024-01-31'), chart, range)
 */
export async function entriesInRange(db: SamutDb, from: IsoDate, to: IsoDate): Promise<StoredEntry[]> {
  if (from > to) return [];
  // A few spans per counting state read at once, each its own read-only transaction: Chromium reads
  // one while the page decodes another (a month of a busy office, ≈ 8,000 entries, reads ≈ 2x faster
  // than as one getAll). Each entry has one state and one date, so it is in exactly one range.
  const rows = await entriesDatedIn(db, countingStates, from, to, rangeReadSpans, entriesInRangeMax);
  return rows.sort(bookOrder);
}


/**
 * What the store knows of cancellations beyond a period's own entries: which of `entries` a counting
 * cancel reversed (whenever dated), and the originals of the cancels among them (wherever dated).
 * Hand it to the domain's report functions as their `cancellations`.
 */
export async function cancellationsFor(db: SamutDb, entries: readonly StoredEntry[]): Promise<Cancellations> {
  const inPeriod = new Map(entries.map((e) => [e.id, e] as const));
  let low = entries[0]?.id ?? '';
  let high = low;
  for (const e of entries) {
    if (e.id < low) low = e.id;
    if (e.id > high) high = e.id;
  }
  return db.transaction('r', db.cancellations, db.entries, async () => {
    // Every cancellation of one of `entries` has its targetId in [low, high]: one read of that key
    // range, not one get per entry (8,000 gets cost ≈ 350 ms in Chromium). Ids are time-ordered
    // (UUID v7), so for an office that records as it goes the range holds about the period's own.
    const held = entries.length === 0 ? [] : await db.cancellations.where('targetId').between(low, high, true, true).limit(entriesInRangeMax + 1).toArray();
    if (held.length > entriesInRangeMax) throw new RangeError(`more than ${entriesInRangeMax} cancellations in one read`);
    const cancelledIds = new Set(held.flatMap((c) => (inPeriod.has(c.targetId) ? [c.targetId] : [])));
    const targetIds = [...new Set(entries.flatMap((e) => (e.kind === 'cancel' ? [e.doc.targetId] : [])))];
    const outside = await db.entries.bulkGet(targetIds.filter((id) => !inPeriod.has(id)));
    const targets = new Map<string, StoredEntry>();
    for (const id of targetIds) if (inPeriod.has(id)) targets.set(id, inPeriod.get(id)!);
    for (const t of outside) if (t) targets.set(t.id, t);
    return { cancelledIds, targets };
  });
}

/** What the cash books of a period are made from (hand to the domain's `cashBook`). */
export interface CashBookSources {
  /** The period's sources, in book order. */
  sources: CashBookSource[];
  /** Entries dated in the period that a counting cancel reversed, whenever the cancel is dated. */
  cancelledIds: Set<string>;
}

/**
 * The cash-book sources dated `from`..`to` and which of them were cancelled, in one read-only
 * transaction (≈ 30 day records a month, and the few cancellations of the period by their `targetDate`).
 * @example const { sources, cancelledIds } = await cashBookSourcesInRange(db, '2024-01-01', '2024-01-31');
 *          cashBook('receipts', sources, cancelledIds, chart, range)
 */
export async function cashBookSourcesInRange(db: SamutDb, from: IsoDate, to: IsoDate): Promise<CashBookSources> {
  if (from > to) return { sources: [], cancelledIds: new Set() };
  return db.transaction('r', db.cashBookDays, db.cancellations, async () => {
    const [days, cancels] = await Promise.all([
      db.cashBookDays.where('date').between(from, to, true, true).toArray(),
      db.cancellations.where('targetDate').between(from, to, true, true).limit(entriesInRangeMax + 1).toArray(),
    ]);
    const sources = days.flatMap((d) => d.sources);
    if (sources.length > entriesInRangeMax || cancels.length > entriesInRangeMax) throw new RangeError(`more than ${entriesInRangeMax} cash-book entries from ${from} to ${to}`);
    // Day records come in date order, each in book order.
    return { sources, cancelledIds: new Set(cancels.map((c) => c.targetId)) };
  });
}

/**
 * How many entries dated `from`..`to` still wait to be posted: each report says so at its top
 * ("มี n รายการยังไม่ได้ส่งเข้าระบบกลาง"), since the central books do not hold them yet.
 */
export async function pendingCountInRange(db: SamutDb, from: IsoDate, to: IsoDate): Promise<number> {
  if (from > to) return 0;
  return datedInState(db, 'pending', from, to).count();
}

function bookOrder(a: StoredEntry, b: StoredEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
