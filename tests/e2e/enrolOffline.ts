/**
 * The opening of most end-to-end stories: enrol with the server's code, wait until the service worker
 * has precached the app, stop the server and reload from the precache — an office PC whose central
 * system has just gone down. Returns the organisation's name as the app shows it.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { E2eSession } from './session';

/** `readyTestId`: an element that shows the app is back up after the offline reload. */
export async function enrolThenGoOffline(session: E2eSession, page: Page, readyTestId: string): Promise<string> {
  await page.fill('[data-testid="enrol-code"]', session.server.enrolmentCode!);
  await page.click('[data-testid="enrol-submit"]');
  await page.waitForSelector('[data-testid="org-name"]');
  expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);
  const orgName = (await page.textContent('[data-testid="org-name"]'))?.trim() ?? '';
  await session.server.stop();
  await page.reload();
  await page.waitForSelector(`[data-testid="${readyTestId}"]`);
  return orgName;
}
