/**
 * A chart of accounts: the accounts valid in a given fiscal year, looked up by code.
 */
import type { Account, AccountRole, AccountType } from './account';

export interface Chart {
  /** Which chart this is (the default, or a loaded version), for messages and audit. */
  versionLabel: string;
  accounts: readonly Account[];
}

/** The account with this code usable in fiscal year `fy` (B.E.), or undefined. */
export function accountIn(chart: Chart, code: string, fy: number): Account | undefined {
  return chart.accounts.find(
    (a) => a.code === code && a.validFromFy <= fy && (a.validToFy === undefined || fy <= a.validToFy),
  );
}

/** Postable accounts of fiscal year `fy`, optionally of one type or role, in code order. */
export function postableAccounts(
  chart: Chart,
  fy: number,
  filter: { type?: AccountType; role?: AccountRole } = {},
): Account[] {
  return chart.accounts
    .filter((a) => a.postable && a.validFromFy <= fy && (a.validToFy === undefined || fy <= a.validToFy))
    .filter((a) => (filter.type === undefined || a.type === filter.type) && (filter.role === undefined || a.role === filter.role))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export type AccountCheck = { ok: true; account: Account } | { ok: false; messageTh: string };

/**
 * Checks that `code` may be posted to in fiscal year `fy`, and (if given) is of an expected kind.
 * @example requireAccount(chart, '902', 2567, { role: 'deposit' }, 'บัญชีภาษีหัก ณ ที่จ่าย')
 */
export function requireAccount(
  chart: Chart,
  code: string,
  fy: number,
  expect: { types?: readonly AccountType[]; roles?: readonly AccountRole[] },
  fieldTh: string,
): AccountCheck {
  const account = accountIn(chart, code, fy);
  if (!account) {
    return { ok: false, messageTh: `${fieldTh}: ไม่มีรหัสบัญชี ${code} ในผังบัญชีของปีงบประมาณ ${fy}` };
  }
  if (!account.postable) {
    return { ok: false, messageTh: `${fieldTh}: บัญชี ${code} ${account.nameTh} เป็นบัญชีหมวด ลงรายการไม่ได้` };
  }
  if (expect.types && !expect.types.includes(account.type)) {
    return { ok: false, messageTh: `${fieldTh}: บัญชี ${code} ${account.nameTh} ใช้กับรายการนี้ไม่ได้` };
  }
  if (expect.roles && (account.role === undefined || !expect.roles.includes(account.role))) {
    return { ok: false, messageTh: `${fieldTh}: บัญชี ${code} ${account.nameTh} ใช้กับรายการนี้ไม่ได้` };
  }
  return { ok: true, account };
}
