/**
 * รายงาน: the list of reports and the one chosen. Each report reads through the store, computes
 * through src/domain/reports, and offers print (A4) and CSV/Excel export. Reports whose screen is not
 * built yet are listed, disabled.
 */
import { useState } from 'preact/hooks';
import type { BooksSetup, SamutDb } from '../../store';
import { CashBookReport } from './CashBookReport';
import { DailyStatusReport } from './DailyStatusReport';
import { DepositRegisterReport } from './DepositRegisterReport';
import { GeneralJournalReport } from './GeneralJournalReport';
import { LedgerReport } from './LedgerReport';
import { MonthlyReportScreen } from './MonthlyReportScreen';
import { ReceiptRegisterReport } from './ReceiptRegisterReport';
import { reportList, type ReportId } from './reportList';
import { RevenueRegisterReport } from './RevenueRegisterReport';
import { TrialBalanceReport } from './TrialBalanceReport';

export interface ReportsProps {
  db: SamutDb;
  setup: BooksSetup;
  orgName: string;
  refreshKey: number;
}

export function Reports(props: ReportsProps) {
  const [chosen, setChosen] = useState<ReportId>('dailyStatus');
  return (
    <div class="stack">
      <nav class="no-print" aria-label="รายงาน">
        <ul class="report-list">
          {reportList.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                class={r.id === chosen ? 'button-primary button-small' : 'button-quiet button-small'}
                data-testid={`reports-${r.id}`}
                aria-current={r.id === chosen ? 'page' : undefined}
                disabled={!r.ready}
                title={r.ready ? undefined : 'กำลังจัดทำ'}
                onClick={() => setChosen(r.id)}
              >
                {r.titleTh}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {chosen === 'dailyStatus' && <DailyStatusReport {...props} />}
      {chosen === 'trialBalance' && <TrialBalanceReport {...props} />}
      {chosen === 'cashReceipts' && <CashBookReport key="receipts" {...props} side="receipts" />}
      {chosen === 'cashPayments' && <CashBookReport key="payments" {...props} side="payments" />}
      {chosen === 'generalJournal' && <GeneralJournalReport {...props} />}
      {chosen === 'ledger' && <LedgerReport {...props} />}
      {chosen === 'receiptRegister' && <ReceiptRegisterReport {...props} />}
      {chosen === 'depositRegister' && <DepositRegisterReport {...props} />}
      {chosen === 'revenueRegister' && <RevenueRegisterReport {...props} />}
      {chosen === 'monthlyReport' && <MonthlyReportScreen {...props} />}
    </div>
  );
}
