import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonicalJson';
import { buildEntry, checkEntry, type Entry } from '../../src/domain/entry';
import { entryHash, sha256Hex } from '../../src/domain/entryHash';
import { entryIdOf, uuidPattern } from '../../src/domain/entryId';
import { entryContentArb } from './arbitraries';
import { receiptDoc } from './builders';

/** Rebuilds an object with its keys in a random order, recursively. */
function shuffleKeys(value: unknown, rnd: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rnd));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort(() => rnd() - 0.5);
    return Object.fromEntries(keys.map((k) => [k, shuffleKeys((value as Record<string, unknown>)[k], rnd)]));
  }
  return value;
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
  });

  it('refuses floats, which would not serialise the same everywhere', () => {
    expect(() => canonicalJson({ amount: 0.1 })).toThrow(TypeError);
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(TypeError);
  });
});

describe('entry hash', () => {
  it('is SHA-256 in lowercase hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is stable under any order of keys', () => {
    fc.assert(
      fc.property(entryContentArb, fc.integer(), (content, seed) => {
        const entry = buildEntry(content);
        let s = seed;
        const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
        const shuffled = shuffleKeys(entry, rnd) as Record<string, unknown>;
        expect(entryHash(shuffled)).toBe(entry.hash);
      }),
      { numRuns: 300 },
    );
  });

  it('changes when any field of the content changes', () => {
    fc.assert(
      fc.property(entryContentArb, (content) => {
        const entry = buildEntry(content);
        expect(buildEntry({ ...content, seq: content.seq + 1 }).hash).not.toBe(entry.hash);
        expect(buildEntry({ ...content, recordedBy: content.recordedBy + 'x' }).hash).not.toBe(entry.hash);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkEntry (what the server re-checks)', () => {
  it('accepts every entry the domain builds', () => {
    fc.assert(
      fc.property(entryContentArb, (content) => {
        expect(checkEntry(buildEntry(content)).outcome).toBe('valid');
      }),
      { numRuns: 300 },
    );
  });

  const sample = (): Entry =>
    buildEntry({
      schema: 1,
      id: entryIdOf(Date.UTC(2024, 0, 16), new Uint8Array(10).fill(7)),
      orgId: entryIdOf(1, new Uint8Array(10).fill(1)),
      deviceId: entryIdOf(2, new Uint8Array(10).fill(2)),
      seq: 1,
      date: '2024-01-16',
      ...receiptDoc('1', 1),
      recordedAt: '2024-01-16T03:00:00.000Z',
      recordedBy: 'officer',
    });

  it('rejects unbalanced lines even when re-hashed', () => {
    const e = sample();
    const lines = [e.lines[0]!, { ...e.lines[1]!, creditSatang: 49999 }];
    const tampered = { ...e, lines, hash: entryHash({ ...e, lines }) };
    expect(checkEntry(tampered)).toMatchObject({ outcome: 'invalid', code: 'unbalanced' });
  });

  it('rejects balanced lines that the document does not derive', () => {
    const e = sample();
    const lines = [{ ...e.lines[0]!, account: '011' }, e.lines[1]!];
    const tampered = { ...e, lines, hash: entryHash({ ...e, lines }) };
    expect(checkEntry(tampered)).toMatchObject({ outcome: 'invalid', code: 'lines_mismatch' });
  });

  it('rejects a hash that does not match the content', () => {
    const e = sample();
    expect(checkEntry({ ...e, recordedBy: 'คนอื่น' })).toMatchObject({ outcome: 'invalid', code: 'hash_mismatch' });
  });

  it('rejects malformed entries with a Thai message naming the field', () => {
    const e = sample();
    const r = checkEntry({ ...e, date: '2024-02-30' });
    expect(r).toMatchObject({ outcome: 'invalid', code: 'malformed' });
    if (r.outcome === 'invalid') expect(r.messageTh).toContain('date');
    expect(checkEntry({ ...e, extra: 1 })).toMatchObject({ outcome: 'invalid', code: 'malformed' });
    expect(checkEntry(null)).toMatchObject({ outcome: 'invalid', code: 'malformed' });
  });
});

describe('entry ids (UUID v7)', () => {
  it('are valid lowercase UUIDs of version 7 that sort by time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 1, max: 2 ** 20 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (ms, later, bytes) => {
          const a = entryIdOf(ms, bytes);
          const b = entryIdOf(ms + later, bytes);
          expect(a).toMatch(uuidPattern);
          expect(a[14]).toBe('7');
          expect(a < b).toBe(true);
        },
      ),
    );
  });
});
