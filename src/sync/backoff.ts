/**
 * Backoff between failed pushes: exponential with full jitter (a uniformly random wait up to the
 * exponential ceiling), so 7,850 offices that lost the server at the same moment do not all return
 * at the same moment either.
 *
 * The server's Retry-After is a floor, and the jitter is added ON TOP of it rather than compared with
 * it: every PC turned away by the same 503 reads the same Retry-After (5 s from admission control), so
 * max(Retry-After, jitter) sent nearly the whole herd back at the same instant on its early retries,
 * when the jitter ceiling (2 s, 4 s) is below the floor. With a floor the spread is also at least the
 * floor itself: a herd told "5 s" comes back over [5 s, 10 s], not in one burst at 5 s.
 */
import type { RandomBytes } from '../store/clock';

/** The ceiling after the first failure is 2 s, then 4 s, 8 s… */
export const retryDelayMsBase = 1_000;
/** …up to one minute: long enough to spread a crowd, short enough that an officer sees progress. */
export const retryDelayMsMax = 60_000;
/** A Retry-After longer than this is read as this: a wrong header must not park a PC for days. */
export const retryAfterMsMax = 15 * 60_000;
/** The longest wait retryDelayMs ever gives: the longest floor plus the longest spread. */
export const retryWaitMsMax = retryAfterMsMax + retryDelayMsMax;

/**
 * The wait after the `failures`-th consecutive failure (counting from 1).
 * Without Retry-After: full jitter, random in [0, ceiling], ceiling = min(retryDelayMsMax, retryDelayMsBase · 2^failures).
 * With Retry-After (floor, at most retryAfterMsMax): floor + random in [0, spread],
 * spread = min(retryDelayMsMax, max(ceiling, floor)).
 * @example retryDelayMs(3, undefined, random) // somewhere in 0..8000
 * @example retryDelayMs(1, 5000, random)      // somewhere in 5000..10000
 */
export function retryDelayMs(failures: number, retryAfterMs: number | undefined, random: RandomBytes): number {
  const exponent = Math.min(Math.max(failures, 0), 30); // 2^30 s is far past the cap; avoids overflow
  const ceilingMs = Math.min(retryDelayMsMax, retryDelayMsBase * 2 ** exponent);
  const floorMs = Math.min(Math.max(Math.floor(retryAfterMs ?? 0), 0), retryAfterMsMax);
  const spreadMs = Math.min(retryDelayMsMax, Math.max(ceilingMs, floorMs));
  return floorMs + Math.floor(uniform01(random) * (spreadMs + 1));
}

/** A uniform number in [0, 1) from 4 random bytes. */
function uniform01(random: RandomBytes): number {
  const b = random(4);
  const u32 = ((b[0] ?? 0) * 0x1000000 + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0)) >>> 0;
  return u32 / 0x1_0000_0000;
}
