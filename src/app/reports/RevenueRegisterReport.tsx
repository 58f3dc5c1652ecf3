/**
 * ทะเบียนเงินรายรับ of a month: per revenue item, ประมาณการ (the year's ประมาณการรายรับ entries),
 * รับเดือนนี้, รับสะสม (1 October to the month's end) and สูง(ต่ำ)กว่าประมาณการ, and the totals.
 */
import { revenueRegister, type DateRange, type RevenueRegister, type RevenueRegisterRow } from '../../domain/reports';
import type { BooksSetup, SamutDb } from '../../store';
import type { ExportColumn, ExportTable } from '../export/exportTable';
import { useLiveQuery } from '../useLiveQuery';
import { AccountAmountsTable } from './AccountAmountsTable';
import type { ReportProps } from './DailyStatusReport';
import { readMonthFigures } from './monthFigures';
import { BeMonthField, useBeMonth } from './PeriodFields';
import { ReportFrame } from './ReportFrame';
import { beMonthTag, monthPeriodTh } from './reportPeriods';

async function readRegister(db: SamutDb, setup: BooksSetup, fiscalYear: number, month: DateRange): Promise<{ register: RevenueRegister; pending: number }> {
  const f = await readMonthFigures(db, fiscalYear, month);
  return { register: revenueRegister({ chart: setup.chart, fiscalYear, estimates: f.estimates, monthTotals: f.monthTotals, yearToDateTotals: f.yearToDateTotals }), pending: f.pending };
}

const amountKeys = ['estimateSatang', 'thisMonthSatang', 'toDateSatang', 'differenceSatang'] as const;
const amountHeaders = ['ประมาณการ', 'รับเดือนนี้', 'รับสะสม', 'สูง(ต่ำ)กว่าประมาณการ'] as const;

export const revenueRegisterColumns: readonly ExportColumn<RevenueRegisterRow>[] = [
  { headerTh: 'รหัสบัญชี', kind: 'text', value: (r) => r.account },
  { headerTh: 'รายการ', kind: 'text', value: (r) => r.nameTh },
  ...amountKeys.map((k, i): ExportColumn<RevenueRegisterRow> => ({ headerTh: amountHeaders[i]!, kind: 'satang', value: (r) => r[k] })),
];

export function RevenueRegisterReport({ db, setup, orgName, refreshKey }: ReportProps) {
  const month = useBeMonth();
  const p = month.parsed.ok ? month.parsed : undefined;
  const read = useLiveQuery(() => (p === undefined ? Promise.resolve(undefined) : readRegister(db, setup, p.fiscalYear, p.range)), [db, setup, p?.range.from, refreshKey]);
  const ready = read.status === 'ready' ? read.value : undefined;
  const title = 'ทะเบียนเงินรายรับ';
  const periodTh = monthPeriodTh(p);
  const r = ready?.register;
  const exportTable = (): ExportTable<RevenueRegisterRow> | undefined =>
    r ? { title: `${title} ${p ? beMonthTag(p) : ''}`, subtitles: [orgName, periodTh], columns: revenueRegisterColumns, rows: [...r.rows, { account: '', nameTh: 'รวม', categoryAccount: undefined, ...r.total }] } : undefined;
  return (
    <ReportFrame
      name="revenueRegister"
      titleTh={title}
      orgName={orgName}
      periodTh={periodTh}
      pendingCount={ready?.pending}
      controls={<BeMonthField id="report-revenueRegister-month" month={month} />}
      exportTable={exportTable}
      read={read}
    >
      {r && r.rows.length === 0 && <p class="muted">ยังไม่มีประมาณการหรือรายรับในปีงบประมาณนี้</p>}
      {r && r.rows.length > 0 && (
        <AccountAmountsTable name="revenueRegister" nameHeaderTh="รายการ" amountHeadersTh={amountHeaders} keys={amountKeys} rows={r.rows} total={r.total} />
      )}
    </ReportFrame>
  );
}
