import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntry } from '../../src/domain/entry';
import { entryHash } from '../../src/domain/entryHash';
import { isBalanced } from '../../src/domain/journal';
import { revenueAccounts } from '../../src/domain/accounts';
import { receiptDocSchema } from '../../src/domain/receipt';
import { isIsoDate } from '../../src/domain/thaiDate';
import { recordReceipt } from '../../src/store/recordReceipt';
import { entryOf } from '../../src/store/storedEntry';
import { StoreError } from '../../src/store/storeError';
import type { ReceiptInput } from '../../src/store/recordReceipt';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

const dateArb = fc
  .date({ min: new Date('2023-10-01T00:00:00Z'), max: new Date('2024-09-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Receipts as officers might type them, including some the store must refuse. */
const receiptArb: fc.Arbitrary<ReceiptInput> = fc.record({
  date: fc.oneof({ weight: 9, arbitrary: dateArb }, { weight: 1, arbitrary: fc.constant('2024-02-30') }),
  recordedBy: fc.oneof(fc.constant('สมศรี ใจดี'), fc.string({ unit: 'grapheme', minLength: 0, maxLength: 30 })),
  doc: fc.record({
    bookNo: fc.string({ unit: 'grapheme', minLength: 0, maxLength: 22 }),
    receiptNo: fc.integer({ min: 0, max: 1_000_000 }),
    payer: fc.oneof(fc.constant('  นางสาวมาลี ศรีสุข '), fc.string({ unit: 'grapheme', minLength: 0, maxLength: 60 })),
    revenueAccount: fc.constantFrom(...revenueAccounts.map((a) => a.code), '999999'),
    amountSatang: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 1, max: 10_000_000_000_000 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, -100, 10_000_000_000_001) },
    ),
    method: fc.constantFrom('cash' as const, 'bank' as const),
  }),
});

/** What the domain itself accepts: such a receipt must be recorded, never refused by the store. */
function domainAccepts(input: ReceiptInput): boolean {
  const by = input.recordedBy.trim();
  return isIsoDate(input.date) && receiptDocSchema.safeParse(input.doc).success && by.length >= 1 && by.length <= 100;
}

describe('recordReceipt, for any sequence of receipts', () => {
  it('stores only entries that balance, whose hash is the hash of their content, numbered 1..n', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(receiptArb, { minLength: 1, maxLength: 25 }), async (inputs) => {
        const db = await enrolledDb('prop');
        const clock = manualClock();
        const random = seededRandom();
        let recorded = 0;
        for (const input of inputs) {
          clock.advance(7);
          const outcome = await recordReceipt(db, input, clock, random).then(
            () => 'recorded' as const,
            (e: unknown) => e,
          );
          if (domainAccepts(input)) {
            expect(outcome).toBe('recorded');
            recorded += 1;
          } else {
            // Refusals are typed and in Thai; anything else is a bug.
            expect(outcome).toBeInstanceOf(StoreError);
            expect((outcome as StoreError).code).toBe('invalid-entry');
          }
        }
        const stored = await db.entries.toArray();
        expect(stored).toHaveLength(recorded);
        for (const e of stored) {
          expect(e.state).toBe('pending');
          expect(isBalanced(e.lines)).toBe(true);
          expect(e.hash).toBe(entryHash(entryOf(e) as unknown as Record<string, unknown>));
          expect(checkEntry(entryOf(e)).outcome).toBe('valid');
        }
        expect(stored.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
          Array.from({ length: recorded }, (_, i) => i + 1),
        );
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
