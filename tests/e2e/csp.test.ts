/**
 * The built app runs under the server's Content-Security-Policy (src/server/http/securityHeaders.ts:
 * script-src 'self', no inline script, no eval) in real Chromium with no violation: it loads, enrols
 * against the real server process, and every screen renders, first from the network and again from the
 * service worker's precache. The page counts `securitypolicyviolation` events and CSP console errors;
 * an inline script injected on purpose must be blocked and counted, so the counting itself is checked.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

describe('the app under its Content-Security-Policy', () => {
  const session = openE2eSession('samut-e2e-csp');

  it('enrols and renders every screen, online and from the precache, with no CSP violation', async () => {
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
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    await expectInlineScriptBlocked(page);

    // From the service worker's precache, with the server gone: the cached page keeps its policy.
    await session.server.stop();
    await page.reload();
    await page.waitForSelector('[data-testid="org-name"]');
    await visitEveryScreen(page);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    await expectInlineScriptBlocked(page);

    expect(consoleErrors.filter((e) => !e.includes('inlineScriptRan') && !/inline script/i.test(e))).toEqual([]);
  }, 180_000);
});
