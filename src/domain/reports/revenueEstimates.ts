/**
 * The estimate column of the revenue registers (ประมาณการรายรับ): the sum, per revenue item, of the
 * fiscal year's revenueEstimate entries that are not cancelled.
 */
import type { Entry } from '../entry';
import type { Satang } from '../money';
import { cancellationsOf, type Cancellations } from './cancellations';

/** @example revenueEstimatesOf(entriesOfTheYear, 2567) // Map { '411002' => 5_000_000 } */
export function revenueEstimatesOf(entries: readonly Entry[], fiscalYear: number, known?: Partial<Cancellations>): Map<string, Satang> {
  const { cancelledIds } = cancellationsOf(entries, known);
  const estimates = new Map<string, Satang>();
  for (const e of entries) {
    if (e.kind !== 'budget' || e.doc.action !== 'revenueEstimate' || e.doc.fiscalYear !== fiscalYear) continue;
    if (cancelledIds.has(e.id)) continue;
    estimates.set(e.doc.account, (estimates.get(e.doc.account) ?? 0) + e.doc.amountSatang);
  }
  return estimates;
}
