/**
 * ทะเบียนเงินรับฝาก (register of money held for others): per เงินรับฝาก sub-account (role deposit: ภาษีหัก
 * ณ ที่จ่าย, เงินประกันสัญญา, …) over a range: ยกมา, รับ (credits), จ่าย (debits), คงเหลือ. Credit-normal:
 * คงเหลือ = ยกมา + รับ − จ่าย. A cancel counts against its original's column (a cancelled receipt of a
 * guarantee lowers รับ, it is not a payment). An opening-balances journal in the range is ยกมา.
 */
import type { Chart } from '../chart/chart';
import type { Entry } from '../entry';
import { sumSatang, type Satang } from '../money';
import { addEntryToTotals, balanceOnSide, compareText, type AccountTotals } from './accountTotals';
import { isOpeningBalances } from './movementLines';
import { entriesIn, type DateRange } from './period';
import { reportAccountsOf } from './reportAccounts';

export interface DepositRegisterRow {
  account: string;
  nameTh: string;
  broughtForwardSatang: Satang;
  receivedSatang: Satang;
  paidSatang: Satang;
  balanceSatang: Satang;
}

export interface DepositRegister {
  range: DateRange;
  /** Sub-accounts with a balance or a movement, in code order. */
  rows: DepositRegisterRow[];
  total: Omit<DepositRegisterRow, 'account' | 'nameTh'>;
}

/**
 * ทะเบียนเงินรับฝาก from the totals before `range` and the entries in it.
 * @example depositRegister(chart, { from: '2023-10-01', to: '2023-10-31' }, totalsBefore, octoberEntries)
 */
export function depositRegister(chart: Chart, range: DateRange, totalsBefore: AccountTotals, entries: readonly Entry[]): DepositRegister {
  const accounts = reportAccountsOf(chart);
  const moves: AccountTotals = new Map();
  const before: AccountTotals = new Map(totalsBefore);
  // An opening-balances journal in the range is ยอดยกมา, not money received.
  for (const e of entriesIn(entries, range)) addEntryToTotals(isOpeningBalances(e) ? before : moves, e);
  const codes = new Set<string>();
  for (const [code, t] of before) if (accounts.roleAt(code, range.to) === 'deposit' && balanceOnSide(t, 'credit') !== 0) codes.add(code);
  for (const code of moves.keys()) if (accounts.roleAt(code, range.to) === 'deposit') codes.add(code);
  const rows = [...codes].sort(compareText).map((account) => {
    const broughtForwardSatang = balanceOnSide(before.get(account), 'credit');
    const m = moves.get(account) ?? { debitSatang: 0, creditSatang: 0 };
    return {
      account,
      nameTh: accounts.nameAt(account, range.to),
      broughtForwardSatang,
      receivedSatang: m.creditSatang,
      paidSatang: m.debitSatang,
      balanceSatang: broughtForwardSatang + m.creditSatang - m.debitSatang,
    };
  });
  const total = {
    broughtForwardSatang: sumSatang(rows.map((r) => r.broughtForwardSatang)),
    receivedSatang: sumSatang(rows.map((r) => r.receivedSatang)),
    paidSatang: sumSatang(rows.map((r) => r.paidSatang)),
    balanceSatang: sumSatang(rows.map((r) => r.balanceSatang)),
  };
  return { range, rows, total };
}
