/**
 * Per-account totals (ยอดรวมเดบิต/เครดิตรายบัญชี): the one figure most reports start from. A report over a
 * range needs the totals before it (ยอดยกมา) and the movements inside it; the PC keeps per-day totals
 * ({@link dailyAccountTotals}) as a cache so that 250,000 lines are folded once, not per report.
 * The totals are never the truth: they can always be recomputed from the entries.
 *
 * A cancel counts against the side its original was on (a negative debit where the original debited),
 * so turnover is net of void documents: a cancelled receipt of 500 adds 0 to the cash debits, not
 * 500 on each side. Balances are the same either way; only the turnover columns differ. On a day when
 * a cancel falls after its original, a day's amount may therefore be negative.
 */
import type { Entry } from '../entry';
import type { Satang } from '../money';
import type { IsoDate } from '../thaiDate';
import { movementLinesOf } from './movementLines';

/** Debits and credits posted to one account. */
export interface AccountTotal {
  debitSatang: Satang;
  creditSatang: Satang;
}

/** Totals by account code. */
export type AccountTotals = Map<string, AccountTotal>;

/** One account's totals of one day: the row the PC caches. */
export interface DailyAccountTotal extends AccountTotal {
  date: IsoDate;
  account: string;
}

/** Adds an entry's lines to `totals` (mutates it: folding 250,000 lines must not copy a map per line). */
export function addEntryToTotals(totals: AccountTotals, entry: Entry): AccountTotals {
  for (const line of movementLinesOf(entry)) {
    const t = totals.get(line.account) ?? { debitSatang: 0, creditSatang: 0 };
    totals.set(line.account, { debitSatang: t.debitSatang + line.debitSatang, creditSatang: t.creditSatang + line.creditSatang });
  }
  return totals;
}

/**
 * Totals of a set of entries.
 * @example totalsOf([receipt]).get('010') // { debitSatang: 50000, creditSatang: 0 }
 */
export function totalsOf(entries: Iterable<Entry>): AccountTotals {
  const totals: AccountTotals = new Map();
  for (const e of entries) addEntryToTotals(totals, e);
  return totals;
}

/** Per (date, account) totals, in date then account order: what the PC caches per day. */
export function dailyAccountTotals(entries: Iterable<Entry>): DailyAccountTotal[] {
  const byDay = new Map<IsoDate, AccountTotals>();
  for (const e of entries) {
    const day = byDay.get(e.date) ?? new Map();
    byDay.set(e.date, addEntryToTotals(day, e));
  }
  const rows: DailyAccountTotal[] = [];
  for (const [date, totals] of byDay) {
    for (const [account, t] of totals) rows.push({ date, account, ...t });
  }
  return rows.sort((a, b) => compareText(a.date, b.date) || compareText(a.account, b.account));
}

/**
 * Folds cached day rows into totals, keeping the days in [from, to] (either end open).
 * @example foldDailyTotals(rows, { before: '2023-11-01' }) // ยอดยกมา of November
 */
export function foldDailyTotals(
  rows: Iterable<DailyAccountTotal>,
  days: { from?: IsoDate; to?: IsoDate; before?: IsoDate } = {},
): AccountTotals {
  const totals: AccountTotals = new Map();
  for (const r of rows) {
    if (days.from !== undefined && r.date < days.from) continue;
    if (days.to !== undefined && r.date > days.to) continue;
    if (days.before !== undefined && r.date >= days.before) continue;
    const t = totals.get(r.account) ?? { debitSatang: 0, creditSatang: 0 };
    totals.set(r.account, { debitSatang: t.debitSatang + r.debitSatang, creditSatang: t.creditSatang + r.creditSatang });
  }
  return totals;
}

/** a − b, account by account: e.g. the year to date less the opening-balances journal. */
export function subtractTotals(a: AccountTotals, b: AccountTotals): AccountTotals {
  const out: AccountTotals = new Map(a);
  for (const [account, t] of b) {
    const s = out.get(account) ?? { debitSatang: 0, creditSatang: 0 };
    out.set(account, { debitSatang: s.debitSatang - t.debitSatang, creditSatang: s.creditSatang - t.creditSatang });
  }
  return out;
}

/** Debit less credit: positive for a debit balance. */
export function netDebitSatang(t: AccountTotal | undefined): Satang {
  return t === undefined ? 0 : t.debitSatang - t.creditSatang;
}

/** The balance on a side: what a ledger on an account of that normal side shows. */
export function balanceOnSide(t: AccountTotal | undefined, side: 'debit' | 'credit'): Satang {
  const net = netDebitSatang(t);
  return side === 'debit' ? net : 0 - net;
}

/** Code-point order, the same on every PC and the server (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
