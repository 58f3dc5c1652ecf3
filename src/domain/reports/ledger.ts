/**
 * บัญชีแยกประเภท (general ledger) of one account over a range: ยอดยกมา from the totals before the range,
 * one row per line posted to the account (a cancel's own swapped line, so the original and its cancel
 * both show), a running balance on the account's normal side, and ยอดยกไป.
 */
import type { NormalSide } from '../chart/account';
import type { Chart } from '../chart/chart';
import type { Entry, EntryKind } from '../entry';
import { sumSatang, type Satang } from '../money';
import type { IsoDate } from '../thaiDate';
import { balanceOnSide, type AccountTotal } from './accountTotals';
import { cancellationsOf, type Cancellations } from './cancellations';
import { describeEntry } from './entryDescription';
import { entriesIn, type DateRange } from './period';
import { reportAccountsOf } from './reportAccounts';

export interface LedgerRow {
  entryId: string;
  kind: EntryKind;
  date: IsoDate;
  documentNo: string;
  description: string;
  debitSatang: Satang;
  creditSatang: Satang;
  /** After this row, on the normal side (negative: the other side). */
  balanceSatang: Satang;
  cancelled: boolean;
  reversal: boolean;
}

export interface Ledger {
  account: string;
  nameTh: string;
  normalSide: NormalSide;
  range: DateRange;
  /** ยอดยกมา, on the normal side. */
  broughtForwardSatang: Satang;
  rows: LedgerRow[];
  debitSatang: Satang;
  creditSatang: Satang;
  /** ยอดยกไป, on the normal side. */
  carriedForwardSatang: Satang;
}

/**
 * บัญชีแยกประเภท of `account`. `before` is the account's totals before `range.from` (undefined: none).
 * @example ledger('010', chart, { from: '2023-10-01', to: '2023-10-31' }, totalsBefore.get('010'), octoberEntries)
 */
export function ledger(
  account: string,
  chart: Chart,
  range: DateRange,
  before: AccountTotal | undefined,
  entries: readonly Entry[],
  known?: Cancellations,
): Ledger {
  const c = known ?? cancellationsOf(entries);
  const accounts = reportAccountsOf(chart);
  const found = accounts.at(account, range.to);
  // An account missing from the chart reads on the debit side, as most accounts do.
  const normalSide: NormalSide = found?.normalSide ?? 'debit';
  const sign = normalSide === 'debit' ? 1 : -1;
  const broughtForwardSatang = balanceOnSide(before, normalSide);
  let balance = broughtForwardSatang;
  const rows: LedgerRow[] = [];
  for (const entry of entriesIn(entries, range)) {
    const lines = entry.lines.filter((l) => l.account === account);
    if (lines.length === 0) continue;
    const d = describeEntry(entry, c);
    for (const l of lines) {
      balance += sign * (l.debitSatang - l.creditSatang);
      rows.push({
        entryId: entry.id,
        kind: entry.kind,
        date: entry.date,
        documentNo: d.documentNo,
        description: d.description,
        debitSatang: l.debitSatang,
        creditSatang: l.creditSatang,
        balanceSatang: balance,
        cancelled: c.cancelledIds.has(entry.id),
        reversal: entry.kind === 'cancel',
      });
    }
  }
  const debitSatang = sumSatang(rows.map((r) => r.debitSatang));
  const creditSatang = sumSatang(rows.map((r) => r.creditSatang));
  const carriedForwardSatang = broughtForwardSatang + sign * (debitSatang - creditSatang);
  if (carriedForwardSatang !== balance) throw new Error('ledger running balance disagrees with its totals');
  return {
    account,
    nameTh: accounts.nameAt(account, range.to),
    normalSide,
    range,
    broughtForwardSatang,
    rows,
    debitSatang,
    creditSatang,
    carriedForwardSatang,
  };
}
