/**
 * What the backup buttons do, shared by the ตั้งค่า card, the banners and the enrol screen: make the
 * file and hand it to the browser to save; read a chosen file and restore it. Messages are Thai.
 */
import { formatBeDate } from '../../domain/thaiDate';
import {
  BackupError,
  backupFileBytesMax,
  exportBackup,
  noteBackupMade,
  parseBackupText,
  restoreBackup,
  type RestoreReport,
  type SamutDb,
} from '../../store';
import { errorMessageTh } from '../errorMessage';
import { downloadFile } from '../export/downloadFile';
import { appVersion } from './appVersion';

export type BackupOutcome = { ok: true; messageTh: string } | { ok: false; messageTh: string };

/** Makes the backup file, starts its download and notes what it covers. */
export async function saveBackupFile(db: SamutDb): Promise<BackupOutcome> {
  try {
    const made = await exportBackup(db, { appVersion });
    downloadFile(made.blob, made.fileName);
    await noteBackupMade(db, made.header);
    return { ok: true, messageTh: `สำรองข้อมูลแล้ว ${made.header.counts.entries.toLocaleString('en-US')} รายการ ลงไฟล์ ${made.fileName} (เก็บไฟล์ไว้นอกเครื่องนี้ เช่น แฟลชไดรฟ์)` };
  } catch (error) {
    return { ok: false, messageTh: backupErrorTh(error) };
  }
}

/** Reads, checks and restores a chosen backup file; the report or why nothing was written. */
export async function restoreBackupFile(db: SamutDb, file: File): Promise<{ ok: true; report: RestoreReport } | { ok: false; messageTh: string }> {
  try {
    if (file.size > backupFileBytesMax) {
      return { ok: false, messageTh: `ไฟล์ใหญ่เกินกว่าจะเป็นไฟล์สำรองของสมุด (${Math.round(file.size / 1024 / 1024)} MB) จึงไม่ได้นำเข้าข้อมูลใด ๆ` };
    }
    const content = parseBackupText(await file.text());
    return { ok: true, report: await restoreBackup(db, content) };
  } catch (error) {
    return { ok: false, messageTh: backupErrorTh(error) };
  }
}

/** The summary of a restore, one sentence per fact. */
export function restoreSummaryTh(report: RestoreReport): string[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [`นำเข้ารายการใหม่ ${n(report.added)} รายการ`, `มีอยู่แล้วจึงข้าม ${n(report.skipped)} รายการ`];
  if (report.advanced > 0) lines.push(`ปรับสถานะตามไฟล์ (เซิร์ฟเวอร์ตอบแล้ว) ${n(report.advanced)} รายการ`);
  if (report.conflictCount > 0) {
    const listed = report.conflicts.slice(0, 5).map((c) => `${formatBeDate(c.date)} (${c.id.slice(-12)})`).join(', ');
    lines.push(`ขัดแย้ง ${n(report.conflictCount)} รายการ: รหัสเดียวกันแต่เนื้อหาต่างจากในเครื่อง จึงเก็บของเครื่องนี้ไว้ — ${listed}`);
  }
  if (report.settingsRestored > 0) lines.push(`คืนค่าการตั้งค่า ${n(report.settingsRestored)} รายการ`);
  if (!report.enrolled) lines.push(`กรุณาลงทะเบียนเครื่องอีกครั้งด้วยรหัสจากผู้ดูแลระบบ เพื่อส่งรายการที่รอส่งต่อในนามเครื่องเดิมของ${report.identity.orgName}`);
  return lines;
}

function backupErrorTh(error: unknown): string {
  return error instanceof BackupError ? error.messageTh : errorMessageTh(error);
}
