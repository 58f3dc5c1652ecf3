/**
 * The PushClient over HTTP (ky). This file is the only part of the client that knows the network.
 * ky's own retries are off: the drain loop owns retrying, with persisted backoff and jitter, so a
 * retry survives a closed tab and is never doubled by a second, hidden retry layer.
 */
import ky, { isTimeoutError } from 'ky';
import { systemClock, type Clock } from '../store/clock';
import type { PushClient, PushOutcome } from './pushClient';
import { apiPaths, errorBodySchema, type PushRequest, type PushResponse } from './protocol';
import { parseRetryAfterMs } from './retryAfter';

export interface HttpPushOptions {
  /** Base URL of the sync server; a path prefix (behind a reverse proxy) is kept. */
  serverUrl: string;
  /** The device's bearer token. */
  token: string;
  /** Defaults to the global fetch; tests and the bench may pass their own. */
  fetch?: typeof fetch;
  /** Give up on one push after this long (then it is a `retry`). */
  timeoutMs?: number;
  /** For reading Retry-After dates. */
  clock?: Clock;
}

/** A batch of 500 entries is a few hundred kB; 30 s covers a slow office line and a busy server. */
export const pushTimeoutMsDefault = 30_000;
/** ky's (and setTimeout's) largest timeout. */
export const pushTimeoutMsMax = 2_147_483_647;

/**
 * Creates the PushClient that POSTs to `/api/v1/entries`.
 * @example const push = createHttpPushClient({ serverUrl: e.serverUrl, token: e.token });
 */
export function createHttpPushClient(options: HttpPushOptions): PushClient {
  const url = `${options.serverUrl.replace(/\/+$/, '')}${apiPaths.entries}`;
  const timeoutMs = Math.min(Math.max(options.timeoutMs ?? pushTimeoutMsDefault, 1), pushTimeoutMsMax);
  const clock = options.clock ?? systemClock;
  return async (req: PushRequest): Promise<PushOutcome> => {
    let response: Response;
    try {
      response = await ky.post(url, {
        json: req,
        headers: { authorization: `Bearer ${options.token}` },
        retry: 0,
        timeout: timeoutMs,
        throwHttpErrors: false,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
    } catch (error) {
      // fetch rejects only when no HTTP answer arrived at all: offline, DNS, refused, reset, timeout.
      return {
        kind: 'retry',
        messageTh: isTimeoutError(error)
          ? `เซิร์ฟเวอร์ตอบช้าเกิน ${Math.round(timeoutMs / 1000)} วินาที ระบบจะส่งใหม่อัตโนมัติ รายการยังอยู่ในเครื่องครบ`
          : 'เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ (อาจไม่มีอินเทอร์เน็ตหรือเซิร์ฟเวอร์ปิดอยู่) ระบบจะส่งใหม่อัตโนมัติ รายการยังอยู่ในเครื่องครบ',
      };
    }
    return outcomeOfResponse(response, clock.nowMs());
  };
}

/** Maps an HTTP answer to a PushOutcome. Exported for tests. */
export async function outcomeOfResponse(response: Response, nowMs: number): Promise<PushOutcome> {
  const status = response.status;
  if (status >= 200 && status < 300) {
    try {
      return { kind: 'answered', response: (await response.json()) as PushResponse };
    } catch {
      // A 200 that is not JSON is usually an office proxy or a Wi-Fi login page, not our server.
      return {
        kind: 'retry',
        messageTh: 'ได้คำตอบที่ไม่ใช่ของเซิร์ฟเวอร์สมุด (อาจมีหน้าล็อกอินของเครือข่ายหรือพร็อกซีคั่นอยู่) ระบบจะส่งใหม่อัตโนมัติ',
      };
    }
  }
  const serverMessage = await errorMessageOf(response);
  if (status === 401 || status === 403) {
    return {
      kind: 'auth-failed',
      messageTh: `เซิร์ฟเวอร์ไม่รับรองเครื่องนี้แล้ว กรุณาลงทะเบียนเครื่องใหม่ รายการที่ยังไม่ส่งยังอยู่ในเครื่องครบ${suffix(serverMessage)}`,
    };
  }
  if (status === 503 || status === 429 || status === 408 || status === 425 || status >= 500) {
    const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), nowMs);
    const messageTh =
      status === 503 || status === 429
        ? 'เซิร์ฟเวอร์มีผู้ใช้มาก ระบบจะรอแล้วส่งใหม่อัตโนมัติ รายการยังอยู่ในเครื่องครบ'
        : `เซิร์ฟเวอร์ขัดข้อง (รหัส ${status}) ระบบจะส่งใหม่อัตโนมัติ รายการยังอยู่ในเครื่องครบ`;
    return retryAfterMs === undefined ? { kind: 'retry', messageTh } : { kind: 'retry', retryAfterMs, messageTh };
  }
  return {
    kind: 'refused',
    status,
    messageTh: `เซิร์ฟเวอร์ไม่รับคำขอส่งรายการ (รหัส ${status}) กรุณาแจ้งผู้ดูแลระบบ รายการยังอยู่ในเครื่องครบ${suffix(serverMessage)}`,
  };
}

/** The Thai message of a protocol error body, if the answer has one. */
async function errorMessageOf(response: Response): Promise<string | undefined> {
  try {
    const body = errorBodySchema.safeParse(await response.json());
    return body.success ? body.data.error.message.slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}

function suffix(serverMessage: string | undefined): string {
  return serverMessage ? ` (เซิร์ฟเวอร์แจ้ง: ${serverMessage})` : '';
}
