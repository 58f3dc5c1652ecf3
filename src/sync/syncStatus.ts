/**
 * The sync runner's persisted state: consecutive failures and when the next attempt is allowed.
 * Persisted (not in memory) so that closing the tab, a service worker restart or a reboot does not
 * reset the backoff and send a crowd of PCs straight back at an overloaded server (DESIGN.md §4).
 */
import { z } from 'zod';
import type { SamutDb } from '../store/db';
import { readMetaValue, writeMetaValue } from '../store/metaValue';
import { retryWaitMsMax } from './backoff';

/** Backoff state of this PC's sync runner. */
export interface SyncStatus {
  /** Consecutive failed pushes; 0 after any answered push. */
  failures: number;
  /** No push before this instant (epoch ms); 0 = any time. */
  nextAttemptAtMs: number;
  /** Thai message of the last failure, for the status bar. */
  lastError?: string;
  /** ISO instant of the last answered push. */
  lastSuccessAt?: string;
}

export const syncStatusMetaKey = 'syncStatus';

/** The state of a PC that never failed. */
export const syncStatusInitial: SyncStatus = { failures: 0, nextAttemptAtMs: 0 };

const syncStatusSchema = z.object({
  failures: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  nextAttemptAtMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  lastError: z.string().max(2000).optional(),
  lastSuccessAt: z.string().max(100).optional(),
});

/**
 * The stored status. A missing or unreadable row reads as the initial status: it is only a pacing
 * hint, and a corrupt hint must never stop entries from being sent.
 */
export async function getSyncStatus(db: SamutDb): Promise<SyncStatus> {
  const parsed = syncStatusSchema.safeParse(await readMetaValue(db, syncStatusMetaKey));
  return parsed.success ? parsed.data : { ...syncStatusInitial };
}

/** Stores the status. */
export async function putSyncStatus(db: SamutDb, status: SyncStatus): Promise<void> {
  await writeMetaValue(db, syncStatusMetaKey, syncStatusSchema.parse(status));
}

/**
 * Whether the runner must still wait before contacting the server. A wait longer than any ever set
 * means the PC's clock jumped back: then go now rather than stall.
 */
export function isBackingOff(status: SyncStatus, nowMs: number): boolean {
  const waitMs = status.nextAttemptAtMs - nowMs;
  return waitMs > 0 && waitMs <= retryWaitMsMax;
}
