import { describe, expect, it } from 'vitest';
import { revenueEstimatesOf } from '../../../src/domain/reports/revenueEstimates';
import { cancelOf, entryOf } from '../builders';

const estimate = (account: string, amountSatang: number, fiscalYear = 2567) =>
  entryOf({ kind: 'budget', doc: { action: 'revenueEstimate', fiscalYear, account, amountSatang, reference: 'ข้อบัญญัติ' } }, '2023-10-01');

describe('revenue estimates (ประมาณการรายรับ)', () => {
  it('adds up the year’s estimates per item, leaving out other years and cancelled ones', () => {
    const a = estimate('411002', 5_000_000);
    const b = estimate('411002', 1_000_000); // a later งบเพิ่มเติม of the same item
    const c = estimate('412001', 300_000);
    const cancelled = estimate('413001', 999);
    const otherYear = estimate('411002', 7, 2568);
    const estimates = revenueEstimatesOf([a, b, c, cancelled, cancelOf(cancelled), otherYear], 2567);
    expect([...estimates]).toEqual([['411002', 6_000_000], ['412001', 300_000]]);
  });
});
