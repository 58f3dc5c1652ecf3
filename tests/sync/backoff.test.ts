import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryAfterMsMax, retryDelayMs, retryDelayMsMax } from '../../src/sync/backoff';
import { parseRetryAfterMs } from '../../src/sync/retryAfter';
import { seededRandom } from '../store/fixtures';

describe('retryDelayMs', () => {
  it('waits a random time in [0, min(cap, 1 s · 2^failures)], never less than Retry-After (bounded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.option(fc.integer({ min: 0, max: 10 * retryAfterMsMax }), { nil: undefined }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (failures, retryAfterMs, seed) => {
          const delay = retryDelayMs(failures, retryAfterMs, seededRandom(seed));
          const ceiling = Math.min(retryDelayMsMax, 1000 * 2 ** failures);
          const floor = Math.min(retryAfterMs ?? 0, retryAfterMsMax);
          expect(Number.isSafeInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(floor);
          expect(delay).toBeLessThanOrEqual(Math.max(ceiling, floor));
        },
      ),
    );
  });

  it('spreads a crowd: many PCs failing together do not all come back at once', () => {
    const random = seededRandom(42);
    // After 5 failures the wait is uniform over 0..32 s: 1000 PCs spread over eight 4-second slices.
    const perSlice = new Array<number>(9).fill(0);
    for (let pc = 0; pc < 1000; pc++) perSlice[Math.floor(retryDelayMs(5, undefined, random) / 4000)]! += 1;
    for (const count of perSlice.slice(0, 8)) {
      expect(count).toBeGreaterThan(80);
      expect(count).toBeLessThan(170);
    }
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.UTC(2024, 6, 8, 2, 0, 0);
  it('reads whole seconds', () => expect(parseRetryAfterMs('120', now)).toBe(120_000));
  it('reads an HTTP date as the time until then', () =>
    expect(parseRetryAfterMs('Mon, 08 Jul 2024 02:01:30 GMT', now)).toBe(90_000));
  it('reads a date in the past as no wait', () => expect(parseRetryAfterMs('Mon, 08 Jul 2024 01:00:00 GMT', now)).toBe(0));
  it('ignores what it cannot read', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
  });
});
