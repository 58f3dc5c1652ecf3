/**
 * The seeded randomness of the kill -9 test: which push of a round the kill follows, and how long after
 * that push was sent. One seed replays the same plan (the server's own timing still varies a little).
 */

/** The kill moment of one round. */
export interface KillMoment {
  /** The kill follows the push with this number, counted over the whole run from 1. */
  pushNo: number;
  /** …this many ms after that push was sent: before, during or after the server's commit. */
  delayMs: number;
}

/** A run's seed: SAMUT_KILL_SEED when set (to replay a failure), else a new one. */
export function killSeedOf(env: NodeJS.ProcessEnv): number {
  const fromEnv = env.SAMUT_KILL_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`SAMUT_KILL_SEED must be a whole number ≥ 0, got ${fromEnv}`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * A small seeded generator (mulberry32): uniform integers in [0, n).
 * @example const next = seededInts(42); next(10) // 0..9, the same sequence for seed 42 every time
 */
export function seededInts(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(u * n);
  };
}

/**
 * The kill moment of a round that starts after `pushesSoFar` pushes and has `pushesAhead` pushes to make
 * if nothing fails: one of those pushes, at random, and 0..`delayMsMax` ms after it is sent.
 */
export function nextKillMoment(ints: (n: number) => number, pushesSoFar: number, pushesAhead: number, delayMsMax: number): KillMoment {
  return { pushNo: pushesSoFar + 1 + ints(Math.max(pushesAhead, 1)), delayMs: ints(delayMsMax + 1) };
}
