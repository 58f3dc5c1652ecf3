/** fast-check generators of valid documents of every kind, shared by the property tests. */
import fc from 'fast-check';
import { postableAccounts } from '../../src/domain/chart/chart';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import type { EntryContent, EntryDoc } from '../../src/domain/entry';
import { entryIdOf } from '../../src/domain/entryId';
import { amountSatangMax } from '../../src/domain/money';
import type { BudgetDoc } from '../../src/domain/kinds/budgetEntry';
import type { JournalVoucherDoc } from '../../src/domain/kinds/journalVoucher';
import type { PaymentDoc } from '../../src/domain/kinds/payment';
import type { ReceiptDoc } from '../../src/domain/kinds/receipt';
import { lineDef } from './builders';

const fy = 2567;
const revenueCodes = postableAccounts(defaultChart, fy, { type: 'revenue' }).map((a) => a.code);
const depositCodes = postableAccounts(defaultChart, fy, { role: 'deposit' }).map((a) => a.code);
const bankCodes = postableAccounts(defaultChart, fy, { role: 'bank' }).map((a) => a.code);
const allCodes = postableAccounts(defaultChart, fy).map((a) => a.code);
/** Amounts small enough that twenty of them still fit one document. */
const amountArb = fc.integer({ min: 1, max: Math.floor(amountSatangMax / 100) });
const nameArb = fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.trim()).filter((s) => s.length > 0);

export const receiptDocArb: fc.Arbitrary<ReceiptDoc> = fc
  .record({
    bookNo: fc.stringMatching(/^[0-9A-Za-zก-ฮ/]{1,20}$/),
    receiptNo: fc.integer({ min: 1, max: 999_999 }),
    payer: nameArb,
    items: fc.array(fc.record({ account: fc.constantFrom(...revenueCodes, ...depositCodes), amountSatang: amountArb }), { minLength: 1, maxLength: 5 }),
    method: fc.constantFrom('cash' as const, 'cheque' as const, 'transfer' as const),
    bank: fc.constantFrom(...bankCodes),
  })
  .map(({ bank, ...d }) => ({ ...d, receivedInto: d.method === 'transfer' ? bank : '010' }));

export const paymentDocArb: fc.Arbitrary<PaymentDoc> = fc
  .record({
    gross: fc.integer({ min: 100, max: Math.floor(amountSatangMax / 100) }),
    cuts: fc.array(fc.record({ account: fc.constantFrom(...depositCodes), share: fc.integer({ min: 1, max: 30 }) }), { maxLength: 3 }),
    toBudget: fc.boolean(),
    method: fc.constantFrom('cheque' as const, 'transfer' as const, 'cash' as const),
  })
  .map(({ gross, cuts, toBudget, method }) => {
    const deductions = cuts.map((c) => ({ kind: 'other' as const, account: c.account, amountSatang: Math.max(1, Math.floor((gross * c.share) / 100)) }));
    const deducted = deductions.reduce((s, d) => s + d.amountSatang, 0);
    return {
      voucherNo: '1/2567',
      payee: 'ผู้รับเงิน',
      description: 'ค่าใช้สอย',
      charge: toBudget
        ? { kind: 'budget' as const, fiscalYear: fy, budgetLine: 'L1', expenseAccount: '532000', commitmentReleaseSatang: 0 }
        : { kind: 'deposit' as const, account: '902' },
      grossSatang: gross,
      deductions: deducted < gross ? deductions : [],
      netSatang: deducted < gross ? gross - deducted : gross,
      method,
      paidFrom: method === 'cash' ? '010' : '011',
    };
  });

export const journalDocArb: fc.Arbitrary<JournalVoucherDoc> = fc
  .record({
    debits: fc.array(fc.record({ account: fc.constantFrom(...allCodes), amount: amountArb }), { minLength: 1, maxLength: 6 }),
    creditAccount: fc.constantFrom(...allCodes),
    purpose: fc.constantFrom('general' as const, 'opening' as const),
  })
  .map(({ debits, creditAccount, purpose }) => {
    const total = debits.reduce((s, d) => s + d.amount, 0);
    return {
      voucherNo: 'JV1',
      purpose,
      description: 'ปรับปรุงบัญชี',
      lines: [
        ...debits.map((d) => ({ account: d.account, debitSatang: d.amount, creditSatang: 0 })),
        { account: creditAccount, debitSatang: 0, creditSatang: total },
      ],
    };
  });

export const budgetDocArb: fc.Arbitrary<BudgetDoc> = fc.oneof(
  amountArb.map((a) => ({ action: 'appropriation' as const, line: lineDef('L1'), amountSatang: a, reference: 'ข้อบัญญัติ' })),
  amountArb.map((a) => ({ action: 'supplementary' as const, line: lineDef('L2'), amountSatang: a, reference: 'งบเพิ่มเติม' })),
  amountArb.map((a) => ({ action: 'transfer' as const, fiscalYear: fy, fromLine: 'L1', toLine: 'L2', amountSatang: a, reference: 'โอน 1/2567' })),
  amountArb.map((a) => ({ action: 'commitment' as const, fiscalYear: fy, line: 'L1', amountSatang: a, reference: 'สัญญา 5/2567', payee: 'หจก.ก่อสร้าง' })),
);

export const entryDocArb: fc.Arbitrary<EntryDoc> = fc.oneof(
  receiptDocArb.map((doc) => ({ kind: 'receipt' as const, doc })),
  fc.record({ amount: amountArb, bank: fc.constantFrom(...bankCodes) }).map(({ amount, bank }) => ({
    kind: 'deposit' as const,
    doc: { fromCashAccount: '010', toBankAccount: bank, amountSatang: amount },
  })),
  paymentDocArb.map((doc) => ({ kind: 'payment' as const, doc })),
  budgetDocArb.map((doc) => ({ kind: 'budget' as const, doc })),
  journalDocArb.map((doc) => ({ kind: 'journal' as const, doc })),
);

const uuidArb = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 47 }), fc.uint8Array({ minLength: 10, maxLength: 10 }))
  .map(([ms, bytes]) => entryIdOf(ms, bytes));

const isoDateArb = fc
  .integer({ min: 0, max: 20_000 })
  .map((day) => new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10));

/** A complete entry content of any kind but cancel (cancels are built from a target). */
export const entryContentArb: fc.Arbitrary<EntryContent> = fc
  .record({
    id: uuidArb,
    orgId: uuidArb,
    deviceId: uuidArb,
    seq: fc.integer({ min: 1, max: 1_000_000 }),
    date: isoDateArb,
    recordedAt: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString()),
    recordedBy: fc.constantFrom('เจ้าหน้าที่การเงิน', 'officer-1'),
    body: entryDocArb,
  })
  .map(({ body, ...envelope }) => ({ schema: 1 as const, ...envelope, ...body }) as EntryContent);
