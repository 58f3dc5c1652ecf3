/**
 * Errors the callers expect are typed, with their HTTP status, a code for programs and a Thai message
 * for the officer (DESIGN.md §7). Anything else is a bug: logged here, answered as a bare 500 without
 * a stack trace, because internals are not the officer's business and may leak data.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../sync/protocol';

/** An error whose answer is known: `throw new ApiError(401, 'unauthorized', 'กรุณาลงทะเบียนเครื่องใหม่')`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly messageTh: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}: ${messageTh}`);
    this.name = 'ApiError';
  }
}

/** The body of every non-2xx answer. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** What the officer sees for any unexpected failure; details go only to the server log. */
export const internalMessageTh = 'เกิดข้อผิดพลาดภายในเซิร์ฟเวอร์';

/** Hono `onError` handler: ApiError → its own answer; anything else → logged, 500 'internal'. */
export function answerError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    return c.json(errorBody(err.code, err.messageTh), err.status);
  }
  console.error('[samut-server] unexpected error:', err);
  return c.json(errorBody('internal', internalMessageTh), 500);
}

/** A path is echoed back to help whoever mistyped it, but never an unbounded one. */
const pathEchoMax = 200;

/** Hono `notFound` handler for paths no route serves. */
export function answerNotFound(c: Context): Response {
  return c.json(errorBody('not_found', `ไม่พบที่อยู่ ${c.req.method} ${c.req.path.slice(0, pathEchoMax)} บนเซิร์ฟเวอร์นี้`), 404);
}
