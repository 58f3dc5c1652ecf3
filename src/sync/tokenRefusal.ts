/**
 * Noticing that the server no longer accepts this PC's token: a 401 with Samut's error body on any of
 * the drain's requests (push, setup, digest) — revoked by the administrator, or replaced because the
 * device enrolled again elsewhere. runDrain then sets the enrolment aside (store: the identity is kept,
 * the token dropped) and the app shows the enrol screen; the entries and their queue stay as they are.
 * Only Samut's own answer counts: a proxy's bare 401 must not make an officer enrol again.
 */
import { errorBodySchema } from './protocol';

/** A fetch that remembers whether the server refused the token. */
export interface TokenRefusalWatch {
  fetch: typeof fetch;
  refused(): boolean;
}

/**
 * @example const watch = watchTokenRefusal(fetch); …drain with watch.fetch…; if (watch.refused()) …
 */
export function watchTokenRefusal(inner: typeof fetch): TokenRefusalWatch {
  let refused = false;
  const watched = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await inner(input, init);
    if (response.status === 401 && !refused) {
      // Read from a copy: the caller still reads the original (for its own message).
      const body = await response
        .clone()
        .json()
        .catch(() => undefined);
      if (errorBodySchema.safeParse(body).success) refused = true;
    }
    return response;
  };
  return { fetch: watched as typeof fetch, refused: () => refused };
}

/**
 * What the officer reads after the token was refused, on the status line and the enrol screen.
 * @example enrolAgainTh(3) // 'สิทธิ์ของเครื่องนี้ถูกยกเลิกหรือหมดอายุ … รายการที่รอส่ง 3 รายการยังอยู่ครบ …'
 */
export function enrolAgainTh(pending: number): string {
  return (
    'สิทธิ์ของเครื่องนี้ถูกยกเลิกหรือหมดอายุ กรุณาลงทะเบียนใหม่ด้วยรหัสลงทะเบียนจากผู้ดูแลระบบ ' +
    `รายการที่รอส่ง ${pending.toLocaleString('th-TH')} รายการยังอยู่ครบ และจะส่งต่อเองหลังลงทะเบียน`
  );
}
