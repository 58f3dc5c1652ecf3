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
import type { JournalLine } from '../journal';
import { sumSatang, type Satang } from '../money';
import type { IsoDate } from '../thaiDate';
import { compareText } from './accountTotals';
import { cancellationsOf, targetOf, type Cancellations } from './cancellations';
import { describeEntry } from './entryDescription';
import { isOpeningBalances, movementLinesOf } from './movementLines';
import { entriesIn, inRange, type DateRange } from './period';
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
 * What the cash books need of one entry, whatever the chart says: its document, the other party, a
 * description and its movement lines (a cancel's negated onto its original's side). Small enough for
 * the PC to keep a day's worth in one record, so a month's book reads ≈ 30 records, not 8,000 entries.
 * Which lines are cash or bank is decided when the book is made, by the chart of that day.
 */
export interface CashBookSource {
  entryId: string;
  kind: EntryKind;
  date: IsoDate;
  seq: number;
  documentNo: string;
  party: string;
  description: string;
  lines: JournalLine[];
}

/**
 * The cash books' view of `entry`, or undefined for what is in neither book: the year's opening
 * balances (ยอดยกมา) and their cancel, and entries without lines (budget entries).
 * `target`: the original, when `entry` is a cancel (to name its document).
 * @example cashBookSourceOf(cancelOfReceipt, receipt) // { documentNo: '12/3', description: 'ยกเลิก …', lines: [negated] }
 */
export function cashBookSourceOf(entry: Entry, target?: Entry): CashBookSource | undefined {
  if (isOpeningBalances(entry) || (target !== undefined && isOpeningBalances(target))) return undefined;
  const lines = movementLinesOf(entry);
  if (lines.length === 0) return undefined;
  const known: Cancellations | undefined = target && { cancelledIds: new Set(), targets: new Map([[target.id, target]]) };
  return {
    entryId: entry.id,
    kind: entry.kind,
    date: entry.date,
    seq: entry.seq,
    ...describeEntry(entry, known),
    lines: lines.map((l) => ({ account: l.account, debitSatang: l.debitSatang, creditSatang: l.creditSatang })),
  };
}

/**
 * สมุดเงินสดรับ: every entry in `range` that debits cash or a bank, in (date, seq) order.
 * @example cashReceiptsBook(entriesOfOctober, chart, { from: '2023-10-01', to: '2023-10-31' })
 */
export function cashReceiptsBook(entries: readonly Entry[], chart: Chart, range: DateRange, cancellations?: Cancellations): CashBook {
  return cashBookOfEntries('receipts', entries, chart, range, cancellations);
}

/** สมุดเงินสดจ่าย: every entry in `range` that credits cash or a bank, in (date, seq) order. */
export function cashPaymentsBook(entries: readonly Entry[], chart: Chart, range: DateRange, cancellations?: Cancellations): CashBook {
  return cashBookOfEntries('payments', entries, chart, range, cancellations);
}

function cashBookOfEntries(side: CashBookSide, entries: readonly Entry[], chart: Chart, range: DateRange, known?: Cancellations): CashBook {
  const c = known ?? cancellationsOf(entries);
  const sources = entriesIn(entries, range).flatMap((e) => cashBookSourceOf(e, targetOf(e, c)) ?? []);
  return cashBook(side, sources, c.cancelledIds, chart, range);
}

/**
 * One cash book from the entries' sources (any order; those outside `range` are left out).
 * `cancelledIds`: the entries a counting cancel reversed, whenever dated (their rows say ยกเลิก).
 * @example cashBook('receipts', await cashBookSourcesInRange(db, from, to), …) // the store's path
 */
export function cashBook(side: CashBookSide, sources: Iterable<CashBookSource>, cancelledIds: ReadonlySet<string>, chart: Chart, range: DateRange): CashBook {
  const accounts = reportAccountsOf(chart);
  const rows: CashBookRow[] = [];
  const banks = new Map<string, string>();
  const inRangeSources: CashBookSource[] = [];
  for (const s of sources) if (inRange(s.date, range)) inRangeSources.push(s);
  inRangeSources.sort(compareSources);
  for (const source of inRangeSources) {
    const lines = source.lines;
    const amountOf = (l: JournalLine) => (side === 'receipts' ? l.debitSatang : l.creditSatang);
    const counterOf = (l: JournalLine) => (side === 'receipts' ? l.creditSatang : l.debitSatang);
    let cashSatang = 0;
    const bankSatang: Record<string, Satang> = {};
    let touches = false;
    for (const l of lines) {
      const role = accounts.roleAt(l.account, source.date);
      if (amountOf(l) === 0 || (role !== 'cash' && role !== 'bank')) continue;
      touches = true;
      if (role === 'cash') cashSatang += amountOf(l);
      else {
        bankSatang[l.account] = (bankSatang[l.account] ?? 0) + amountOf(l);
        banks.set(l.account, accounts.nameAt(l.account, source.date));
      }
    }
    if (!touches) continue;
    const counterAccounts = lines
      .filter((l) => counterOf(l) !== 0)
      .map((l) => ({ account: l.account, nameTh: accounts.nameAt(l.account, source.date), amountSatang: counterOf(l) }));
    rows.push({
      entryId: source.entryId,
      kind: source.kind,
      date: source.date,
      documentNo: source.documentNo,
      party: source.party,
      description: source.description,
      counterAccounts,
      cashSatang,
      bankSatang,
      totalSatang: cashSatang + sumSatang(Object.values(bankSatang)),
      cancelled: cancelledIds.has(source.entryId),
      reversal: source.kind === 'cancel',
    });
  }
  const bankAccounts = [...banks].map(([code, nameTh]) => ({ code, nameTh })).sort((a, b) => compareText(a.code, b.code));
  return { side, range, bankAccounts, rows, totals: columnTotals(rows, bankAccounts.map((b) => b.code)) };
}

/** Book order, as {@link compareEntries} orders entries: date, seq, id. */
export function compareSources(a: CashBookSource, b: CashBookSource): number {
  return compareText(a.date, b.date) || a.seq - b.seq || compareText(a.entryId, b.entryId);
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
