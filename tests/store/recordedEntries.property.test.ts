/**
 * The store builds each entry once and does not check it again before writing (recordEntry.ts): the
 * document was parsed by the same schemas, and lines and hash are the domain's own derivation. This
 * shows that shortcut is sound: for any batch of documents of every kind, typed with stray spaces as
 * officers type them, and cancels of what was recorded, every entry the store records passes
 * checkEntry (what the server asserts on arrival) and is exactly what buildEntry makes of its content.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEntry, checkEntry, type Entry, type EntryContent, type EntryDoc } from '../../src/domain/entry';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { recordEntries } from '../../src/store/recordEntry';
import { recordImport } from '../../src/store/recordImport';
import { entryOf, type StoredEntry } from '../../src/store/storedEntry';
import { StoreError } from '../../src/store/storeError';
import { entryDocArb } from '../domain/arbitraries';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

/** A day of fiscal year 2567 before "today" (the fixtures' clock: 8 Jul 2024). */
const dateArb = fc.integer({ min: 0, max: 280 }).map((d) => new Date(Date.UTC(2023, 9, 1) + d * 86_400_000).toISOString().slice(0, 10));

/** The document with spaces around its free-text fields, as typed: the store keeps the parsed (trimmed) text. */
function padded(body: EntryDoc): EntryDoc {
  const doc = { ...body.doc } as Record<string, unknown>;
  for (const field of ['payer', 'payee', 'description', 'reference']) if (typeof doc[field] === 'string') doc[field] = `  ${String(doc[field])} `;
  return { kind: body.kind, doc } as EntryDoc;
}

const inputArb: fc.Arbitrary<RecordEntryInput> = fc
  .record({ date: dateArb, body: entryDocArb, pad: fc.boolean(), by: fc.constantFrom('สมศรี ใจดี', '  officer-1 ') })
  .map(({ date, body, pad, by }) => ({ date, recordedBy: by, ...(pad ? padded(body) : body) }) as RecordEntryInput);

function contentOf(e: StoredEntry): EntryContent {
  const { lines: _lines, hash: _hash, ...content } = entryOf(e);
  return content as EntryContent;
}

describe('every entry the store records', () => {
  it('passes checkEntry and is what buildEntry makes of its content, for every kind and cancels', async () => {
    const kindsRecorded = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(inputArb, { minLength: 1, maxLength: 10 }), fc.boolean(), fc.nat(), async (inputs, asImport, pick) => {
        const db = await enrolledDb('recorded-prop');
        const clock = manualClock();
        const random = seededRandom();
        const record = (xs: RecordEntryInput[]) =>
          (asImport ? recordImport(db, xs, clock, random) : recordEntries(db, xs, clock, random)).catch((e: unknown) => expect(e).toBeInstanceOf(StoreError));
        // One at a time, so a refused document (a line not yet defined, an overspend) does not hide the others.
        for (const input of inputs) await record([input]);
        const recorded = await db.entries.toArray();
        const cancellable = recorded.filter((e) => e.kind !== 'cancel');
        // A cancel may be refused too (it would leave its line overspent): then there is simply none.
        if (cancellable.length > 0) {
          const target = cancellable[pick % cancellable.length]!;
          await record([{ date: '2024-07-08', recordedBy: ' สมศรี ', kind: 'cancel', doc: { targetId: target.id, targetHash: target.hash, reason: ' บันทึกผิด ' } }]);
        }
        const byId = new Map((await db.entries.toArray()).map((e) => [e.id, e] as const));
        for (const e of byId.values()) {
          kindsRecorded.add(e.kind);
          expect(checkEntry(entryOf(e))).toMatchObject({ outcome: 'valid' });
          const target = e.kind === 'cancel' ? (entryOf(byId.get(e.doc.targetId)!) as Entry) : undefined;
          expect(buildEntry(contentOf(e), target)).toEqual(entryOf(e));
        }
        db.close();
      }),
      { numRuns: 25 },
    );
    // The property saw every kind recorded, not only refusals.
    expect([...kindsRecorded].sort()).toEqual(['budget', 'cancel', 'deposit', 'journal', 'payment', 'receipt']);
  });
});
