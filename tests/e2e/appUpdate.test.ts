/**
 * A new version deployed while an officer works (issue 7): build A is served and installed, receipts
 * wait to be posted, build B replaces the served folder; the app offers "มีเวอร์ชันใหม่", asks once
 * more because a form holds typed input, reloads under B's service worker, and the waiting receipts
 * are all still there and still pending — then they post.
 *
 * Build B is build A with a changed index.html (a marker the test can see) and the matching revision
 * in sw.js's precache manifest: the same change a rebuild makes, without a second build on a loaded
 * machine. The receipts stay pending while the test wants them to because a second tab holds the
 * sync lock (the drain answers 'busy' everywhere, page and service worker), not because of timing.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncLockName } from '../../src/sync/syncLock';
import { launchChromiumProfile } from './browser';
import { freePort, startServer, type ServerProcess } from './serverProcess';

const distDir = resolve(import.meta.dirname, '../../dist');
const buildMarker = '<meta name="samut-build" content="B">';

/** Copies build A over `folder` as build B: index.html marked, its precache revision changed to match. */
function deployBuildB(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  cpSync(distDir, folder, { recursive: true });
  const indexPath = join(folder, 'index.html');
  const index = readFileSync(indexPath, 'utf8').replace('<head>', `<head>\n    ${buildMarker}`);
  writeFileSync(indexPath, index);
  const swPath = join(folder, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const revision = createHash('md5').update(index).digest('hex');
  const updated = sw.replace(/\{"revision":"[0-9a-f]+","url":"index\.html"\}/, `{"revision":"${revision}","url":"index.html"}`);
  if (updated === sw) throw new Error('index.html not found in the precache manifest of sw.js');
  writeFileSync(swPath, updated);
}

async function entryStates(page: Page): Promise<{ id: string; hash: string; state: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; hash: string; state: string }[]>((done, fail) => {
        const open = indexedDB.open('samut');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            db.close();
            done((all.result as { id: string; hash: string; state: string }[]).map((e) => ({ id: e.id, hash: e.hash, state: e.state })));
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}

describe('a new version deployed while receipts wait', () => {
  const served = mkdtempSync(join(tmpdir(), 'samut-update-dist-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'samut-update-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'samut-update-chromium-'));
  let server: ServerProcess | undefined;
  let context: BrowserContext | undefined;
  const lines: string[] = [];

  beforeAll(async () => {
    cpSync(distDir, served, { recursive: true });
    server = await startServer({ port: await freePort(), dataDir, env: { DIST_DIR: served } });
    context = await launchChromiumProfile(profileDir);
  });

  afterAll(async () => {
    if (lines.length) console.log(lines.slice(-40).join('\n'));
    await context?.close();
    await server?.stop();
    for (const dir of [served, dataDir, profileDir]) rmSync(dir, { recursive: true, force: true });
  });

  it('offers "มีเวอร์ชันใหม่", warns over unsaved input, reloads under the new worker, and keeps every pending receipt', async () => {
    const page = await context!.newPage();
    page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
    await page.goto(server!.origin);
    await page.fill('[data-testid="enrol-code"]', server!.enrolmentCode!);
    await page.click('[data-testid="enrol-submit"]');
    await page.waitForSelector('[data-testid="org-name"]');
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);
    expect(await page.evaluate(() => !!document.querySelector('meta[name="samut-build"]'))).toBe(false);

    // Another tab holds the sync lock: nothing posts until it lets go.
    const lockTab = await context!.newPage();
    await lockTab.goto(`${server!.origin}/api/v1/health`);
    await lockTab.evaluate((name) => {
      void navigator.locks.request(name, () => new Promise<void>((release) => ((window as unknown as { releaseSync: () => void }).releaseSync = release)));
    }, syncLockName);
    await expect.poll(() => lockTab.evaluate(async (name) => (await navigator.locks.query()).held?.some((l) => l.name === name), syncLockName)).toBe(true);

    for (const no of ['1', '2']) {
      await page.fill('[data-testid="receipt-date"]', '16/01/2567');
      await page.fill('[data-testid="receipt-book"]', '1/2567');
      await page.fill('[data-testid="receipt-no"]', no);
      await page.fill('[data-testid="receipt-payer"]', `ผู้ชำระ ${no}`);
      await page.selectOption('[data-testid="receipt-item-0-account"]', '411001');
      await page.fill('[data-testid="receipt-item-0-amount"]', '100.00');
      await page.selectOption('[data-testid="receipt-method"]', 'cash');
      await page.click('[data-testid="receipt-save"]');
      await page.waitForSelector(`[data-testid="receipt-saved"]:has-text("เลขที่ ${no} ")`);
    }
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count')).toBe('2');
    const before = await entryStates(page);
    expect(before.map((e) => e.state)).toEqual(['pending', 'pending']);
    // Half-typed third receipt.
    await page.fill('[data-testid="receipt-payer"]', 'ยังพิมพ์ไม่เสร็จ');

    // Build B is deployed; the browser looks for an update (as it does on its own at navigation).
    deployBuildB(served);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForSelector('[data-testid="update-banner"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="update-banner"]')).toContain('มีเวอร์ชันใหม่');

    // Unsaved input: asked once more; "back" keeps the page as it is.
    await page.click('[data-testid="update-apply"]');
    await page.waitForSelector('[data-testid="update-unsaved"]');
    await page.click('[data-testid="update-later"]');
    expect(await page.inputValue('[data-testid="receipt-payer"]')).toBe('ยังพิมพ์ไม่เสร็จ');
    await page.click('[data-testid="update-apply"]');
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.click('[data-testid="update-anyway"]');
    await reloaded;

    // The new build, under the new worker; the receipts are there and still waiting.
    await page.waitForSelector('[data-testid="org-name"]');
    expect(await page.evaluate(() => !!document.querySelector('meta[name="samut-build"]'))).toBe(true);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    expect(await page.$('[data-testid="update-banner"]')).toBeNull();
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count')).toBe('2');
    expect(await entryStates(page)).toEqual(before);

    // The lock let go: they post.
    await lockTab.evaluate(() => (window as unknown as { releaseSync: () => void }).releaseSync());
    await lockTab.close();
    await page.reload(); // app start is a sync trigger
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count'), { timeout: 120_000, interval: 500 }).toBe('0');
    expect((await entryStates(page)).map((e) => [e.id, e.hash, e.state])).toEqual(before.map((e) => [e.id, e.hash, 'posted']));
  }, 240_000);
});
