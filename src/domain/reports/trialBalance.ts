/**
 * งบทดลอง (trial balance) as of a date: one row per account with a non-zero balance, the balance in
 * the debit or the credit column as it falls (an overdrawn bank shows on the credit side), so
 * Σdebit = Σcredit whenever the books balance, which every entry does.
 *
 * Order: assets → expenses → liabilities → revenue → equity, then by code. DOMAIN.md §3.3 gives the
 * legacy order "assets → expenses → revenue → equity" without liabilities (the legacy report folds
 * เงินรับฝาก into its own block); liabilities go after expenses so that the debit-side types come
 * first and the credit-side types after.
 */
import type { AccountType } from '../chart/account';
import type { Chart } from '../chart/chart';
import { sumSatang, type Satang } from '../money';
import type { IsoDate } from '../thaiDate';
import { compareText, netDebitSatang, type AccountTotals } from './accountTotals';
import { reportAccountsOf } from './reportAccounts';

export interface TrialBalanceRow {
  account: string;
  nameTh: string;
  /** undefined: the code is not in the chart (listed last). */
  type: AccountType | undefined;
  debitSatang: Satang;
  creditSatang: Satang;
}

export interface TrialBalance {
  asOf: IsoDate;
  rows: TrialBalanceRow[];
  debitSatang: Satang;
  creditSatang: Satang;
}

/** Where each type comes in the report. */
export const trialBalanceTypeOrder: readonly AccountType[] = ['asset', 'expense', 'liability', 'revenue', 'equity'];

/**
 * งบทดลอง from the totals of every entry up to `asOf`: of the fiscal year from 1 October, so the
 * opening-balances journal is in and last year's revenue and expense are not.
 * @example trialBalance(foldDailyTotals(rows, { from: '2023-10-01', to: '2024-01-31' }), chart, '2024-01-31')
 */
export function trialBalance(totals: AccountTotals, chart: Chart, asOf: IsoDate): TrialBalance {
  const accounts = reportAccountsOf(chart);
  const rows: TrialBalanceRow[] = [];
  for (const [account, t] of totals) {
    const net = netDebitSatang(t);
    if (net === 0) continue;
    const found = accounts.at(account, asOf);
    rows.push({
      account,
      nameTh: accounts.nameAt(account, asOf),
      type: found?.type,
      debitSatang: net > 0 ? net : 0,
      creditSatang: net < 0 ? 0 - net : 0,
    });
  }
  rows.sort((a, b) => typeRank(a.type) - typeRank(b.type) || compareText(a.account, b.account));
  const debitSatang = sumSatang(rows.map((r) => r.debitSatang));
  const creditSatang = sumSatang(rows.map((r) => r.creditSatang));
  // Totals folded from balanced entries always balance; if not, the cache is corrupt: rebuild it.
  if (debitSatang !== creditSatang) {
    throw new Error(`trial balance out of balance by ${debitSatang - creditSatang} satang: rebuild the account totals`);
  }
  return { asOf, rows, debitSatang, creditSatang };
}

function typeRank(type: AccountType | undefined): number {
  return type === undefined ? trialBalanceTypeOrder.length : trialBalanceTypeOrder.indexOf(type);
}
