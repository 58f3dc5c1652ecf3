/**
 * รายงานสถานะการเงินประจำวัน (daily financial status, DOMAIN.md §3.3) for one day:
 * - เงินสด: ยอดเงินสดคงเหลือยกมา · เงินสดรับ · เงินนำฝากธนาคาร · จ่ายอื่น · ยอดเงินสดคงเหลือยกไป;
 * - per bank account (รายละเอียดยอดเงินฝากธนาคาร): ยกมา · นำฝาก/รับ · จ่าย · ยกไป, and รวมเงินฝากธนาคารคงเหลือยกไป.
 * Cash taken to a bank is นำฝากธนาคาร however it was recorded (a นำฝาก, or a ใบผ่านรายการ that debits a bank
 * and credits cash). A cancel counts against its original's column (a cancelled receipt lowers เงินสดรับ).
 * An opening-balances journal of the day is ยอดยกมา, not money received.
 * Not yet: the "เช็คที่อนุมัติแล้ว ผู้มีสิทธิยังไม่มารับ" line (needs cheque collection, not recorded).
 */
import type { Chart } from '../chart/chart';
import type { Entry } from '../entry';
import { sumSatang, type Satang } from '../money';
import type { IsoDate } from '../thaiDate';
import { addEntryToTotals, compareText, netDebitSatang, type AccountTotals } from './accountTotals';
import { cancellationsOf, targetOf, type Cancellations } from './cancellations';
import { isOpeningBalances, movementLinesOf } from './movementLines';
import { reportAccountsOf } from './reportAccounts';

export interface CashStatus {
  /** ยอดเงินสดคงเหลือยกมา */
  broughtForwardSatang: Satang;
  /** เงินสดรับ */
  receivedSatang: Satang;
  /** เงินนำฝากธนาคาร (out of cash into a bank) */
  depositedToBankSatang: Satang;
  /** จ่ายอื่น: cash paid out otherwise */
  paidSatang: Satang;
  /** ยอดเงินสดคงเหลือยกไป */
  carriedForwardSatang: Satang;
}

export interface BankStatus {
  account: string;
  nameTh: string;
  broughtForwardSatang: Satang;
  /** นำฝาก/รับ: every debit to the account (deposits of cash, transfers received). */
  receivedSatang: Satang;
  /** จ่าย: every credit (cheques, transfers paid). */
  paidSatang: Satang;
  carriedForwardSatang: Satang;
}

export interface DailyStatus {
  date: IsoDate;
  cash: CashStatus;
  /** Bank accounts with a balance or a movement, in code order. */
  banks: BankStatus[];
  /** รวมเงินฝากธนาคาร: the bank columns summed. */
  bankTotal: Omit<BankStatus, 'account' | 'nameTh'>;
}

/**
 * The day's status from the totals before it (of the fiscal year so far) and the day's own entries.
 * @example dailyStatus('2023-10-04', foldDailyTotals(rows, { from: '2023-10-01', before: '2023-10-04' }), dayEntries, chart)
 */
export function dailyStatus(
  date: IsoDate,
  totalsBefore: AccountTotals,
  dayEntries: readonly Entry[],
  chart: Chart,
  known?: Cancellations,
): DailyStatus {
  const c = known ?? cancellationsOf(dayEntries);
  const accounts = reportAccountsOf(chart);
  const role = (code: string) => accounts.roleAt(code, date);
  const broughtForward: AccountTotals = new Map(totalsBefore);
  const moving: Entry[] = [];
  for (const e of dayEntries) {
    if (e.date !== date) continue;
    const original = targetOf(e, c);
    if (isOpeningBalances(e) || (original && isOpeningBalances(original))) addEntryToTotals(broughtForward, e);
    else moving.push(e);
  }

  const cash = { broughtForwardSatang: 0, receivedSatang: 0, depositedToBankSatang: 0, paidSatang: 0, carriedForwardSatang: 0 };
  for (const [code, t] of broughtForward) if (role(code) === 'cash') cash.broughtForwardSatang += netDebitSatang(t);
  const bankMoves = new Map<string, { receivedSatang: Satang; paidSatang: Satang }>();
  for (const e of moving) {
    const lines = movementLinesOf(e);
    let cashCredit = 0;
    let bankDebit = 0;
    for (const l of lines) {
      const r = role(l.account);
      if (r === 'cash') {
        cash.receivedSatang += l.debitSatang;
        cashCredit += l.creditSatang;
      } else if (r === 'bank') {
        const m = bankMoves.get(l.account) ?? { receivedSatang: 0, paidSatang: 0 };
        bankMoves.set(l.account, { receivedSatang: m.receivedSatang + l.debitSatang, paidSatang: m.paidSatang + l.creditSatang });
        bankDebit += l.debitSatang;
      }
    }
    // Cash credited and a bank debited in one entry is cash taken to the bank, up to the smaller of
    // the two; a cancel's amounts are both negative, so compare magnitudes.
    const toBank = Math.sign(cashCredit) === Math.sign(bankDebit) ? Math.sign(cashCredit) * Math.min(Math.abs(cashCredit), Math.abs(bankDebit)) : 0;
    cash.depositedToBankSatang += toBank;
    cash.paidSatang += cashCredit - toBank;
  }
  cash.carriedForwardSatang = cash.broughtForwardSatang + cash.receivedSatang - cash.depositedToBankSatang - cash.paidSatang;

  const codes = new Set<string>();
  for (const [code, t] of broughtForward) if (role(code) === 'bank' && netDebitSatang(t) !== 0) codes.add(code);
  for (const code of bankMoves.keys()) codes.add(code);
  const banks: BankStatus[] = [...codes].sort(compareText).map((account) => {
    const bf = netDebitSatang(broughtForward.get(account));
    const m = bankMoves.get(account) ?? { receivedSatang: 0, paidSatang: 0 };
    return { account, nameTh: accounts.nameAt(account, date), broughtForwardSatang: bf, ...m, carriedForwardSatang: bf + m.receivedSatang - m.paidSatang };
  });
  const bankTotal = {
    broughtForwardSatang: sumSatang(banks.map((b) => b.broughtForwardSatang)),
    receivedSatang: sumSatang(banks.map((b) => b.receivedSatang)),
    paidSatang: sumSatang(banks.map((b) => b.paidSatang)),
    carriedForwardSatang: sumSatang(banks.map((b) => b.carriedForwardSatang)),
  };
  return { date, cash, banks, bankTotal };
}
