/**
 * One drain run as the service worker and the page start it: open the database, check enrolment,
 * take the sync lock, refresh the books setup when stale (chart, money rules), drain over HTTP, and report
 * progress and the end on the sync channel. The app starts a run as soon as the PC is enrolled, so
 * the setup arrives right after enrolment too. After a drain that emptied the queue, the digest check
 * (digestCheck.ts) asks whether the server still holds every posted entry, and when it re-queued
 * days, they are drained at once in the same run; the end message then says so.
 * A 401 from the server on any request (tokenRefusal.ts) sets the enrolment aside and ends the run as
 * `auth-failed`: the app then shows the enrol screen, and every pending entry waits for the new token.
 * Never throws: every end is a `drain-finished` message, also returned to the caller.
 */
import { cryptoRandomBytes, systemClock, type Clock, type RandomBytes } from '../store/clock';
import { openSamutDb, type SamutDb } from '../store/db';
import { getEnrolment } from '../store/enrolment';
import { setEnrolmentAside } from '../store/previousDevice';
import { countPending } from '../store/queries';
import { openSyncBroadcaster, type DrainFinished, type SyncBroadcaster } from './channel';
import { checkDigest, digestResultTh, getLastDigestCheck, isDigestCheckDue } from './digestCheck';
import { drainQueue, type DrainOptions, type DrainReport } from './drain';
import { createHttpDigestClient } from './httpDigest';
import { createHttpPushClient } from './httpPush';
import { refreshSetupIfStale } from './setupSync';
import type { SyncReason } from './swMessages';
import { defaultLockManager, withSyncLock } from './syncLock';
import { getSyncStatus, isBackingOff, putSyncStatus, syncStatusInitial } from './syncStatus';
import { enrolAgainTh, watchTokenRefusal } from './tokenRefusal';

export interface RunDrainOptions {
  /** Why (logged only). `background-sync` is the browser's `sync` event in the worker. */
  reason: SyncReason | 'background-sync';
  /** The page passes its open database; the worker opens its own by name. */
  db?: SamutDb;
  dbName?: string;
  fetch?: typeof fetch;
  clock?: Clock;
  random?: RandomBytes;
  /** Defaults to navigator.locks; undefined where there is none. */
  locks?: LockManager;
  /** Defaults to the 'samut-sync' BroadcastChannel. */
  broadcaster?: SyncBroadcaster;
}

/**
 * Runs one drain and returns how it finished.
 * @example self.addEventListener('sync', (e) => e.waitUntil(runDrain({ reason: 'background-sync' })));
 */
