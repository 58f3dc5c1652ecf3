/**
 * Fetching the per-day digest over HTTP (GET /api/v1/digest, ky with its own retries off, like
 * httpPush.ts). Outcomes are named, never thrown: the digest check is a background safety net, and a
 * failed request only means it is tried again later. The answer is validated by the caller
 * (digestCheck.ts), not here.
 */
import ky from 'ky';
import { digestPath } from './protocol';

/** What became of one digest request. */
export type DigestFetchOutcome = { kind: 'answered'; body: unknown } | { kind: 'failed'; messageTh: string };

/** Asks the server for the digest of `from`..`to` (≤ digestDaysMax days). */
export type DigestClient = (range: { from: string; to: string }) => Promise<DigestFetchOutcome>;

export interface HttpDigestOptions {
  serverUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** 400 days × ≈ 110 characters is ≈ 44 kB; anything much larger is not our server's answer. */
export const digestResponseCharsMax = 1024 * 1024;
/** A grouped read of a year of one device's entries: 30 s covers a slow line and a busy server. */
export const digestTimeoutMsDefault = 30_000;

/**
 * @example const fetchDigest = createHttpDigestClient({ serverUrl: e.serverUrl, token: e.token });
 *          await fetchDigest({ from: '2024-01-01', to: '2024-12-31' })
 */
export function createHttpDigestClient(options: HttpDigestOptions): DigestClient {
  const url = `${options.serverUrl.replace(/\/+$/, '')}${digestPath}`;
  return async ({ from, to }) => {
    try {
      const response = await ky.get(url, {
        searchParams: { from, to },
        headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
        retry: 0,
        timeout: options.timeoutMs ?? digestTimeoutMsDefault,
        throwHttpErrors: false,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return { kind: 'failed', messageTh: `ขอสรุปรายการรายวันจากเซิร์ฟเวอร์ไม่สำเร็จ (รหัส ${response.status}) จะตรวจใหม่ภายหลัง` };
      }
      const text = await response.text();
      if (text.length > digestResponseCharsMax) return { kind: 'failed', messageTh: 'สรุปรายการรายวันจากเซิร์ฟเวอร์ใหญ่ผิดปกติ จะตรวจใหม่ภายหลัง' };
      return { kind: 'answered', body: JSON.parse(text) as unknown };
    } catch {
      // Offline, timeout, a body that is not JSON (a proxy's page): try again at the next check.
      return { kind: 'failed', messageTh: 'ติดต่อเซิร์ฟเวอร์เพื่อตรวจรายการรายวันไม่ได้ จะตรวจใหม่ภายหลัง' };
    }
  };
}
