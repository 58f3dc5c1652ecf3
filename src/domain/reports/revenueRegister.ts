/**
 * ทะเบียนเงินรายรับ (revenue register): per revenue item, ประมาณการ (the estimate: from the year's
 * ประมาณการรายรับ entries, handed in as a map), รับเดือนนี้, รับสะสมถึงปัจจุบัน (fiscal year to date) and
 * the difference (positive: above the estimate). Received is credit less debit, so a cancelled receipt
 * nets out and a refund lowers it.
 */
import type { Chart } from '../chart/chart';
import { sumSatang, type Satang } from '../money';
import { fiscalYearRange } from '../thaiDate';
import { balanceOnSide, compareText, type AccountTotals } from './accountTotals';
import { reportAccountsOf } from './reportAccounts';

export interface RevenueRegisterRow {
  account: string;
  nameTh: string;
  /** หมวด the item sits under (its parent heading), if any. */
  categoryAccount: string | undefined;
  /** ประมาณการ */
  estimateSatang: Satang;
  /** รับเดือนนี้ */
  thisMonthSatang: Satang;
  /** รับสะสม (1 October to the month's end) */
  toDateSatang: Satang;
  /** สูง(ต่ำ)กว่าประมาณการ = toDate − estimate */
  differenceSatang: Satang;
}

export interface RevenueRegister {
  fiscalYear: number;
  /** Items with an estimate or something received, in code order. */
  rows: RevenueRegisterRow[];
  total: Omit<RevenueRegisterRow, 'account' | 'nameTh' | 'categoryAccount'>;
}

export interface RevenueFigures {
  chart: Chart;
  /** B.E. */
  fiscalYear: number;
  /** Estimate per revenue item (ประมาณการรายรับ, งบเพิ่มเติม included from its effective date). */
  estimates: ReadonlyMap<string, Satang>;
  /** Totals of the month's entries. */
  monthTotals: AccountTotals;
  /** Totals of the fiscal year's entries through the month's end. */
  yearToDateTotals: AccountTotals;
}

/**
 * ทะเบียนเงินรายรับ of a month.
 * @example revenueRegister({ chart, fiscalYear: 2567, estimates, monthTotals, yearToDateTotals }).rows[0]
 *   // { account: '411002', estimateSatang: 1_000_000, thisMonthSatang: 120_000, toDateSatang: 120_000, differenceSatang: -880_000, … }
 */
export function revenueRegister(f: RevenueFigures): RevenueRegister {
  const accounts = reportAccountsOf(f.chart);
  const asOf = fiscalYearRange(f.fiscalYear).first;
  const codes = new Set<string>(f.estimates.keys());
  for (const totals of [f.monthTotals, f.yearToDateTotals]) {
    for (const code of totals.keys()) if (accounts.at(code, asOf)?.type === 'revenue') codes.add(code);
  }
  const rows = [...codes]
    .sort(compareText)
    .map((account) => {
      const estimateSatang = f.estimates.get(account) ?? 0;
      const toDateSatang = balanceOnSide(f.yearToDateTotals.get(account), 'credit');
      return {
        account,
        nameTh: accounts.nameAt(account, asOf),
        categoryAccount: accounts.at(account, asOf)?.parent,
        estimateSatang,
        thisMonthSatang: balanceOnSide(f.monthTotals.get(account), 'credit'),
        toDateSatang,
        differenceSatang: toDateSatang - estimateSatang,
      };
    })
    .filter((r) => r.estimateSatang !== 0 || r.thisMonthSatang !== 0 || r.toDateSatang !== 0);
  const total = {
    estimateSatang: sumSatang(rows.map((r) => r.estimateSatang)),
    thisMonthSatang: sumSatang(rows.map((r) => r.thisMonthSatang)),
    toDateSatang: sumSatang(rows.map((r) => r.toDateSatang)),
    differenceSatang: sumSatang(rows.map((r) => r.differenceSatang)),
  };
  return { fiscalYear: f.fiscalYear, rows, total };
}
