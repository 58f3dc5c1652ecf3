import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEntry, checkEntry, type Entry } from '../../src/domain/entry';
import { isBalanced, journalTotals } from '../../src/domain/journal';
import { deriveDepositLines } from '../../src/domain/kinds/deposit';
import { derivePaymentLines, paymentDocSchema } from '../../src/domain/kinds/payment';
import { deriveReceiptLines } from '../../src/domain/kinds/receipt';
import { journalVoucherDocSchema } from '../../src/domain/kinds/journalVoucher';
import { entryContentArb } from './arbitraries';
import { budgetPayment, cancelOf, entryOf, receiptDoc } from './builders';

/** Σ(debit − credit) per account. */
function netByAccount(entries: Entry[]): Map<string, number> {
  const net = new Map<string, number>();
  for (const e of entries) for (const l of e.lines) net.set(l.account, (net.get(l.account) ?? 0) + l.debitSatang - l.creditSatang);
  return net;
}

describe('journal lines of every kind', () => {
  it('every valid document of every kind derives balanced lines (budget: none) that the server check accepts', () => {
    fc.assert(
      fc.property(entryContentArb, (content) => {
        const entry = buildEntry(content);
        if (entry.kind === 'budget') expect(entry.lines).toEqual([]);
        else expect(isBalanced(entry.lines)).toBe(true);
        expect(checkEntry(JSON.parse(JSON.stringify(entry)))).toMatchObject({ outcome: 'valid' });
      }),
      { numRuns: 1500 },
    );
  });

  it('every cancel nets its original to zero, account by account, and undoes its budget effects', () => {
    fc.assert(
      fc.property(entryContentArb, (content) => {
        const original = buildEntry(content);
        const cancel = cancelOf(original, original.date);
        expect(checkEntry(cancel).outcome).toBe('valid');
        for (const [, net] of netByAccount([original, cancel])) expect(net).toBe(0);
        expect(journalTotals(cancel.lines)).toEqual({
          debitSatang: journalTotals(original.lines).creditSatang,
          creditSatang: journalTotals(original.lines).debitSatang,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('a receipt debits cash for cash and cheques, the bank for a transfer, and credits each item', () => {
    const cash = deriveReceiptLines({ ...receiptDoc('1', 1).doc, items: [{ account: '411002', amountSatang: 300 }, { account: '903', amountSatang: 200 }] });
    expect(cash).toEqual([
      { account: '010', debitSatang: 500, creditSatang: 0 },
      { account: '411002', debitSatang: 0, creditSatang: 300 },
      { account: '903', debitSatang: 0, creditSatang: 200 },
    ]);
    const transfer = deriveReceiptLines({ ...receiptDoc('1', 1, 700).doc, method: 'transfer', receivedInto: '011' });
    expect(transfer[0]).toEqual({ account: '011', debitSatang: 700, creditSatang: 0 });
  });

  it('a deposit (นำฝาก) moves cash to the bank', () => {
    expect(deriveDepositLines({ fromCashAccount: '010', toBankAccount: '011', amountSatang: 12_345 })).toEqual([
      { account: '011', debitSatang: 12_345, creditSatang: 0 },
      { account: '010', debitSatang: 0, creditSatang: 12_345 },
    ]);
  });

  it('a ฎีกา charges the expense gross, credits withholding to its เงินรับฝาก and pays the net from the bank', () => {
    const { doc } = budgetPayment('L1', 1_500_000, { withholdingSatang: 15_000 });
    expect(derivePaymentLines(doc)).toEqual([
      { account: '532000', debitSatang: 1_500_000, creditSatang: 0 },
      { account: '902', debitSatang: 0, creditSatang: 15_000 },
      { account: '011', debitSatang: 0, creditSatang: 1_485_000 },
    ]);
  });

  it('refuses a ฎีกา whose net is not gross less deductions, in Thai', () => {
    const { doc } = budgetPayment('L1', 1_000_000, { withholdingSatang: 10_000 });
    const r = paymentDocSchema.safeParse({ ...doc, netSatang: 1_000_000 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('จำนวนเงินจ่ายสุทธิต้องเท่ากับยอดขอเบิกหักด้วยรายการหักทั้งหมด');
  });

  it('refuses an unbalanced journal voucher, in Thai', () => {
    const r = journalVoucherDocSchema.safeParse({
      voucherNo: 'JV1', purpose: 'general', description: 'ปรับปรุง',
      lines: [{ account: '010', debitSatang: 100, creditSatang: 0 }, { account: '700', debitSatang: 0, creditSatang: 99 }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('ยอดเดบิตรวมไม่เท่ากับยอดเครดิตรวม');
  });

  it('checkEntry refuses a cancel whose lines do not balance', () => {
    const receipt = entryOf(receiptDoc('1', 1));
    const cancel = cancelOf(receipt);
    const lines = [cancel.lines[0]!, { ...cancel.lines[1]!, debitSatang: 1 }];
    expect(checkEntry({ ...cancel, lines }).outcome).toBe('invalid');
  });
});
