/**
 * The built app is served with caching that keeps installed PWAs updatable, falls back to index.html
 * for app routes, and never serves a file outside its folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { manualClock } from './helpers';
import { stubDb } from './stubDb';

// <tmp>/secret.txt sits next to <tmp>/dist: what a traversal would reach.
const root = mkdtempSync(join(tmpdir(), 'samut-static-'));
const distDir = join(root, 'dist');
mkdirSync(join(distDir, 'assets'), { recursive: true });
mkdirSync(join(distDir, 'icons'));
writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET');
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>สมุด</title>');
writeFileSync(join(distDir, 'sw.js'), 'self.addEventListener("install", () => {});');
writeFileSync(join(distDir, 'manifest.webmanifest'), '{"name":"สมุด"}');
writeFileSync(join(distDir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
writeFileSync(join(distDir, 'assets', 'index-Ab12Cd34.css'), 'body{}');
writeFileSync(join(distDir, 'assets', 'sarabun-thai-400.woff2'), 'wOF2');
writeFileSync(join(distDir, 'assets', 'sarabun-thai-400.woff'), 'wOFF');
writeFileSync(join(distDir, 'icons', 'icon-192.png'), 'png');
writeFileSync(join(distDir, 'icons', 'logo.svg'), '<svg/>');

const app = createApp({ db: stubDb(), clock: manualClock(), distDir });

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('serving the built app', () => {
  it('serves sw.js, index.html and the manifest with Cache-Control: no-cache', async () => {
    for (const [path, type] of [
      ['/sw.js', 'text/javascript'],
      ['/', 'text/html'],
      ['/index.html', 'text/html'],
      ['/manifest.webmanifest', 'application/manifest+json'],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-type'), path).toContain(type);
    }
  });

  it('serves hashed assets as immutable for a year, with their content types', async () => {
    for (const [path, type] of [
      ['/assets/index-Ab12Cd34.js', 'text/javascript'],
      ['/assets/index-Ab12Cd34.css', 'text/css'],
      ['/assets/sarabun-thai-400.woff2', 'font/woff2'],
      ['/assets/sarabun-thai-400.woff', 'font/woff'],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type'), path).toContain(type);
    }
  });

  it('serves images with their content types', async () => {
    expect((await app.request('/icons/icon-192.png')).headers.get('content-type')).toBe('image/png');
    expect((await app.request('/icons/logo.svg')).headers.get('content-type')).toContain('image/svg+xml');
  });

  it('answers app routes with index.html (SPA fallback), not cached', async () => {
    const res = await app.request('/receipts/new');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>สมุด</title>');
  });

  it('answers a missing asset or file with 404, never with index.html cached as immutable', async () => {
    for (const path of ['/assets/index-Gone0000.js', '/missing.png']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('leaves /api to the API: an unknown API path is a JSON 404, never index.html', async () => {
    for (const path of ['/api/v1/nope', '/api/v2/entries', '/api']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/json');
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/ไม่พบ/);
    }
  });

  it('never serves a file outside the dist folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const res = await app.request(`http://localhost${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('TOP-SECRET');
    }
  });
});
