/**
 * Restoring a backup file (นำเข้าไฟล์สำรอง) into this PC, merging by entry id, in ONE IndexedDB
 * transaction (entries, settings, seq counters, identity and the rebuilt books caches together: a
 * closed tab or a full disk leaves the PC exactly as it was).
 *
 * Rules:
 * - Only this device's file. A PC enrolled as another device (or not enrolled, but holding entries of
 *   another one) refuses it: that device's pending entries would be refused by the server as
 *   `wrong_device` from here, and mixing two devices' seq counters on one PC breaks "gap-free".
 *   The file goes back on the PC it came from, or on a wiped one that then enrols as that device.
 * - An entry whose id is new here is added with its sync state from the file. An id already here
 *   with the same hash is skipped (counted); its state moves forward if the file's is further along
 *   (pending → posted, rejected or conflict: an answer the server gave), never back. An id here with
 *   another hash is a conflict: reported, this PC's entry kept (never overwritten).
 * - Settings: the file's only where this PC has none (this PC's are as new or newer); the device seq
 *   counter is the highest of this PC's, the file's and the entries' own seqs (a seq never reused);
 *   print counts the higher (a copy stays a copy).
 * - A PC that is not enrolled keeps the file's identity as `previousDevice`: it then enrols again
 *   as that device, so the restored pending entries post under the device id they carry.
 * - The file was checked whole before (parseBackupText): nothing half-read is ever written.
 */
import { booksCacheTables, rebuildCachesIn } from './booksCaches';
import type { MetaRow, SamutDb } from './db';
import { BackupError, type BackupContent } from './backupFile';
import { getLastBackup, lastBackupMetaKey, mergeLastBackup } from './backupStatus';
import { deviceSeqMetaKey } from './deviceSeq';
import { enrolmentMetaKey, parseEnrolment } from './enrolment';
import { deviceIdentitySchema, previousDeviceMetaKey, type DeviceIdentity } from './previousDevice';
import type { StoredEntry, SyncState } from './storedEntry';

/** Conflicting ids listed in the report (the count is exact). */
export const restoreConflictsListedMax = 100;
/** Ids looked up per request. */
const lookupChunk = 5000;

/** What a restore did. */
export interface RestoreReport {
  /** Entries new to this PC, written. */
  added: number;
  /** Entries already here with the same hash. */
  skipped: number;
  /** Of the skipped, those whose state moved forward to the file's. */
  advanced: number;
  /** Same id here with another hash: this PC's entry kept. */
  conflictCount: number;
  /** The first {@link restoreConflictsListedMax} of them. */
  conflicts: { id: string; date: string; kind: string }[];
  /** Meta rows (settings, counters, print counts) written. */
  settingsRestored: number;
  /** The device the file is from. */
  identity: DeviceIdentity;
  /** Whether this PC is enrolled (if not, it must enrol again as `identity`). */
  enrolled: boolean;
}

/**
 * Restores a checked backup (see the file header). Throws BackupError('other-device') and writes
 * nothing when the file is another device's.
 * @example const report = await restoreBackup(db, parseBackupText(await file.text()));
 */
