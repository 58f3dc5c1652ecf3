/**
 * The server judges exactly as the domain does: for any sequence of budget, payment, receipt and cancel
 * entries, cut into pushes anywhere, each entry's outcome on the server (posted, or rejected with a
 * code) equals what the domain's InMemoryBooks decides entry by entry, and the register the server
 * keeps in budget_effects equals the domain's balance of every line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainstBooks } from '../../src/domain/books/checkAgainstBooks';
import { InMemoryBooks } from '../../src/domain/books/inMemoryBooks';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import type { Entry } from '../../src/domain/entry';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { EntryMaker, enrolNewOrg, openServerFixture, pushResults, serverBackends, storedBudgetBalance } from './helpers';

const lines = ['L1', 'L2'] as const;
const amount = fc.integer({ min: 1, max: 8 }).map((n) => n * 100_000);
const line = fc.constantFrom(...lines);
/** An earlier entry, by position (modulo how many there are when it is built). */
const ref = fc.nat({ max: 30 });

type Op =
  | { op: 'appropriation' | 'supplementary' | 'commitment'; line: string; amount: number }
  | { op: 'payment'; line: string; amount: number; commitment?: number; releaseSatang: number }
  | { op: 'transfer'; from: string; to: string; amount: number }
  | { op: 'release'; commitment: number; amount: number }
  | { op: 'receipt'; receiptNo: number }
  | { op: 'cancel'; target: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('appropriation' as const, 'supplementary' as const, 'commitment' as const), line, amount }),
  fc.record({ op: fc.constant('payment' as const), line, amount, commitment: fc.option(ref, { nil: undefined }), releaseSatang: fc.constantFrom(0, 100_000, 300_000) }),
  fc.record({ op: fc.constant('transfer' as const), from: line, to: line, amount }).filter((t) => t.from !== t.to),
  fc.record({ op: fc.constant('release' as const), commitment: ref, amount }),
  fc.record({ op: fc.constant('receipt' as const), receiptNo: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('cancel' as const), target: ref }),
);

/** The entries of `ops`, after an appropriation of each line (so that most budget entries have a line). */
function build(make: EntryMaker, ops: Op[]): Entry[] {
  const built: Entry[] = lines.map((code) => make.appropriation(code, 1_000_000));
  const commitments: Entry[] = [];
  const pick = (i: number) => built[i % built.length];
  /** Mostly a commitment made before; one time in five any earlier entry, which the rules must refuse. */
  const commitmentAt = (i: number) => (commitments.length > 0 && i % 5 !== 0 ? commitments[i % commitments.length]! : pick(i)!);
  for (const o of ops) {
    const commitmentOf = (i: number | undefined) => (i === undefined ? undefined : commitmentAt(i).id);
    switch (o.op) {
      case 'appropriation':
        built.push(make.appropriation(o.line, o.amount));
        break;
      case 'supplementary':
        built.push(make.supplementary(o.line, o.amount));
        break;
      case 'commitment':
        built.push(make.commitment(o.line, o.amount));
        commitments.push(built.at(-1)!);
        break;
      case 'payment': {
        const commitmentId = commitmentOf(o.commitment);
        const releaseSatang = commitmentId ? Math.min(o.releaseSatang, o.amount) : 0;
        built.push(make.payment(o.line, o.amount, commitmentId ? { commitmentId, releaseSatang } : {}));
        break;
      }
      case 'transfer':
        built.push(make.transfer(o.from, o.to, o.amount));
        break;
      case 'release': {
        const target = commitmentAt(o.commitment);
        const lineOf = target.kind === 'budget' && target.doc.action === 'commitment' ? target.doc.line : 'L1';
        built.push(make.release(lineOf, target.id, o.amount));
        break;
      }
      case 'receipt':
        built.push(make.receipt({ bookNo: '1', receiptNo: o.receiptNo }));
        break;
      case 'cancel':
        built.push(make.cancel(pick(o.target)!));
        break;
    }
  }
  return built;
}

/** What the domain alone decides, entry by entry: 'posted' or the rejection code. */
function oracle(entries: Entry[]): { outcomes: string[]; books: InMemoryBooks } {
  const books = new InMemoryBooks({ chart: defaultChart, rules: moneyRulesDefault, todayIso: '2024-07-10' });
  const outcomes = entries.map((e) => {
    const check = checkAgainstBooks(e, books);
    if (check.outcome === 'refused') return check.code;
    books.apply(e);
    return 'posted';
  });
  return { outcomes, books };
}

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend, { perTest: false });

  describe('the server against the domain', () => {
    it('posts and rejects exactly what InMemoryBooks does, however the entries are cut into pushes', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), fc.array(fc.nat({ max: 25 }), { maxLength: 4 }), async (ops, cuts) => {
          const device = await enrolNewOrg(fx.server);
          const entries = build(new EntryMaker(device), ops);
          const expected = oracle(entries);

          const bounds = [...new Set([0, ...cuts.map((c) => c % (entries.length + 1)), entries.length])].sort((a, b) => a - b);
          const outcomes: string[] = [];
          for (let i = 1; i < bounds.length; i++) {
            const batch = entries.slice(bounds[i - 1], bounds[i]);
            if (batch.length === 0) continue;
            for (const r of await pushResults(fx.server, device, batch)) outcomes.push(r.outcome === 'rejected' ? r.code : r.outcome);
          }
          expect(outcomes).toEqual(expected.outcomes);
          for (const code of lines) {
            const domainLine = expected.books.budgetLine(2567, code);
            const stored = await storedBudgetBalance(fx.server, device.orgId, code);
            expect(stored).toEqual(domainLine?.balance ?? stored); // a line never defined has no effects either
            if (!domainLine) expect(Object.values(stored).every((v) => v === 0)).toBe(true);
          }
        }),
        { numRuns: 40 },
      );
    });
  });
});
