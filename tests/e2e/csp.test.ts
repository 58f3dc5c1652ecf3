/**
 * The built app runs under the server's Content-Security-Policy (src/server/http/securityHeaders.ts:
 * script-src 'self', no inline script, no eval) in real Chromium with no violation: it loads, enrols
 * against the real server process, every screen renders, and an XLSX import reaches its preview (the
 * import worker and the unzip workers it starts from blob URLs), first from the network and again from
 * the service worker's precache. The page counts `securitypolicyviolation` events and CSP console errors;
 * an inline script injected on purpose must be blocked and counted, so the counting itself is checked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { screens } from '../../src/app/Nav';
import { openE2eSession } from './session';

declare global {
  interface Window {
    cspViolations?: string[];
    inlineScriptRan?: boolean;
  }
}

/** Collects violations from the first script on, in every document of the page. */
async function watchViolations(page: Page, consoleErrors: string[]): Promise<void> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) consoleErrors.push(m.text());
  });
}

/** Injects an inline script: it must not run, and one violation must be counted. */
async function expectInlineScriptBlocked(page: Page): Promise<void> {
  const before = await page.evaluate(() => window.cspViolations?.length ?? 0);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineScriptRan = true;';
    document.body.appendChild(s);
  });
  await expect.poll(() => page.evaluate(() => window.cspViolations?.length ?? 0)).toBe(before + 1);
  expect(await page.evaluate(() => window.inlineScriptRan === true)).toBe(false);
  await page.evaluate(() => window.cspViolations!.pop());
}

async function visitEveryScreen(page: Page): Promise<void> {
  for (const { id } of screens) {
    await page.click(`[data-testid="nav-${id}"]`);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${id}`);
    // Let the screen's own scripts, workers and styles load.
    await page.waitForLoadState('networkidle');
  }
}

/**
 * 2,000 receipts in an XLSX file, each payer different: a shared-strings part big enough that the XLSX
 * reader unzips in workers of its own, started from blob URLs (with worker-src 'self' alone the preview
 * never comes; a small or repetitive file is unzipped in place and would not show it). The payers are
 * script tags: they must stay text, never become elements.
 */
const rowsTotal = 2_000;
async function receiptsXlsx(): Promise<Buffer> {
  const header = ['วันที่', 'เล่มที่', 'เลขที่', 'ผู้ชำระเงิน', 'รหัสรายรับ', 'รายการ', 'จำนวนเงิน', 'วิธีรับเงิน'].map((value) => ({ value, type: String }));
  const rows = Array.from({ length: rowsTotal }, (_, i) => i + 1).map((no) => [
    { value: `${String(1 + (no % 28)).padStart(2, '0')}/02/2567`, type: String },
    { value: '7', type: String },
    { value: no, type: Number },
    { value: `<script>alert(${no})</script> ผู้ชำระรายที่ ${no}`, type: String },
    { value: '411002', type: String },
    { value: 'ภาษีป้าย', type: String },
    { value: 100 + no, type: Number },
    { value: 'เงินสด', type: String },
  ]);
  return writeXlsxFile([header, ...rows], { buffer: true });
}

/** Reads the file on the import screen up to its preview: the import worker and its unzip workers run. */
async function importUpToPreview(page: Page, filePath: string): Promise<void> {
  await page.click('[data-testid="nav-backfill"]');
  await page.waitForSelector('[data-testid="import-screen"]');
  await page.selectOption('[data-testid="import-kind"]', 'receipt');
  await page.setInputFiles('[data-testid="import-file"]', filePath);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 });
  expect(Number(await page.getAttribute('[data-testid="import-counts"]', 'data-errors'))).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
}

describe('the app under its Content-Security-Policy', () => {
  const session = openE2eSession('samut-e2e-csp');
  const fileDir = mkdtempSync(join(tmpdir(), 'samut-e2e-csp-file-'));
  afterAll(() => rmSync(fileDir, { recursive: true, force: true }));

  it('enrols, renders every screen and imports a file, online and from the precache, with no CSP violation', async () => {
    const consoleErrors: string[] = [];
    const page = session.watch(await session.context.newPage());
    await watchViolations(page, consoleErrors);

    const res = await page.goto(session.server.origin);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

    await page.fill('[data-testid="enrol-code"]', session.server.enrolmentCode!);
    await page.click('[data-testid="enrol-submit"]');
    await page.waitForSelector('[data-testid="org-name"]');
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);
    await visitEveryScreen(page);
    const filePath = join(fileDir, 'receipts.xlsx');
    writeFileSync(filePath, await receiptsXlsx());
    await importUpToPreview(page, filePath);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    await expectInlineScriptBlocked(page);

    // From the service worker's precache, with the server gone: the cached page keeps its policy.
    await session.server.stop();
    await page.reload();
    await page.waitForSelector('[data-testid="org-name"]');
    await visitEveryScreen(page);
    await importUpToPreview(page, filePath);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    await expectInlineScriptBlocked(page);

    expect(consoleErrors.filter((e) => !e.includes('inlineScriptRan') && !/inline script/i.test(e))).toEqual([]);
  }, 180_000);
});
