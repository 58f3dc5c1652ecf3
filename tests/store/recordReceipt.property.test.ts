/**
 * The store decides exactly as the domain does: for any sequence of receipts as officers might type
 * them (typos, taken numbers, wrong accounts, future dates), recordReceipt records those the domain's
 * schema and books rules accept, over a model of the books kept apart in memory, and refuses the others
 * with the same reason; what it stores balances, hashes right, and is numbered 1..n.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainstBooks } from '../../src/domain/books/checkAgainstBooks';
import { InMemoryBooks } from '../../src/domain/books/inMemoryBooks';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { buildEntry, checkEntry, type Entry } from '../../src/domain/entry';
import { entryHash } from '../../src/domain/entryHash';
import { isBalanced } from '../../src/domain/journal';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { recordEntryInputSchema } from '../../src/store/entryInput';
import { recordReceipt, type ReceiptInput } from '../../src/store/recordReceipt';
import { entryOf } from '../../src/store/storedEntry';
import { StoreError } from '../../src/store/storeError';
import { enrolledDb, manualClock, seededRandom, testEnrolment } from './fixtures';

const dateArb = fc.oneof(
  { weight: 19, arbitrary: fc.integer({ min: 0, max: 365 }).map((d) => new Date(Date.UTC(2023, 9, 1) + d * 86_400_000).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constant('2024-02-30') },
);

/** Mostly `usual`, sometimes `odd`: most receipts are typed right, the rest probe every refusal. */
function mostly<T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: odd });
}

const receiptArb: fc.Arbitrary<ReceiptInput> = fc.record({
  date: dateArb,
  recordedBy: mostly(fc.constant('สมศรี ใจดี'), fc.string({ unit: 'grapheme', minLength: 0, maxLength: 30 })),
  doc: fc.record({
    bookNo: mostly(fc.constantFrom('1', '2', ' 2 ', 'เล่ม/3'), fc.constant('')),
    receiptNo: mostly(fc.integer({ min: 1, max: 6 }), fc.constant(0)),
    payer: mostly(fc.constant('  นางสาวมาลี ศรีสุข '), fc.string({ unit: 'grapheme', minLength: 0, maxLength: 60 })),
    items: mostly(
      fc.array(
        fc.record({
          account: mostly(fc.constantFrom('411002', '412001', '902'), fc.constantFrom('532000', '411000', '999999')),
          amountSatang: mostly(fc.integer({ min: 1, max: 1_000_000_000 }), fc.constantFrom(0, -100)),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      fc.constant([]),
    ),
    method: fc.constantFrom('cash' as const, 'cheque' as const),
    receivedInto: mostly(fc.constant('010'), fc.constantFrom('011', '532000')),
  }),
});

type Expected = { outcome: 'recorded' } | { outcome: 'invalid' } | { outcome: 'refused'; code: string };

/** What the domain alone says of this input, on the model of the books. */
function domainDecision(input: ReceiptInput, model: InMemoryBooks, seq: number): Expected {
  const parsed = recordEntryInputSchema.safeParse({ ...input, kind: 'receipt' });
  if (!parsed.success || parsed.data.kind !== 'receipt') return { outcome: 'invalid' };
  const entry = buildEntry({
    schema: 1,
    id: '0190d6a4-0000-7000-8000-00000000ffff',
    orgId: testEnrolment.orgId,
    deviceId: testEnrolment.deviceId,
    seq,
    date: parsed.data.date,
    recordedAt: '2024-07-08T02:00:00.000Z',
    recordedBy: parsed.data.recordedBy,
    kind: 'receipt',
    doc: parsed.data.doc,
  });
  const check = checkAgainstBooks(entry, model);
  return check.outcome === 'accepted' ? { outcome: 'recorded' } : { outcome: 'refused', code: check.code };
}

describe('recordReceipt, for any sequence of receipts', () => {
  it('records exactly what the domain accepts, refuses the rest for the same reason, and stores sound entries numbered 1..n', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(receiptArb, { minLength: 1, maxLength: 25 }), async (inputs) => {
        const db = await enrolledDb('prop');
        const clock = manualClock(); // today: 2024-07-08
        const random = seededRandom();
        const model = new InMemoryBooks({ chart: defaultChart, rules: moneyRulesDefault, todayIso: '2024-07-08' });
        let recorded = 0;
        for (const input of inputs) {
          clock.advance(7);
          const expected = domainDecision(input, model, recorded + 1);
          const outcome = await recordReceipt(db, input, clock, random).then(
            (stored) => stored,
            (e: unknown) => e,
          );
          if (expected.outcome === 'recorded') {
            expect(outcome).not.toBeInstanceOf(Error);
            model.apply(entryOf(outcome as never) as Entry);
            recorded += 1;
          } else {
            expect(outcome).toBeInstanceOf(StoreError);
            expect((outcome as StoreError).messageTh).toMatch(/[\u0E00-\u0E7F]/);
            if (expected.outcome === 'invalid') expect((outcome as StoreError).code).toBe('invalid-entry');
            else expect(outcome).toMatchObject({ code: 'refused', rejectionCode: expected.code });
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
        expect(stored.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: recorded }, (_, i) => i + 1));
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
