/**
 * Every rule that needs the books, on the server: an entry that breaks one is rejected alone with the
 * domain's code and a Thai message naming the problem, and nothing of it is written (no entry row, no
 * receipt number, budget line, budget effect or cancellation).
 */
import { describe, expect, it } from 'vitest';
import { saveOrgChart, saveOrgRules } from '../../src/server/books/orgSetup';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import type { Entry } from '../../src/domain/entry';
import type { EnrollResponse } from '../../src/sync/protocol';
import {
  EntryMaker,
  enrolAnotherDevice,
  enrolNewOrg,
  expectNothingWritten,
  expectRejected,
  newEntryId,
  openServerFixture,
  pushResults,
  resealed,
  serverBackends,
  storedBudgetBalance,
} from './helpers';

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend);

  /** Posts entries that must all be accepted (the books the test then builds on). */
  async function postAll(entries: Entry[], by: EnrollResponse = fx.device): Promise<void> {
    const results = await pushResults(fx.server, by, entries);
    expect(results.map((r) => r.outcome)).toEqual(entries.map(() => 'posted'));
  }

  /** Pushes one entry expecting `code`; checks nothing of it was written; returns the Thai message. */
  async function rejectedAlone(entry: Entry, code: string, by: EnrollResponse = fx.device): Promise<string> {
    const [result] = await pushResults(fx.server, by, [entry]);
    const message = expectRejected(result, code);
    await expectNothingWritten(fx.server, fx.device.orgId, entry.id);
    return message;
  }

  describe('accounts', () => {
    it('rejects an account that is not in the chart of the entry’s fiscal year', async () => {
      const message = await rejectedAlone(fx.make.receipt({ account: '419999' }), 'unknown_account');
      expect(message).toContain('ไม่มีรหัสบัญชี 419999 ในผังบัญชีของปีงบประมาณ 2567');
    });

    it('checks accounts against the chart loaded for the organisation, not the default one', async () => {
      const withoutFees = { versionLabel: 'ผังทดสอบ', accounts: defaultChart.accounts.filter((a) => a.code !== '412001') };
      await saveOrgChart(fx.server.db, fx.device.orgId, withoutFees, fx.server.clock);
      expect(await rejectedAlone(fx.make.receipt({ account: '412001' }), 'unknown_account')).toContain('412001');
      await postAll([fx.make.receipt({ account: '412002' })]);
    });

    it('rejects a heading account that is never posted to', async () => {
      expect(await rejectedAlone(fx.make.receipt({ account: '412000' }), 'unknown_account')).toContain('เป็นบัญชีหมวด');
    });
  });

  describe('dates', () => {
    it('rejects a date after today in Thailand, naming both dates in B.E.', async () => {
      const message = await rejectedAlone(fx.make.receipt({}, { date: '2024-07-11' }), 'date_in_future');
      expect(message).toBe('วันที่ 11/07/2567 ยังมาไม่ถึง (วันนี้ 10/07/2567)');
    });

    it('takes today from the server clock in Bangkok time, not UTC', async () => {
      fx.server.clock.advanceMs(15 * 60 * 60 * 1000); // 2024-07-10 18:00 UTC = 11 Jul 01:00 in Bangkok
      try {
        await postAll([fx.make.receipt({}, { date: '2024-07-11' })]);
      } finally {
        fx.server.clock.advanceMs(-15 * 60 * 60 * 1000);
      }
    });

    it('rejects a date in books closed by the organisation’s rules, and accepts the day after', async () => {
      await saveOrgRules(fx.server.db, fx.device.orgId, { ...moneyRulesDefault, booksClosedThrough: '2024-03-31' }, fx.server.clock);
      const message = await rejectedAlone(fx.make.receipt({}, { date: '2024-03-31' }), 'date_closed');
      expect(message).toBe('ปิดบัญชีถึงวันที่ 31/03/2567 แล้ว บันทึกรายการลงวันที่ 31/03/2567 ไม่ได้');
      await postAll([fx.make.receipt({}, { date: '2024-04-01' })]);
    });
  });

  describe('receipt numbers', () => {
    it('rejects a receipt number already used in the same book', async () => {
      await postAll([fx.make.receipt({ bookNo: '5', receiptNo: 17 })]);
      const message = await rejectedAlone(fx.make.receipt({ bookNo: '5', receiptNo: 17 }), 'receipt_number_taken');
      expect(message).toBe('ใบเสร็จเล่มที่ 5 เลขที่ 17 ถูกใช้ไปแล้ว');
      await postAll([fx.make.receipt({ bookNo: '6', receiptNo: 17 })]); // another book has its own numbers
    });

    it('rejects the number when another PC of the same office used it first', async () => {
      const second = await enrolAnotherDevice(fx.server, fx.device.orgId);
      await postAll([fx.make.receipt({ bookNo: '5', receiptNo: 1 })]);
      const other = new EntryMaker(second);
      await rejectedAlone(other.receipt({ bookNo: '5', receiptNo: 1 }), 'receipt_number_taken', second);
    });

    it('lets other organisations use the same book and number', async () => {
      await postAll([fx.make.receipt({ bookNo: '5', receiptNo: 1 })]);
      const elsewhere = await enrolNewOrg(fx.server, 'เทศบาลอื่น');
      await postAll([new EntryMaker(elsewhere).receipt({ bookNo: '5', receiptNo: 1 })], elsewhere);
    });

    it('posts the first of two receipts with one number in a batch and rejects the second', async () => {
      const first = fx.make.receipt({ bookNo: '5', receiptNo: 2 });
      const second = fx.make.receipt({ bookNo: '5', receiptNo: 2, payer: 'นางสมหญิง' });
      const results = await pushResults(fx.server, fx.device, [first, second]);
      expect(results[0]).toMatchObject({ outcome: 'posted', serverSeq: 1 });
      expectRejected(results[1], 'receipt_number_taken');
      await expectNothingWritten(fx.server, fx.device.orgId, second.id);
    });

    it('keeps a cancelled receipt’s number taken', async () => {
      const receipt = fx.make.receipt({ bookNo: '5', receiptNo: 3 });
      await postAll([receipt, fx.make.cancel(receipt)]);
      await rejectedAlone(fx.make.receipt({ bookNo: '5', receiptNo: 3 }), 'receipt_number_taken');
    });
  });

  describe('journal vouchers', () => {
    it('rejects a journal voucher whose document does not balance as malformed, alone', async () => {
      const good = fx.make.receipt();
      const raw = fx.make.journal([
        { account: '010', debitSatang: 100, creditSatang: 0 },
        { account: '415002', debitSatang: 0, creditSatang: 100 },
      ]) as Entry & { doc: { lines: { creditSatang: number }[] } };
      const unbalanced = resealed({ ...raw, doc: { ...raw.doc, lines: [raw.doc.lines[0]!, { ...raw.doc.lines[1]!, creditSatang: 90 }] } } as Entry);
      const results = await pushResults(fx.server, fx.device, [unbalanced, good]);
      expect(expectRejected(results[0], 'malformed')).toContain('ยอดเดบิตรวมไม่เท่ากับยอดเครดิตรวม');
      expect(results[1]).toMatchObject({ outcome: 'posted', serverSeq: 1 });
      await expectNothingWritten(fx.server, fx.device.orgId, unbalanced.id);
    });

    it('rejects a journal voucher whose entry lines were unbalanced and re-hashed (unbalanced)', async () => {
      const voucher = fx.make.journal([
        { account: '010', debitSatang: 100, creditSatang: 0 },
        { account: '415002', debitSatang: 0, creditSatang: 100 },
      ]);
      const edited = resealed({ ...voucher, lines: [voucher.lines[0]!, { ...voucher.lines[1]!, creditSatang: 99 }] });
      expect(await rejectedAlone(edited, 'unbalanced')).toBe('ยอดเดบิตไม่เท่ากับยอดเครดิต (รายการไม่สมดุล)');
    });

    it('rejects opening balances not dated 1 October', async () => {
      const lines = [
        { account: '011', debitSatang: 500_000, creditSatang: 0 },
        { account: '700', debitSatang: 0, creditSatang: 500_000 },
      ];
      await rejectedAlone(fx.make.journal(lines, { purpose: 'opening', date: '2023-10-02' }), 'opening_date');
      await postAll([fx.make.journal(lines, { purpose: 'opening', date: '2023-10-01' })]);
    });
  });

  describe('budget control', () => {
    it('rejects a payment on a budget line that does not exist', async () => {
      const message = await rejectedAlone(fx.make.payment('L404', 10_000), 'budget_line_unknown');
      expect(message).toBe('ไม่มีรายการงบประมาณรหัส L404 ในปีงบประมาณ 2567');
    });

    it('rejects a payment larger than what remains of the line, showing every register column', async () => {
      await postAll([fx.make.appropriation('L1', 10_000_000), fx.make.payment('L1', 4_000_000)]);
      const message = await rejectedAlone(fx.make.payment('L1', 6_000_001), 'overspend');
      expect(message).toBe(
        'งบประมาณรายการ L1 คงเหลือไม่พอ: อนุมัติ 100,000.00 บาท, โอนเพิ่ม 0.00 บาท, โอนลด 0.00 บาท, ' +
          'ผูกพัน 0.00 บาท, เบิกจ่ายแล้ว 40,000.00 บาท, คงเหลือ 60,000.00 บาท แต่ต้องการ 60,000.01 บาท',
      );
      await postAll([fx.make.payment('L1', 6_000_000)]); // exactly what remains
      expect(await storedBudgetBalance(fx.server, fx.device.orgId, 'L1')).toMatchObject({ appropriationSatang: 10_000_000, spentSatang: 10_000_000 });
    });

    it('rejects a payment charged to another expense account than the line’s', async () => {
      await postAll([fx.make.appropriation('L1', 10_000_000)]);
      await rejectedAlone(fx.make.payment('L1', 100, { expenseAccount: '533000' }), 'expense_account_mismatch');
    });

    it('rejects a second appropriation of the same line (budget_line_exists)', async () => {
      await postAll([fx.make.appropriation('L1', 10_000_000)]);
      await rejectedAlone(fx.make.appropriation('L1', 5_000), 'budget_line_exists');
    });

    it('rejects a transfer larger than what remains of the line it comes from', async () => {
      await postAll([fx.make.appropriation('L1', 1_000_000), fx.make.appropriation('L2', 1_000_000), fx.make.payment('L1', 700_000)]);
      const message = await rejectedAlone(fx.make.transfer('L1', 'L2', 300_001), 'transfer_exceeds');
      expect(message).toContain('งบประมาณรายการ L1 คงเหลือไม่พอให้โอนลด');
      await postAll([fx.make.transfer('L1', 'L2', 300_000)]);
      expect(await storedBudgetBalance(fx.server, fx.device.orgId, 'L2')).toMatchObject({ transferInSatang: 300_000 });
    });

    it('rejects a transfer to an unknown line unless it defines the new line', async () => {
      await postAll([fx.make.appropriation('L1', 1_000_000)]);
      await rejectedAlone(fx.make.transfer('L1', 'NEW', 100_000), 'budget_line_unknown');
      const defining = fx.make.transfer('L1', 'NEW', 100_000, { newLine: true });
      await postAll([defining]);
      const { rows } = await fx.server.db.query('SELECT entry_id FROM budget_lines WHERE org_id = $1 AND code = $2', [fx.device.orgId, 'NEW']);
      expect(rows).toEqual([{ entry_id: defining.id }]);
    });
  });

  describe('commitments and releases', () => {
    it('rejects a commitment larger than what remains of the line', async () => {
      await postAll([fx.make.appropriation('L1', 1_000_000), fx.make.payment('L1', 400_000)]);
      await rejectedAlone(fx.make.commitment('L1', 600_001), 'overspend');
    });

    it('rejects a release of a commitment that does not exist, or of another line', async () => {
      await postAll([fx.make.appropriation('L1', 1_000_000), fx.make.appropriation('L2', 1_000_000)]);
      await rejectedAlone(fx.make.release('L1', newEntryId(), 100), 'commitment_unknown');
      const commitment = fx.make.commitment('L1', 500_000);
      await postAll([commitment]);
      await rejectedAlone(fx.make.release('L2', commitment.id, 100), 'commitment_unknown');
    });

    it('rejects releasing more than is still committed', async () => {
      const commitment = fx.make.commitment('L1', 500_000);
      await postAll([fx.make.appropriation('L1', 1_000_000), commitment, fx.make.release('L1', commitment.id, 200_000)]);
      const message = await rejectedAlone(fx.make.release('L1', commitment.id, 300_001), 'release_exceeds');
      expect(message).toBe('ยกเลิกผูกพันได้ไม่เกินยอดผูกพันคงเหลือ 3,000.00 บาท');
    });

    it('rejects a payment that uses up more of a commitment than is outstanding', async () => {
      const commitment = fx.make.commitment('L1', 500_000);
      await postAll([fx.make.appropriation('L1', 1_000_000), commitment, fx.make.payment('L1', 400_000, { commitmentId: commitment.id, releaseSatang: 400_000 })]);
      await rejectedAlone(fx.make.payment('L1', 200_000, { commitmentId: commitment.id, releaseSatang: 100_001 }), 'release_exceeds');
    });

    it('rejects a payment naming a commitment that does not exist', async () => {
      await postAll([fx.make.appropriation('L1', 1_000_000)]);
      await rejectedAlone(fx.make.payment('L1', 100, { commitmentId: newEntryId(), releaseSatang: 100 }), 'commitment_unknown');
    });

    it('pays on a commitment from the committed money, not from what remains free', async () => {
      const commitment = fx.make.commitment('L1', 800_000);
      await postAll([fx.make.appropriation('L1', 1_000_000), commitment]);
      // 200,000 free + 800,000 committed: a payment of 900,000 using 800,000 of the commitment fits.
      await postAll([fx.make.payment('L1', 900_000, { commitmentId: commitment.id, releaseSatang: 800_000 })]);
      expect(await storedBudgetBalance(fx.server, fx.device.orgId, 'L1')).toEqual({
        appropriationSatang: 1_000_000,
        supplementarySatang: 0,
        transferInSatang: 0,
        transferOutSatang: 0,
        committedSatang: 0,
        spentSatang: 900_000,
      });
    });
  });

  describe('cancels', () => {
    it('rejects a cancel of an entry the server does not have', async () => {
      const neverPosted = fx.make.receipt();
      expect(await rejectedAlone(fx.make.cancel(neverPosted), 'cancel_unknown')).toBe('ไม่พบรายการที่ต้องการยกเลิก');
    });

    it('does not find an entry of another organisation to cancel', async () => {
      const elsewhere = await enrolNewOrg(fx.server, 'เทศบาลอื่น');
      const theirs = new EntryMaker(elsewhere).receipt();
      await postAll([theirs], elsewhere);
      await rejectedAlone(fx.make.cancel(theirs), 'cancel_unknown');
    });

    it('rejects a cancel of an entry already cancelled', async () => {
      const receipt = fx.make.receipt();
      await postAll([receipt, fx.make.cancel(receipt)]);
      expect(await rejectedAlone(fx.make.cancel(receipt), 'cancel_already')).toBe('รายการนี้ถูกยกเลิกไปแล้ว');
    });

    it('posts the first of two cancels of one entry in a batch and rejects the second', async () => {
      const receipt = fx.make.receipt();
      await postAll([receipt]);
      const first = fx.make.cancel(receipt);
      const second = fx.make.cancel(receipt);
      const results = await pushResults(fx.server, fx.device, [first, second]);
      expect(results[0]).toMatchObject({ outcome: 'posted' });
      expectRejected(results[1], 'cancel_already');
      await expectNothingWritten(fx.server, fx.device.orgId, second.id);
      const { rows } = await fx.server.db.query('SELECT cancel_id FROM cancellations WHERE org_id = $1 AND target_id = $2', [fx.device.orgId, receipt.id]);
      expect(rows).toEqual([{ cancel_id: first.id }]);
    });

    it('rejects a cancel of a cancel', async () => {
      const receipt = fx.make.receipt();
      const cancel = fx.make.cancel(receipt);
      await postAll([receipt, cancel]);
      await rejectedAlone(fx.make.cancel(cancel), 'cancel_of_cancel');
    });

    it('rejects a cancel that names the target’s id with another hash (cancel_mismatch)', async () => {
      const receipt = fx.make.receipt();
      await postAll([receipt]);
      const cancel = fx.make.cancel(receipt) as Entry & { doc: { targetHash: string } };
      await rejectedAlone(resealed({ ...cancel, doc: { ...cancel.doc, targetHash: 'f'.repeat(64) } } as Entry), 'cancel_mismatch');
    });

    it('rejects a cancel dated before the entry it cancels', async () => {
      const receipt = fx.make.receipt({}, { date: '2024-02-01' });
      await postAll([receipt]);
      await rejectedAlone(fx.make.cancel(receipt, { date: '2024-01-31' }), 'cancel_mismatch');
    });

    it('rejects cancelling an appropriation already spent from (cancel_blocked)', async () => {
      const appropriation = fx.make.appropriation('L1', 1_000_000);
      await postAll([appropriation, fx.make.payment('L1', 600_000)]);
      expect(await rejectedAlone(fx.make.cancel(appropriation), 'cancel_blocked')).toContain('จะคงเหลือติดลบ 6,000.00 บาท');
    });

    it('rejects cancelling a commitment already partly paid on (cancel_blocked)', async () => {
      const commitment = fx.make.commitment('L1', 500_000);
      await postAll([fx.make.appropriation('L1', 1_000_000), commitment, fx.make.payment('L1', 100_000, { commitmentId: commitment.id, releaseSatang: 100_000 })]);
      await rejectedAlone(fx.make.cancel(commitment), 'cancel_blocked');
    });

    it('refuses alone a cancel of a stored entry this version cannot read, instead of failing the push', async () => {
      // A receipt in the walking skeleton's shape, as an older data folder holds it.
      const old = fx.make.receipt();
      const { items: _items, receivedInto: _into, ...oldDoc } = old.doc;
      const body = { ...old, doc: { ...oldDoc, revenueAccount: '412001', amountSatang: 20_000 } };
      await fx.server.db.query(
        `INSERT INTO entries (org_id, id, device_id, seq, kind, date, hash, body, server_seq, received_at)
         VALUES ($1, $2, $3, 1, 'receipt', $4, $5, $6::text::jsonb, 1, now())`,
        [fx.device.orgId, old.id, fx.device.deviceId, old.date, old.hash, JSON.stringify(body)],
      );
      await fx.server.db.query('UPDATE orgs SET last_server_seq = 1 WHERE org_id = $1', [fx.device.orgId]);
      const cancel = fx.make.cancel(old);
      const other = fx.make.receipt();
      const results = await pushResults(fx.server, fx.device, [cancel, other]);
      expect(expectRejected(results[0], 'cancel_target_unreadable')).toContain('แจ้งผู้ดูแลระบบ');
      expect(results[1]).toMatchObject({ outcome: 'posted', serverSeq: 2 });
      await expectNothingWritten(fx.server, fx.device.orgId, cancel.id);
    });

    it('undoes a cancelled payment’s budget effects, so the money can be spent again', async () => {
      const payment = fx.make.payment('L1', 1_000_000);
      await postAll([fx.make.appropriation('L1', 1_000_000), payment]);
      await rejectedAlone(fx.make.payment('L1', 1), 'overspend');
      await postAll([fx.make.cancel(payment), fx.make.payment('L1', 1_000_000)]);
      expect(await storedBudgetBalance(fx.server, fx.device.orgId, 'L1')).toMatchObject({ spentSatang: 1_000_000 });
    });
  });
});
