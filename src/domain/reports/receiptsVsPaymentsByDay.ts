/**
 * Money in and out per day, for a chart on the dashboard: per day of the range, what the day's entries
 * debited (received) and credited (paid) to cash and bank accounts. Money moved between the office's
 * own cash and banks (a นำฝาก, a ใบผ่านรายการ from cash to a bank) is neither, and the opening-balances
 * journal is ยอดยกมา. A cancel counts against its original (a cancelled receipt lowers that day's
 * receipts, or the cancel's day's if later). Every day of the range has a point, zero or not.
 */
import type { Chart } from '../chart/chart';
import type { Entry } from '../entry';
import type { Satang } from '../money';
import type { IsoDate } from '../thaiDate';
import { cancellationsOf, targetOf, type Cancellations } from './cancellations';
import { moneyInOutOf } from './moneyInOut';
import { isOpeningBalances, movementLinesOf } from './movementLines';
import { inRange, nextDay, type DateRange } from './period';
import { reportAccountsOf } from './reportAccounts';

export interface DayFlow {
  date: IsoDate;
  receivedSatang: Satang;
  paidSatang: Satang;
}

/** A chart has a point per day: a range is at most a little over a year of them. */
export const flowDaysMax = 400;

/**
 * @example receiptsVsPaymentsByDay(entries, chart, { from: '2023-10-01', to: '2023-10-31' }) // 31 points
 */
export function receiptsVsPaymentsByDay(entries: readonly Entry[], chart: Chart, range: DateRange, known?: Cancellations): DayFlow[] {
  const days = new Map<IsoDate, DayFlow>();
  for (let d = range.from; d <= range.to; d = nextDay(d)) {
    if (days.size >= flowDaysMax) throw new RangeError(`a chart covers at most ${flowDaysMax} days`);
    days.set(d, { date: d, receivedSatang: 0, paidSatang: 0 });
  }
  const c = known ?? cancellationsOf(entries);
  const accounts = reportAccountsOf(chart);
  for (const e of entries) {
    const day = days.get(e.date);
    if (!day || !inRange(e.date, range)) continue;
    const original = targetOf(e, c);
    if (isOpeningBalances(e) || (original && isOpeningBalances(original))) continue;
    const money = moneyInOutOf(movementLinesOf(e), (account) => accounts.isMoneyAt(account, e.date));
    day.receivedSatang += money.receivedSatang;
    day.paidSatang += money.paidSatang;
  }
  return [...days.values()];
}
