/**
 * Backoff between failed pushes: exponential with full jitter (a uniformly random wait up to the
 * exponential ceiling), so 7,850 offices that lost the server at the same moment do not all return
 * at the same moment either. The server's Retry-After is a floor on top of it.
 */
import type { RandomBytes } from '../store/clock';

/** The ceiling after the first failure is 2 s, then 4 s, 8 s… */
export const retryDelayMsBase = 1_000;
/** …up to one minute: long enough to spread a crowd, short enough that an officer sees progress. */
export const retryDelayMsMax = 60_000;
/** A Retry-After longer than this is read as this: a wrong header must not park a PC for days. */
export const retryAfterMsMax = 15 * 60_000;

/**
 * The wait after the `failures`-th consecutive failure (counting from 1):
 * max(Retry-After, random in [0, min(retryDelayMsMax, retryDelayMsBase · 2^failures)]).
 * @example retryDelayMs(3, undefined, random) // somewhere in 0..8000
 */
export function retryDelayMs(failures: number, retryAfterMs: number | undefined, random: RandomBytes): number {
  const exponent = Math.min(Math.max(failures, 0), 30); // 2^30 s is far past the cap; avoids overflow
  const ceilingMs = Math.min(retryDelayMsMax, retryDelayMsBase * 2 ** exponent);
  const jitterMs = Math.floor(uniform01(random) * (ceilingMs + 1));
  const floorMs = Math.min(Math.max(retryAfterMs ?? 0, 0), retryAfterMsMax);
  return Math.max(floorMs, jitterMs);
}

/** A uniform number in [0, 1) from 4 random bytes. */
function uniform01(random: RandomBytes): number {
  const b = random(4);
  const u32 = ((b[0] ?? 0) * 0x1000000 + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0)) >>> 0;
  return u32 / 0x1_0000_0000;
}
