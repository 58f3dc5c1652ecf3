/**
 * Money received and paid by one entry's movement lines: what they debited (in) and credited (out)
 * to the office's cash and bank accounts, less money moved between those accounts (a นำฝาก, a
 * ใบผ่านรายการ from cash to a bank), which is neither. Shared by the dashboard chart (from entries)
 * and the coverage calendar (from the cash books' day records), so both count money the same way.
 */
import type { JournalLine } from '../journal';
import type { Satang } from '../money';

export interface MoneyInOut {
  receivedSatang: Satang;
  paidSatang: Satang;
}

/**
 * `isMoney`: whether an account is cash or bank on the entry's date (reportAccountsOf(chart).isMoneyAt).
 * A cancel's movement lines are negative, so it gives negative amounts on its original's side.
 * @example moneyInOutOf(depositLines, isMoney) // { receivedSatang: 0, paidSatang: 0 }: cash to bank
 */
export function moneyInOutOf(lines: readonly JournalLine[], isMoney: (account: string) => boolean): MoneyInOut {
  let debit = 0;
  let credit = 0;
  for (const l of lines) {
    if (!isMoney(l.account)) continue;
    debit += l.debitSatang;
    credit += l.creditSatang;
  }
  // Between the office's own accounts the debit and the credit match: only the excess is money in or out.
  const internal = Math.sign(debit) === Math.sign(credit) ? Math.sign(debit) * Math.min(Math.abs(debit), Math.abs(credit)) : 0;
  return { receivedSatang: debit - internal, paidSatang: credit - internal };
}
