/**
 * ทะเบียนเงินรับฝาก over a range: per เงินรับฝาก sub-account (ภาษีหัก ณ ที่จ่าย, เงินประกันสัญญา …)
 * ยกมา (from 1 October of the range's fiscal year), รับ, จ่าย, คงเหลือ, and the totals.
 */
import { depositRegister, type DateRange, type DepositRegister, type DepositRegisterRow } from '../../domain/reports';
import { fiscalYearOf, fiscalYearRange } from '../../domain/thaiDate';
import { accountTotalsInRange, entriesInRange, pendingCountInRange, type BooksSetup, type SamutDb } from '../../store';
import type { ExportColumn, ExportTable } from '../export/exportTable';
import { useLiveQuery } from '../useLiveQuery';
import { AccountAmountsTable } from './AccountAmountsTable';
import type { ReportProps } from './DailyStatusReport';
import { BeRangeFields, useBeRange } from './PeriodFields';
import { ReportFrame } from './ReportFrame';
import { dayBefore } from './reportList';
import { rangePeriodTh } from './reportPeriods';

async function readRegister(db: SamutDb, setup: BooksSetup, range: DateRange): Promise<{ register: DepositRegister; pending: number }> {
  const fyFirst = fiscalYearRange(fiscalYearOf(range.from)).first;
  const [before, entries, pending] = await Promise.all([
    accountTotalsInRange(db, fyFirst, dayBefore(range.from)),
    entriesInRange(db, range.from, range.to),
    pendingCountInRange(db, range.from, range.to),
  ]);
  return { register: depositRegister(setup.chart, range, before, entries), pending };
}

const amountKeys = ['broughtForwardSatang', 'receivedSatang', 'paidSatang', 'balanceSatang'] as const;
const amountHeaders = ['ยอดยกมา', 'รับ', 'จ่าย', 'คงเหลือ'] as const;

export const depositRegisterColumns: readonly ExportColumn<DepositRegisterRow>[] = [
  { headerTh: 'รหัสบัญชี', kind: 'text', value: (r) => r.account },
  { headerTh: 'ชื่อบัญชี', kind: 'text', value: (r) => r.nameTh },
  ...amountKeys.map((k, i): ExportColumn<DepositRegisterRow> => ({ headerTh: amountHeaders[i]!, kind: 'satang', value: (r) => r[k] })),
];

export function DepositRegisterReport({ db, setup, orgName, refreshKey }: ReportProps) {
  const period = useBeRange();
  const range = period.range;
  const read = useLiveQuery(() => (range === undefined ? Promise.resolve(undefined) : readRegister(db, setup, range)), [db, setup, range?.from, range?.to, refreshKey]);
  const ready = read.status === 'ready' ? read.value : undefined;
  const title = 'ทะเบียนเงินรับฝาก';
  const periodTh = rangePeriodTh(range);
  const r = ready?.register;
  const exportTable = (): ExportTable<DepositRegisterRow> | undefined =>
    r ? { title: `${title} ${periodTh}`, subtitles: [orgName], columns: depositRegisterColumns, rows: [...r.rows, { account: '', nameTh: 'รวม', ...r.total }] } : undefined;
  return (
    <ReportFrame
      name="depositRegister"
      titleTh={title}
      orgName={orgName}
      periodTh={periodTh}
      pendingCount={ready?.pending}
      controls={<BeRangeFields idPrefix="report-depositRegister" range={period} />}
      exportTable={exportTable}
      read={read}
    >
      {r && r.rows.length === 0 && <p class="muted">ไม่มีเงินรับฝากคงเหลือหรือเคลื่อนไหวในช่วงวันที่นี้</p>}
      {r && r.rows.length > 0 && (
        <AccountAmountsTable name="depositRegister" nameHeaderTh="ชื่อบัญชี" amountHeadersTh={amountHeaders} keys={amountKeys} rows={r.rows} total={r.total} />
      )}
    </ReportFrame>
  );
}
