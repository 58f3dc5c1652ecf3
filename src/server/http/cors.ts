/**
 * CORS, closed by default: the app is served by the same server it talks to, so no other origin needs
 * to call the API, and without Access-Control-Allow-* headers a browser page elsewhere cannot read an
 * answer (the device token is in IndexedDB, never a cookie, but closed is still the safe default).
 * `CORS_ORIGINS` (config.ts) opens it to listed origins only — e.g. the app served from another host
 * during a migration. A preflight from any other origin is refused with 403 and no allow headers.
 */
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors';

/** Preflights are remembered this long by the browser, in seconds. */
const preflightMaxAgeSeconds = 600;

/**
 * Middleware for /api. `allowedOrigins`: exact origins (`https://app.example.go.th`), no wildcard.
 * @example app.use('/api/*', cors([]))   // closed
 */
export function cors(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return createMiddleware(async (c, next) => {
    const origin = c.req.header('origin');
    const isAllowed = origin !== undefined && allowed.has(origin);
    if (c.req.method === 'OPTIONS') {
      if (!isAllowed) {
        throw new ApiError(403, 'cors_refused', 'เซิร์ฟเวอร์นี้ไม่อนุญาตให้หน้าเว็บจากที่อยู่อื่นเรียกใช้ (CORS)');
      }
      c.header('Vary', 'Origin');
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', 'GET, POST');
      c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Request-Id');
      c.header('Access-Control-Max-Age', String(preflightMaxAgeSeconds));
      return c.body(null, 204);
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (isAllowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
    }
  });
}
