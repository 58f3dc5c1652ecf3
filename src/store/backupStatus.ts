/**
 * What backups cover (DESIGN.md §5): the last backup made or restored on this PC (meta `lastBackup`),
 * and from it the two warnings the app shows.
 *
 * Definitions (simple on purpose, and exact: by seq, not by clock):
 * - an entry is **in a backup** when its seq is at most the last seq of its device that the latest
 *   backup file made here (or restored here) covered;
 * - an entry **exists only on this PC** when it is pending (the server does not have it) and not in a
 *   backup: a wiped browser would lose it for good. The app warns loudly (role=alert) while any does;
 * - the **reminder** shows when entries are pending and the last backup is older than a day (or none).
 */
import { z } from 'zod';
import type { SamutDb } from './db';
import { lastSeqByDeviceSchema, type BackupHeader } from './backupFile';
import { pendingRange } from './queries';

export const lastBackupMetaKey = 'lastBackup';
/** A backup older than this, with entries waiting, brings the reminder. */
export const backupReminderAfterMs = 24 * 60 * 60_000;

/** The latest backup made or restored on this PC. */
export interface LastBackup {
  /** ISO instant the file was made. */
  exportedAt: string;
  /** Last seq per device the file holds. */
  lastSeqByDevice: Record<string, number>;
}

const lastBackupSchema = z.object({ exportedAt: z.iso.datetime(), lastSeqByDevice: lastSeqByDeviceSchema }).strict();

/** Where this PC stands, for the storage-safety card and the banners. */
export interface BackupStatus {
  lastBackup?: LastBackup;
  /** Entries waiting to be posted. */
  pending: number;
  /** Pending entries in no backup: lost for good if the browser's storage is wiped. */
  onlyOnThisPc: number;
  /** When the oldest of those was recorded (epoch ms); absent when there are none. */
  oldestOnlyOnThisPcAtMs?: number;
  /** Entries wait and the last backup is older than a day (or there is none). */
  reminderDue: boolean;
}

/** The last backup, or undefined (none yet, or a row that no longer reads: then treated as none). */
export async function getLastBackup(db: SamutDb): Promise<LastBackup | undefined> {
  const parsed = lastBackupSchema.safeParse((await db.meta.get(lastBackupMetaKey))?.value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Notes that a backup file was made (call once it is handed to the browser to save). A later file
 * covers at least what an earlier one did, so per device the higher seq stays.
 */
export async function noteBackupMade(db: SamutDb, header: Pick<BackupHeader, 'exportedAt' | 'lastSeqByDevice'>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const merged = mergeLastBackup(await getLastBackup(db), header);
    await db.meta.put({ key: lastBackupMetaKey, value: merged });
  });
}

/** Two backups' coverage together: the later time, the higher seq per device. */
export function mergeLastBackup(a: LastBackup | undefined, b: LastBackup): LastBackup {
  if (a === undefined) return { exportedAt: b.exportedAt, lastSeqByDevice: { ...b.lastSeqByDevice } };
  const lastSeqByDevice = { ...a.lastSeqByDevice };
  for (const [device, seq] of Object.entries(b.lastSeqByDevice)) lastSeqByDevice[device] = Math.max(seq, lastSeqByDevice[device] ?? 0);
  return { exportedAt: a.exportedAt > b.exportedAt ? a.exportedAt : b.exportedAt, lastSeqByDevice };
}

/**
 * The PC's backup status at `nowMs`. Reads the pending part of the queue index only (entries waiting
 * are few once the server is back; during an outage a few thousand).
 */
export async function getBackupStatus(db: SamutDb, nowMs: number): Promise<BackupStatus> {
  return db.transaction('r', [db.entries, db.meta], async () => {
    const lastBackup = await getLastBackup(db);
    const covered = lastBackup?.lastSeqByDevice ?? {};
    let pending = 0;
    let onlyOnThisPc = 0;
    let oldest = Number.POSITIVE_INFINITY;
    await pendingRange(db).each((entry) => {
      pending += 1;
      if (entry.seq > (covered[entry.deviceId] ?? 0)) {
        onlyOnThisPc += 1;
        oldest = Math.min(oldest, Date.parse(entry.recordedAt));
      }
    });
    const old = lastBackup === undefined || nowMs - Date.parse(lastBackup.exportedAt) > backupReminderAfterMs;
    return {
      ...(lastBackup ? { lastBackup } : {}),
      pending,
      onlyOnThisPc,
      ...(Number.isFinite(oldest) ? { oldestOnlyOnThisPcAtMs: oldest } : {}),
      reminderDue: pending > 0 && old,
    };
  });
}
