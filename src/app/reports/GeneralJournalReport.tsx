/**
 * สมุดรายวันทั่วไป over a range: each ใบผ่านรายการ (and the year's opening balances, and a cancel of
 * either) with its lines, debit and credit, and the two totals, which always agree.
 */
import { generalJournal, type DateRange, type GeneralJournal, type GeneralJournalLine, type GeneralJournalRow } from '../../domain/reports';
import { formatBeDate } from '../../domain/thaiDate';
import { cancellationsFor, entriesInRange, pendingCountInRange, type BooksSetup, type SamutDb } from '../../store';
import type { ExportColumn, ExportTable } from '../export/exportTable';
import { useLiveQuery } from '../useLiveQuery';
import type { ReportProps } from './DailyStatusReport';
import { BeRangeFields, useBeRange } from './PeriodFields';
import { ReportFrame } from './ReportFrame';
import { MoneyCell, RowMark, rowMarkClass, rowMarkTh, TotalsFoot } from './reportCells';
import { rangePeriodTh } from './reportPeriods';

async function readJournal(db: SamutDb, setup: BooksSetup, range: DateRange): Promise<{ journal: GeneralJournal; pending: number }> {
  const [entries, pending] = await Promise.all([entriesInRange(db, range.from, range.to), pendingCountInRange(db, range.from, range.to)]);
  const cancellations = await cancellationsFor(db, entries);
  return { journal: generalJournal(entries, setup.chart, range, cancellations), pending };
}

/** One printed line: the entry's date, number and description on its first line only. */
export interface JournalLineRow extends GeneralJournalLine {
  date: string;
  voucherNo: string;
  description: string;
}

/** The journal as one row per line (what the table and the export show). */
export function journalLineRows(journal: Pick<GeneralJournal, 'rows'>): JournalLineRow[] {
  return journal.rows.flatMap((r: GeneralJournalRow) =>
    r.lines.map((l, i) => ({
      ...l,
      date: i === 0 ? r.date : '',
      voucherNo: i === 0 ? r.voucherNo : '',
      description: i === 0 ? [r.description, rowMarkTh(r)].filter(Boolean).join(' ') : '',
    })),
  );
}

export const journalColumns: readonly ExportColumn<JournalLineRow>[] = [
  { headerTh: 'วันที่', kind: 'date', value: (r) => r.date || undefined },
  { headerTh: 'เลขที่ใบผ่านรายการ', kind: 'text', value: (r) => r.voucherNo },
  { headerTh: 'คำอธิบาย', kind: 'text', value: (r) => r.description },
  { headerTh: 'รหัสบัญชี', kind: 'text', value: (r) => r.account },
  { headerTh: 'ชื่อบัญชี', kind: 'text', value: (r) => r.nameTh },
  { headerTh: 'เดบิต', kind: 'satang', value: (r) => r.debitSatang || undefined },
  { headerTh: 'เครดิต', kind: 'satang', value: (r) => r.creditSatang || undefined },
];

export function GeneralJournalReport({ db, setup, orgName, refreshKey }: ReportProps) {
  const period = useBeRange();
  const range = period.range;
  const read = useLiveQuery(() => (range === undefined ? Promise.resolve(undefined) : readJournal(db, setup, range)), [db, setup, range?.from, range?.to, refreshKey]);
  const ready = read.status === 'ready' ? read.value : undefined;
  const title = 'สมุดรายวันทั่วไป';
  const periodTh = rangePeriodTh(range);
  const exportTable = (): ExportTable<JournalLineRow> | undefined =>
    ready
      ? {
          title: `${title} ${periodTh}`,
          subtitles: [orgName],
          columns: journalColumns,
          rows: [...journalLineRows(ready.journal), { date: '', voucherNo: '', description: 'รวม', account: '', nameTh: '', debitSatang: ready.journal.debitSatang, creditSatang: ready.journal.creditSatang }],
        }
      : undefined;
  const journal = ready?.journal;
  return (
    <ReportFrame
      name="generalJournal"
      titleTh={title}
      orgName={orgName}
      periodTh={periodTh}
      pendingCount={ready?.pending}
      controls={<BeRangeFields idPrefix="report-generalJournal" range={period} />}
      exportTable={exportTable}
      read={read}
    >
      {journal && journal.rows.length === 0 && <p class="muted">ไม่มีรายการในช่วงวันที่นี้</p>}
      {journal && journal.rows.length > 0 && (
        <div class="report-table-wrap">
          <table class="paper-table" data-testid="generalJournal-table">
            <thead>
              <tr>
                <th scope="col">วันที่</th>
                <th scope="col">เลขที่</th>
                <th scope="col">รายการ</th>
                <th scope="col">รหัสบัญชี</th>
                <th scope="col">ชื่อบัญชี</th>
                <th scope="col" class="num">
                  เดบิต
                </th>
                <th scope="col" class="num">
                  เครดิต
                </th>
              </tr>
            </thead>
            {journal.rows.map((r) => (
              <tbody key={r.entryId} class={rowMarkClass(r)} data-testid="generalJournal-entry" data-entry={r.entryId}>
                {r.lines.map((l, i) => (
                  <tr key={i}>
                    {i === 0 && (
                      <>
                        <td class="nowrap" rowSpan={r.lines.length}>
                          {formatBeDate(r.date)}
                        </td>
                        <td class="nowrap" rowSpan={r.lines.length}>
                          {r.voucherNo}
                        </td>
                        <td rowSpan={r.lines.length}>
                          {r.description}
                          <RowMark row={r} />
                        </td>
                      </>
                    )}
                    <td class="nowrap">{l.account}</td>
                    <td>{l.nameTh}</td>
                    <MoneyCell satang={l.debitSatang} marked={false} blankZero />
                    <MoneyCell satang={l.creditSatang} marked={false} blankZero />
                  </tr>
                ))}
              </tbody>
            ))}
            <TotalsFoot labelSpan={5} label={<>รวม {journal.rows.length} รายการ</>}>
              <MoneyCell satang={journal.debitSatang} testId="generalJournal-debit" />
              <MoneyCell satang={journal.creditSatang} testId="generalJournal-credit" />
            </TotalsFoot>
          </table>
        </div>
      )}
    </ReportFrame>
  );
}
