/**
 * The digest check (DESIGN.md §4 Server data loss): when e-LAAS came back in 2567 it was missing six
 * months. Samut notices: it asks the server for the per-day digest of this device's entries
 * (GET /api/v1/digest), compares it with the same digest of the entries this PC holds as posted, and
 * puts every posted entry of a day that differs back in the queue, to be sent again. Resending is
 * harmless: the server answers `duplicate` for what it still has, `posted` for what it had lost.
 *
 * Rules:
 * - Only this device's posted entries are compared (rejected and conflicting ones are not on the
 *   server; pending ones are about to be sent; other devices' entries are theirs to check).
 * - The window is the earliest to the latest posted date, in requests of ≤ digestDaysMax days; a range
 *   with none of this device's posted entries is not asked about.
 * - Days re-queued and the result are written in ONE IndexedDB transaction (src/store/postedDays.ts).
 * - Every server answer is zod-validated and must be for this device and the range asked; anything
 *   else fails the check (tried again later), and re-queues nothing on its account.
 * Runs in runDrain after a drain that emptied the queue, and otherwise at most every
 * digestCheckIntervalMs (isDigestCheckDue). Network failures are outcomes, never throws.
 */
import { z } from 'zod';
import type { IsoDate } from '../domain/thaiDate';
import type { Clock } from '../store/clock';
import type { SamutDb } from '../store/db';
import { getEnrolment } from '../store/enrolment';
import { readMetaValue } from '../store/metaValue';
import { postedDateSpan, postedDigestItems, requeuePostedDays } from '../store/postedDays';
import { dayDigestOf, digestRanges } from './dayDigest';
import type { DigestClient } from './httpDigest';
import { digestDaysMax, digestResponseSchema } from './protocol';

export interface DigestCheckOptions {
  db: SamutDb;
  fetchDigest: DigestClient;
  clock: Clock;
}

/**
 * How a check ended: `checked` every range was compared; `failed` a request failed or was answered
 * wrongly (days found differing before it are still re-queued); `not-enrolled` nothing to ask with.
 */
export type DigestCheckOutcome = 'checked' | 'failed' | 'not-enrolled';

/** What one check found and did; the last one is kept in `meta` for the status line. */
export interface DigestCheckResult {
  outcome: DigestCheckOutcome;
  /** When the check ran (epoch ms). */
  checkedAtMs: number;
  /** Days with posted entries of this device that were compared with the server. */
  daysChecked: number;
  /** Of those, days whose count or hash differed from the server's. */
  daysDiffering: number;
  /** Posted entries put back in the queue (every entry of every differing day). */
  entriesRequeued: number;
  /** The differing dates (the first digestDatesKeptMax). */
  differingDates: IsoDate[];
  /** Why it failed, in Thai. */
  messageTh?: string;
}

export const digestCheckMetaKey = 'digestCheck';
/** A check with nothing posted in between finds nothing new: four times a day is enough to notice a restore. */
export const digestCheckIntervalMs = 6 * 60 * 60_000;
/** After a failed check, the next one waits at least this long (a server that failed is not asked again at once). */
export const digestRetryMsMin = 15 * 60_000;
/** Differing dates kept in the stored result (for the officer and for support; the count is exact). */
export const digestDatesKeptMax = 400;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const digestCheckResultSchema = z.object({
  outcome: z.enum(['checked', 'failed', 'not-enrolled']),
  checkedAtMs: count,
  daysChecked: count,
  daysDiffering: count,
  entriesRequeued: count,
  differingDates: z.array(z.string().max(10)).max(digestDatesKeptMax),
  messageTh: z.string().max(2000).optional(),
});

/**
 * Compares this device's posted entries with the server's digest and re-queues every day that differs.
 * @example const r = await checkDigest({ db, fetchDigest: createHttpDigestClient(e), clock: systemClock });
 *          // { outcome: 'checked', daysChecked: 5, daysDiffering: 3, entriesRequeued: 18, … }
 */
