/**
 * The budget register as the store keeps it (incrementally, in caches) against the register computed
 * independently, straight from the documents of the entries the store accepted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listBudgetLines } from '../../src/store/budgetQueries';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { recordEntry } from '../../src/store/recordEntry';
import type { StoredEntry } from '../../src/store/storedEntry';
import { StoreError } from '../../src/store/storeError';
import {
  appropriationInput,
  cancelInput,
  commitmentInput,
  paymentInput,
  releaseInput,
  supplementaryInput,
  transferInput,
} from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

const lineArb = fc.constantFrom('L1', 'L2', 'L3');
const amountArb = fc.integer({ min: 1, max: 3_000_000 });
/** Days of fiscal year 2567 up to "today" on the test clock (8 Jul 2567). */
const dateArb = fc.integer({ min: 0, max: 281 }).map((d) => new Date(Date.UTC(2023, 9, 1) + d * 86_400_000).toISOString().slice(0, 10));

/** An officer's action; `pick` chooses among entries accepted so far (commitments, or any, for a cancel). */
type Command =
  | { op: 'appropriation' | 'supplementary' | 'commitment'; date: string; line: string; amount: number }
  | { op: 'transfer'; date: string; from: string; to: string; amount: number; newLine: boolean }
  | { op: 'release'; date: string; pick: number; share: number }
  | { op: 'payment'; date: string; line: string; gross: number; onCommitment: boolean; pick: number; releaseShare: number; withholding: number }
  | { op: 'cancel'; date: string; pick: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('appropriation' as const), date: dateArb, line: lineArb, amount: amountArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('supplementary' as const), date: dateArb, line: lineArb, amount: amountArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('commitment' as const), date: dateArb, line: lineArb, amount: amountArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('transfer' as const), date: dateArb, from: lineArb, to: lineArb, amount: amountArb, newLine: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('release' as const), date: dateArb, pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('payment' as const),
      date: dateArb,
      line: lineArb,
      gross: amountArb,
      onCommitment: fc.boolean(),
      pick: fc.nat(),
      releaseShare: fc.integer({ min: 0, max: 100 }),
      withholding: fc.integer({ min: 0, max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), date: dateArb, pick: fc.nat() }) },
);

function inputOf(c: Command, accepted: readonly StoredEntry[]): RecordEntryInput | undefined {
  const commitments = accepted.filter((e) => e.kind === 'budget' && e.doc.action === 'commitment');
  switch (c.op) {
    case 'appropriation':
      return appropriationInput(c.date, c.line, c.amount);
    case 'supplementary':
      return supplementaryInput(c.date, c.line, c.amount);
    case 'commitment':
      return commitmentInput(c.date, c.line, c.amount);
    case 'transfer':
      return c.from === c.to ? undefined : transferInput(c.date, c.from, c.to, c.amount, c.newLine);
    case 'release': {
      const target = commitments[c.pick % Math.max(commitments.length, 1)];
      if (!target || target.kind !== 'budget' || target.doc.action !== 'commitment') return undefined;
      return releaseInput(c.date, target.doc.line, target.id, Math.max(1, Math.floor((target.doc.amountSatang * c.share) / 100)));
    }
    case 'payment': {
      const target = c.onCommitment ? commitments[c.pick % Math.max(commitments.length, 1)] : undefined;
      const line = target && target.kind === 'budget' && target.doc.action === 'commitment' ? target.doc.line : c.line;
      const releaseSatang = target ? Math.floor((c.gross * c.releaseShare) / 100) : 0;
      return paymentInput(c.date, line, c.gross, {
        ...(target ? { commitmentId: target.id, releaseSatang } : {}),
        withholdingSatang: Math.floor((c.gross * c.withholding) / 100),
      });
    }
    case 'cancel': {
      const target = accepted[c.pick % Math.max(accepted.length, 1)];
      return target ? cancelInput(c.date < target.date ? target.date : c.date, target) : undefined;
    }
  }
}

/** Signed movement of each line's คงเหลือ by one entry, computed from its document alone. */
function remainingMovesOf(e: StoredEntry, byId: Map<string, StoredEntry>): Map<string, number> {
  const moves = new Map<string, number>();
  const add = (line: string, amount: number) => moves.set(line, (moves.get(line) ?? 0) + amount);
  if (e.kind === 'budget') {
    const d = e.doc;
    if (d.action === 'appropriation' || d.action === 'supplementary') add(d.line.code, d.amountSatang);
    if (d.action === 'transfer') {
      add(d.toLine, d.amountSatang);
      add(d.fromLine, -d.amountSatang);
    }
    if (d.action === 'commitment') add(d.line, -d.amountSatang);
    if (d.action === 'release') add(d.line, d.amountSatang);
  }
  if (e.kind === 'payment' && e.doc.charge.kind === 'budget') {
    add(e.doc.charge.budgetLine, -e.doc.grossSatang + e.doc.charge.commitmentReleaseSatang);
  }
  if (e.kind === 'cancel') {
    const target = byId.get(e.doc.targetId)!;
    for (const [line, amount] of remainingMovesOf(target, byId)) add(line, -amount);
  }
  return moves;
}

describe('the budget register, for any sequence of budget entries, payments and cancels', () => {
  it('shows for each line exactly the คงเหลือ computed from the accepted entries, never negative', async () => {
    await fc.assert(
      fc.asyncProperty(amountArb, amountArb, fc.array(commandArb, { minLength: 1, maxLength: 40 }), async (l1, l2, commands) => {
        const db = await enrolledDb('register');
        const clock = manualClock();
        const random = seededRandom();
        const accepted: StoredEntry[] = [];
        // Lines L1 and L2 are enacted at the start of the year; L3 only comes by supplementary or transfer.
        const opening: Command[] = [
          { op: 'appropriation', date: '2023-10-01', line: 'L1', amount: l1 * 4 },
          { op: 'appropriation', date: '2023-10-01', line: 'L2', amount: l2 * 2 },
        ];
        for (const c of [...opening, ...commands]) {
          const input = inputOf(c, accepted);
          if (input === undefined) continue;
          clock.advance(1000);
          try {
            accepted.push(await recordEntry(db, input, clock, random));
          } catch (error) {
            // Refusals are allowed, but only as typed refusals in Thai.
            expect(error).toBeInstanceOf(StoreError);
            expect((error as StoreError).messageTh).toMatch(/[\u0E00-\u0E7F]/);
          }
        }

        const byId = new Map(accepted.map((e) => [e.id, e]));
        const expected = new Map<string, number>();
        for (const e of accepted) for (const [line, amount] of remainingMovesOf(e, byId)) expected.set(line, (expected.get(line) ?? 0) + amount);
        const defined = new Set(
          accepted.flatMap((e) =>
            e.kind !== 'budget' ? [] : e.doc.action === 'appropriation' || e.doc.action === 'supplementary' ? [e.doc.line.code] : e.doc.action === 'transfer' && e.doc.toLineDef ? [e.doc.toLine] : [],
          ),
        );

        const lines = await listBudgetLines(db, 2567);
        expect(lines.map((l) => l.def.code)).toEqual([...defined].sort());
        for (const l of lines) {
          expect(l.remainingSatang).toBe(expected.get(l.def.code) ?? 0);
          expect(l.remainingSatang).toBeGreaterThanOrEqual(0);
        }
        db.close();
      }),
      { numRuns: 100 },
    );
  });
});
