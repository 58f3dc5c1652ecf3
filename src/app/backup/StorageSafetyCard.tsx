/**
 * ความปลอดภัยของข้อมูลในเครื่อง (DESIGN.md §5): whether the browser keeps this PC's books through
 * "clear browsing data" and storage pressure (persistent storage), how much room they take, when the
 * last backup file was made and how many waiting entries exist only on this PC; the backup button.
 */
import { useEffect, useState } from 'preact/hooks';
import { bangkokDateOf, formatBeDate } from '../../domain/thaiDate';
import { getBackupStatus, type SamutDb } from '../../store';
import { useLiveQuery } from '../useLiveQuery';
import { saveBackupFile, type BackupOutcome } from './backupActions';

export interface StorageSafetyCardProps {
  db: SamutDb;
  refreshKey: number;
}

interface StorageState {
  persisted?: boolean;
  usageBytes?: number;
  quotaBytes?: number;
}

async function readStorageState(): Promise<StorageState> {
  const storage = navigator.storage as StorageManager | undefined;
  const [persisted, estimate] = await Promise.all([storage?.persisted?.().catch(() => undefined), storage?.estimate?.().catch(() => undefined)]);
  return {
    ...(persisted !== undefined ? { persisted } : {}),
    ...(estimate?.usage !== undefined ? { usageBytes: estimate.usage } : {}),
    ...(estimate?.quota !== undefined ? { quotaBytes: estimate.quota } : {}),
  };
}

/** @example megabytes(5_400_000) // '5.1 MB' */
function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/** A B.E. date and Bangkok time of an ISO instant. */
export function beDateTimeOf(iso: string): string {
  const ms = Date.parse(iso);
  const time = new Date(ms + 7 * 3600_000).toISOString().slice(11, 16);
  return `${formatBeDate(bangkokDateOf(ms))} ${time} น.`;
}

export function StorageSafetyCard({ db, refreshKey }: StorageSafetyCardProps) {
  const [storage, setStorage] = useState<StorageState>({});
  const [asked, setAsked] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<BackupOutcome | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const status = useLiveQuery(() => getBackupStatus(db, Date.now()), [db, refreshKey, saved]);
  useEffect(() => void readStorageState().then(setStorage), [refreshKey, saved, asked]);

  async function askPersistence() {
    const granted = await navigator.storage?.persist?.().catch(() => false);
    setAsked(granted ? 'เบราว์เซอร์จะเก็บข้อมูลของสมุดไว้ถาวรแล้ว' : 'เบราว์เซอร์ยังไม่อนุญาต: ติดตั้งสมุดเป็นแอป (ปุ่ม "ติดตั้ง") หรือเปิดใช้บ่อย ๆ แล้วลองอีกครั้ง และสำรองข้อมูลลงไฟล์เป็นประจำ');
  }

  async function backup() {
    setBusy(true);
    setSaved(await saveBackupFile(db));
    setBusy(false);
  }

  const s = status.status === 'ready' ? status.value : undefined;
  return (
    <section class="card" aria-labelledby="storage-title" data-testid="storage-safety">
      <h2 id="storage-title">ความปลอดภัยของข้อมูลในเครื่อง</h2>
      <dl class="facts">
        <div>
          <dt>เก็บข้อมูลถาวร</dt>
          <dd data-testid="storage-persisted" data-persisted={storage.persisted === undefined ? '' : String(storage.persisted)}>
            {storage.persisted === undefined
              ? 'เบราว์เซอร์นี้ไม่บอกสถานะ'
              : storage.persisted
                ? 'ใช่ — เบราว์เซอร์จะไม่ลบข้อมูลเองเมื่อพื้นที่เหลือน้อย'
                : 'ยังไม่ — เบราว์เซอร์อาจลบข้อมูลเมื่อพื้นที่เหลือน้อย'}
            {storage.persisted === false && (
              <>
                {' '}
                <button type="button" class="button-quiet" data-testid="storage-persist" onClick={() => void askPersistence()}>
                  ขอให้เก็บถาวร
                </button>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>พื้นที่ที่ใช้</dt>
          <dd data-testid="storage-usage">
            {storage.usageBytes !== undefined && storage.quotaBytes !== undefined ? `${megabytes(storage.usageBytes)} จาก ${megabytes(storage.quotaBytes)}` : 'ไม่ทราบ'}
          </dd>
        </div>
        <div>
          <dt>สำรองข้อมูลล่าสุด</dt>
          <dd data-testid="backup-last">{s?.lastBackup ? beDateTimeOf(s.lastBackup.exportedAt) : 'ยังไม่เคยสำรอง'}</dd>
        </div>
        <div>
          <dt>รอส่งและยังไม่ได้สำรอง</dt>
          <dd data-testid="backup-only-here" data-count={s ? String(s.onlyOnThisPc) : ''}>
            {s ? `${s.onlyOnThisPc.toLocaleString('en-US')} รายการ (รอส่งทั้งหมด ${s.pending.toLocaleString('en-US')})` : '…'}
          </dd>
        </div>
      </dl>
      {asked !== undefined && <p class="notice notice--warn" role="status">{asked}</p>}
      <div class="form-actions">
        <button type="button" class="button-primary" data-testid="backup-save" disabled={busy} onClick={() => void backup()}>
          สำรองข้อมูลลงไฟล์
        </button>
        <div class="form-feedback" aria-live="polite">
          {saved?.ok === true && (
            <p class="notice notice--ok" data-testid="backup-saved" role="status">
              {saved.messageTh}
            </p>
          )}
          {saved?.ok === false && (
            <p class="notice notice--error" data-testid="error-backup" role="alert">
              {saved.messageTh}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
