/**
 * Fetching the organisation's books setup (chart of accounts, money rules) from the server, so this
 * PC checks entries offline against the same chart and rules the server will. Run after enrolment
 * and at the start of each drain (runDrain, through refreshSetupIfStale: a chart can be a megabyte,
 * too much to fetch after every recorded entry on an office line, so a drain refreshes it when the
 * last copy is older than setupRefreshMsMin). Failure is harmless: the PC keeps the setup it has (or
 * the shipped default) and tries again at the next drain; outcomes are named, never thrown.
 */
import ky from 'ky';
import type { SamutDb } from '../store/db';
import { getEnrolment, type Enrolment } from '../store/enrolment';
import { readMetaValue, writeMetaValue } from '../store/metaValue';
import { saveChartAndRules } from '../store/setup';
import { setupPath, setupResponseSchema } from './protocol';

export type SetupSyncOutcome =
  | { outcome: 'updated'; versionLabel: string }
  | { outcome: 'not-enrolled' }
  /** Nothing stored: unreachable, refused, or an answer that is not a valid setup. */
  | { outcome: 'failed'; messageTh: string };

export interface SetupSyncOptions {
  /** Defaults to the stored enrolment. */
  enrolment?: Enrolment;
  fetch?: typeof fetch;
  timeoutMs?: number;
  nowMs?: () => number;
}

/** A drain refreshes a setup older than this; the chart and rules change a few times a year. */
export const setupRefreshMsMin = 15 * 60_000;

/** Meta key of the instant (epoch ms) of the last setup stored from the server. */
export const setupSyncedAtMetaKey = 'setupSyncedAtMs';

/** A setup is small (a chart of hundreds of accounts): 10 s is generous, and it delays a drain at most that. */
export const setupTimeoutMsDefault = 10_000;
/** Characters of a setup answer read at most (5,000 accounts ≈ 1.5 MB of JSON). */
export const setupResponseCharsMax = 8 * 1024 * 1024;

/**
 * Fetches GET /api/v1/setup with the device token, validates it, and stores it.
 * @example const r = await syncSetup(db); // { outcome: 'updated', versionLabel: 'ผังบัญชี ว 2431' }
 */
export async function syncSetup(db: SamutDb, options: SetupSyncOptions = {}): Promise<SetupSyncOutcome> {
  try {
    const enrolment = options.enrolment ?? (await getEnrolment(db));
    if (enrolment === undefined) return { outcome: 'not-enrolled' };
    const response = await ky.get(`${enrolment.serverUrl.replace(/\/+$/, '')}${setupPath}`, {
      headers: { authorization: `Bearer ${enrolment.token}`, accept: 'application/json' },
      retry: 0,
      timeout: options.timeoutMs ?? setupTimeoutMsDefault,
      throwHttpErrors: false,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { outcome: 'failed', messageTh: `ดึงผังบัญชีและเกณฑ์การเงินจากเซิร์ฟเวอร์ไม่สำเร็จ (รหัส ${response.status}) ใช้ชุดเดิมในเครื่องไปก่อน` };
    }
    const declaredLength = Number(response.headers.get('content-length') ?? 0);
    if (declaredLength > setupResponseCharsMax) {
      await response.body?.cancel();
      return { outcome: 'failed', messageTh: 'ผังบัญชีที่ได้รับจากเซิร์ฟเวอร์ใหญ่เกินกว่าที่รับได้ ใช้ชุดเดิมในเครื่องไปก่อน' };
    }
    const text = await response.text();
    if (text.length > setupResponseCharsMax) return { outcome: 'failed', messageTh: 'ผังบัญชีที่ได้รับจากเซิร์ฟเวอร์ใหญ่เกินกว่าที่รับได้ ใช้ชุดเดิมในเครื่องไปก่อน' };
    const answer = setupResponseSchema.safeParse(JSON.parse(text));
    if (!answer.success) {
      return { outcome: 'failed', messageTh: 'ผังบัญชีหรือเกณฑ์การเงินที่ได้รับจากเซิร์ฟเวอร์มีรูปแบบไม่ถูกต้อง ใช้ชุดเดิมในเครื่องไปก่อน' };
    }
    await saveChartAndRules(db, { chart: answer.data.chart, rules: answer.data.rules });
    await writeMetaValue(db, setupSyncedAtMetaKey, (options.nowMs ?? Date.now)());
    return { outcome: 'updated', versionLabel: answer.data.chart.versionLabel };
  } catch {
    // Offline, timeout, a body that is not JSON, a database that refused the write: keep what we have.
    return { outcome: 'failed', messageTh: 'ติดต่อเซิร์ฟเวอร์เพื่อดึงผังบัญชีและเกณฑ์การเงินไม่ได้ ใช้ชุดเดิมในเครื่องไปก่อน' };
  }
}

/**
 * Runs syncSetup when the stored setup is missing or older than setupRefreshMsMin (or the PC clock
 * went back), and otherwise does nothing.
 */
export async function refreshSetupIfStale(db: SamutDb, options: SetupSyncOptions & { nowMs: () => number }): Promise<SetupSyncOutcome | { outcome: 'fresh' }> {
  const syncedAtMs = await readMetaValue(db, setupSyncedAtMetaKey).catch(() => undefined);
  const ageMs = typeof syncedAtMs === 'number' ? options.nowMs() - syncedAtMs : Infinity;
  if (ageMs >= 0 && ageMs < setupRefreshMsMin) return { outcome: 'fresh' };
  return syncSetup(db, options);
}
