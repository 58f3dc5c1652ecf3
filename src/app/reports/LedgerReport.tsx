/**
 * บัญชีแยกประเภท of one account over a range: ยอดยกมา (from 1 October of the range's fiscal year, so
 * the opening balances are in and last year's revenue and expense are not), one row per line posted,
 * the running balance on the account's normal side, and ยอดยกไป.
 */
import { useState } from 'preact/hooks';
import { postableAccounts } from '../../domain/chart/chart';
import { formatBaht } from '../../domain/money';
import { ledger, type DateRange, type Ledger, type LedgerRow } from '../../domain/reports';
import { fiscalYearOf, fiscalYearRange, formatBeDate } from '../../domain/thaiDate';
import { accountTotalsInRange, cancellationsFor, entriesInRange, pendingCountInRange, type BooksSetup, type SamutDb } from '../../store';
import type { ExportColumn, ExportTable } from '../export/exportTable';
import { describedBy, Field } from '../Field';
import { useLiveQuery } from '../useLiveQuery';
import type { ReportProps } from './DailyStatusReport';
import { BeRangeFields, useBeRange } from './PeriodFields';
import { ReportFrame } from './ReportFrame';
import { MoneyCell, RowMark, rowMarkClass, rowMarkTh, TotalsFoot } from './reportCells';
import { dayBefore } from './reportList';
import { rangePeriodTh } from './reportPeriods';

async function readLedger(db: SamutDb, setup: BooksSetup, account: string, range: DateRange): Promise<{ ledger: Ledger; pending: number }> {
  const fyFirst = fiscalYearRange(fiscalYearOf(range.from)).first;
  const [before, entries, pending] = await Promise.all([
    accountTotalsInRange(db, fyFirst, dayBefore(range.from)),
    entriesInRange(db, range.from, range.to),
    pendingCountInRange(db, range.from, range.to),
  ]);
  const cancellations = await cancellationsFor(db, entries);
  return { ledger: ledger(account, setup.chart, range, before.get(account), entries, cancellations), pending };
}

/** The balance with its side: "1,000.00" on the normal side, "(1,000.00)" on the other. */
export function balanceText(satang: number): string {
  return satang < 0 ? `(${formatBaht(-satang)})` : formatBaht(satang);
}

/** Ledger rows with ยกมา first and ยกไป last, for the export. */
export function ledgerExportRows(l: Ledger): LedgerRow[] {
  const edge = (description: string, balanceSatang: number, date: string): LedgerRow => ({
    entryId: '',
    kind: 'journal',
    date,
    documentNo: '',
    description,
    debitSatang: 0,
    creditSatang: 0,
    balanceSatang,
    cancelled: false,
    reversal: false,
  });
  return [
    edge('ยอดยกมา', l.broughtForwardSatang, l.range.from),
    ...l.rows,
    { ...edge('รวม / ยอดยกไป', l.carriedForwardSatang, l.range.to), debitSatang: l.debitSatang, creditSatang: l.creditSatang },
  ];
}

export const ledgerColumns: readonly ExportColumn<LedgerRow>[] = [
  { headerTh: 'วันที่', kind: 'date', value: (r) => r.date },
  { headerTh: 'เลขที่เอกสาร', kind: 'text', value: (r) => r.documentNo },
  { headerTh: 'รายการ', kind: 'text', value: (r) => [r.description, rowMarkTh(r)].filter(Boolean).join(' ') },
  { headerTh: 'เดบิต', kind: 'satang', value: (r) => r.debitSatang || undefined },
  { headerTh: 'เครดิต', kind: 'satang', value: (r) => r.creditSatang || undefined },
  { headerTh: 'คงเหลือ', kind: 'satang', value: (r) => r.balanceSatang },
];

