/**
 * ลงทะเบียนเครื่อง: the first screen on a new PC, and again when the server refused this PC's token or
 * a backup was restored. The officer types the one-time code from the system administrator; the server
 * answers with the organisation, a device id and a token, kept in the store. A PC that was a device
 * before (getPreviousDevice) sends that device id, so its pending entries are still its own and post
 * after enrolling; the screen says how many wait.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { countPending, getPreviousDevice, saveEnrolment, type Enrolment, type SamutDb } from '../store';
import { enrolDevice } from '../sync/enrol';
import { putSyncStatus, syncStatusInitial } from '../sync/syncStatus';
import { errorMessageTh } from './errorMessage';
import { useLiveQuery } from './useLiveQuery';

export interface EnrolScreenProps {
  db: SamutDb;
  onEnrolled: (enrolment: Enrolment) => void;
  /** Shown above the form, e.g. why the PC must enrol again. */
  noticeTh?: string | undefined;
}

export function EnrolScreen({ db, onEnrolled, noticeTh }: EnrolScreenProps) {
  const [serverUrl, setServerUrl] = useState(() => location.origin);
  const [code, setCode] = useState('');
  const [errorTh, setErrorTh] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  // The code is the only thing to type on this screen.
  useEffect(() => codeInput.current?.focus(), []);
  // Live: a backup restored below this form (RestoreCard) brings the device identity in after mount.
  const previousQuery = useLiveQuery(
    async () => {
      const [device, pending] = await Promise.all([getPreviousDevice(db), countPending(db)]);
      return device === undefined ? undefined : { device, pending };
    },
    [db],
  );
  const previous = previousQuery.status === 'ready' ? previousQuery.value : undefined;
  const previousError = previousQuery.status === 'failed' ? previousQuery.messageTh : undefined;
  const serverTyped = useRef(false);
  useEffect(() => {
    // The server it posted to, not wherever the app was opened from (unless the officer typed one).
    if (previous !== undefined && !serverTyped.current) setServerUrl(previous.device.serverUrl);
  }, [previous?.device.serverUrl]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrorTh(undefined);
    try {
      // Read again at the moment of sending: the identity is what the entries carry, never a stale copy.
      const device = await getPreviousDevice(db);
      const result = await enrolDevice(serverUrl, code, { previousDeviceId: device?.deviceId });
      if (result.outcome !== 'enrolled') {
        setErrorTh(result.messageTh);
        return;
      }
      await saveEnrolment(db, result.enrolment);
      // A new token starts without the refused one's backoff: the waiting entries go at once.
      await putSyncStatus(db, { ...syncStatusInitial });
      onEnrolled(result.enrolment);
    } catch (error) {
      setErrorTh(errorMessageTh(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="enrol">
      <div class="enrol-card card">
        <div class="enrol-brand">
          <img src="/favicon.svg" alt="" width={56} height={56} />
          <div>
            <h1>สมุด</h1>
            <p class="muted">บัญชี อปท. ใช้ได้แม้ไม่มีอินเทอร์เน็ต</p>
          </div>
        </div>
        <h2>ลงทะเบียนเครื่องนี้</h2>
        <p class="muted">
          ใช้รหัสลงทะเบียนที่ได้จากผู้ดูแลระบบ ทำครั้งเดียวต่อเครื่อง หลังจากนั้นบันทึกรายการได้แม้ไม่มีอินเทอร์เน็ต
        </p>
        {noticeTh !== undefined && (
          <p class="notice notice--warn" data-testid="enrol-notice">
            {noticeTh}
          </p>
        )}
        {previous !== undefined && (
          <p class="notice" data-testid="enrol-previous" data-device-id={previous.device.deviceId}>
            เครื่องนี้เป็นเครื่องเดิมของ {previous.device.orgName} ลงทะเบียนใหม่ด้วยรหัสของหน่วยงานนี้
            {previous.pending > 0 ? ` รายการที่รอส่ง ${previous.pending.toLocaleString('th-TH')} รายการยังอยู่ครบ และจะส่งต่อเองหลังลงทะเบียน` : ''}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for="enrol-server">ที่อยู่เซิร์ฟเวอร์</label>
            <input
              id="enrol-server"
              data-testid="enrol-server"
              type="url"
              inputMode="url"
              autocomplete="url"
              spellcheck={false}
              value={serverUrl}
              onInput={(e) => {
                serverTyped.current = true;
                setServerUrl(e.currentTarget.value);
              }}
            />
          </div>
          <div class="field">
            <label for="enrol-code">รหัสลงทะเบียน</label>
            <input
              id="enrol-code"
              data-testid="enrol-code"
              type="text"
              autocomplete="one-time-code"
              autocapitalize="characters"
              spellcheck={false}
              placeholder="ABCD-1234"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
              aria-describedby={(errorTh ?? previousError) !== undefined ? 'enrol-error' : undefined}
              ref={codeInput}
            />
          </div>
          {(errorTh ?? previousError) !== undefined && (
            <p id="enrol-error" class="notice notice--error" data-testid="enrol-error" role="alert">
              {errorTh ?? previousError}
            </p>
          )}
          <button type="submit" class="button-primary button-wide" data-testid="enrol-submit" disabled={busy}>
            {busy ? 'กำลังลงทะเบียน…' : 'ลงทะเบียน'}
          </button>
        </form>
      </div>
    </main>
  );
}
