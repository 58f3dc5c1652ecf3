/**
 * A batch is judged entry by entry in request order against the books as they stand after the entries
 * accepted before it — in this push and in earlier ones. A tampered entry (lines or hash other than the
 * domain derives) is rejected alone, with its reason, while the rest of the batch posts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { remainingSatang } from '../../src/domain/budget/budgetLine';
import type { Entry } from '../../src/domain/entry';
import { reverseLines } from '../../src/domain/kinds/cancel';
import type { EnrollResponse } from '../../src/sync/protocol';
import {
  EntryMaker,
  enrolNewOrg,
  expectNothingWritten,
  expectRejected,
  openTestServer,
  pushResults,
  resealed,
  rowsOfEntry,
  storedBudgetBalance,
  type TestServer,
} from './helpers';

let server: TestServer;
let device: EnrollResponse;
let make: EntryMaker;

beforeAll(async () => {
  server = await openTestServer();
});
afterAll(async () => {
  await server.db.close();
});
beforeEach(async () => {
  device = await enrolNewOrg(server);
  make = new EntryMaker(device);
});

describe('a tampered client', () => {
  it('gets a payment whose lines were edited and re-hashed rejected, and the rest of the batch posted', async () => {
    const appropriation = make.appropriation('L1', 1_000_000);
    const honest = make.payment('L1', 100_000, { withholdingSatang: 1_000 });
    // Balanced, freshly hashed, but not what the ฎีกา derives: the expense moved to another account.
    const edited = resealed({ ...honest, lines: honest.lines.map((l, i) => (i === 0 ? { ...l, account: '533000' } : l)) });
    const after = make.receipt();
    const results = await pushResults(server, device, [appropriation, edited, after]);
    expect(results[0]).toMatchObject({ outcome: 'posted', serverSeq: 1 });
    expect(expectRejected(results[1], 'lines_mismatch')).toBe('รายการบัญชีไม่ตรงกับที่คำนวณจากเอกสาร');
    expect(results[2]).toMatchObject({ outcome: 'posted', serverSeq: 2 });
    await expectNothingWritten(server, device.orgId, edited.id);
    expect(await storedBudgetBalance(server, device.orgId, 'L1')).toMatchObject({ spentSatang: 0 });
  });

  it('gets a cancel whose lines are not the reverse of its target rejected, and the rest posted', async () => {
    const receipt = make.receipt({ amountSatang: 50_000 });
    const honest = make.cancel(receipt);
    // The target's own lines, not swapped: balanced, re-hashed, so only the books can tell.
    const notReversed = resealed({ ...honest, lines: receipt.lines });
    // Reversed but for a smaller amount: a partial "cancel" is not a cancel.
    const smaller = resealed({
      ...honest,
      lines: reverseLines(receipt.lines).map((l) => ({ ...l, debitSatang: l.debitSatang && 1, creditSatang: l.creditSatang && 1 })),
    });
    const other = make.receipt();
    const results = await pushResults(server, device, [receipt, notReversed, smaller, other]);
    expect(results.map((r) => r.outcome)).toEqual(['posted', 'rejected', 'rejected', 'posted']);
    expect(expectRejected(results[1], 'cancel_mismatch')).toContain('ไม่ตรงกับรายการเดิม');
    expectRejected(results[2], 'cancel_mismatch');
    await expectNothingWritten(server, device.orgId, notReversed.id);
    await expectNothingWritten(server, device.orgId, smaller.id);
    // The target is still cancellable by an honest cancel.
    const [honestResult] = await pushResults(server, device, [honest]);
    expect(honestResult).toMatchObject({ outcome: 'posted' });
  });

  it('gets an entry whose content changed after hashing rejected (hash_mismatch)', async () => {
    const payment = make.payment('L1', 100_000) as Entry & { doc: { payee: string } };
    const tampered = { ...payment, doc: { ...payment.doc, payee: 'ผู้รับเงินปลอม' } };
    const results = await pushResults(server, device, [make.appropriation('L1', 1_000_000), tampered]);
    expect(results[0]).toMatchObject({ outcome: 'posted' });
    expectRejected(results[1], 'hash_mismatch');
    await expectNothingWritten(server, device.orgId, payment.id);
  });

  it('gets budget effects it cannot forge: a budget entry with journal lines is rejected', async () => {
    const appropriation = make.appropriation('L1', 1_000_000);
    const withLines = resealed({
      ...appropriation,
      lines: [
        { account: '011', debitSatang: 1_000_000, creditSatang: 0 },
        { account: '700', debitSatang: 0, creditSatang: 1_000_000 },
      ],
    });
    expectRejected((await pushResults(server, device, [withLines]))[0], 'lines_mismatch');
    await expectNothingWritten(server, device.orgId, withLines.id);
  });
});

describe('entries that depend on earlier entries of the same batch', () => {
  it('accepts an appropriation and a payment on it in one push, and writes both with their effects', async () => {
    const appropriation = make.appropriation('L1', 1_000_000);
    const payment = make.payment('L1', 250_000, { withholdingSatang: 2_500 });
    const results = await pushResults(server, device, [appropriation, payment]);
    expect(results).toEqual([
      { id: appropriation.id, outcome: 'posted', serverSeq: 1 },
      { id: payment.id, outcome: 'posted', serverSeq: 2 },
    ]);
    expect(await rowsOfEntry(server, device.orgId, appropriation.id)).toMatchObject({ entries: 1, budget_lines: 1, budget_effects: 1 });
    expect(await rowsOfEntry(server, device.orgId, payment.id)).toMatchObject({ entries: 1, budget_effects: 1 });
    expect(await storedBudgetBalance(server, device.orgId, 'L1')).toMatchObject({ appropriationSatang: 1_000_000, spentSatang: 250_000 });
  });

  it('judges in request order: a payment before its appropriation is rejected, the appropriation posts', async () => {
    const appropriation = make.appropriation('L1', 1_000_000);
    const payment = make.payment('L1', 250_000);
    const results = await pushResults(server, device, [payment, appropriation]);
    expectRejected(results[0], 'budget_line_unknown');
    expect(results[1]).toEqual({ id: appropriation.id, outcome: 'posted', serverSeq: 1 }); // no gap left by the rejection
  });

  it('accepts an entry and its cancel in one push', async () => {
    const receipt = make.receipt();
    const cancel = make.cancel(receipt);
    const results = await pushResults(server, device, [receipt, cancel]);
    expect(results.map((r) => r.outcome)).toEqual(['posted', 'posted']);
    expect(await rowsOfEntry(server, device.orgId, cancel.id)).toMatchObject({ entries: 1, cancellations: 1 });
  });

  it('commits, pays on the commitment, releases the rest and cancels a payment, all in one push', async () => {
    const commitment = make.commitment('L1', 600_000);
    const payment = make.payment('L1', 400_000, { commitmentId: commitment.id, releaseSatang: 400_000 });
    const entries = [
      make.appropriation('L1', 1_000_000),
      commitment,
      payment,
      make.release('L1', commitment.id, 200_000),
      make.cancel(payment),
    ];
    const results = await pushResults(server, device, entries);
    expect(results.map((r) => r.outcome)).toEqual(entries.map(() => 'posted'));
    // The cancel gave the payment's 400,000 back to the commitment, and took it off spent.
    expect(await storedBudgetBalance(server, device.orgId, 'L1')).toMatchObject({ committedSatang: 400_000, spentSatang: 0 });
  });

  it('lets a later entry use an id rejected earlier in the same batch (a rejected id is not taken)', async () => {
    const payment = make.payment('L1', 250_000);
    const appropriation = make.appropriation('L1', 1_000_000);
    const results = await pushResults(server, device, [payment, appropriation, payment]);
    expectRejected(results[0], 'budget_line_unknown');
    expect(results[1]).toMatchObject({ outcome: 'posted', serverSeq: 1 });
    expect(results[2]).toEqual({ id: payment.id, outcome: 'posted', serverSeq: 2 });
  });
});

describe('a budget built over several pushes', () => {
  it('keeps the register right across batches, as budget_effects sums it', async () => {
    const commitment = make.commitment('L1', 3_000_000);
    const batches: Entry[][] = [
      [make.appropriation('L1', 10_000_000), make.appropriation('L2', 2_000_000)],
      [make.supplementary('L1', 1_500_000), commitment, make.payment('L1', 1_000_000, { withholdingSatang: 10_000 })],
      [make.transfer('L2', 'L1', 500_000), make.payment('L1', 2_000_000, { commitmentId: commitment.id, releaseSatang: 2_000_000 })],
      [make.release('L1', commitment.id, 1_000_000), make.payment('L1', 4_000_000)],
    ];
    for (const batch of batches) {
      expect((await pushResults(server, device, batch)).map((r) => r.outcome)).toEqual(batch.map(() => 'posted'));
    }
    const l1 = await storedBudgetBalance(server, device.orgId, 'L1');
    expect(l1).toEqual({
      appropriationSatang: 10_000_000,
      supplementarySatang: 1_500_000,
      transferInSatang: 500_000,
      transferOutSatang: 0,
      committedSatang: 0,
      spentSatang: 7_000_000,
    });
    expect(remainingSatang(l1)).toBe(5_000_000);
    expect(remainingSatang(await storedBudgetBalance(server, device.orgId, 'L2'))).toBe(1_500_000);
    // The last 5,000,000 of L1 can be spent, not a satang more.
    const results = await pushResults(server, device, [make.payment('L1', 5_000_001), make.payment('L1', 5_000_000)]);
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'posted']);
  });
});
