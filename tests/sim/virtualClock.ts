/**
 * The simulation's time: one virtual clock shared by the devices (store Clock: nowMs) and the server
 * (server Clock: now). Nothing sleeps; slow answers, Retry-After and backoff move it forward.
 */
import type { Clock as ServerClock } from '../../src/server/clock';
import type { Clock } from '../../src/store/clock';

export interface VirtualClock extends Clock, ServerClock {
  advance(ms: number): void;
  /** Moves to `ms` if that is later; time never goes back. */
  advanceTo(ms: number): void;
  elapsedMs(): number;
}

/** Starts on 8 Jul 2024, 09:00 in Bangkok: "today" for the entries the sim records (fiscal year 2567). */
export function createVirtualClock(startMs = Date.UTC(2024, 6, 8, 2, 0, 0)): VirtualClock {
  let now = startMs;
  return {
    nowMs: () => now,
    now: () => new Date(now),
    advance: (ms) => {
      if (!(ms >= 0)) throw new RangeError(`virtual time cannot move by ${ms}`);
      now += ms;
    },
    advanceTo: (ms) => {
      now = Math.max(now, ms);
    },
    elapsedMs: () => now - startMs,
  };
}
