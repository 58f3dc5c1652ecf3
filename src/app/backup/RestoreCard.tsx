/**
 * นำเข้าไฟล์สำรอง: choose a backup file; it is checked whole (checksum, every entry's hash) and merged
 * by id in one write, or refused with the reason and nothing written. Shown in ตั้งค่า and, on a
 * wiped or new PC, under the enrol form (restore first, then enrol again as the same device).
 */
import { useState } from 'preact/hooks';
import type { RestoreReport, SamutDb } from '../../store';
import { restoreBackupFile, restoreSummaryTh } from './backupActions';

export interface RestoreCardProps {
  db: SamutDb;
  /** After a restore that wrote something (ask sync to send, refresh the status). */
  onRestored?: (report: RestoreReport) => void;
}

export function RestoreCard({ db, onRestored }: RestoreCardProps) {
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<string[] | undefined>(undefined);
  const [errorTh, setErrorTh] = useState<string | undefined>(undefined);

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    setBusy(true);
    setSummary(undefined);
    setErrorTh(undefined);
    const result = await restoreBackupFile(db, file);
    setBusy(false);
    input.value = '';
    if (!result.ok) return setErrorTh(result.messageTh);
    setSummary(restoreSummaryTh(result.report));
    onRestored?.(result.report);
  }

  return (
    <section class="card" aria-labelledby="restore-title">
      <h2 id="restore-title">นำเข้าไฟล์สำรอง</h2>
      <p class="muted form-lead">
        เลือกไฟล์ที่ได้จากปุ่ม "สำรองข้อมูลลงไฟล์" ของเครื่องนี้ ระบบตรวจทั้งไฟล์ก่อน แล้วเพิ่มเฉพาะรายการที่ยังไม่มีในเครื่อง (รายการที่มีอยู่แล้วไม่ถูกแก้ไข)
      </p>
      <label class="field">
        <span>ไฟล์สำรอง (.json)</span>
        <input type="file" accept=".json,application/json" data-testid="restore-file" disabled={busy} onChange={(e) => void choose(e)} />
      </label>
      <div aria-live="polite">
        {busy && <p class="muted">กำลังตรวจและนำเข้า…</p>}
        {summary !== undefined && (
          <div class="notice notice--ok" data-testid="restore-summary" role="status">
            <p>นำเข้าไฟล์สำรองแล้ว</p>
            <ul>
              {summary.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        {errorTh !== undefined && (
          <p class="notice notice--error" data-testid="error-restore" role="alert">
            {errorTh}
          </p>
        )}
      </div>
    </section>
  );
}
