/**
 * Errors the callers expect are typed, with their HTTP status, a code for programs and a Thai message
 * for the officer (DESIGN.md §7). Anything else is a bug: logged with its stack (http/logger.ts) and
 * answered as a bare 500 with a Thai message and the request id only — internals are not the officer's
 * business and may leak data. Every error body carries the request id (`error.requestId`), which the
 * officer can read out and the operator finds in the log.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../sync/protocol';
import { defaultLogger, errorFields, type Logger } from './http/logger';

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

/** The body of every non-2xx answer: the protocol's, plus the request id when there is one. */
export type ErrorBodyWithId = ErrorBody & { error: { requestId?: string } };

/** The body of every non-2xx answer. */
export function errorBody(code: string, message: string, requestId?: string): ErrorBodyWithId {
  return { error: requestId === undefined ? { code, message } : { code, message, requestId } };
}

/** The request's id as set by http/requestId.ts (undefined only outside the app's middleware). */
export function requestIdOf(c: Context): string | undefined {
  const id: unknown = c.get('requestId');
  return typeof id === 'string' ? id : undefined;
}

/** A JSON error answer carrying the request id. */
export function answerJsonError(c: Context, status: ContentfulStatusCode, code: string, messageTh: string): Response {
  return c.json(errorBody(code, messageTh, requestIdOf(c)), status);
}

/** What the officer sees for any unexpected failure; details go only to the server log. */
export const internalMessageTh = 'เกิดข้อผิดพลาดภายในเซิร์ฟเวอร์ กรุณาลองใหม่ภายหลัง หากยังเกิดซ้ำให้แจ้งผู้ดูแลระบบพร้อมรหัสคำขอ';

/**
 * Hono `onError` handler: ApiError → its own answer; a 4xx HTTPException (from Hono itself) → that
 * status with a generic Thai message; anything else → logged with its stack, 500 'internal'.
 * @example app.onError(answerErrors(logger))
 */
export function answerErrors(logger: Logger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof ApiError) {
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return answerJsonError(c, err.status, err.code, err.messageTh);
    }
    if (err instanceof HTTPException && err.status >= 400 && err.status < 500) {
      return answerJsonError(c, err.status as ContentfulStatusCode, 'bad_request', 'คำขอไม่ถูกต้อง');
    }
    logger.error('unexpected error', { requestId: requestIdOf(c), method: c.req.method, path: c.req.path.slice(0, pathEchoMax), ...errorFields(err) });
    return answerJsonError(c, 500, 'internal', internalMessageTh);
  };
}

/** A path is echoed back to help whoever mistyped it, but never an unbounded one. */
const pathEchoMax = 200;

/** Hono `notFound` handler for paths no route serves. */
export function answerNotFound(c: Context): Response {
  return answerJsonError(c, 404, 'not_found', `ไม่พบที่อยู่ ${c.req.method} ${c.req.path.slice(0, pathEchoMax)} บนเซิร์ฟเวอร์นี้`);
}

/** `answerErrors` with the default logger (warnings and errors to stderr), for apps built without one. */
export const answerError = answerErrors(defaultLogger());
