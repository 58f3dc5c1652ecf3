/**
 * A batch is judged entry by entry in request order against the books as they stand after the entries
 * accepted before it — in this push and in earlier ones. A tampered entry (lines or hash other than the
 * domain derives) is rejected alone, with its reason, while the rest of the batch posts.
 */
import { describe, expect, it } from 'vitest';
import { remainingSatang } from '../../src/domain/budget/budgetLine';
import type { Entry } from '../../src/domain/entry';
import { reverseLines } from '../../src/domain/kinds/cancel';
import {
  expectNothingWritten,
  expectRejected,
  openServerFixture,
  pushResults,
  resealed,
  rowsOfEntry,
  serverBackends,
  storedBudgetBalance,
} from './helpers';

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend);

  describe('a tampered client', () => {
    it('gets a payment whose lines were edited and re-hashed rejected, and the rest of the batch posted', async () => {
      const appropriation = fx.make.appropriation('L1', 1_000_000);
      const honest = fx.make.payment('L1', 100_000, { withholdingSatang: 1_000 });
      // Balanced, freshly hashed, but not what the ฎีกา derives: the expense moved to another account.
      const edited = resealed({ ...honest, lines: honest.lines.map((l, i) => (i === 0 ? { ...l, account: '533000' } : l)) });
      const after = fx.make.receipt();
      const results = await pushResults(fx.server, fx.device, [appropriation, edited, after]);
      expect(results[0]).toMatchObject({ outcome: 'posted', serverSeq: 1 });
      expect(expectRejected(results[1], 'lines_mismatch')).toBe('รายการบัญชีไม่ตรงกับที่คำนวณจากเอกสาร');
      expect(results[2]).toMatchObject({ outcome: 'posted', serverSeq: 2 });
      await expectNothingWritten(fx.server, fx.device.orgId, edited.id);
      expect(await storedBudgetBalance(fx.server, fx.device.orgId, 'L1')).toMatchObject({ spentSatang: 0 });
    });

    it('gets a cancel whose lines are not the reverse of its target rejected, and the rest posted', async () => {
      const receipt = fx.make.receipt({ amountSatang: 50_000 });
      const honest = fx.make.cancel(receipt);
      // The target's own lines, not swapped: balanced, re-hashed, so only the books can tell.
      const notReversed = resealed({ ...honest, lines: receipt.lines });
      // Reversed but for a smaller amount: a partial "cancel" is not a cancel.
      const smaller = resealed({
        ...honest,
        lines: reverseLines(receipt.lines).map((l) => ({ ...l, debitSatang: l.debitSatang && 1, creditSatang: l.creditSatang && 1 })),
      });
      const other = fx.make.receipt();
      const results = await pushResults(fx.server, fx.device, [receipt, notReversed, smaller, other]);
      expect(results.map((r) => r.outcome)).toEqual(['posted', 'rejected', 'rejected', 'posted']);
      expect(expectRejected(results[1], 'cancel_mismatch')).toContain('ไม่ตรงกับรายการเดิม');
      expectRejected(results[2], 'cancel_mismatch');
      await expectNothingWritten(fx.server, fx.device.orgId, notReversed.id);
      await expectNothingWritten(fx.server, fx.device.orgId, smaller.id);
      // The target is still cancellable by an honest cancel.
      const [honestResult] = await pushResults(fx.server, fx.device, [honest]);
      expect(honestResult).toMatchObject({ outcome: 'posted' });
    });

    it('gets an entry whose content changed after hashing rejected (hash_mismatch)', async () => {
      const payment = fx.make.payment('L1', 100_000) as Entry & { doc: { payee: string } };
      const tampered = { ...payment, doc: { ...payment.doc, payee: 'ผู้รับเงินปลอม' } };
      const results = await pushResults(fx.server, fx.device, [fx.make.appropriation('L1', 1_000_000), tampered]);
      expect(results[0]).toMatchObject({ outcome: 'posted' });
      expectRejected(results[1], 'hash_mismatch');
      await expectNothingWritten(fx.server, fx.device.orgId, payment.id);
    });

    it('gets budget effects it cannot forge: a budget entry with journal lines is rejected', async () => {
      const appropriation = fx.make.appropriation('L1', 1_000_000);
      const withLines = resealed({
        ...appropriation,
        lines: [
          { account: '011', debitSatang: 1_000_000, creditSatang: 0 },
          { account: '700', debitSatang: 0, creditSatang: 1_000_000 },
        ],
      });
      expectRejected((await pushResults(fx.server, fx.device, [withLines]))[0], 'lines_mismatch');
      await expectNothingWritten(fx.server, fx.device.orgId, withLines.id);
    });
  });

  describe('entries that depend on earlier entries of the same batch', () => {
    it('accepts an appropriation and a payment on it in one push, and writes both with their effects', async () => {
      const appropriation = fx.make.appropriation('L1', 1_000_000);
      const payment = fx.make.payment('L1', 250_000, { withholdingSatang: 2_500 });
      const results = await pushResults(fx.server, fx.device, [appropriation, payment]);
      expect(results).toEqual([
        { id: appropriation.id, outcome: 'posted', serverSeq: 1 },
        { id: payment.id, outcome: 'posted', serverSeq: 2 },
      ]);
      expect(await rowsOfEntry(fx.server, fx.device.orgId, appropriation.id)).toMatchObject({ entries: 1, budget_lines: 1, budget_effects: 1 });
      expect(await rowsOfEntry(fx.server, fx.device.orgId, payment.id)).toMatchObject({ entries: 1, budget_effects: 1 });
      expect(await storedBudgetBalance(fx.server, fx.device.orgId, 'L1')).toMatchObject({ appropriationSatang: 1_000_000, spentSatang: 250_000 });
    });

    it('judges in request order: a payment before its appropriation is rejected, the appropriation posts', async () => {
      const appropriation = fx.make.appropriation('L1', 1_000_000);
      const payment = fx.make.payment('L1', 250_000);
      const results = await pushResults(fx.server, fx.device, [payment, appropriation]);
      expectRejected(results[0], 'budget_line_unknown');
      expect(results[1]).toEqual({ id: appropriation.id, outcome: 'posted', serverSeq: 1 }); // no gap left by the rejection
    });

    it('accepts an entry and its cancel in one push', async () => {
      const receipt = fx.make.receipt();
      const cancel = fx.make.cancel(receipt);
      const results = await pushResults(fx.server, fx.device, [receipt, cancel]);
      expect(results.map((r) => r.outcome)).toEqual(['posted', 'posted']);
      expect(await rowsOfEntry(fx.server, fx.device.orgId, cancel.id)).toMatchObject({ entries: 1, cancellations: 1 });
    });

    it('commits, pays on the commitment, releases the rest and cancels a payment, all in one push', async () => {
      const commitment = fx.make.commitment('L1', 600_000);
      const payment = fx.make.payment('L1', 400_000, { commitmentId: commitment.id, releaseSatang: 400_000 });
      const entries = [
        fx.make.appropriation('L1', 1_000_000),
        commitment,
        payment,
        fx.make.release('L1', commitment.id, 200_000),
        fx.make.cancel(payment),
      ];
      const results = await pushResults(fx.server, fx.device, entries);
      expect(results.map((r) => r.outcome)).toEqual(entries.map(() => 'posted'));
      // The cancel gave the payment's 400,000 back to the commitment, and took it off spent.
      expect(await storedBudgetBalance(fx.server, fx.device.orgId, 'L1')).toMatchObject({ committedSatang: 400_000, spentSatang: 0 });
    });

    it('lets a later entry use an id rejected earlier in the same batch (a rejected id is not taken)', async () => {
      const payment = fx.make.payment('L1', 250_000);
      const appropriation = fx.make.appropriation('L1', 1_000_000);
      const results = await pushResults(fx.server, fx.device, [payment, appropriation, payment]);
      expectRejected(results[0], 'budget_line_unknown');
      expect(results[1]).toMatchObject({ outcome: 'posted', serverSeq: 1 });
      expect(results[2]).toEqual({ id: payment.id, outcome: 'posted', serverSeq: 2 });
    });
  });

  describe('a budget built over several pushes', () => {
    it('keeps the register right across batches, as budget_effects sums it', async () => {
      const commitment = fx.make.commitment('L1', 3_000_000);
      const batches: Entry[][] = [
        [fx.make.appropriation('L1', 10_000_000), fx.make.appropriation('L2', 2_000_000)],
        [fx.make.supplementary('L1', 1_500_000), commitment, fx.make.payment('L1', 1_000_000, { withholdingSatang: 10_000 })],
        [fx.make.transfer('L2', 'L1', 500_000), fx.make.payment('L1', 2_000_000, { commitmentId: commitment.id, releaseSatang: 2_000_000 })],
        [fx.make.release('L1', commitment.id, 1_000_000), fx.make.payment('L1', 4_000_000)],
      ];
      for (const batch of batches) {
        expect((await pushResults(fx.server, fx.device, batch)).map((r) => r.outcome)).toEqual(batch.map(() => 'posted'));
      }
      const l1 = await storedBudgetBalance(fx.server, fx.device.orgId, 'L1');
      expect(l1).toEqual({
        appropriationSatang: 10_000_000,
        supplementarySatang: 1_500_000,
        transferInSatang: 500_000,
        transferOutSatang: 0,
        committedSatang: 0,
        spentSatang: 7_000_000,
      });
      expect(remainingSatang(l1)).toBe(5_000_000);
      expect(remainingSatang(await storedBudgetBalance(fx.server, fx.device.orgId, 'L2'))).toBe(1_500_000);
      // The last 5,000,000 of L1 can be spent, not a satang more.
      const results = await pushResults(fx.server, fx.device, [fx.make.payment('L1', 5_000_001), fx.make.payment('L1', 5_000_000)]);
      expect(results.map((r) => r.outcome)).toEqual(['rejected', 'posted']);
    });
  });
});
