/**
 * Exporting a backup file (สำรองข้อมูลลงไฟล์): every entry with its sync state and the settings named by
 * backedUpMetaKey, as backupFile.ts lays them out, from ONE read transaction (a consistent picture
 * even while the sync engine posts in the background).
 *
 * Memory: entries are read in pages by id and each page becomes one Blob part at once (the text and
 * the checksum are made from the same canonical line), so a PC of 100,000+ entries holds one page of
 * rows and strings plus the Blob the browser keeps (out of the JavaScript heap, on disk when large),
 * never the rows, the text and the file together.
 */
import { canonicalJson } from '../domain/canonicalJson';
import { systemClock, type Clock } from './clock';
import type { MetaRow, SamutDb } from './db';
import {
  BackupChecksum,
  BackupError,
  backedUpMetaKey,
  backupClosing,
  backupFileName,
  backupFormatName,
  backupFormatVersion,
  backupMiddle,
  backupOpening,
  type BackupHeader,
} from './backupFile';
import { getPreviousDevice } from './previousDevice';

/** Entries read and written per page. */
export const backupPageEntries = 2000;

/** A backup made, ready to be saved; give `marker` to noteBackupMade once the file is on its way. */
export interface BackupExport {
  blob: Blob;
  fileName: string;
  header: BackupHeader;
  /** The file's checksum (SHA-256, hex). */
  checksum: string;
}

/**
 * Makes the backup file of everything on this PC. Throws BackupError('no-identity') on a PC that
 * never enrolled (it has nothing to back up).
 * @example const made = await exportBackup(db, { appVersion: '0.1.0' }); download(made.blob, made.fileName); await noteBackupMade(db, made.header);
 */
export async function exportBackup(db: SamutDb, options: { appVersion: string; clock?: Clock; pageEntries?: number }): Promise<BackupExport> {
  const clock = options.clock ?? systemClock;
  const pageSize = options.pageEntries ?? backupPageEntries;
  return db.transaction('r', [db.entries, db.meta], async () => {
    const identity = await getPreviousDevice(db);
    if (identity === undefined) {
      throw new BackupError('no-identity', 'เครื่องนี้ยังไม่เคยลงทะเบียนและไม่มีรายการ จึงยังไม่มีข้อมูลให้สำรอง');
    }
    const metaRows: MetaRow[] = (await db.meta.toArray()).filter((row) => backedUpMetaKey(row.key));
    const lastSeqByDevice: Record<string, number> = {};
    for (const row of metaRows) {
      if (row.key.startsWith('deviceSeq:') && typeof row.value === 'number') lastSeqByDevice[row.key.slice('deviceSeq:'.length)] = row.value;
    }
    const exportedAtMs = clock.nowMs();
    const header: BackupHeader = {
      format: backupFormatName,
      version: backupFormatVersion,
      appVersion: options.appVersion,
      exportedAt: new Date(exportedAtMs).toISOString(),
      serverUrl: identity.serverUrl,
      orgId: identity.orgId,
      orgName: identity.orgName,
      deviceId: identity.deviceId,
      counts: { entries: await db.entries.count(), meta: metaRows.length },
      lastSeqByDevice,
    };
    const sum = new BackupChecksum();
    const headerLine = canonicalJson(header);
    sum.add(headerLine);
    const parts: Blob[] = [new Blob([backupOpening(headerLine)])];

    let after: string | undefined;
    let written = 0;
    for (;;) {
      const page = after === undefined ? await db.entries.orderBy(':id').limit(pageSize).toArray() : await db.entries.where(':id').above(after).limit(pageSize).toArray();
      if (page.length === 0) break;
      const lines = page.map((row) => canonicalJson(row));
      for (const line of lines) sum.add(line);
      parts.push(new Blob([(written > 0 ? ',\n' : '') + lines.join(',\n')]));
      written += page.length;
      after = page[page.length - 1]!.id;
    }
    // The count was read in the same transaction: a difference is a bug, not a race.
    if (written !== header.counts.entries) throw new Error(`backup wrote ${written} entries, counted ${header.counts.entries}`);

    const metaLines = metaRows.map((row) => canonicalJson({ key: row.key, value: row.value }));
    for (const line of metaLines) sum.add(line);
    const checksum = sum.hex();
    parts.push(new Blob([backupMiddle + metaLines.join(',\n') + backupClosing(checksum)]));
    return { blob: new Blob(parts, { type: 'application/json' }), fileName: backupFileName(identity.orgName, exportedAtMs), header, checksum };
  });
}
