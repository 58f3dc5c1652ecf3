/**
 * สมุดเงินสดรับ และ สมุดเงินสดจ่าย (cash receipts and cash payments books) for a range of days.
 * The receipts book has one row per entry that debits a cash or bank account (role cash/bank); the
 * payments book one per entry that credits one. A นำฝาก therefore shows in both (into the bank, out of
 * cash), as in a three-column cash book. A cancel sits in its original's book with negative amounts,
 * and the original stays, marked ยกเลิก, so the totals net to what was really received or paid.
 * The year's opening-balances journal is ยอดยกมา, not money received: it is in neither book.
 * Columns: เงินสด, and เงินฝากธนาคาร per bank account (the book lists the bank accounts it uses, so a
 * PC with one bank account prints one bank column).
 */
import type { Chart } from '../chart/chart';
import type { Entry, EntryKind } from '../entry';
import { sumSatang, type Satang } from '../money';
import type { IsoDate } from '../thaiDate';
import { compareText } from './accountTotals';
import { cancellationsOf, targetOf, type Cancellations } from './cancellations';
import { describeEntry } from './entryDescription';
import { isOpeningBalances, movementLinesOf } from './movementLines';
import { entriesIn, type DateRange } from './period';
import { reportAccountsOf } from './reportAccounts';

export type CashBookSide = 'receipts' | 'payments';

/** An account on the other side of the row (ประเภทบัญชี): credited in the receipts book, debited in the payments book. */
export interface CounterAccount {
  account: string;
  nameTh: string;
  amountSatang: Satang;
}

export interface CashBookRow {
  entryId: string;
  kind: EntryKind;
  date: IsoDate;
  /** เล่ม/เลขที่ (receipt), เลขที่ฎีกา, เลขที่ใบนำฝาก, เลขที่ใบผ่านรายการ. */
  documentNo: string;
  /** ผู้ชำระเงิน / ผู้รับเงิน. */
  party: string;
  description: string;
  counterAccounts: CounterAccount[];
  /** เงินสด column (all cash accounts). */
  cashSatang: Satang;
  /** Per bank account code: that bank column (zero columns left out). */
  bankSatang: Record<string, Satang>;
  /** cash + every bank column. */
  totalSatang: Satang;
  /** The original of this row was cancelled (ยกเลิก). */
  cancelled: boolean;
  /** This row is a cancel (its amounts are negative). */
  reversal: boolean;
}

export interface CashBookColumnTotals {
  cashSatang: Satang;
  bankSatang: Record<string, Satang>;
  totalSatang: Satang;
}

export interface CashBook {
  side: CashBookSide;
  range: DateRange;
  /** The bank columns, in code order. */
  bankAccounts: { code: string; nameTh: string }[];
  rows: CashBookRow[];
  totals: CashBookColumnTotals;
}

/**
 * สมุดเงินสดรับ: every entry in `range` that debits cash or a bank, in (date, seq) order.
 * @example cashReceiptsBook(entriesOfOctober, chart, { from: '2023-10-01', to: '2023-10-31' })
 */
export function cashReceiptsBook(entries: readonly Entry[], chart: Chart, range: DateRange, cancellations?: Cancellations): CashBook {
  return cashBook('receipts', entries, chart, range, cancellations);
}

/** สมุดเงินสดจ่าย: every entry in `range` that credits cash or a bank, in (date, seq) order. */
export function cashPaymentsBook(entries: readonly Entry[], chart: Chart, range: DateRange, cancellations?: Cancellations): CashBook {
  return cashBook('payments', entries, chart, range, cancellations);
}

function cashBook(side: CashBookSide, entries: readonly Entry[], chart: Chart, range: DateRange, known?: Cancellations): CashBook {
  const c = known ?? cancellationsOf(entries);
  const accounts = reportAccountsOf(chart);
  const rows: CashBookRow[] = [];
  const banks = new Map<string, string>();
  for (const entry of entriesIn(entries, range)) {
    const original = targetOf(entry, c);
    if (isOpeningBalances(entry) || (original && isOpeningBalances(original))) continue;
    const lines = movementLinesOf(entry);
    const amountOf = (l: (typeof lines)[number]) => (side === 'receipts' ? l.debitSatang : l.creditSatang);
    const counterOf = (l: (typeof lines)[number]) => (side === 'receipts' ? l.creditSatang : l.debitSatang);
    let cashSatang = 0;
    const bankSatang: Record<string, Satang> = {};
    let touches = false;
    for (const l of lines) {
      const role = accounts.roleAt(l.account, entry.date);
      if (amountOf(l) === 0 || (role !== 'cash' && role !== 'bank')) continue;
      touches = true;
      if (role === 'cash') cashSatang += amountOf(l);
      else {
        bankSatang[l.account] = (bankSatang[l.account] ?? 0) + amountOf(l);
        banks.set(l.account, accounts.nameAt(l.account, entry.date));
      }
    }
    if (!touches) continue;
    const counterAccounts = lines
      .filter((l) => counterOf(l) !== 0)
      .map((l) => ({ account: l.account, nameTh: accounts.nameAt(l.account, entry.date), amountSatang: counterOf(l) }));
    rows.push({
      entryId: entry.id,
      kind: entry.kind,
      date: entry.date,
      ...describeEntry(entry, c),
      counterAccounts,
      cashSatang,
      bankSatang,
      totalSatang: cashSatang + sumSatang(Object.values(bankSatang)),
      cancelled: c.cancelledIds.has(entry.id),
      reversal: entry.kind === 'cancel',
    });
  }
  const bankAccounts = [...banks].map(([code, nameTh]) => ({ code, nameTh })).sort((a, b) => compareText(a.code, b.code));
  return { side, range, bankAccounts, rows, totals: columnTotals(rows, bankAccounts.map((b) => b.code)) };
}

function columnTotals(rows: readonly CashBookRow[], bankCodes: readonly string[]): CashBookColumnTotals {
  const bankSatang: Record<string, Satang> = {};
  for (const code of bankCodes) bankSatang[code] = sumSatang(rows.map((r) => r.bankSatang[code] ?? 0));
  const cashSatang = sumSatang(rows.map((r) => r.cashSatang));
  const totalSatang = sumSatang(rows.map((r) => r.totalSatang));
  // The columns and the row totals are two ways to the same figure.
  if (totalSatang !== cashSatang + sumSatang(Object.values(bankSatang))) throw new Error('cash book columns do not add up');
  return { cashSatang, bankSatang, totalSatang };
}
