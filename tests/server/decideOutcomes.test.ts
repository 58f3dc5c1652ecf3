/**
 * The outcome rules of a push, as properties over any mix of new ids, resent ids and changed content.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { decideOutcomes, type StoredEntry } from '../../src/server/push/decideOutcomes';
import type { Candidate } from '../../src/server/push/screenEntries';

const ids = ['a', 'b', 'c', 'd', 'e'].map((x) => `0190a000-0000-7000-8000-00000000000${x}`);
const hashes = ['1', '2'].map((x) => x.repeat(64));

const candidatesArb = fc.array(fc.record({ id: fc.constantFrom(...ids), hash: fc.constantFrom(...hashes) }), {
  minLength: 1,
  maxLength: 30,
});
const storedArb = fc.dictionary(fc.constantFrom(...ids), fc.constantFrom(...hashes), { maxKeys: 5 });

function asCandidates(list: { id: string; hash: string }[]): Candidate[] {
  return list.map(({ id, hash }, index) => ({ index, entry: { id, hash } as Entry, raw: {} }));
}

describe('decideOutcomes', () => {
  it('posts each new id once, numbering from last + 1 in request order without gaps', () => {
    fc.assert(
      fc.property(candidatesArb, storedArb, fc.nat({ max: 1000 }), (list, storedHashes, last) => {
        const stored = new Map<string, StoredEntry>(Object.entries(storedHashes).map(([id, hash], i) => [id, { hash, serverSeq: i + 1 }]));
        const d = decideOutcomes(asCandidates(list), stored, last);
        expect(d.results).toHaveLength(list.length);
        const posted = d.results.filter((r) => r.outcome === 'posted');
        expect(posted.map((r) => r.serverSeq)).toEqual(posted.map((_, i) => last + i + 1));
        expect(d.inserts.map((x) => x.serverSeq)).toEqual(posted.map((r) => r.serverSeq));
        expect(d.lastServerSeq).toBe(last + posted.length);
        // Never a second row for an id: new ids are distinct and none was stored before.
        const insertedIds = d.inserts.map((x) => x.candidate.entry.id);
        expect(new Set(insertedIds).size).toBe(insertedIds.length);
        for (const id of insertedIds) expect(stored.has(id)).toBe(false);
      }),
    );
  });

  it('answers duplicate for the first-seen hash of an id and conflict for any other', () => {
    fc.assert(
      fc.property(candidatesArb, storedArb, (list, storedHashes) => {
        const stored = new Map<string, StoredEntry>(Object.entries(storedHashes).map(([id, hash], i) => [id, { hash, serverSeq: i + 1 }]));
        const d = decideOutcomes(asCandidates(list), stored, 100);
        const first = new Map<string, { hash: string; serverSeq: number }>(stored);
        list.forEach(({ id, hash }, i) => {
          const r = d.results[i]!;
          const known = first.get(id);
          if (known === undefined) {
            expect(r.outcome).toBe('posted');
            if (r.outcome === 'posted') first.set(id, { hash, serverSeq: r.serverSeq });
          } else if (known.hash === hash) {
            expect(r).toEqual({ id, outcome: 'duplicate', serverSeq: known.serverSeq });
          } else {
            expect(r.outcome).toBe('conflict');
          }
        });
      }),
    );
  });
});
