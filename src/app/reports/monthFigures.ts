/**
 * What the month reports (ทะเบียนเงินรายรับ, รายงานรับ-จ่ายเงิน) read through the store: the revenue
 * estimates of the fiscal year, the month's and the year-to-date account totals (movements: the
 * opening-balances journal left out), the month's entries and the pending count.
 */
import { isOpeningBalances, revenueEstimatesOf, subtractTotals, totalsOf, type AccountTotals, type DateRange } from '../../domain/reports';
import type { Satang } from '../../domain/money';
import { fiscalYearRange } from '../../domain/thaiDate';
import { accountTotalsInRange, cancellationsFor, entriesInRange, pendingCountInRange, type SamutDb, type StoredEntry } from '../../store';

export interface MonthFigures {
  estimates: Map<string, Satang>;
  monthTotals: AccountTotals;
  yearToDateTotals: AccountTotals;
  monthEntries: StoredEntry[];
  pending: number;
}

/**
 * The estimates of `fiscalYear` in force at `asOf`: ประมาณการรายรับ entries (dated in the year or the
 * one before, as the books rules allow) through that day, less those cancelled.
 * The store has no index on budget actions: this reads the entries of up to two years (see the report).
 */
export async function readRevenueEstimates(db: SamutDb, fiscalYear: number, asOf: string): Promise<Map<string, Satang>> {
  const entries = await entriesInRange(db, fiscalYearRange(fiscalYear - 1).first, asOf);
  const budget = entries.filter((e) => e.kind === 'budget' && e.doc.action === 'revenueEstimate');
  const cancellations = await cancellationsFor(db, budget);
  return revenueEstimatesOf(budget, fiscalYear, cancellations);
}

export async function readMonthFigures(db: SamutDb, fiscalYear: number, month: DateRange): Promise<MonthFigures> {
  const fyFirst = fiscalYearRange(fiscalYear).first;
  const [estimates, monthRaw, ytdRaw, firstDay, monthEntries, pending] = await Promise.all([
    readRevenueEstimates(db, fiscalYear, month.to),
    accountTotalsInRange(db, month.from, month.to),
    accountTotalsInRange(db, fyFirst, month.to),
    entriesInRange(db, fyFirst, fyFirst),
    entriesInRange(db, month.from, month.to),
    pendingCountInRange(db, month.from, month.to),
  ]);
  // The opening-balances journal is ยอดยกมา, not money received or paid.
  const opening = totalsOf(firstDay.filter(isOpeningBalances));
  return {
    estimates,
    monthTotals: month.from <= fyFirst && fyFirst <= month.to ? subtractTotals(monthRaw, opening) : monthRaw,
    yearToDateTotals: subtractTotals(ytdRaw, opening),
    monthEntries,
    pending,
  };
}
