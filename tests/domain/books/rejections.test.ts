import { describe, expect, it } from 'vitest';
import { booksKeysOf } from '../../../src/domain/books/booksKeys';
import { checkAgainstBooks } from '../../../src/domain/books/checkAgainstBooks';
import { appropriation, budgetPayment, cancelOf, emptyBooks, entryOf, lineDef, receiptDoc } from '../builders';

const fy = 2567;

/** Books with line L1 appropriated 100,000 baht. */
function booksWithLine(amountSatang = 10_000_000) {
  const books = emptyBooks();
  const approp = entryOf(appropriation('L1', amountSatang), '2023-10-01');
  expect(checkAgainstBooks(approp, books)).toEqual({ outcome: 'accepted' });
  books.apply(approp);
  return books;
}

describe('rules that need the books', () => {
  it('accepts a valid receipt', () => {
    expect(checkAgainstBooks(entryOf(receiptDoc('1', 1)), emptyBooks())).toEqual({ outcome: 'accepted' });
  });

  it('refuses an account that is not in the chart of the year', () => {
    const r = checkAgainstBooks(entryOf(receiptDoc('1', 1, 500, '499999')), emptyBooks());
    expect(r).toMatchObject({ outcome: 'refused', code: 'unknown_account', field: 'items.0.account' });
    if (r.outcome === 'refused') expect(r.messageTh).toContain('ไม่มีรหัสบัญชี 499999 ในผังบัญชีของปีงบประมาณ 2567');
  });

  it('names the journal line whose account is unknown', () => {
    const jv = entryOf({ kind: 'journal', doc: { voucherNo: 'JV1', purpose: 'general', description: 'ปรับปรุง', lines: [
      { account: '010', debitSatang: 100, creditSatang: 0 }, { account: '777777', debitSatang: 0, creditSatang: 100 }] } });
    expect(checkAgainstBooks(jv, emptyBooks())).toMatchObject({ code: 'unknown_account', field: 'lines.1.account' });
  });

  it('refuses posting to a heading (หมวด) account', () => {
    expect(checkAgainstBooks(entryOf(receiptDoc('1', 1, 500, '411000')), emptyBooks())).toMatchObject({ code: 'unknown_account' });
  });

  it('refuses a receipt credited to an expense account', () => {
    const r = checkAgainstBooks(entryOf(receiptDoc('1', 1, 500, '532000')), emptyBooks());
    expect(r).toMatchObject({ outcome: 'refused', code: 'unknown_account', field: 'items.0.account' });
  });

  it('refuses a date that has not come yet', () => {
    const r = checkAgainstBooks(entryOf(receiptDoc('1', 1), '2024-10-01'), emptyBooks());
    expect(r).toEqual({ outcome: 'refused', code: 'date_in_future', messageTh: 'วันที่ 01/10/2567 ยังมาไม่ถึง (วันนี้ 30/09/2567)', field: 'date' });
  });

  it('refuses a date in books already closed', () => {
    const books = emptyBooks({ rules: { ...emptyBooks().rules, booksClosedThrough: '2024-03-31' } });
    const r = checkAgainstBooks(entryOf(receiptDoc('1', 1), '2024-03-31'), books);
    expect(r).toMatchObject({ code: 'date_closed', messageTh: 'ปิดบัญชีถึงวันที่ 31/03/2567 แล้ว บันทึกรายการลงวันที่ 31/03/2567 ไม่ได้' });
    expect(checkAgainstBooks(entryOf(receiptDoc('1', 1), '2024-04-01'), books)).toEqual({ outcome: 'accepted' });
  });

  it('refuses a receipt number already used in its book, even by a cancelled receipt', () => {
    const books = emptyBooks();
    const first = entryOf(receiptDoc('7', 15));
    books.apply(first);
    books.apply(cancelOf(first));
    const r = checkAgainstBooks(entryOf(receiptDoc('7', 15)), books);
    expect(r).toMatchObject({ code: 'receipt_number_taken', messageTh: 'ใบเสร็จเล่มที่ 7 เลขที่ 15 ถูกใช้ไปแล้ว', field: 'receiptNo' });
    expect(checkAgainstBooks(entryOf(receiptDoc('8', 15)), books)).toEqual({ outcome: 'accepted' });
  });

  it('refuses a payment larger than what is left on the line, showing every column', () => {
    const books = booksWithLine(10_000_000);
    const commit = entryOf({ kind: 'budget', doc: { action: 'commitment', fiscalYear: fy, line: 'L1', amountSatang: 3_000_000, reference: 'สัญญา 1', payee: 'หจก.ก' } });
    books.apply(commit);
    books.apply(entryOf(budgetPayment('L1', 2_000_000)));
    const r = checkAgainstBooks(entryOf(budgetPayment('L1', 5_000_001)), books);
    expect(r).toEqual({
      outcome: 'refused',
      code: 'overspend',
      field: 'grossSatang',
      messageTh:
        'งบประมาณรายการ L1 คงเหลือไม่พอ: อนุมัติ 100,000.00 บาท, โอนเพิ่ม 0.00 บาท, โอนลด 0.00 บาท, ' +
        'ผูกพัน 30,000.00 บาท, เบิกจ่ายแล้ว 20,000.00 บาท, คงเหลือ 50,000.00 บาท แต่ต้องการ 50,000.01 บาท',
    });
    expect(checkAgainstBooks(entryOf(budgetPayment('L1', 5_000_000)), books)).toEqual({ outcome: 'accepted' });
  });

  it('lets a payment draw on its commitment beyond the uncommitted remainder', () => {
    const books = booksWithLine(1_000_000);
    const commit = entryOf({ kind: 'budget', doc: { action: 'commitment', fiscalYear: fy, line: 'L1', amountSatang: 1_000_000, reference: 'สัญญา 1', payee: 'หจก.ก' } });
    books.apply(commit);
    expect(checkAgainstBooks(entryOf(budgetPayment('L1', 1)), books)).toMatchObject({ code: 'overspend' });
    const pay = entryOf(budgetPayment('L1', 1_000_000, { commitmentId: commit.id, releaseSatang: 1_000_000 }));
    expect(checkAgainstBooks(pay, books)).toEqual({ outcome: 'accepted' });
    books.apply(pay);
    expect(books.commitment(commit.id)?.outstandingSatang).toBe(0);
    const again = entryOf(budgetPayment('L1', 1, { commitmentId: commit.id, releaseSatang: 1 }));
    expect(checkAgainstBooks(again, books)).toMatchObject({ code: 'release_exceeds', messageTh: 'ยอดที่ตัดจากเงินผูกพันเกินยอดผูกพันคงเหลือ (0.00 บาท)' });
  });

  it('refuses a payment on an unknown line, another year, or another หมวด', () => {
    const books = booksWithLine();
    expect(checkAgainstBooks(entryOf(budgetPayment('L9', 100)), books)).toMatchObject({ code: 'budget_line_unknown' });
    expect(checkAgainstBooks(entryOf(budgetPayment('L1', 100), '2023-09-30'), books)).toMatchObject({ code: 'fiscal_year_mismatch' });
    const wrongCategory = budgetPayment('L1', 100);
    wrongCategory.doc.charge.expenseAccount = '533000';
    expect(checkAgainstBooks(entryOf(wrongCategory), books)).toMatchObject({ code: 'expense_account_mismatch' });
  });

  it('refuses a second appropriation of one line, and a transfer beyond what is left', () => {
    const books = booksWithLine(1_000_000);
    expect(checkAgainstBooks(entryOf(appropriation('L1', 5)), books)).toMatchObject({ code: 'budget_line_exists' });
    const transfer = (amountSatang: number) =>
      entryOf({ kind: 'budget', doc: { action: 'transfer', fiscalYear: fy, fromLine: 'L1', toLine: 'L2', toLineDef: lineDef('L2'), amountSatang, reference: 'โอน 1' } });
    expect(checkAgainstBooks(transfer(1_000_001), books)).toMatchObject({ code: 'transfer_exceeds' });
    const ok = transfer(400_000);
    expect(checkAgainstBooks(ok, books)).toEqual({ outcome: 'accepted' });
    books.apply(ok);
    expect(books.budgetLine(fy, 'L2')?.balance.transferInSatang).toBe(400_000);
    expect(books.budgetLine(fy, 'L1')?.balance.transferOutSatang).toBe(400_000);
  });

  it('refuses a release of an unknown commitment or of more than is committed', () => {
    const books = booksWithLine();
    const commit = entryOf({ kind: 'budget', doc: { action: 'commitment', fiscalYear: fy, line: 'L1', amountSatang: 500, reference: 'PO 3', payee: 'ร้าน' } });
    books.apply(commit);
    const release = (commitmentId: string, amountSatang: number) =>
      entryOf({ kind: 'budget', doc: { action: 'release', fiscalYear: fy, line: 'L1', commitmentId, amountSatang, reason: 'ส่งของไม่ครบ' } });
    expect(checkAgainstBooks(release(entryOf(receiptDoc('1', 1)).id, 1), books)).toMatchObject({ code: 'commitment_unknown' });
    expect(checkAgainstBooks(release(commit.id, 501), books)).toMatchObject({ code: 'release_exceeds', messageTh: 'ยกเลิกผูกพันได้ไม่เกินยอดผูกพันคงเหลือ 5.00 บาท' });
    expect(checkAgainstBooks(release(commit.id, 500), books)).toEqual({ outcome: 'accepted' });
  });

  it('takes a revenue estimate (ประมาณการรายรับ) for a revenue item of this or the coming year only', () => {
    const estimate = (account: string, fiscalYear: number) =>
      entryOf({ kind: 'budget', doc: { action: 'revenueEstimate', fiscalYear, account, amountSatang: 5_000_000, reference: 'ข้อบัญญัติ 2567' } }, '2023-10-01');
    const books = emptyBooks();
    const ok = estimate('411002', fy);
    expect(checkAgainstBooks(ok, books)).toEqual({ outcome: 'accepted' });
    books.apply(ok);
    expect(books.budgetLine(fy, '411002')).toBeUndefined(); // it moves no budget line
    expect(checkAgainstBooks(estimate('532000', fy), books)).toMatchObject({ code: 'unknown_account', field: 'account' });
    expect(checkAgainstBooks(estimate('411002', 2569), books)).toMatchObject({ code: 'fiscal_year_mismatch' });
  });

  it('refuses opening balances not dated 1 October', () => {
    const opening = (date: string) =>
      entryOf({ kind: 'journal', doc: { voucherNo: 'ยกมา', purpose: 'opening', description: 'ยอดยกมา', lines: [
        { account: '010', debitSatang: 100, creditSatang: 0 }, { account: '700', debitSatang: 0, creditSatang: 100 }] } }, date);
    expect(checkAgainstBooks(opening('2023-10-02'), emptyBooks())).toMatchObject({ code: 'opening_date' });
    expect(checkAgainstBooks(opening('2023-10-01'), emptyBooks())).toEqual({ outcome: 'accepted' });
  });

  it('refuses a cancel of an unknown entry, of an already cancelled one, and of a cancel', () => {
    const books = emptyBooks();
    const receipt = entryOf(receiptDoc('1', 1));
    expect(checkAgainstBooks(cancelOf(receipt), books)).toMatchObject({ code: 'cancel_unknown', messageTh: 'ไม่พบรายการที่ต้องการยกเลิก' });
    books.apply(receipt);
    const cancel = cancelOf(receipt);
    expect(checkAgainstBooks(cancel, books)).toEqual({ outcome: 'accepted' });
    books.apply(cancel);
    expect(checkAgainstBooks(cancelOf(receipt), books)).toMatchObject({ code: 'cancel_already', messageTh: 'รายการนี้ถูกยกเลิกไปแล้ว' });
    expect(checkAgainstBooks(cancelOf(cancel), books)).toMatchObject({ code: 'cancel_of_cancel' });
    // The keys of such a cancel can be asked for too (a store loads them before checking).
    expect(booksKeysOf(cancelOf(cancel), cancel).entryIds).toEqual([cancel.id]);
  });

  it('refuses a cancel that does not mirror its target', () => {
    const books = emptyBooks();
    const receipt = entryOf(receiptDoc('1', 1));
    books.apply(receipt);
    const other = entryOf(receiptDoc('1', 2, 999));
    const forged = entryOf({ kind: 'cancel', doc: { targetId: receipt.id, targetHash: receipt.hash, reason: 'x' } }, receipt.date, other);
    expect(checkAgainstBooks(forged, books)).toMatchObject({ code: 'cancel_mismatch' });
  });

  it('refuses to cancel a budget already spent, or a commitment already drawn on', () => {
    const books = emptyBooks();
    const approp = entryOf(appropriation('L1', 1_000), '2023-10-01');
    books.apply(approp);
    const commit = entryOf({ kind: 'budget', doc: { action: 'commitment', fiscalYear: fy, line: 'L1', amountSatang: 600, reference: 'PO', payee: 'ร้าน' } });
    books.apply(commit);
    books.apply(entryOf(budgetPayment('L1', 100, { commitmentId: commit.id, releaseSatang: 100 })));
    expect(checkAgainstBooks(cancelOf(approp), books)).toMatchObject({ code: 'cancel_blocked' });
    expect(checkAgainstBooks(cancelOf(commit), books)).toMatchObject({ code: 'cancel_blocked' });
  });
});
