/**
 * รายงานรับ-จ่ายเงิน (monthly receipts and payments, DOMAIN.md §3.3): per code, ประมาณการ (estimate or
 * appropriation), เดือนนี้ and สะสม (fiscal year to date):
 * - รายรับ: revenue items under their หมวด (411000–441000), each หมวด subtotalled; then รายรับนอกงบประมาณ:
 *   money credited to เงินรับฝาก accounts (guarantees received, tax withheld from ฎีกา);
 * - รายจ่าย: per expense หมวด (510000–561000), ประมาณการ = the budget lines of that หมวด after transfers
 *   (อนุมัติ + โอนเพิ่ม − โอนลด); then รายจ่ายนอกงบประมาณ: money debited to เงินรับฝาก accounts (paid out);
 * - รวมรายรับ, รวมรายจ่าย.
 * Expenses are gross (a ฎีกา's withholding shows as a รายรับนอกงบประมาณ), as the legacy report does.
 * The totals handed in are movements: leave the opening-balances journal out (subtractTotals), or its
 * เงินรับฝาก balances would read as money received.
 */
import type { BudgetLineState } from '../books/booksLookup';
import type { Chart } from '../chart/chart';
import { sumSatang, type Satang } from '../money';
import { fiscalYearRange } from '../thaiDate';
import { balanceOnSide, compareText, type AccountTotals } from './accountTotals';
import { budgetColumnsOf } from './budgetRegister';
import type { DateRange } from './period';
import { reportAccountsOf } from './reportAccounts';
import { revenueRegister } from './revenueRegister';

export interface MonthlyReportLine {
  account: string;
  nameTh: string;
  /** ประมาณการ (revenue) or งบประมาณ after transfers (expense); 0 outside the budget. */
  estimateSatang: Satang;
  /** เดือนนี้ */
  thisMonthSatang: Satang;
  /** สะสม */
  toDateSatang: Satang;
}

export type MonthlyReportAmounts = Omit<MonthlyReportLine, 'account' | 'nameTh'>;

export interface MonthlyReportSection {
  /** The หมวด heading, or undefined for lines without one. */
  heading: { account: string; nameTh: string } | undefined;
  lines: MonthlyReportLine[];
  subtotal: MonthlyReportAmounts;
}

export interface MonthlyReport {
  fiscalYear: number;
  month: DateRange;
  revenue: MonthlyReportSection[];
  nonBudgetReceipts: MonthlyReportLine[];
  /** รวมรายรับ */
  totalReceipts: MonthlyReportAmounts;
  expenses: MonthlyReportLine[];
  nonBudgetPayments: MonthlyReportLine[];
  /** รวมรายจ่าย */
  totalPayments: MonthlyReportAmounts;
}

export interface MonthlyReportInput {
  chart: Chart;
  /** B.E. */
  fiscalYear: number;
  month: DateRange;
  /** Revenue estimates per item (ประมาณการรายรับ). */
  revenueEstimates: ReadonlyMap<string, Satang>;
  /** The year's budget lines with their register balances. */
  budgetLines: readonly BudgetLineState[];
  /** Movements of the month, opening-balances journal left out. */
  monthTotals: AccountTotals;
  /** Movements of 1 October through the month's end, opening-balances journal left out. */
  yearToDateTotals: AccountTotals;
}

/**
 * รายงานรับ-จ่ายเงิน of one month.
 * @example monthlyReport({ chart, fiscalYear: 2567, month: monthRange(2023, 10), revenueEstimates, budgetLines, monthTotals, yearToDateTotals })
 */
export function monthlyReport(input: MonthlyReportInput): MonthlyReport {
  const accounts = reportAccountsOf(input.chart);
  const asOf = fiscalYearRange(input.fiscalYear).first;
  const register = revenueRegister({
    chart: input.chart,
    fiscalYear: input.fiscalYear,
    estimates: input.revenueEstimates,
    monthTotals: input.monthTotals,
    yearToDateTotals: input.yearToDateTotals,
  });
  const byHeading = new Map<string, MonthlyReportLine[]>();
  for (const r of register.rows) {
    const key = r.categoryAccount ?? '';
    byHeading.set(key, [...(byHeading.get(key) ?? []), { account: r.account, nameTh: r.nameTh, estimateSatang: r.estimateSatang, thisMonthSatang: r.thisMonthSatang, toDateSatang: r.toDateSatang }]);
  }
  const revenue = [...byHeading.keys()].sort(compareText).map((key) => {
    const lines = byHeading.get(key)!;
    return { heading: key === '' ? undefined : { account: key, nameTh: accounts.nameAt(key, asOf) }, lines, subtotal: sumAmounts(lines) };
  });

  const appropriation = new Map<string, Satang>();
  for (const l of input.budgetLines) {
    const c = budgetColumnsOf(l.balance);
    appropriation.set(l.def.categoryAccount, (appropriation.get(l.def.categoryAccount) ?? 0) + c.approvedSatang + c.transferInSatang - c.transferOutSatang);
  }
  const expenseCodes = new Set(appropriation.keys());
  const depositCodes = new Set<string>();
  for (const totals of [input.monthTotals, input.yearToDateTotals]) {
    for (const code of totals.keys()) {
      const a = accounts.at(code, asOf);
      if (a?.type === 'expense') expenseCodes.add(code);
      if (a?.role === 'deposit') depositCodes.add(code);
    }
  }
  const expenses = [...expenseCodes]
    .sort(compareText)
    .map((account) => ({
      account,
      nameTh: accounts.nameAt(account, asOf),
      estimateSatang: appropriation.get(account) ?? 0,
      thisMonthSatang: balanceOnSide(input.monthTotals.get(account), 'debit'),
      toDateSatang: balanceOnSide(input.yearToDateTotals.get(account), 'debit'),
    }))
    .filter(isNotEmpty);
  const deposits = [...depositCodes].sort(compareText);
  const nonBudget = (side: 'creditSatang' | 'debitSatang') =>
    deposits
      .map((account) => ({
        account,
        nameTh: accounts.nameAt(account, asOf),
        estimateSatang: 0,
        thisMonthSatang: input.monthTotals.get(account)?.[side] ?? 0,
        toDateSatang: input.yearToDateTotals.get(account)?.[side] ?? 0,
      }))
      .filter(isNotEmpty);
  const nonBudgetReceipts = nonBudget('creditSatang');
  const nonBudgetPayments = nonBudget('debitSatang');
  return {
    fiscalYear: input.fiscalYear,
    month: input.month,
    revenue,
    nonBudgetReceipts,
    totalReceipts: sumAmounts([...revenue.map((s) => s.subtotal), ...nonBudgetReceipts]),
    expenses,
    nonBudgetPayments,
    totalPayments: sumAmounts([...expenses, ...nonBudgetPayments]),
  };
}

function isNotEmpty(l: MonthlyReportAmounts): boolean {
  return l.estimateSatang !== 0 || l.thisMonthSatang !== 0 || l.toDateSatang !== 0;
}

function sumAmounts(rows: readonly MonthlyReportAmounts[]): MonthlyReportAmounts {
  return {
    estimateSatang: sumSatang(rows.map((r) => r.estimateSatang)),
    thisMonthSatang: sumSatang(rows.map((r) => r.thisMonthSatang)),
    toDateSatang: sumSatang(rows.map((r) => r.toDateSatang)),
  };
}