export async function restoreBackup(db: SamutDb, content: BackupContent): Promise<RestoreReport> {
  const { header } = content;
  const identity: DeviceIdentity = deviceIdentitySchema.parse({
    serverUrl: header.serverUrl,
    orgId: header.orgId,
    orgName: header.orgName,
    deviceId: header.deviceId,
  });
  return db.transaction('rw', [db.entries, db.meta, ...booksCacheTables(db)], async () => {
    const enrolled = await checkSameDevice(db, identity);

    // 1. Entries: merge by id.
    const report: RestoreReport = { added: 0, skipped: 0, advanced: 0, conflictCount: 0, conflicts: [], settingsRestored: 0, identity, enrolled };
    const writes: StoredEntry[] = [];
    const maxSeq = new Map<string, number>();
    for (let i = 0; i < content.entries.length; i += lookupChunk) {
      const chunk = content.entries.slice(i, i + lookupChunk);
      const here = await db.entries.bulkGet(chunk.map((e) => e.id));
      chunk.forEach((fromFile, j) => {
        maxSeq.set(fromFile.deviceId, Math.max(fromFile.seq, maxSeq.get(fromFile.deviceId) ?? 0));
        const local = here[j];
        if (local === undefined) {
          report.added += 1;
          writes.push(fromFile);
        } else if (local.hash !== fromFile.hash) {
          report.conflictCount += 1;
          if (report.conflicts.length < restoreConflictsListedMax) report.conflicts.push({ id: local.id, date: local.date, kind: local.kind });
        } else {
          report.skipped += 1;
          if (furtherAlong(fromFile.state, local.state)) {
            report.advanced += 1;
            writes.push(fromFile);
          }
        }
      });
    }
    await db.entries.bulkPut(writes);

    // 2. Settings, counters, print counts, what backups cover, and the identity.
    const metaWrites = mergedMeta(await db.meta.bulkGet(content.meta.map((r) => r.key)), content.meta);
    for (const [deviceId, seq] of maxSeq) {
      const key = deviceSeqMetaKey(deviceId);
      const planned = metaWrites.find((r) => r.key === key);
      const current = planned?.value ?? (await db.meta.get(key))?.value;
      const highest = Math.max(seq, typeof current === 'number' ? current : 0);
      if (current !== highest) {
        if (planned) planned.value = highest;
        else metaWrites.push({ key, value: highest });
      }
    }
    report.settingsRestored = metaWrites.length;
    metaWrites.push({ key: lastBackupMetaKey, value: mergeLastBackup(await getLastBackup(db), header) });
    if (!enrolled) metaWrites.push({ key: previousDeviceMetaKey, value: identity });
    await db.meta.bulkPut(metaWrites);

    // 3. The books caches, from the entries as they now stand (only if any entry changed).
    if (writes.length > 0) await rebuildCachesIn(db);
    return report;
  });
}

/** Whether this PC is enrolled; throws BackupError('other-device') when it is or was another device. */
async function checkSameDevice(db: SamutDb, identity: DeviceIdentity): Promise<boolean> {
  const [enrolmentRow, previousRow] = await db.meta.bulkGet([enrolmentMetaKey, previousDeviceMetaKey]);
  const refuse = (whoTh: string): never => {
    throw new BackupError(
      'other-device',
      `ไฟล์สำรองนี้เป็นของเครื่องอื่น (รหัสเครื่อง ${identity.deviceId.slice(-12)}) แต่${whoTh} จึงไม่ได้นำเข้าข้อมูลใด ๆ ` +
        'รายการที่รอส่งในไฟล์ต้องส่งจากเครื่องเดิมเท่านั้น: นำเข้าที่เครื่องเดิม หรือที่เครื่องที่ล้างข้อมูลแล้วและยังไม่ได้ลงทะเบียน',
    );
  };
  if (enrolmentRow !== undefined) {
    const enrolment = parseEnrolment(enrolmentRow.value);
    if (enrolment.deviceId !== identity.deviceId || enrolment.orgId !== identity.orgId) {
      refuse(`เครื่องนี้ลงทะเบียนเป็นเครื่อง ${enrolment.deviceId.slice(-12)} ของ${enrolment.orgName}`);
    }
    return true;
  }
  const previous = deviceIdentitySchema.safeParse(previousRow?.value);
  if (previous.success && previous.data.deviceId !== identity.deviceId && (await db.entries.count()) > 0) {
    refuse(`เครื่องนี้มีรายการของเครื่อง ${previous.data.deviceId.slice(-12)} อยู่แล้ว`);
  }
  return false;
}

/** A server's answer (posted, rejected, conflict) is further along than waiting; answers never change. */
function furtherAlong(file: SyncState, local: SyncState): boolean {
  return local === 'pending' && file !== 'pending';
}

/** The meta rows to write: the file's where this PC has none, the higher counter, the higher print count. */
function mergedMeta(local: readonly (MetaRow | undefined)[], fromFile: readonly MetaRow[]): MetaRow[] {
  const writes: MetaRow[] = [];
  fromFile.forEach((row, i) => {
    const here = local[i];
    if (here === undefined) {
      writes.push({ key: row.key, value: row.value });
    } else if (row.key.startsWith('deviceSeq:')) {
      const mine = typeof here.value === 'number' ? here.value : 0;
      if ((row.value as number) > mine) writes.push({ key: row.key, value: row.value });
    } else if (row.key.startsWith('print:')) {
      if (printCount(row.value) > printCount(here.value)) writes.push({ key: row.key, value: row.value });
    }
  });
  return writes;
}

function printCount(value: unknown): number {
  const count = (value as { count?: unknown } | null)?.count;
  return typeof count === 'number' && Number.isSafeInteger(count) ? count : 0;
}
