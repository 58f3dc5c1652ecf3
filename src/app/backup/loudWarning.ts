/**
 * When the loud "only on this PC" warning shows. Every new entry exists only on this PC until the next
 * drain posts it, a second later when the server answers; a red alert after every receipt would teach
 * officers to ignore it. So it shows at once when sending is not working (offline, or the last drain
 * did not empty the queue), and otherwise only once such an entry has waited longer than a short grace.
 */
import type { SyncView } from '../syncView';

/** Long enough for a drain to post a fresh entry on a working line; short next to losing a day's work. */
export const loudWarningGraceMs = 5 * 60_000;

export interface LoudWarningFacts {
  /** Pending entries in no backup. */
  onlyOnThisPc: number;
  /** When the oldest of them was recorded (epoch ms). */
  oldestOnlyOnThisPcAtMs?: number | undefined;
  /** Offline, or the last drain ended without emptying the queue (server down, overloaded, token refused). */
  sendingStalled: boolean;
  nowMs: number;
}

/**
 * @example loudWarningDue({ onlyOnThisPc: 2, oldestOnlyOnThisPcAtMs: now - 1000, sendingStalled: false, nowMs: now }) // false
 */
export function loudWarningDue(f: LoudWarningFacts): boolean {
  if (f.onlyOnThisPc === 0) return false;
  if (f.sendingStalled) return true;
  // An unknown age counts as old: better a warning too many than a lost entry unannounced.
  return f.oldestOnlyOnThisPcAtMs === undefined || f.nowMs - f.oldestOnlyOnThisPcAtMs > loudWarningGraceMs;
}

/** Sending is stalled when the browser is offline or the last drain ended before the queue was empty. */
export function sendingStalledOf(view: SyncView, online: boolean): boolean {
  return !online || (view.kind === 'finished' && view.outcome !== 'drained');
}