export async function checkDigest(options: DigestCheckOptions): Promise<DigestCheckResult> {
  const { db, fetchDigest, clock } = options;
  const checkedAtMs = clock.nowMs();
  const result: DigestCheckResult = { outcome: 'checked', checkedAtMs, daysChecked: 0, daysDiffering: 0, entriesRequeued: 0, differingDates: [] };
  const enrolment = await getEnrolment(db);
  if (enrolment === undefined) return { ...result, outcome: 'not-enrolled' };

  const differing: IsoDate[] = [];
  const span = await postedDateSpan(db);
  // Bounded: (span in days / digestDaysMax) + 1 requests, and a PC's books span a few decades at most.
  for (const range of span ? digestRanges(span.first, span.last, digestDaysMax) : []) {
    const local = await postedDigestItems(db, enrolment.deviceId, range.from, range.to);
    if (local.size === 0) continue;
    const server = await serverDays(fetchDigest, enrolment.deviceId, range);
    if (server.kind === 'failed') {
      result.outcome = 'failed';
      result.messageTh = server.messageTh;
      break;
    }
    for (const [date, items] of local) {
      result.daysChecked += 1;
      const mine = dayDigestOf(date, items);
      const theirs = server.days.get(date);
      if (theirs === undefined || theirs.count !== mine.count || theirs.hash !== mine.hash) differing.push(date);
    }
  }
  differing.sort();
  result.daysDiffering = differing.length;
  result.differingDates = differing.slice(0, digestDatesKeptMax);
  const requeued = await requeuePostedDays(db, enrolment.deviceId, differing, (entriesRequeued) => ({
    key: digestCheckMetaKey,
    value: digestCheckResultSchema.parse({ ...result, entriesRequeued }),
  }));
  result.entriesRequeued = requeued;
  return result;
}

type ServerDays = { kind: 'answered'; days: Map<IsoDate, { count: number; hash: string }> } | { kind: 'failed'; messageTh: string };

/** One validated digest answer: for this device, for the range asked, each date once and in range. */
async function serverDays(fetchDigest: DigestClient, deviceId: string, range: { from: IsoDate; to: IsoDate }): Promise<ServerDays> {
  const answer = await fetchDigest(range).catch(() => ({ kind: 'failed', messageTh: 'ตรวจรายการรายวันกับเซิร์ฟเวอร์ไม่สำเร็จ จะตรวจใหม่ภายหลัง' }) as const);
  if (answer.kind === 'failed') return answer;
  const wrong = { kind: 'failed', messageTh: 'สรุปรายการรายวันที่ได้รับจากเซิร์ฟเวอร์มีรูปแบบไม่ถูกต้อง จะตรวจใหม่ภายหลัง' } as const;
  const parsed = digestResponseSchema.safeParse(answer.body);
  if (!parsed.success) return wrong;
  const body = parsed.data;
  if (body.deviceId !== deviceId || body.from !== range.from || body.to !== range.to) return wrong;
  const days = new Map<IsoDate, { count: number; hash: string }>();
  for (const day of body.days) {
    if (day.date < range.from || day.date > range.to || days.has(day.date)) return wrong;
    days.set(day.date, { count: day.count, hash: day.hash });
  }
  return { kind: 'answered', days };
}

/** The last check's result, or undefined (none yet, or a row this version cannot read). */
export async function getLastDigestCheck(db: SamutDb): Promise<DigestCheckResult | undefined> {
  const parsed = digestCheckResultSchema.safeParse(await readMetaValue(db, digestCheckMetaKey));
  return parsed.success ? (parsed.data as DigestCheckResult) : undefined;
}

/**
 * Whether a check is due when no drain just posted anything: never checked, the last one older than
 * digestCheckIntervalMs (digestRetryMsMin after a failure), or the PC clock went back.
 */
export function isDigestCheckDue(last: DigestCheckResult | undefined, nowMs: number): boolean {
  if (last === undefined) return true;
  const ageMs = nowMs - last.checkedAtMs;
  if (ageMs < 0) return true;
  return ageMs >= (last.outcome === 'failed' ? digestRetryMsMin : digestCheckIntervalMs);
}

/**
 * The officer's line about a check that sent entries again, or undefined when it sent none.
 * @example digestResultTh({ daysDiffering: 3, entriesRequeued: 18, … })
 *   // 'เซิร์ฟเวอร์ขาดรายการ 18 รายการ ของ 3 วัน จึงส่งให้ใหม่แล้ว'
 */
export function digestResultTh(result: Pick<DigestCheckResult, 'daysDiffering' | 'entriesRequeued'>): string | undefined {
  if (result.entriesRequeued === 0) return undefined;
  return `เซิร์ฟเวอร์ขาดรายการ ${result.entriesRequeued} รายการ ของ ${result.daysDiffering} วัน จึงส่งให้ใหม่แล้ว`;
}
