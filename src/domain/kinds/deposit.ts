/**
 * นำฝาก: cash on hand taken to the bank. Dr the bank account / Cr เงินสด.
 */
import { z } from 'zod';
import type { JournalLine } from '../journal';
import type { Satang } from '../money';
import { accountField, amountField, optionalTextField } from './fields';

export interface DepositDoc {
  fromCashAccount: string;
  toBankAccount: string;
  amountSatang: Satang;
  /** Bank pay-in slip number (ใบนำฝาก). */
  slipNo?: string;
}

export const depositDocSchema = z
  .object({
    fromCashAccount: accountField('บัญชีเงินสด'),
    toBankAccount: accountField('บัญชีเงินฝากธนาคาร'),
    amountSatang: amountField('จำนวนเงินนำฝาก'),
    slipNo: optionalTextField('เลขที่ใบนำฝาก', 50),
  })
  .strict();

export function deriveDepositLines(doc: DepositDoc): JournalLine[] {
  return [
    { account: doc.toBankAccount, debitSatang: doc.amountSatang, creditSatang: 0 },
    { account: doc.fromCashAccount, debitSatang: 0, creditSatang: doc.amountSatang },
  ];
}
