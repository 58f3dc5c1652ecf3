/**
 * ทะเบียนเงินรับฝาก over a range: per เงินรับฝาก sub-account (ภาษีหัก ณ ที่จ่าย, เงินประกันสัญญา …)
 * ยกมา (from 1 October of the range's fiscal year), รับ, จ่าย, คงเหลือ, and the totals.
 */
import { formatBaht } from '../../domain/money';
import { depositRegister, type DateRange, type DepositRegister, type DepositRegisterRow } from '../../domain/reports';
import { fiscalYearOf, fiscalYearRange, formatBeDate } from '../../domain/thaiDate';
import { accountTotalsInRange, entriesInRange, pendingCountInRange, type BooksSetup, type SamutDb } from '../../store';
import type { ExportColumn, ExportTable } from '../export/exportTable';
import { useLiveQuery } from '../useLiveQuery';
import type { ReportProps } from './DailyStatusReport';
import { BeRangeFields, useBeRange } from './PeriodFields';
import { ReportFrame } from './ReportFrame';
import { dayBefore } from './reportList';

async function readRegister(db: SamutDb, setup: BooksSetup, range: DateRange): Promise<{ register: DepositRegister; pending: number }> {
  const fyFirst = fiscalYearRange(fiscalYearOf(range.from)).first;
  const [before, entries, pending] = await Promise.all([
    accountTotalsInRange(db, fyFirst, dayBefore(range.from)),
    entriesInRange(db, range.from, range.to),
    pendingCountInRange(db, range.from, range.to),
  ]);
  return { register: depositRegister(setup.chart, range, before, entries), pending };
}

export const depositRegisterColumns: readonly ExportColumn<DepositRegisterRow>[] = [
  { headerTh: 'รหัสบัญชี', kind: 'text', value: (r) => r.account },
  { headerTh: 'ชื่อบัญชี', kind: 'text', value: (r) => r.nameTh },
  { headerTh: 'ยอดยกมา', kind: 'satang', value: (r) => r.broughtForwardSatang },
  { headerTh: 'รับ', kind: 'satang', value: (r) => r.receivedSatang },
  { headerTh: 'จ่าย', kind: 'satang', value: (r) => r.paidSatang },
  { headerTh: 'คงเหลือ', kind: 'satang', value: (r) => r.balanceSatang },
];

const amountKeys = ['broughtForwardSatang', 'receivedSatang', 'paidSatang', 'balanceSatang'] as const;

export function DepositRegisterReport({ db, setup, orgName, refreshKey }: ReportProps) {
  const period = useBeRange();
  const range = period.range;
  const read = useLiveQuery(() => (range === undefined ? Promise.resolve(undefined) : readRegister(db, setup, range)), [db, setup, range?.from, range?.to, refreshKey]);
  const ready = read.status === 'ready' ? read.value : undefined;
  const title = 'ทะเบียนเงินรับฝาก';
  const periodTh = range ? `ตั้งแต่วันที่ ${formatBeDate(range.from)} ถึงวันที่ ${formatBeDate(range.to)}` : '';
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
      signersTh={['ผู้จัดทำ', 'หัวหน้าหน่วยงานคลัง']}
    >
      {read.status === 'failed' && <p class="notice notice--error">{read.messageTh}</p>}
      {r && r.rows.length === 0 && <p class="muted">ไม่มีเงินรับฝากคงเหลือหรือเคลื่อนไหวในช่วงวันที่นี้</p>}
      {r && r.rows.length > 0 && (
        <table class="paper-table" data-testid="depositRegister-table">
          <thead>
            <tr>
              <th scope="col">รหัสบัญชี</th>
              <th scope="col">ชื่อบัญชี</th>
              <th scope="col" class="num">
                ยอดยกมา
              </th>
              <th scope="col" class="num">
                รับ
              </th>
              <th scope="col" class="num">
                จ่าย
              </th>
              <th scope="col" class="num">
                คงเหลือ
              </th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.account} data-testid="depositRegister-row" data-account={row.account}>
                <td>{row.account}</td>
                <td>{row.nameTh}</td>
                {amountKeys.map((k) => (
                  <td key={k} class="num" data-satang={String(row[k])}>
                    {formatBaht(row[k])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                รวม
              </th>
              {amountKeys.map((k) => (
                <td key={k} class="num" data-testid={`depositRegister-total-${k}`} data-satang={String(r.total[k])}>
                  {formatBaht(r.total[k])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      )}
    </ReportFrame>
  );
}
