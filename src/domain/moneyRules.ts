/**
 * Money rules that the sources leave uncertain (DOMAIN.md §6, marked ⚠/GK) are settings with
 * defaults, per organisation, never constants in code.
 */
import { z } from 'zod';
import type { Satang } from './money';
import { isIsoDate, type IsoDate } from './thaiDate';

export interface MoneyRules {
  /** Withholding tax rate in basis points (100 = 1 %, GK). */
  withholdingRateBasisPoints: number;
  /** Payments of at least this gross amount have tax withheld (10,000 baht, GK). */
  withholdingThresholdSatang: Satang;
  /** Cash kept overnight above this is flagged for deposit (⚠ no LAO source: a placeholder). */
  cashOnHandLimitSatang: Satang;
  /** Business days within which cash received must be deposited (GK: same or next day). */
  depositDeadlineBusinessDays: number;
  /** Entries dated on or before this day are refused: the books up to it are closed. */
  booksClosedThrough?: IsoDate;
}

export const moneyRulesDefault: MoneyRules = {
  withholdingRateBasisPoints: 100,
  withholdingThresholdSatang: 1_000_000,
  cashOnHandLimitSatang: 1_000_000,
  depositDeadlineBusinessDays: 1,
};

export const moneyRulesSchema = z
  .object({
    withholdingRateBasisPoints: z.number().int().min(0).max(10_000),
    withholdingThresholdSatang: z.number().int().min(0),
    cashOnHandLimitSatang: z.number().int().min(0),
    depositDeadlineBusinessDays: z.number().int().min(0).max(30),
    booksClosedThrough: z.string().refine(isIsoDate, { error: 'วันที่ปิดบัญชีไม่ถูกต้อง' }).optional(),
  })
  .strict();

/**
 * The tax to withhold from a payment under the rules: rate × gross, rounded down to the satang,
 * for a gross at or above the threshold; 0 below it. Integer arithmetic only.
 * @example suggestedWithholdingSatang(1_500_000, moneyRulesDefault) // 15_000 (1 % of 15,000 baht)
 */
export function suggestedWithholdingSatang(grossSatang: Satang, rules: MoneyRules): Satang {
  if (grossSatang < rules.withholdingThresholdSatang) return 0;
  const bp = rules.withholdingRateBasisPoints;
  // Split so gross × bp never leaves the safe-integer range.
  return Math.floor(grossSatang / 10_000) * bp + Math.floor(((grossSatang % 10_000) * bp) / 10_000);
}
