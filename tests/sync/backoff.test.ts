import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryAfterMsMax, retryDelayMs, retryDelayMsMax, retryWaitMsMax } from '../../src/sync/backoff';
import { parseRetryAfterMs } from '../../src/sync/retryAfter';
import { seededRandom } from '../store/fixtures';

describe('retryDelayMs', () => {
  it('waits a random time in [0, min(cap, 1 s · 2^failures)] when the server gave no Retry-After', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 2 ** 31 }), (failures, seed) => {
        const delay = retryDelayMs(failures, undefined, seededRandom(seed));
        expect(Number.isSafeInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(retryDelayMsMax, 1000 * 2 ** failures));
      }),
    );
  });

  it('never waits less than Retry-After, and never more than Retry-After (bounded) plus the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 10 * retryAfterMsMax }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (failures, retryAfterMs, seed) => {
          const delay = retryDelayMs(failures, retryAfterMs, seededRandom(seed));
          const floor = Math.min(retryAfterMs, retryAfterMsMax);
          expect(Number.isSafeInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(floor);
          expect(delay).toBeLessThanOrEqual(floor + retryDelayMsMax);
          expect(delay).toBeLessThanOrEqual(retryWaitMsMax);
        },
      ),
    );
  });

  it('reads a Retry-After beyond 15 minutes as 15 minutes', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const delay = retryDelayMs(3, 7 * 24 * 3_600_000, seededRandom(seed));
      expect(delay).toBeGreaterThanOrEqual(retryAfterMsMax);
      expect(delay).toBeLessThanOrEqual(retryWaitMsMax);
    }
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

  it('spreads a herd turned away by the same 503 + Retry-After: 5 on its first retry over [5 s, 10 s]', () => {
    const random = seededRandom(2024);
    const waits = Array.from({ length: 1000 }, () => retryDelayMs(1, 5_000, random));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(10_000);
    // Ten 500 ms slices of [5 s, 10 s): each holds about a tenth of the herd, none of them most of it.
    const perSlice = new Array<number>(11).fill(0);
    for (const w of waits) perSlice[Math.floor((w - 5_000) / 500)]! += 1;
    for (const count of perSlice.slice(0, 10)) {
      expect(count).toBeGreaterThan(60);
      expect(count).toBeLessThan(145);
    }
    // No instant takes more than a handful: 1,000 PCs never come back in one burst at exactly 5 s.
    const atFloor = waits.filter((w) => w === 5_000).length;
    expect(atFloor).toBeLessThan(5);
  });

  it('spreads later retries under a Retry-After by the exponential ceiling when it is wider', () => {
    const random = seededRandom(7);
    // After 5 failures the ceiling is 32 s, wider than a 5 s Retry-After: waits cover [5 s, 37 s].
    const waits = Array.from({ length: 1000 }, () => retryDelayMs(5, 5_000, random));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(37_000);
    expect(waits.filter((w) => w > 21_000).length).toBeGreaterThan(400);
    expect(waits.filter((w) => w < 21_000).length).toBeGreaterThan(400);
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
