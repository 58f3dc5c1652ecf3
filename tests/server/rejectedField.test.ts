/**
 * A rejection by the books names the entry's field at fault (`field`, protocol v1, optional): the PC
 * keeps it with the rejection, and the officer's corrected entry starts at that field. Rejections that
 * concern the whole entry (a broken hash, another device) and conflicts name none. The field is
 * additive: a client that predates it reads the same answer without it.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { saveOrgRules } from '../../src/server/books/orgSetup';
import { pushResponseSchema, type PushResult } from '../../src/sync/protocol';
import { enrolAnotherDevice, EntryMaker, openServerFixture, push, pushResults, serverBackends } from './helpers';

/** What the field says of a result: the document path, or 'none' for a rejection without one. */
function fieldOf(result: PushResult | undefined): string | undefined {
  expect(result?.outcome).toBe('rejected');
  return result?.outcome === 'rejected' ? (result.field ?? 'none') : undefined;
}

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend);

  it('names the date of an entry in closed books', async () => {
    await saveOrgRules(fx.server.db, fx.device.orgId, { ...moneyRulesDefault, booksClosedThrough: '2024-03-31' }, fx.server.clock);
    const [result] = await pushResults(fx.server, fx.device, [fx.make.receipt({}, { date: '2024-03-31' })]);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'date_closed' });
    expect(fieldOf(result)).toBe('date');
  });

  it('names the receipt number already used in its book', async () => {
    const [first, second] = await pushResults(fx.server, fx.device, [
      fx.make.receipt({ bookNo: '5', receiptNo: 17 }),
      fx.make.receipt({ bookNo: '5', receiptNo: 17, payer: 'นางสมหญิง' }),
    ]);
    expect(first?.outcome).toBe('posted');
    expect(second).toMatchObject({ outcome: 'rejected', code: 'receipt_number_taken' });
    expect(fieldOf(second)).toBe('receiptNo');
  });

  it('names the gross amount of a payment beyond what remains of its budget line', async () => {
    const results = await pushResults(fx.server, fx.device, [fx.make.appropriation('L1', 1_000_000), fx.make.payment('L1', 1_000_001)]);
    expect(results[1]).toMatchObject({ outcome: 'rejected', code: 'overspend' });
    expect(fieldOf(results[1])).toBe('grossSatang');
  });

  it('names the item whose account is not in the chart', async () => {
    const [result] = await pushResults(fx.server, fx.device, [fx.make.receipt({ account: '419999' })]);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'unknown_account' });
    expect(fieldOf(result)).toBe('items.0.account');
  });

  it('names no field when the whole entry is at fault (another device), and conflicts carry none', async () => {
    const second = await enrolAnotherDevice(fx.server, fx.device.orgId);
    const [wrongDevice] = await pushResults(fx.server, second, [fx.make.receipt({ receiptNo: 1 })]);
    expect(wrongDevice).toMatchObject({ outcome: 'rejected', code: 'wrong_device' });
    expect(fieldOf(wrongDevice)).toBe('none');

    const original = fx.make.receipt({ receiptNo: 2 });
    const other = new EntryMaker(fx.device).receipt({ receiptNo: 2, payer: 'ผู้อื่น' }, { id: original.id });
    const results = await pushResults(fx.server, fx.device, [original, other]);
    expect(results.map((r) => r.outcome)).toEqual(['posted', 'conflict']);
    expect(Object.keys(results[1]!)).not.toContain('field');
  });

  it('sends an answer that a client predating the field still reads (unknown keys are stripped)', async () => {
    await saveOrgRules(fx.server.db, fx.device.orgId, { ...moneyRulesDefault, booksClosedThrough: '2024-03-31' }, fx.server.clock);
    const res = await push(fx.server, fx.device, [fx.make.receipt({}, { date: '2024-03-31' })]);
    const body: unknown = await res.json();
    // Protocol v1's rejected result as it was before `field`.
    const oldResult = z.object({ id: z.string(), outcome: z.literal('rejected'), code: z.string(), message: z.string() });
    const old = z.object({ protocol: z.literal(1), results: z.array(oldResult) }).parse(body);
    expect(old.results[0]).not.toHaveProperty('field');
    expect(pushResponseSchema.parse(body).results[0]).toMatchObject({ field: 'date' });
  });
});

describe('pushResultSchema', () => {
  it('reads a rejection without field (an older server) and refuses an empty or overlong field', () => {
    const base = { id: 'x', outcome: 'rejected', code: 'c', message: 'ม' };
    expect(pushResponseSchema.safeParse({ protocol: 1, results: [base] }).success).toBe(true);
    expect(pushResponseSchema.safeParse({ protocol: 1, results: [{ ...base, field: '' }] }).success).toBe(false);
    expect(pushResponseSchema.safeParse({ protocol: 1, results: [{ ...base, field: 'a'.repeat(101) }] }).success).toBe(false);
  });
});
