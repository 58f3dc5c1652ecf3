/** fast-check generators of domain values, shared by the property tests. */
import fc from 'fast-check';
import { revenueAccounts } from '../../src/domain/accounts';
import type { EntryContent } from '../../src/domain/entry';
import { entryIdOf } from '../../src/domain/entryId';
import { amountSatangMax } from '../../src/domain/money';
import type { ReceiptDoc } from '../../src/domain/receipt';

export const receiptDocArb: fc.Arbitrary<ReceiptDoc> = fc.record({
  bookNo: fc.stringMatching(/^[0-9A-Za-zก-ฮ/]{1,20}$/),
  receiptNo: fc.integer({ min: 1, max: 999_999 }),
  payer: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0).map((s) => s.trim()),
  revenueAccount: fc.constantFrom(...revenueAccounts.map((a) => a.code)),
  amountSatang: fc.integer({ min: 1, max: amountSatangMax }),
  method: fc.constantFrom('cash' as const, 'bank' as const),
});

const uuidArb = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 47 }), fc.uint8Array({ minLength: 10, maxLength: 10 }))
  .map(([ms, bytes]) => entryIdOf(ms, bytes));

const isoDateArb = fc
  .integer({ min: 0, max: 20_000 })
  .map((day) => new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10));

export const entryContentArb: fc.Arbitrary<EntryContent> = fc.record({
  schema: fc.constant(1 as const),
  id: uuidArb,
  orgId: uuidArb,
  deviceId: uuidArb,
  seq: fc.integer({ min: 1, max: 1_000_000 }),
  kind: fc.constant('receipt' as const),
  date: isoDateArb,
  doc: receiptDocArb,
  recordedAt: fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) })
    .map((ms) => new Date(ms).toISOString()),
  recordedBy: fc.constantFrom('เจ้าหน้าที่การเงิน', 'officer-1'),
});
