/**
 * Serves the built app (Vite's `dist/`) for every path outside /api, with caching that keeps installed
 * PWAs updatable:
 *   /assets/*  content-hashed names, never change → `public, max-age=31536000, immutable`
 *   anything else (sw.js, index.html, manifest.webmanifest, icons…) → `no-cache` (revalidate each time),
 *              so a new service worker and app shell are seen at the next visit.
 * Unknown paths without a file extension are app routes: they get index.html (SPA fallback). A missing
 * file (with an extension, or under /assets) is a 404, never index.html, so HTML is not cached as JS.
 * Path traversal is refused by @hono/node-server's serveStatic (no `..`, no `%`-escapes, no `\`).
 */
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { answerJsonError } from './errors';

/** For Vite's content-hashed files: a new build means new names, so they may be kept forever. */
export const immutableCache = 'public, max-age=31536000, immutable';
/** For files whose name stays across builds (sw.js, index.html, manifest): ask the server every time. */
export const revalidateCache = 'no-cache';

/**
 * Middleware serving files from `distDir` (default `dist`, relative to the working directory).
 * @example app.use('*', staticFiles({ distDir: './dist' }))
 */
export function staticFiles(options: { distDir?: string } = {}): MiddlewareHandler {
  const root = resolve(options.distDir ?? 'dist');
  const serveFile = serveStatic({ root });
  const serveIndex = serveStatic({ root, path: 'index.html' });

  return async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();

    const isAsset = path.startsWith('/assets/');
    c.header('Cache-Control', isAsset ? immutableCache : revalidateCache);
    let missing = false;
    const served = await serveFile(c, async () => {
      missing = true;
    });
    if (!missing && served) return served;

    if (isAsset || /\.[A-Za-z0-9]+$/.test(path)) return notFoundFile(c);
    c.header('Cache-Control', revalidateCache);
    let indexMissing = false;
    const index = await serveIndex(c, async () => {
      indexMissing = true;
    });
    if (!indexMissing && index) return index;
    return notFoundFile(c);
  };
}

function notFoundFile(c: Context): Response {
  // A 404 must not be cached as if it were the file: the next deploy may well bring it.
  c.header('Cache-Control', 'no-store');
  return answerJsonError(c, 404, 'not_found', 'ไม่พบไฟล์ที่ขอ');
}
