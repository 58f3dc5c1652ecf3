/**
 * Enrolling this PC with a sync server: the one call made before there is a token (every later call
 * is the sync engine's). Outcomes are named, never thrown, and every message is Thai for the officer.
 * Enrolling again (the token was refused, or a backup was restored) sends the device id this PC had,
 * so its pending entries — which carry that id in their hashed content — stay this device's.
 */
import type { Enrolment } from '../store';
import {
  apiPaths,
  enrollRequestSchema,
  enrollResponseSchema,
  errorBodySchema,
  type EnrollRequest,
} from './protocol';

export type EnrolOutcome =
  | { outcome: 'enrolled'; enrolment: Enrolment }
  /** The input or the server said no; the message says why. */
  | { outcome: 'refused'; messageTh: string }
  /** No answer, or one that is not Samut's: try again later or check the address. */
  | { outcome: 'unreachable'; messageTh: string };

/** A server that has not answered by then is treated as unreachable (TIGER_STYLE: bound every wait). */
export const enrolTimeoutMs = 15_000;

/** Limit on the response body read: an enrolment answer is a few hundred bytes. */
const responseCharsMax = 64 * 1024;

export interface EnrolDeps {
  fetch: typeof fetch;
  nowMs: () => number;
  timeoutMs: number;
}

/** Enrolling again: the device id to keep (getPreviousDevice). */
export interface EnrolOptions extends Partial<EnrolDeps> {
  previousDeviceId?: string | undefined;
}

const defaultDeps: EnrolDeps = {
  fetch: (...args) => globalThis.fetch(...args),
  nowMs: () => Date.now(),
  timeoutMs: enrolTimeoutMs,
};

export type ServerUrlResult = { ok: true; url: string } | { ok: false; messageTh: string };

/**
 * The server's base URL as stored: scheme, host and port, no trailing slash.
 * @example normaliseServerUrl(' https://samut.example.go.th/ ') // { ok: true, url: 'https://samut.example.go.th' }
 */
export function normaliseServerUrl(text: string): ServerUrlResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, messageTh: 'กรุณากรอกที่อยู่เซิร์ฟเวอร์' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, messageTh: `ที่อยู่เซิร์ฟเวอร์ "${trimmed}" ไม่ถูกต้อง ต้องขึ้นต้นด้วย https:// หรือ http://` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, messageTh: `ที่อยู่เซิร์ฟเวอร์ต้องขึ้นต้นด้วย https:// หรือ http:// (ได้ "${url.protocol}")` };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/**
 * Asks the server to enrol this PC with a one-time code and returns the enrolment to save.
 * @example const r = await enrolDevice(location.origin, 'ABCD-1234', { previousDeviceId: (await getPreviousDevice(db))?.deviceId });
 *          if (r.outcome === 'enrolled') await saveEnrolment(db, r.enrolment);
 */
export async function enrolDevice(serverUrlText: string, codeText: string, options: EnrolOptions = {}): Promise<EnrolOutcome> {
  const { previousDeviceId, ...given } = options;
  const deps: EnrolDeps = { ...defaultDeps, ...given };
  const server = normaliseServerUrl(serverUrlText);
  if (!server.ok) return { outcome: 'refused', messageTh: server.messageTh };
  const asked: EnrollRequest = previousDeviceId === undefined ? { code: codeText } : { code: codeText, deviceId: previousDeviceId };
  const request = enrollRequestSchema.safeParse(asked);
  if (!request.success) {
    return { outcome: 'refused', messageTh: request.error.issues[0]?.message ?? 'รหัสลงทะเบียนไม่ถูกต้อง' };
  }

  let response: Response;
  let bodyText: string;
  try {
    response = await deps.fetch(`${server.url}${apiPaths.enroll}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request.data),
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    bodyText = (await response.text()).slice(0, responseCharsMax);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return {
        outcome: 'unreachable',
        messageTh: `ติดต่อเซิร์ฟเวอร์ไม่ได้: ไม่มีคำตอบภายใน ${Math.round(deps.timeoutMs / 1000)} วินาที`,
      };
    }
    return { outcome: 'unreachable', messageTh: 'ติดต่อเซิร์ฟเวอร์ไม่ได้' };
  }

  const body = parseJson(bodyText);
  if (!response.ok) {
    const error = errorBodySchema.safeParse(body);
    if (error.success) return { outcome: 'refused', messageTh: error.data.error.message };
    return {
      outcome: 'unreachable',
      messageTh: `เซิร์ฟเวอร์ตอบกลับผิดพลาด (HTTP ${response.status}) กรุณาตรวจที่อยู่เซิร์ฟเวอร์หรือลองใหม่ภายหลัง`,
    };
  }
  const answer = enrollResponseSchema.safeParse(body);
  if (!answer.success) {
    return {
      outcome: 'unreachable',
      messageTh: 'ที่อยู่นี้ไม่ใช่เซิร์ฟเวอร์ของสมุด หรือเซิร์ฟเวอร์เป็นรุ่นที่ไม่รองรับ กรุณาตรวจที่อยู่เซิร์ฟเวอร์',
    };
  }
  const { orgId, orgName, deviceId, token } = answer.data;
  if (previousDeviceId !== undefined && deviceId !== previousDeviceId) {
    // A server that gave a new id would make every pending entry another device's (wrong_device).
    return {
      outcome: 'refused',
      messageTh: 'เซิร์ฟเวอร์ไม่คงรหัสเครื่องเดิมไว้ รายการที่รอส่งจะส่งไม่ได้ กรุณาแจ้งผู้ดูแลระบบ (เซิร์ฟเวอร์อาจเป็นรุ่นเก่า)',
    };
  }
  return {
    outcome: 'enrolled',
    enrolment: {
      serverUrl: server.url,
      orgId,
      orgName,
      deviceId,
      token,
      enrolledAt: new Date(deps.nowMs()).toISOString(),
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
