/**
 * Security headers on every response (issue 7):
 *   the app (HTML, scripts…): a CSP that runs only the app's own files — no inline or injected script,
 *     no eval, no plugin, no framing — so text an officer typed (a payer named `<script>…`) can never
 *     run, even if some screen rendered it as HTML by mistake;
 *   /api: a CSP that allows nothing, as a JSON answer opened in a tab must not run or load anything;
 *   both: frame-ancestors 'none' (and X-Frame-Options for old browsers), nosniff, no Referer sent on.
 * The built index.html has no inline script (Vite emits module files; the service worker is registered
 * from src/app/registerServiceWorker.ts, bundled); tests/e2e/csp.test.ts loads it under this CSP in
 * Chromium and counts violations. Styles: the app sets them through the DOM (`element.style`), which
 * CSP does not govern, so 'self' holds there too.
 */
import { createMiddleware } from 'hono/factory';

/**
 * CSP of the app. `blob:`: exports and the import worker read files through blob URLs, and the XLSX
 * reader in the import worker unzips in workers it starts from blob URLs (fflate).
 */
export const appContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** CSP of API answers: JSON is data, never a document. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Middleware setting the headers after the handler, on whatever it answered (errors and 404s too).
 * @example app.use('*', securityHeaders())
 */
export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    await next();
    const isApi = c.req.path === '/api' || c.req.path.startsWith('/api/');
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', isApi ? apiContentSecurityPolicy : appContentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  });
}
