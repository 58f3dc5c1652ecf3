/**
 * A bench page in real headless Chromium: Vite builds `html` (and the module it loads) from `pageDir`
 * into a temp folder, a small static server serves it (and any `extraFiles`) on 127.0.0.1 — an
 * origin of its own, so its IndexedDB starts empty — and playwright-core opens it with a temp
 * profile. The page's console is forwarded. `close()` stops and removes everything it started.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromiumProfile } from '../e2e/browser';

const contentTypes: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };

export interface ChromiumBenchPage {
  page: Page;
  /** Chromium's version, for the printed figures. */
  version: string;
  close(): Promise<void>;
}

/**
 * @example const bench = await openChromiumBenchPage(pageDir, 'reportBench.html', 'samutBench');
 *          try { await bench.page.evaluate(…) } finally { await bench.close() }
 */
export async function openChromiumBenchPage(
  pageDir: string,
  html: string,
  readyGlobal: string,
  extraFiles: Record<string, Uint8Array> = {},
  chromiumArgs: string[] = [],
): Promise<ChromiumBenchPage> {
  const outDir = await mkdtemp(join(tmpdir(), 'samut-bench-page-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'samut-bench-profile-'));
  let server: Server | undefined;
  let browser: Awaited<ReturnType<typeof launchChromiumProfile>> | undefined;
  const close = async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await rm(outDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  };
  try {
    const built = performance.now();
    await build({
      configFile: false,
      root: pageDir,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false, rollupOptions: { input: join(pageDir, html) } },
    });
    server = await serveStatic(outDir, extraFiles);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${html}`;
    console.log(`  bench page built in ${((performance.now() - built) / 1000).toFixed(1)} s, served at ${url}`);
    browser = await launchChromiumProfile(profileDir, chromiumArgs);
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (m) => console.log(`  page: ${m.text()}`));
    page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
    await page.goto(url);
    await page.waitForFunction((name) => name in window, readyGlobal);
    return { page, version: browser.browser()?.version() ?? 'unknown version', close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Serves the files of `root` and `extraFiles` (GET only) on 127.0.0.1, on a free port. */
async function serveStatic(root: string, extraFiles: Record<string, Uint8Array>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const extra = extraFiles[path.replace(/^\//, '')];
    if (extra) return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(extra);
    const file = join(root, path);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    stat(file).then(
      (st) => {
        if (!st.isFile()) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      },
      () => void res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
