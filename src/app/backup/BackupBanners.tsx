/**
 * The two storage-safety banners under the header (definitions in src/store/backupStatus.ts):
 * - loud (role=alert) while pending entries exist only on this PC (in no backup file): a wiped
 *   browser would lose them for good (at once when sending is stalled, else after a grace: loudWarning.ts);
 * - a reminder when entries wait and the last backup is older than a day.
 * Each offers the backup at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { getBackupStatus, type SamutDb } from '../../store';
import { useLiveQuery } from '../useLiveQuery';
import { saveBackupFile, type BackupOutcome } from './backupActions';
import { loudWarningDue } from './loudWarning';

/** How often the reminder's "older than a day" is looked at again without any other change. */
const recheckMs = 60_000;

export interface BackupBannersProps {
  db: SamutDb;
  refreshKey: number;
  /** Offline, or the last drain did not empty the queue. */
  sendingStalled: boolean;
}

export function BackupBanners({ db, refreshKey, sendingStalled }: BackupBannersProps) {
  const [tick, setTick] = useState(0);
  const [saved, setSaved] = useState<BackupOutcome | undefined>(undefined);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), recheckMs);
    return () => clearInterval(timer);
  }, []);
  const status = useLiveQuery(() => getBackupStatus(db, Date.now()), [db, refreshKey, tick, saved]);
  if (status.status !== 'ready') return null;
  const { onlyOnThisPc, oldestOnlyOnThisPcAtMs, reminderDue, pending } = status.value;

  const backupButton = (
    <button type="button" class="button-primary" data-testid="banner-backup-save" onClick={() => void saveBackupFile(db).then(setSaved)}>
      สำรองข้อมูลลงไฟล์
    </button>
  );
  const failed = saved?.ok === false ? <span data-testid="error-banner-backup">{saved.messageTh}</span> : null;
  if (loudWarningDue({ onlyOnThisPc, oldestOnlyOnThisPcAtMs, sendingStalled, nowMs: Date.now() })) {
    return (
      <div class="safety-banner safety-banner--alert no-print" role="alert" data-testid="backup-alert" data-count={String(onlyOnThisPc)}>
        <strong>
          มี {onlyOnThisPc.toLocaleString('en-US')} รายการที่ยังไม่ได้ส่งและยังไม่ได้สำรอง อยู่ในเครื่องนี้เครื่องเดียว
        </strong>
        <span>หากล้างข้อมูลเบราว์เซอร์หรือเครื่องเสีย รายการเหล่านี้จะหายถาวร กรุณาสำรองข้อมูลลงไฟล์แล้วเก็บไว้นอกเครื่อง</span>
        {backupButton}
        {failed}
      </div>
    );
  }
  if (reminderDue) {
    return (
      <div class="safety-banner no-print" role="status" data-testid="backup-reminder">
        <span>มี {pending.toLocaleString('en-US')} รายการรอส่ง และไม่ได้สำรองข้อมูลมาเกิน 1 วันแล้ว</span>
        {backupButton}
        {failed}
      </div>
    );
  }
  return null;
}
