/**
 * สมุดรายวันทั่วไป (general journal): the entries of a range that post lines but touch no cash or bank
 * account (those are in the cash books): journal vouchers (ใบผ่านรายการ), and a cancel of one, with its
 * own swapped lines as posted. The opening-balances journal is here too even though it debits cash:
 * it is a ใบผ่านรายการ, and the cash books leave it out as ยอดยกมา.
 */
import type { Chart } from '../chart/chart';
import type { Entry, EntryKind } from '../entry';
import { journalTotals } from '../journal';
import { sumSatang, type Satang } from '../money';
import type { IsoDate } from '../thaiDate';
import { cancellationsOf, targetOf, type Cancellations } from './cancellations';
import { describeEntry } from './entryDescription';
import { isOpeningBalances } from './movementLines';
import { entriesIn, type DateRange } from './period';
import { reportAccountsOf } from './reportAccounts';

export interface GeneralJournalLine {
  account: string;
  nameTh: string;
  debitSatang: Satang;
  creditSatang: Satang;
}

export interface GeneralJournalRow {
  entryId: string;
  kind: EntryKind;
  date: IsoDate;
  /** เลขที่ใบผ่านรายการ (a cancel: its original's). */
  voucherNo: string;
  description: string;
  lines: GeneralJournalLine[];
  cancelled: boolean;
  reversal: boolean;
}

export interface GeneralJournal {
  range: DateRange;
  rows: GeneralJournalRow[];
  /** Σdebit and Σcredit of every row: always equal. */
  debitSatang: Satang;
  creditSatang: Satang;
}

/** สมุดรายวันทั่วไป for `range`. @example generalJournal(entries, chart, { from: '2023-10-01', to: '2023-10-31' }) */
export function generalJournal(entries: readonly Entry[], chart: Chart, range: DateRange, known?: Cancellations): GeneralJournal {
  const c = known ?? cancellationsOf(entries);
  const accounts = reportAccountsOf(chart);
  const rows: GeneralJournalRow[] = [];
  for (const entry of entriesIn(entries, range)) {
    if (entry.lines.length === 0) continue;
    const original = targetOf(entry, c);
    const opening = isOpeningBalances(entry) || (original !== undefined && isOpeningBalances(original));
    if (!opening && entry.lines.some((l) => accounts.isMoneyAt(l.account, entry.date))) continue;
    const d = describeEntry(entry, c);
    rows.push({
      entryId: entry.id,
      kind: entry.kind,
      date: entry.date,
      voucherNo: d.documentNo,
      description: d.description,
      lines: entry.lines.map((l) => ({ ...l, nameTh: accounts.nameAt(l.account, entry.date) })),
      cancelled: c.cancelledIds.has(entry.id),
      reversal: entry.kind === 'cancel',
    });
  }
  const debitSatang = sumSatang(rows.map((r) => journalTotals(r.lines).debitSatang));
  const creditSatang = sumSatang(rows.map((r) => journalTotals(r.lines).creditSatang));
  if (debitSatang !== creditSatang) throw new Error('general journal out of balance: an entry with unbalanced lines was read');
  return { range, rows, debitSatang, creditSatang };
}
