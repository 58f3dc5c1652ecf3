/**
 * canonicalJson is the text every entry hash is taken of, on the PC and on the server: its output for
 * any JSON value must be exactly JSON.stringify of the value with every object's keys sorted (by
 * UTF-16 code units, Array.prototype.sort's default order), whatever order the keys were built in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonicalJson';
import { sha256Hex } from '../../src/domain/entryHash';

/** The reference: a copy with sorted keys, written by the engine's own JSON.stringify. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .filter((k) => obj[k] !== undefined)
        .map((k) => [k, sortedCopy(obj[k])]),
    );
  }
  return value;
}

// Integers only (canonical JSON refuses fractions); keys and strings from the whole of Unicode, Thai included.
const jsonArb = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom('ก', 'ข', '๑', 'a', 'B', '_', '"', '\\', '\u0000', '\uffff') }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.option(tie('value'), { nil: undefined }), { maxKeys: 8 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('is JSON.stringify of the value with its keys sorted at every depth, undefined fields left out', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(sortedCopy(value)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the same text, hence hash, for the same content built in any key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 20 }), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(sha256Hex(canonicalJson(reversed))).toBe(sha256Hex(canonicalJson(obj)));
      }),
    );
  });

  it('refuses what JSON cannot carry exactly: fractions, NaN, undefined in an array, a hole', () => {
    expect(() => canonicalJson([1.5])).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson([1, , 2])).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});
