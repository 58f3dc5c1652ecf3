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

  it('numbers only what the books accept: a refused entry uses no sequence number and is never inserted', () => {
    fc.assert(
      fc.property(candidatesArb, fc.nat({ max: 1000 }), fc.func(fc.boolean()), (list, last, refuses) => {
        const judged: string[] = [];
        const d = decideOutcomes(asCandidates(list), new Map(), last, (c) => {
          judged.push(c.entry.id);
          return refuses(c.index) ? { outcome: 'refused', code: 'overspend', message: 'งบประมาณคงเหลือไม่พอ' } : { outcome: 'accepted' };
        });
        const posted = d.results.filter((r) => r.outcome === 'posted');
        expect(posted.map((r) => r.serverSeq)).toEqual(posted.map((_, i) => last + i + 1));
        expect(d.lastServerSeq).toBe(last + posted.length);
        d.results.forEach((r, i) => {
          if (r.outcome === 'rejected') expect(r).toEqual({ id: list[i]!.id, outcome: 'rejected', code: 'overspend', message: 'งบประมาณคงเหลือไม่พอ' });
        });
        // Only ids not yet taken are judged; an id whose earlier appearance was refused is judged again.
        const taken = new Set(d.inserts.map((x) => x.candidate.entry.id));
        expect(judged.length).toBe(d.results.filter((r) => r.outcome === 'posted' || r.outcome === 'rejected').length);
        for (const id of judged) expect(taken.has(id) || d.results.some((r) => r.id === id && r.outcome === 'rejected')).toBe(true);
      }),
    );
  });

  it('does not judge resent or conflicting entries against the books', () => {
    const [a, b] = asCandidates([
      { id: ids[0]!, hash: hashes[0]! },
      { id: ids[1]!, hash: hashes[1]! },
    ]);
    const stored = new Map<string, StoredEntry>([
      [ids[0]!, { hash: hashes[0]!, serverSeq: 1 }],
      [ids[1]!, { hash: hashes[0]!, serverSeq: 2 }],
    ]);
    const d = decideOutcomes([a!, b!], stored, 2, () => {
      throw new Error('judged a stored id');
    });
    expect(d.results.map((r) => r.outcome)).toEqual(['duplicate', 'conflict']);
  });
});
