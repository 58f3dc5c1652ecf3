/**
 * Strict request bodies on /api, before routing and before any database work:
 *   a method that carries a body (POST, PUT, PATCH) must declare `Content-Type: application/json`
 *     (a charset is allowed) → else 415; and it must not be compressed (Content-Encoding) → else 415;
 *   a declared Content-Length above the largest body any route takes → 413 at once.
 * Each route still reads its body with its own, smaller limit (jsonBody.ts: enrolment 4 KiB, a push
 * 4 MiB), counted while reading, so a missing or lying Content-Length buys nothing.
 */
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors';
import { isJsonContentType, notJsonError, tooLargeError } from '../jsonBody';

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Middleware for /api. `bytesMax`: the largest body any route accepts.
 * @example app.use('/api/*', bodyGuard(limits.pushBytesMax))
 */
export function bodyGuard(bytesMax: number) {
  return createMiddleware(async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && !/^\d{1,15}$/.test(declared.trim())) {
      throw new ApiError(400, 'bad_request', 'ส่วนหัว Content-Length ไม่ถูกต้อง');
    }
    if (declared !== undefined && Number(declared) > bytesMax) throw tooLargeError(bytesMax);
    if (methodsWithBody.has(c.req.method)) {
      if (!isJsonContentType(c.req.header('content-type'))) throw notJsonError();
      const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
      if (encoding !== 'identity' && encoding !== '') {
        throw new ApiError(415, 'unsupported_encoding', 'ข้อมูลที่ส่งต้องไม่ถูกบีบอัด (Content-Encoding)');
      }
    }
    await next();
  });
}
