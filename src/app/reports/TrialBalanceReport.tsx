/**
 * งบทดลอง as of a date: every account with a balance in the fiscal year so far (from 1 October, so the
 * opening balances are in and last year's revenue and expense are not), debit or credit, and the totals.
 */
import { accountTypeNamesTh } from '../../domain/chart/account';
import { trialBalance, type TrialBalance, type TrialBalanceRow } from '../../domain/reports';
import { fiscalYearOf, fiscalYearRange, formatBeDate, type IsoDate } from '../../domain/thaiDate';
import { accountTotalsInRange, pendingCountInRange, type BooksSetup, type SamutDb } from '../../store';
import type { ExportTable } from '../export/exportTable';
import { useLiveQuery } from '../useLiveQuery';
import { BeDateField, useBeDate } from './BeDateField';
import type { ReportProps } from './DailyStatusReport';
import { ReportFrame } from './ReportFrame';
import { MoneyCell, TotalsFoot } from './reportCells';

async function readTrialBalance(db: SamutDb, setup: BooksSetup, asOf: IsoDate): Promise<{ tb: TrialBalance; pending: number }> {
  const first = fiscalYearRange(fiscalYearOf(asOf)).first;
  const [totals, pending] = await Promise.all([accountTotalsInRange(db, first, asOf), pendingCountInRange(db, first, asOf)]);
  return { tb: trialBalance(totals, setup.chart, asOf), pending };
}

export function TrialBalanceReport({ db, setup, orgName, refreshKey }: ReportProps) {
  const date = useBeDate();
  const read = useLiveQuery(() => (date.iso === undefined ? Promise.resolve(undefined) : readTrialBalance(db, setup, date.iso)), [db, setup, date.iso, refreshKey]);
  const ready = read.status === 'ready' ? read.value : undefined;
  const title = 'งบทดลอง';
  const exportTable = (): ExportTable<TrialBalanceRow> | undefined =>
    ready
      ? {
          title: `${title} ณ วันที่ ${formatBeDate(ready.tb.asOf)}`,
          subtitles: [orgName],
          columns: [
            { headerTh: 'รหัสบัญชี', kind: 'text', value: (r) => r.account },
            { headerTh: 'ชื่อบัญชี', kind: 'text', value: (r) => r.nameTh },
            { headerTh: 'เดบิต', kind: 'satang', value: (r) => r.debitSatang },
            { headerTh: 'เครดิต', kind: 'satang', value: (r) => r.creditSatang },
          ],
          rows: [...ready.tb.rows, { account: '', nameTh: 'รวม', type: undefined, debitSatang: ready.tb.debitSatang, creditSatang: ready.tb.creditSatang }],
        }
      : undefined;
  return (
    <ReportFrame
      name="trialBalance"
      titleTh={title}
      orgName={orgName}
      periodTh={date.iso ? `ณ วันที่ ${formatBeDate(date.iso)} (ปีงบประมาณ ${fiscalYearOf(date.iso)})` : ''}
      pendingCount={ready?.pending}
      controls={<BeDateField id="report-tb-date" label="ณ วันที่ (พ.ศ.)" date={date} />}
      exportTable={exportTable}
      read={read}
    >
      {ready && ready.tb.rows.length === 0 && <p class="muted">ไม่มียอดคงเหลือในปีงบประมาณนี้</p>}
      {ready && ready.tb.rows.length > 0 && (
        <table class="paper-table" data-testid="trial-balance-table">
          <thead>
            <tr>
              <th scope="col">รหัสบัญชี</th>
              <th scope="col">ชื่อบัญชี</th>
              <th scope="col">ประเภท</th>
              <th scope="col" class="num">เดบิต</th>
              <th scope="col" class="num">เครดิต</th>
            </tr>
          </thead>
          <tbody>
            {ready.tb.rows.map((r) => (
              <tr key={r.account} data-testid="trial-balance-row" data-account={r.account}>
                <td>{r.account}</td>
                <td>{r.nameTh}</td>
                <td>{r.type ? accountTypeNamesTh[r.type] : ''}</td>
                <MoneyCell satang={r.debitSatang} marked={false} blankZero />
                <MoneyCell satang={r.creditSatang} marked={false} blankZero />
              </tr>
            ))}
          </tbody>
          <TotalsFoot labelSpan={3} label="รวม">
            <MoneyCell satang={ready.tb.debitSatang} testId="trial-balance-debit" />
            <MoneyCell satang={ready.tb.creditSatang} testId="trial-balance-credit" />
          </TotalsFoot>
        </table>
      )}
    </ReportFrame>
  );
}
