/**
 * สมุดเงินสดรับ and สมุดเงินสดจ่าย over a range of days: one row per entry that debits (receipts) or
 * credits (payments) cash or a bank, with its document number, party, the accounts on the other side,
 * the เงินสด column and one column per bank account, and the totals. A cancelled original is marked
 * ยกเลิก and its cancel shows with negative amounts, so the totals are what really moved.
 */
import { formatBaht } from '../../domain/money';
import { cashBook, type CashBook, type CashBookRow, type CashBookSide } from '../../domain/reports';
import { formatBeDate } from '../../domain/thaiDate';
import { cashBookSourcesInRange, pendingCountInRange, type BooksSetup, type SamutDb } from '../../store';
import type { ExportColumn, ExportTable } from '../export/exportTable';
import { useLiveQuery } from '../useLiveQuery';
import type { ReportProps } from './DailyStatusReport';
import { BeRangeFields, useBeRange } from './PeriodFields';
import { ReportFrame } from './ReportFrame';
import type { DateRange } from '../../domain/reports';
import { MoneyCell, RowMark, rowMarkClass, rowMarkTh, TotalsFoot } from './reportCells';
import { rangePeriodTh } from './reportPeriods';

async function readCashBook(db: SamutDb, setup: BooksSetup, side: CashBookSide, range: DateRange): Promise<{ book: CashBook; pending: number }> {
  const [{ sources, cancelledIds }, pending] = await Promise.all([cashBookSourcesInRange(db, range.from, range.to), pendingCountInRange(db, range.from, range.to)]);
  return { book: cashBook(side, sources, cancelledIds, setup.chart, range), pending };
}

const titles: Record<CashBookSide, string> = { receipts: 'สมุดเงินสดรับ', payments: 'สมุดเงินสดจ่าย' };

/** "411002 ภาษีป้าย 1,200.00; 902 ภาษีหัก ณ ที่จ่าย 100.00" (the amount only when there is more than one). */
export function counterAccountsText(row: Pick<CashBookRow, 'counterAccounts'>): string {
  const many = row.counterAccounts.length > 1;
  return row.counterAccounts.map((c) => `${c.account} ${c.nameTh}${many ? ` ${formatBaht(c.amountSatang)}` : ''}`).join('; ');
}

export { rowMarkTh } from './reportCells';

/** The export columns of a cash book: its bank columns are the book's own. */
export function cashBookColumns(book: Pick<CashBook, 'side' | 'bankAccounts'>): ExportColumn<CashBookRow>[] {
  return [
    { headerTh: 'วันที่', kind: 'date', value: (r) => r.date || undefined },
    { headerTh: 'เลขที่เอกสาร', kind: 'text', value: (r) => r.documentNo },
    { headerTh: book.side === 'receipts' ? 'ผู้ชำระเงิน' : 'ผู้รับเงิน', kind: 'text', value: (r) => r.party },
    { headerTh: 'รายการ', kind: 'text', value: (r) => [r.description, rowMarkTh(r)].filter(Boolean).join(' ') },
    { headerTh: 'ประเภทบัญชี', kind: 'text', value: (r) => counterAccountsText(r) },
    { headerTh: 'เงินสด', kind: 'satang', value: (r) => r.cashSatang },
    ...book.bankAccounts.map((b): ExportColumn<CashBookRow> => ({ headerTh: `เงินฝากธนาคาร ${b.code} ${b.nameTh}`, kind: 'satang', value: (r) => r.bankSatang[b.code] ?? 0 })),
    { headerTh: 'รวม', kind: 'satang', value: (r) => r.totalSatang },
  ];
}

/** The book's totals as a last export row. */
export function cashBookTotalRow(book: CashBook): CashBookRow {
  return {
    entryId: '',
    kind: 'journal',
    date: '',
    documentNo: '',
    party: '',
    description: 'รวม',
    counterAccounts: [],
    cashSatang: book.totals.cashSatang,
    bankSatang: book.totals.bankSatang,
    totalSatang: book.totals.totalSatang,
    cancelled: false,
    reversal: false,
  };
}

export function CashBookReport({ db, setup, orgName, refreshKey, side }: ReportProps & { side: CashBookSide }) {
  const period = useBeRange();
  const range = period.range;
  const read = useLiveQuery(() => (range === undefined ? Promise.resolve(undefined) : readCashBook(db, setup, side, range)), [db, setup, side, range?.from, range?.to, refreshKey]);
  const ready = read.status === 'ready' ? read.value : undefined;
  const title = titles[side];
  const name = side === 'receipts' ? 'cashReceipts' : 'cashPayments';
  const periodTh = rangePeriodTh(range);
  const exportTable = (): ExportTable<CashBookRow> | undefined =>
    ready ? { title: `${title} ${periodTh}`, subtitles: [orgName], columns: cashBookColumns(ready.book), rows: [...ready.book.rows, cashBookTotalRow(ready.book)] } : undefined;
  const book = ready?.book;
  return (
    <ReportFrame
      name={name}
      titleTh={title}
      orgName={orgName}
      periodTh={periodTh}
      pendingCount={ready?.pending}
      controls={<BeRangeFields idPrefix={`report-${name}`} range={period} />}
      exportTable={exportTable}
      read={read}
    >
      {book && book.rows.length === 0 && <p class="muted">ไม่มีรายการในช่วงวันที่นี้</p>}
      {book && book.rows.length > 0 && (
        <div class="report-table-wrap">
          <table class="paper-table" data-testid={`${name}-table`}>
            <thead>
              <tr>
                <th scope="col">วันที่</th>
                <th scope="col">เลขที่</th>
                <th scope="col">รายการ</th>
                <th scope="col">ประเภทบัญชี</th>
                <th scope="col" class="num">
                  เงินสด
                </th>
                {book.bankAccounts.map((b) => (
                  <th key={b.code} scope="col" class="num" title={b.nameTh}>
                    เงินฝากธนาคาร {b.code}
                  </th>
                ))}
                <th scope="col" class="num">
                  รวม
                </th>
              </tr>
            </thead>
            <tbody>
              {book.rows.map((r) => (
                <tr key={r.entryId} class={rowMarkClass(r)} data-testid={`${name}-row`} data-entry={r.entryId}>
                  <td class="nowrap">{formatBeDate(r.date)}</td>
                  <td class="nowrap">{r.documentNo}</td>
                  <td>
                    {r.party && <>{r.party} — </>}
                    {r.description}
                    <RowMark row={r} />
                  </td>
                  <td>{counterAccountsText(r)}</td>
                  <MoneyCell satang={r.cashSatang} marked={false} blankZero />
                  {book.bankAccounts.map((b) => (
                    <MoneyCell key={b.code} satang={r.bankSatang[b.code] ?? 0} marked={false} blankZero />
                  ))}
                  <MoneyCell satang={r.totalSatang} marked={false} />
                </tr>
              ))}
            </tbody>
            <TotalsFoot labelSpan={4} label={<>รวม {book.rows.length} รายการ</>}>
              <MoneyCell satang={book.totals.cashSatang} testId={`${name}-cash-total`} />
              {book.bankAccounts.map((b) => (
                <MoneyCell key={b.code} satang={book.totals.bankSatang[b.code] ?? 0} marked={false} />
              ))}
              <MoneyCell satang={book.totals.totalSatang} testId={`${name}-total`} />
            </TotalsFoot>
          </table>
        </div>
      )}
    </ReportFrame>
  );
}