export function LedgerReport({ db, setup, orgName, refreshKey }: ReportProps) {
  const period = useBeRange();
  const range = period.range;
  const fy = fiscalYearOf(range?.to ?? period.to.iso ?? period.from.iso ?? '2024-01-01');
  const accounts = postableAccounts(setup.chart, fy);
  const [account, setAccount] = useState('');
  const chosen = account !== '' ? account : undefined;
  const read = useLiveQuery(
    () => (range === undefined || chosen === undefined ? Promise.resolve(undefined) : readLedger(db, setup, chosen, range)),
    [db, setup, chosen, range?.from, range?.to, refreshKey],
  );
  const ready = read.status === 'ready' ? read.value : undefined;
  const title = 'บัญชีแยกประเภท';
  const l = ready?.ledger;
  const periodTh = range ? `${l ? `${l.account} ${l.nameTh} · ` : ''}${rangePeriodTh(range)}` : '';
  const exportTable = (): ExportTable<LedgerRow> | undefined => (l ? { title: `${title} ${l.account} ${periodTh}`, subtitles: [orgName, `${l.account} ${l.nameTh}`], columns: ledgerColumns, rows: ledgerExportRows(l) } : undefined);
  const accountError = chosen === undefined ? 'กรุณาเลือกบัญชี' : undefined;
  return (
    <ReportFrame
      name="ledger"
      titleTh={title}
      orgName={orgName}
      periodTh={periodTh}
      pendingCount={ready?.pending}
      controls={
        <span class="report-period">
          <Field id="report-ledger-account" label="บัญชี" error={accountError} errorTestId="report-ledger-account-error">
            <select id="report-ledger-account" data-testid="report-ledger-account" value={account} onChange={(e) => setAccount(e.currentTarget.value)} {...describedBy('report-ledger-account', accountError)}>
              <option value="">— เลือกบัญชี —</option>
              {accounts.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.code} {a.nameTh}
                </option>
              ))}
            </select>
          </Field>
          <BeRangeFields idPrefix="report-ledger" range={period} />
        </span>
      }
      exportTable={exportTable}
      read={read}
    >
      {l && (
        <div class="report-table-wrap">
          <p class="report-block-title" data-testid="ledger-account">
            {l.account} {l.nameTh} (ด้าน{l.normalSide === 'debit' ? 'เดบิต' : 'เครดิต'})
          </p>
          <table class="paper-table" data-testid="ledger-table">
            <thead>
              <tr>
                <th scope="col">วันที่</th>
                <th scope="col">เลขที่</th>
                <th scope="col">รายการ</th>
                <th scope="col" class="num">
                  เดบิต
                </th>
                <th scope="col" class="num">
                  เครดิต
                </th>
                <th scope="col" class="num">
                  คงเหลือ
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td class="nowrap">{formatBeDate(l.range.from)}</td>
                <td />
                <td>ยอดยกมา</td>
                <td />
                <td />
                <MoneyCell satang={l.broughtForwardSatang} testId="ledger-brought-forward" text={balanceText(l.broughtForwardSatang)} />
              </tr>
              {l.rows.map((r, i) => (
                <tr key={`${r.entryId}-${i}`} class={rowMarkClass(r)} data-testid="ledger-row" data-entry={r.entryId}>
                  <td class="nowrap">{formatBeDate(r.date)}</td>
                  <td class="nowrap">{r.documentNo}</td>
                  <td>
                    {r.description}
                    <RowMark row={r} />
                  </td>
                  <MoneyCell satang={r.debitSatang} marked={false} blankZero />
                  <MoneyCell satang={r.creditSatang} marked={false} blankZero />
                  <MoneyCell satang={r.balanceSatang} text={balanceText(r.balanceSatang)} />
                </tr>
              ))}
            </tbody>
            <TotalsFoot labelSpan={3} label="รวม / ยอดยกไป">
              <MoneyCell satang={l.debitSatang} testId="ledger-debit" marked={false} />
              <MoneyCell satang={l.creditSatang} testId="ledger-credit" marked={false} />
              <MoneyCell satang={l.carriedForwardSatang} testId="ledger-carried-forward" text={balanceText(l.carriedForwardSatang)} />
            </TotalsFoot>
          </table>
        </div>
      )}
    </ReportFrame>
  );
}
