/**
 * Chart look-ups for reports: an account as it stood in the fiscal year of a date, falling back to the
 * latest version of the code (an entry recorded against a code later retired must still print with
 * a name), and an index so a report over 250,000 lines does not scan the chart per line.
 */
import type { Account, AccountRole } from '../chart/account';
import { accountIn, type Chart } from '../chart/chart';
import { fiscalYearOf, type IsoDate } from '../thaiDate';

export interface ReportAccounts {
  /** The account of `code` in the fiscal year of `date`, or the latest version of it, or undefined. */
  at(code: string, date: IsoDate): Account | undefined;
  /** Its Thai name, or a placeholder saying the code is not in the chart. */
  nameAt(code: string, date: IsoDate): string;
  roleAt(code: string, date: IsoDate): AccountRole | undefined;
  /** เงินสด or เงินฝากธนาคาร: money the cash books count. */
  isMoneyAt(code: string, date: IsoDate): boolean;
}

/** Shown for a code the chart does not hold (never expected: the books rules refuse unknown codes). */
export function unknownAccountNameTh(code: string): string {
  return `บัญชี ${code} (ไม่มีในผังบัญชี)`;
}

/** A memoised view of `chart` by fiscal year. */
export function reportAccountsOf(chart: Chart): ReportAccounts {
  const byFy = new Map<number, Map<string, Account | undefined>>();
  const latest = new Map<string, Account>();
  for (const a of chart.accounts) {
    const seen = latest.get(a.code);
    if (!seen || a.validFromFy > seen.validFromFy) latest.set(a.code, a);
  }
  // A month's book asks for the same few dates tens of thousands of times.
  const fyOfDate = new Map<IsoDate, number>();
  const at = (code: string, date: IsoDate): Account | undefined => {
    let fy = fyOfDate.get(date);
    if (fy === undefined) fyOfDate.set(date, (fy = fiscalYearOf(date)));
    let codes = byFy.get(fy);
    if (!codes) byFy.set(fy, (codes = new Map()));
    if (!codes.has(code)) codes.set(code, accountIn(chart, code, fy) ?? latest.get(code));
    return codes.get(code);
  };
  return {
    at,
    nameAt: (code, date) => at(code, date)?.nameTh ?? unknownAccountNameTh(code),
    roleAt: (code, date) => at(code, date)?.role,
    isMoneyAt: (code, date) => {
      const role = at(code, date)?.role;
      return role === 'cash' || role === 'bank';
    },
  };
}
