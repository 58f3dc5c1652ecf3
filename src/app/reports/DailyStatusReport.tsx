/**
 * รายงานสถานะการเงินประจำวัน (DOMAIN.md §3.3): cash (ยกมา, รับ, นำฝากธนาคาร, จ่าย, ยกไป), the bank accounts
 * (ยกมา, นำฝาก/รับ, จ่าย, ยกไป) and their total, signed by the cash keeper and the head of finance.
 * Computed by the domain's dailyStatus from the store's totals of the fiscal year before the day.
 */
import { dailyStatus, type DailyStatus } from '../../domain/reports';
import { formatBaht } from '../../domain/money';
import { fiscalYearOf, fiscalYearRange, formatBeDate, type IsoDate } from '../../domain/thaiDate';
import { accountTotalsInRange, cancellationsFor, entriesInRange, pendingCountInRange, type BooksSetup, type SamutDb } from '../../store';
import type { ExportTable } from '../export/exportTable';
import { useLiveQuery } from '../useLiveQuery';
import { BeDateField, useBeDate } from './BeDateField';
import { ReportFrame } from './ReportFrame';
import { dayBefore } from './reportList';

export interface ReportProps {
  db: SamutDb;
  setup: BooksSetup;
  orgName: string;
  refreshKey: number;
}

async function readDailyStatus(db: SamutDb, setup: BooksSetup, date: IsoDate): Promise<{ status: DailyStatus; pending: number }> {
  const fyFirst = fiscalYearRange(fiscalYearOf(date)).first;
  const [before, day, pending] = await Promise.all([
    accountTotalsInRange(db, fyFirst, dayBefore(date)),
    entriesInRange(db, date, date),
    pendingCountInRange(db, date, date),
  ]);
  const cancellations = await cancellationsFor(db, day);
  return { status: dailyStatus(date, before, day, setup.chart, cancellations), pending };
}

interface Line {
  labelTh: string;
  satang: number;
}

export function dailyStatusLines(s: DailyStatus): { cash: Line[]; banks: { titleTh: string; lines: Line[] }[]; bankTotal: Line[] } {
  return {
    cash: [
      { labelTh: 'ยอดเงินสดคงเหลือยกมา', satang: s.cash.broughtForwardSatang },
      { labelTh: 'บวก เงินสดรับ', satang: s.cash.receivedSatang },
      { labelTh: 'หัก เงินนำฝากธนาคาร', satang: s.cash.depositedToBankSatang },
      { labelTh: 'หัก จ่ายเป็นเงินสด', satang: s.cash.paidSatang },
      { labelTh: 'ยอดเงินสดคงเหลือยกไป', satang: s.cash.carriedForwardSatang },
    ],
    banks: s.banks.map((b, i) => ({
      titleTh: `${i + 1}. ${b.nameTh} (${b.account})`,
      lines: [
        { labelTh: 'ยอดคงเหลือยกมา', satang: b.broughtForwardSatang },
        { labelTh: 'บวก เงินนำฝากธนาคาร/รับโอน', satang: b.receivedSatang },
        { labelTh: 'หัก รายจ่าย', satang: b.paidSatang },
        { labelTh: 'ยอดคงเหลือยกไป', satang: b.carriedForwardSatang },
      ],
    })),
    bankTotal: [
      { labelTh: 'ยอดเงินฝากธนาคารคงเหลือยกมา', satang: s.bankTotal.broughtForwardSatang },
      { labelTh: 'บวก เงินนำฝากธนาคาร/รับโอน', satang: s.bankTotal.receivedSatang },
      { labelTh: 'หัก รายจ่าย', satang: s.bankTotal.paidSatang },
      { labelTh: 'รวมเงินฝากธนาคารคงเหลือยกไป', satang: s.bankTotal.carriedForwardSatang },
    ],
  };
}

function Block({ titleTh, lines, testId }: { titleTh: string; lines: Line[]; testId: string }) {
  return (
    <>
      <p class="report-block-title">{titleTh}</p>
      <table class="paper-table" data-testid={testId}>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i} class={i === lines.length - 1 ? 'grand-total' : undefined}>
              <th scope="row">{l.labelTh}</th>
              <td class="num" data-satang={String(l.satang)}>
                {formatBaht(l.satang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function DailyStatusReport({ db, setup, orgName, refreshKey }: ReportProps) {
  const date = useBeDate();
  const read = useLiveQuery(() => (date.iso === undefined ? Promise.resolve(undefined) : readDailyStatus(db, setup, date.iso)), [db, setup, date.iso, refreshKey]);
  const ready = read.status === 'ready' ? read.value : undefined;
  const lines = ready ? dailyStatusLines(ready.status) : undefined;
  const title = 'รายงานสถานะการเงินประจำวัน';
  const exportTable = (): ExportTable<Line & { blockTh: string }> | undefined =>
    lines && date.iso
      ? {
          title: `${title} ${formatBeDate(date.iso)}`,
          subtitles: [orgName],
          columns: [
            { headerTh: 'หมวด', kind: 'text', value: (r) => r.blockTh },
            { headerTh: 'รายการ', kind: 'text', value: (r) => r.labelTh },
            { headerTh: 'จำนวนเงิน (บาท)', kind: 'satang', value: (r) => r.satang },
          ],
          rows: [
            ...lines.cash.map((l) => ({ ...l, blockTh: 'เงินสด' })),
            ...lines.bankTotal.map((l) => ({ ...l, blockTh: 'เงินฝากธนาคาร' })),
            ...lines.banks.flatMap((b) => b.lines.map((l) => ({ ...l, blockTh: b.titleTh }))),
          ],
        }
      : undefined;
  return (
    <ReportFrame
      name="dailyStatus"
      titleTh={title}
      orgName={orgName}
      periodTh={date.iso ? `ประจำวันที่ ${formatBeDate(date.iso)}` : ''}
      pendingCount={ready?.pending}
      controls={<BeDateField id="report-daily-date" label="วันที่ (พ.ศ.)" date={date} />}
      exportTable={exportTable}
      read={read}
      signersTh={['ผู้เก็บรักษาเงิน', 'หัวหน้าหน่วยงานคลัง']}
    >
      {lines && (
        <>
          <Block titleTh="เงินสด" lines={lines.cash} testId="daily-cash" />
          <Block titleTh="เงินฝากธนาคาร" lines={lines.bankTotal} testId="daily-bank" />
          {lines.banks.length > 0 && <p class="report-block-title">รายละเอียดยอดเงินฝากธนาคาร</p>}
          {lines.banks.map((b, i) => (
            <Block key={i} titleTh={b.titleTh} lines={b.lines} testId="daily-bank-account" />
          ))}
        </>
      )}
    </ReportFrame>
  );
}
