/**
 * The drain loop: sends pending entries to the server, earliest business date first, in batches, and
 * stores each batch's answers. Pure of browser globals (time, randomness and the network are passed
 * in), so the same code runs in the service worker, in the page, and in Node for tests and the bench.
 *
 * Rules (DESIGN.md §4):
 * - Nothing pending is ever dropped or expired: a failure leaves entries pending, to be resent with
 *   the same id; the server answers a resend with `duplicate`, which counts as posted.
 * - A batch's answers are applied in one transaction (src/store/syncQueue.ts).
 * - Failures back off exponentially with full jitter, honour Retry-After, and the next-attempt time
 *   is persisted; a drain called before it sends nothing.
 * - Every loop is bounded: ceil(pending / batch) + slack pushes per call.
 */
import { cryptoRandomBytes, systemClock, type Clock, type RandomBytes } from '../store/clock';
import type { SamutDb } from '../store/db';
import { getEnrolment } from '../store/enrolment';
import { countPending } from '../store/queries';
import { entryOf } from '../store/storedEntry';
import { applyPushResults, readPendingBatch } from '../store/syncQueue';
import { retryDelayMs } from './backoff';
import { fitToPushBytes } from './fitToPushBytes';
import { batchEntriesMax, protocolVersion, pushResponseSchema, type PushRequest } from './protocol';
import type { PushClient, PushOutcome } from './pushClient';
import { getSyncStatus, isBackingOff, putSyncStatus, type SyncStatus } from './syncStatus';

/** ≈200 entries is ≈150 kB: small enough for a slow line, large enough that 20,000 take 100 pushes. */
export const batchSizeDefault = 200;
/** Pushes allowed beyond ceil(pending / batch): entries recorded while draining, partial answers. */
export const drainIterationsSlack = 3;

export interface DrainOptions {
  db: SamutDb;
  push: PushClient;
  clock?: Clock;
  random?: RandomBytes;
  /** Entries per push, 1..batchEntriesMax (500). */
  batchSize?: number;
  /**
   * A tighter bound on pushes for this call (a caller with a time budget, the bench's samples).
   * The drain's own bound, ceil(pending / batch) + slack, always applies.
   */
  pushesMax?: number;
  /** Called after each answered push. `total` is what was pending at the start (or more, if it grew). */
  onProgress?: (progress: { sent: number; total: number }) => void;
}

/**
 * How a drain ended:
 * `drained` nothing pending; `backing-off` a push failed or the backoff time has not come (retry
 * later, at `nextAttemptAtMs`); `auth-failed` the token was refused (enrol again); `refused` the
 * server refused the request itself (a bug: reported, not retried in a tight loop); `incomplete` the
 * push bound was reached with entries still pending (call again); `not-enrolled` nothing to send with.
 */
export type DrainOutcome = 'drained' | 'backing-off' | 'auth-failed' | 'refused' | 'incomplete' | 'not-enrolled';

/** What one call of {@link drainQueue} did. */
export interface DrainReport {
  outcome: DrainOutcome;
  /** Entries this call moved to `posted` (including `duplicate` answers). */
  posted: number;
  rejected: number;
  conflicts: number;
  /** Entries still pending after this call. */
  pending: number;
  /** Pushes sent by this call. */
  pushes: number;
  /** When the next attempt is allowed (epoch ms), after a failure. */
  nextAttemptAtMs?: number;
  /** The Thai message for the officer, after a failure. */
  messageTh?: string;
}

type Tally = Pick<DrainReport, 'posted' | 'rejected' | 'conflicts' | 'pushes'>;
type Failure = Exclude<PushOutcome, { kind: 'answered' }>;

/**
 * Drains the queue until nothing is pending, a push fails, or the bound is reached.
 * @example const report = await drainQueue({ db, push: createHttpPushClient({ serverUrl, token }) });
 */
