/**
 * รายงานรับ-จ่ายเงิน of a month (DOMAIN.md §3.3): รายรับ per หมวด with subtotals, รายรับนอกงบประมาณ,
 * รวมรายรับ; รายจ่าย per หมวด against the budget after transfers, รายจ่ายนอกงบประมาณ, รวมรายจ่าย; each
 * with ประมาณการ, เดือนนี้ and สะสม. Under it, a bar chart of money received and paid per day.
 */
import { monthlyReport, receiptsVsPaymentsByDay, type DateRange, type DayFlow, type MonthlyReport, type MonthlyReportAmounts, type MonthlyReportLine } from '../../domain/reports';
import { cancellationsFor, listBudgetLines, type BooksSetup, type SamutDb } from '../../store';
import type { ExportColumn, ExportTable } from '../export/exportTable';
import { useLiveQuery } from '../useLiveQuery';
import { BarChart } from './BarChart';
import type { ReportProps } from './DailyStatusReport';
import { readMonthFigures } from './monthFigures';
import { BeMonthField, useBeMonth } from './PeriodFields';
import { ReportFrame } from './ReportFrame';
import { AmountCells, AmountHeaders } from './reportCells';
import { beMonthTag, monthPeriodTh } from './reportPeriods';

async function readReport(db: SamutDb, setup: BooksSetup, fiscalYear: number, month: DateRange): Promise<{ report: MonthlyReport; flows: DayFlow[]; pending: number }> {
  const [f, budgetLines] = await Promise.all([readMonthFigures(db, fiscalYear, month), listBudgetLines(db, fiscalYear)]);
  const report = monthlyReport({ chart: setup.chart, fiscalYear, month, revenueEstimates: f.estimates, budgetLines, monthTotals: f.monthTotals, yearToDateTotals: f.yearToDateTotals });
  const cancellations = await cancellationsFor(db, f.monthEntries);
  return { report, flows: receiptsVsPaymentsByDay(f.monthEntries, setup.chart, month, cancellations), pending: f.pending };
}

/** One printed row: a heading, an account line, a subtotal or a total. */
export interface MonthlyPrintRow extends MonthlyReportAmounts {
  style: 'section' | 'heading' | 'line' | 'subtotal' | 'total';
  account: string;
  labelTh: string;
}

const zero: MonthlyReportAmounts = { estimateSatang: 0, thisMonthSatang: 0, toDateSatang: 0 };

/** The report in print order, as rows the table and the export both show. */
export function monthlyPrintRows(r: MonthlyReport): MonthlyPrintRow[] {
  const line = (l: MonthlyReportLine): MonthlyPrintRow => ({ style: 'line', account: l.account, labelTh: l.nameTh, estimateSatang: l.estimateSatang, thisMonthSatang: l.thisMonthSatang, toDateSatang: l.toDateSatang });
  const label = (style: 'section' | 'heading', labelTh: string, account = ''): MonthlyPrintRow => ({ style, account, labelTh, ...zero });
  const rows: MonthlyPrintRow[] = [label('section', 'รายรับ')];
  for (const s of r.revenue) {
    if (s.heading) rows.push(label('heading', s.heading.nameTh, s.heading.account));
    rows.push(...s.lines.map(line));
    if (s.heading) rows.push({ style: 'subtotal', account: '', labelTh: `รวม${s.heading.nameTh}`, ...s.subtotal });
  }
  if (r.nonBudgetReceipts.length > 0) rows.push(label('heading', 'รายรับนอกงบประมาณ'), ...r.nonBudgetReceipts.map(line));
  rows.push({ style: 'total', account: '', labelTh: 'รวมรายรับ', ...r.totalReceipts });
  rows.push(label('section', 'รายจ่าย'), ...r.expenses.map(line));
  if (r.nonBudgetPayments.length > 0) rows.push(label('heading', 'รายจ่ายนอกงบประมาณ'), ...r.nonBudgetPayments.map(line));
  rows.push({ style: 'total', account: '', labelTh: 'รวมรายจ่าย', ...r.totalPayments });
  return rows;
}

const amountKeys = ['estimateSatang', 'thisMonthSatang', 'toDateSatang'] as const;
const amountHeaders = ['ประมาณการ', 'เดือนนี้', 'สะสม'] as const;

export const monthlyColumns: readonly ExportColumn<MonthlyPrintRow>[] = [
  { headerTh: 'รหัสบัญชี', kind: 'text', value: (r) => r.account },
  { headerTh: 'รายการ', kind: 'text', value: (r) => r.labelTh },
  ...amountKeys.map((k, i): ExportColumn<MonthlyPrintRow> => ({ headerTh: amountHeaders[i]!, kind: 'satang', value: (r) => (r.style === 'section' || r.style === 'heading' ? undefined : r[k]) })),
];

export function MonthlyReportScreen({ db, setup, orgName, refreshKey }: ReportProps) {
  const month = useBeMonth();
  const p = month.parsed.ok ? month.parsed : undefined;
  const read = useLiveQuery(() => (p === undefined ? Promise.resolve(undefined) : readReport(db, setup, p.fiscalYear, p.range)), [db, setup, p?.range.from, refreshKey]);
  const ready = read.status === 'ready' ? read.value : undefined;
  const title = 'รายงานรับ-จ่ายเงิน';
  const periodTh = monthPeriodTh(p);
  const rows = ready ? monthlyPrintRows(ready.report) : undefined;
  const exportTable = (): ExportTable<MonthlyPrintRow> | undefined =>
    rows && p ? { title: `${title} ${beMonthTag(p)}`, subtitles: [orgName, periodTh], columns: monthlyColumns, rows } : undefined;
  return (
    <ReportFrame
      name="monthlyReport"
      titleTh={title}
      orgName={orgName}
      periodTh={periodTh}
      pendingCount={ready?.pending}
      controls={<BeMonthField id="report-monthlyReport-month" month={month} />}
      exportTable={exportTable}
      read={read}
      signersTh={['ผู้จัดทำ', 'หัวหน้าหน่วยงานคลัง', 'ปลัด อปท.']}
    >
      {rows && (
        <table class="paper-table" data-testid="monthlyReport-table">
          <thead>
            <tr>
              <th scope="col">รหัสบัญชี</th>
              <th scope="col">รายการ</th>
              <AmountHeaders headersTh={amountHeaders} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) =>
              r.style === 'section' || r.style === 'heading' ? (
                <tr key={i} class="report-subtotal">
                  <td>{r.account}</td>
                  <td colSpan={4}>{r.labelTh}</td>
                </tr>
              ) : (
                <tr key={i} class={r.style === 'line' ? undefined : r.style === 'total' ? 'report-subtotal grand-total' : 'report-subtotal'} data-testid={`monthlyReport-${r.style}`} data-account={r.account || undefined}>
                  <td>{r.account}</td>
                  <th scope="row" style={{ fontWeight: r.style === 'line' ? 'normal' : undefined, textAlign: 'left' }}>
                    {r.labelTh}
                  </th>
                  <AmountCells row={r} keys={amountKeys} />
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {ready && (
        <BarChart
          titleTh="เงินรับ–เงินจ่ายรายวัน"
          testId="monthlyReport-flows"
          series={[
            { labelTh: 'รับ', color: '#2e7d32' },
            { labelTh: 'จ่าย', color: '#c62828' },
          ]}
          categories={ready.flows.map((d) => ({ labelTh: String(Number(d.date.slice(8, 10))), values: [d.receivedSatang, d.paidSatang] }))}
        />
      )}
    </ReportFrame>
  );
}