export async function runDrain(options: RunDrainOptions): Promise<DrainFinished> {
  const db = options.db ?? openSamutDb(options.dbName);
  const channel = options.broadcaster ?? openSyncBroadcaster();
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandomBytes;
  const finish = (message: DrainFinished): DrainFinished => {
    channel.post(message);
    return message;
  };
  try {
    const enrolment = await getEnrolment(db);
    if (enrolment === undefined) {
      return finish({ ...idle('not-enrolled', await countPending(db)), messageTh: 'เครื่องนี้ยังไม่ได้ลงทะเบียน จึงยังส่งรายการไม่ได้' });
    }
    // Every request of this run goes through the watch: a 401 on any of them sets the enrolment aside.
    const watch = watchTokenRefusal(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
    const fetchOption = { fetch: watch.fetch };
    const push = createHttpPushClient({ serverUrl: enrolment.serverUrl, token: enrolment.token, clock, ...fetchOption });
    const run = await withSyncLock(async () => {
      channel.post({ type: 'drain-started' });
      // The books setup first (harmless if it fails), but never while backing off: a server that
      // asked PCs to slow down must not get a setup request from each of them instead.
      if (!isBackingOff(await getSyncStatus(db), clock.nowMs())) {
        await refreshSetupIfStale(db, { enrolment, nowMs: () => clock.nowMs(), ...fetchOption });
      }
      const drainOptions: DrainOptions = {
        db,
        push,
        clock,
        random,
        onProgress: ({ sent, total }) => channel.post({ type: 'progress', sent, total }),
      };
      const report = await drainQueue(drainOptions);
      const fetchDigest = createHttpDigestClient({ serverUrl: enrolment.serverUrl, token: enrolment.token, ...fetchOption });
      return afterDrain(report, drainOptions, fetchDigest);
    }, options.locks ?? defaultLockManager());
    if (run.outcome === 'busy') return finish(idle('busy', await countPending(db)));
    if (watch.refused()) return finish(await afterTokenRefused(db, enrolment.token, finishedOf(run.value)));
    return finish(finishedOf(run.value));
  } catch (error) {
    // IndexedDB itself failed (quota, eviction, a closed database). Entries stay pending; say so.
    console.error(`samut sync (${options.reason}) failed`, error);
    return finish({
      ...idle('failed', await countPending(db).catch(() => 0)),
      messageTh: 'บันทึกผลการส่งรายการลงเครื่องไม่สำเร็จ (ฐานข้อมูลในเครื่องมีปัญหา) รายการที่ยังไม่ส่งยังรอส่งอยู่ ระบบจะลองใหม่',
    });
  } finally {
    channel.close();
    if (options.db === undefined) db.close();
  }
}

/**
 * The digest check after a drain (still under the sync lock): only when the queue is empty — then the
 * PC's posted entries are all the server should hold of this device — and either this drain posted
 * something or the last check is due. Re-queued days are drained at once. A failure of the check
 * (even of the PC database) never spoils the drain's own report: it is logged, and tried again later.
 */
async function afterDrain(
  report: DrainReport,
  drainOptions: DrainOptions,
  fetchDigest: ReturnType<typeof createHttpDigestClient>,
): Promise<DrainReport> {
  const { db } = drainOptions;
  const clock = drainOptions.clock ?? systemClock;
  if (report.outcome !== 'drained') return report;
  let requeuedTh: string | undefined;
  try {
    if (report.posted === 0 && !isDigestCheckDue(await getLastDigestCheck(db), clock.nowMs())) return report;
    const digest = await checkDigest({ db, fetchDigest, clock });
    requeuedTh = digestResultTh(digest);
    if (requeuedTh === undefined) return report;
  } catch (error) {
    console.error('samut digest check failed', error);
    return report;
  }
  const again = await drainQueue(drainOptions);
  const merged: DrainReport = {
    ...again,
    posted: report.posted + again.posted,
    rejected: report.rejected + again.rejected,
    conflicts: report.conflicts + again.conflicts,
    pushes: report.pushes + again.pushes,
  };
  // A failed resend says why (its own message); a finished one says what was sent again.
  if (again.messageTh === undefined) merged.messageTh = requeuedTh;
  return merged;
}

/**
 * The server refused the token: set the enrolment aside (its identity kept, so enrolling again keeps
 * the device id) and clear the backoff, so the first drain after enrolling runs at once. A run whose
 * enrolment was replaced meanwhile (another tab enrolled) reports as it was.
 */
async function afterTokenRefused(db: SamutDb, refusedToken: string, finished: DrainFinished): Promise<DrainFinished> {
  const aside = await setEnrolmentAside(db, refusedToken);
  if (aside.outcome !== 'set-aside') return finished;
  await putSyncStatus(db, { ...syncStatusInitial });
  const pending = await countPending(db);
  const { posted, rejected, conflicts } = finished;
  return { ...idle('auth-failed', pending), posted, rejected, conflicts, messageTh: enrolAgainTh(pending) };
}

function idle(outcome: DrainFinished['outcome'], pending: number): DrainFinished {
  return { type: 'drain-finished', outcome, posted: 0, rejected: 0, conflicts: 0, pending };
}

function finishedOf(report: DrainReport): DrainFinished {
  const message: DrainFinished = {
    type: 'drain-finished',
    outcome: report.outcome,
    posted: report.posted,
    rejected: report.rejected,
    conflicts: report.conflicts,
    pending: report.pending,
  };
  if (report.nextAttemptAtMs !== undefined) message.nextAttemptAtMs = report.nextAttemptAtMs;
  if (report.messageTh !== undefined) message.messageTh = report.messageTh;
  return message;
}