export async function drainQueue(options: DrainOptions): Promise<DrainReport> {
  const { db, push } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandomBytes;
  const batchSize = Math.min(Math.max(Math.floor(options.batchSize ?? batchSizeDefault), 1), batchEntriesMax);
  const tally: Tally = { posted: 0, rejected: 0, conflicts: 0, pushes: 0 };

  const enrolment = await getEnrolment(db);
  if (enrolment === undefined) {
    return {
      outcome: 'not-enrolled',
      ...tally,
      pending: await countPending(db),
      messageTh: 'เครื่องนี้ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์ จึงยังส่งรายการไม่ได้',
    };
  }
  let status = await getSyncStatus(db);
  if (isBackingOff(status, clock.nowMs())) {
    return {
      outcome: 'backing-off',
      ...tally,
      pending: await countPending(db),
      nextAttemptAtMs: status.nextAttemptAtMs,
      ...(status.lastError ? { messageTh: status.lastError } : {}),
    };
  }

  const total = await countPending(db);
  const pushesMax = Math.min(Math.ceil(total / batchSize) + drainIterationsSlack, Math.max(options.pushesMax ?? Infinity, 0));
  let sent = 0;
  for (let i = 0; i < pushesMax; i++) {
    const batch = await readPendingBatch(db, batchSize);
    if (batch.length === 0) break;
    const request: PushRequest = {
      protocol: protocolVersion,
      deviceId: enrolment.deviceId,
      entries: fitToPushBytes(enrolment.deviceId, batch.map(entryOf)),
    };
    const outcome = await pushSafely(push, request);
    tally.pushes += 1;
    if (outcome.kind !== 'answered') return fail(outcome);
    const response = pushResponseSchema.safeParse(outcome.response);
    if (!response.success) {
      return fail({ kind: 'retry', messageTh: 'คำตอบจากเซิร์ฟเวอร์มีรูปแบบไม่ถูกต้อง ระบบจะส่งใหม่ภายหลัง รายการยังอยู่ในเครื่องครบ' });
    }
    const syncedAt = new Date(clock.nowMs()).toISOString();
    const sentIds = request.entries.map((e) => String(e.id));
    const applied = await applyPushResults(db, sentIds, response.data.results, syncedAt);
    tally.posted += applied.posted;
    tally.rejected += applied.rejected;
    tally.conflicts += applied.conflicts;
    sent += sentIds.length;
    options.onProgress?.({ sent, total: Math.max(total, sent) });
    if (applied.posted + applied.rejected + applied.conflicts === 0) {
      // The server answered without settling anything it was sent: resending at once would spin.
      return fail({ kind: 'retry', messageTh: 'เซิร์ฟเวอร์ตอบโดยไม่มีผลของรายการที่ส่ง ระบบจะส่งใหม่ภายหลัง' });
    }
    // An answered push ends any backoff, and is persisted per push so a closed tab keeps it.
    status = { failures: 0, nextAttemptAtMs: 0, lastSuccessAt: syncedAt };
    await putSyncStatus(db, status);
  }
  const pending = await countPending(db);
  return { outcome: pending === 0 ? 'drained' : 'incomplete', ...tally, pending };

  async function fail(failure: Failure): Promise<DrainReport> {
    const failures = status.failures + 1;
    const retryAfterMs = failure.kind === 'retry' ? failure.retryAfterMs : undefined;
    const nextAttemptAtMs = clock.nowMs() + retryDelayMs(failures, retryAfterMs, random);
    const next: SyncStatus = { failures, nextAttemptAtMs, lastError: failure.messageTh };
    if (status.lastSuccessAt !== undefined) next.lastSuccessAt = status.lastSuccessAt;
    await putSyncStatus(db, next);
    const outcome = failure.kind === 'retry' ? 'backing-off' : failure.kind;
    return { outcome, ...tally, pending: await countPending(db), nextAttemptAtMs, messageTh: failure.messageTh };
  }
}

/** A PushClient that throws (a bug, or a fetch polyfill) is treated as a failed push, never a crash. */
async function pushSafely(push: PushClient, request: PushRequest): Promise<PushOutcome> {
  try {
    return await push(request);
  } catch {
    return { kind: 'retry', messageTh: 'ส่งรายการไม่สำเร็จเพราะข้อผิดพลาดภายในโปรแกรม ระบบจะส่งใหม่ภายหลัง' };
  }
}
