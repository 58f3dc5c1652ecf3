/**
 * Two tabs and an overloaded server (issue 6), in real Chromium against the real server process: two
 * tabs of the app on one profile, opened and enrolled through a proxy (overloadProxy.ts) that answers
 * the first pushes with 503 + Retry-After: 1, then forwards. Receipts are recorded in both tabs in turn;
 * the drain backs off and recovers with no click; more receipts from both tabs then post as they are
 * saved; and:
 * - the server's database holds every entry exactly once;
 * - the proxy saw the 503s first, then successful pushes; pushes never overlapped (one runner across the
 *   tabs and the service worker) and no entry was in two successful pushes;
 * - both tabs received the same progress messages, both showed the back-off, and both end on the same
 *   status with nothing pending.
 * The same story runs with Background Sync unavailable: then only the app-start, new-entry and timer
 * triggers wake the drain.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/pglite';
import { launchChromiumProfile } from './browser';
import { startOverloadProxy, type OverloadProxy } from './overloadProxy';
import { freePort, startServer, type ServerProcess } from './serverProcess';

const overloadedPushes = 3;

/** Three receipts typed in each tab, alternately. */
const receipts = [
  { tab: 0, dateBe: '16/01/2567', no: '1', payer: 'นายสมชาย ใจดี', amount: '2,345.75' },
  { tab: 1, dateBe: '05/02/2567', no: '2', payer: 'นางสาวมาลี มีสุข', amount: '40.50' },
  { tab: 0, dateBe: '20/03/2567', no: '3', payer: 'ร้านค้าสามแยก', amount: '1,500.00' },
  { tab: 1, dateBe: '02/04/2567', no: '4', payer: 'นายประเสริฐ รักดี', amount: '300.00' },
  { tab: 0, dateBe: '17/01/2567', no: '5', payer: 'นางบุญมี ศรีสุข', amount: '75.25' },
  { tab: 1, dateBe: '28/06/2567', no: '6', payer: 'หจก. ก้าวหน้า', amount: '9,999.00' },
];

/**
 * In every tab: keeps every message of the sync channel (what the status line is drawn from) and, every
 * 50 ms, what the status line and the pending badge show when it changed.
 */
function watchSyncInPage(): void {
  const w = window as unknown as { __syncMessages: unknown[]; __syncShown: { outcome: string; pending: string }[] };
  w.__syncMessages = [];
  w.__syncShown = [];
  new BroadcastChannel('samut-sync').onmessage = (event: MessageEvent) => w.__syncMessages.push(event.data);
  setInterval(() => {
    const outcome = document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-outcome') ?? '';
    const pending = document.querySelector('[data-testid="pending-count"]')?.getAttribute('data-count') ?? '';
    const last = w.__syncShown[w.__syncShown.length - 1];
    if (outcome !== '' && (last?.outcome !== outcome || last?.pending !== pending)) w.__syncShown.push({ outcome, pending });
  }, 50);
}

/** Takes Background Sync away from the pages (they then never register a `sync` event). */
function removeBackgroundSync(): void {
  delete (window as unknown as { SyncManager?: unknown }).SyncManager;
  delete (ServiceWorkerRegistration.prototype as unknown as { sync?: unknown }).sync;
}

const variants = [
  { name: 'with Background Sync', backgroundSync: true },
  { name: 'with Background Sync unavailable', backgroundSync: false },
] as const;

describe.each(variants)('two tabs and a server answering 503, then recovering, $name', ({ backgroundSync }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samut-e2e-tabs-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'samut-e2e-tabs-chromium-'));
  let server: ServerProcess | undefined;
  let proxy: OverloadProxy | undefined;
  let context: BrowserContext | undefined;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    server = await startServer({ port: await freePort(), dataDir });
    proxy = await startOverloadProxy({ target: server.origin, overloadedPushes, retryAfterSeconds: 1 });
    // --disable-features=BackgroundSync alone still leaves SyncManager in this Chromium: the init
    // script is what removes it from the pages.
    context = await launchChromiumProfile(profileDir, backgroundSync ? [] : ['--disable-features=BackgroundSync']);
    if (!backgroundSync) await context.addInitScript(removeBackgroundSync);
    await context.addInitScript(watchSyncInPage);
  });

  afterAll(async () => {
    if (consoleLines.length) console.log(consoleLines.slice(-40).join('\n'));
    await context?.close();
    await proxy?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  const watch = (page: Page, label: string): Page => {
    page.on('console', (m) => consoleLines.push(`[${label} ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[${label} pageerror] ${e.message}`));
    return page;
  };

  it('posts every entry once, and both tabs show the same progress and end with nothing pending', async () => {
    const [srv, prx, ctx] = [server!, proxy!, context!];

    // 1. Tab 1 opens the app through the proxy and enrols there: the server address it keeps is the proxy's.
    const tab1 = watch(await ctx.newPage(), 'tab1');
    await tab1.goto(prx.origin);
    await expect.poll(() => tab1.inputValue('[data-testid="enrol-server"]')).toBe(prx.origin);
    await tab1.fill('[data-testid="enrol-code"]', srv.enrolmentCode!);
    await tab1.click('[data-testid="enrol-submit"]');
    await tab1.waitForSelector('[data-testid="receipt-save"]');
    await tab1.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const hasBackgroundSync = await tab1.evaluate(async () => ((await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync?: unknown }).sync !== undefined);
    expect(hasBackgroundSync).toBe(backgroundSync);

    // 2. Tab 2: the same profile, so already enrolled.
    const tab2 = watch(await ctx.newPage(), 'tab2');
    await tab2.goto(prx.origin);
    await tab2.waitForSelector('[data-testid="receipt-save"]');
    const tabs = [tab1, tab2] as const;
    // Opening tab 2 starts a drain (nothing pending: started, drained). Its messages may reach one tab
    // before the other's list is cleared, so wait until no message has arrived for a second, then clear.
    const heardCounts = async () => (await Promise.all(tabs.map((tab) => tab.evaluate(() => (window as unknown as { __syncMessages: unknown[] }).__syncMessages.length)))).join(',');
    for (let heard = await heardCounts(), waited = 0; ; waited += 1) {
      await new Promise((r) => setTimeout(r, 1_000));
      const now = await heardCounts();
      if (now === heard) break;
      if (waited > 30) throw new Error('the tabs kept hearing sync messages for 30 s before any receipt');
      heard = now;
    }
    for (const tab of tabs) await tab.evaluate(() => ((window as unknown as { __syncMessages: unknown[] }).__syncMessages.length = 0));
    expect(prx.pushes).toEqual([]); // nothing was pending yet

    // 3. Receipts typed in both tabs in turn; each save asks for a drain. The first pushes get 503s;
    // the drain backs off and, with nobody clicking anything, gets through once the server recovers.
    const record = async (r: (typeof receipts)[number]) => {
      const tab = tabs[r.tab]!;
      await tab.fill('[data-testid="receipt-date"]', r.dateBe);
      await tab.fill('[data-testid="receipt-book"]', '1/2567');
      await tab.fill('[data-testid="receipt-no"]', r.no);
      await tab.fill('[data-testid="receipt-payer"]', r.payer);
      await tab.selectOption('[data-testid="receipt-item-0-account"]', '411002');
      await tab.fill('[data-testid="receipt-item-0-amount"]', r.amount);
      await tab.selectOption('[data-testid="receipt-method"]', 'cash');
      await tab.click('[data-testid="receipt-save"]');
      await tab.waitForSelector(`[data-testid="receipt-saved"]:has-text("เลขที่ ${r.no} ")`);
    };
    const nothingPendingInEitherTab = async () => {
      for (const tab of tabs) {
        await expect
          .poll(() => tab.getAttribute('[data-testid="pending-count"]', 'data-count'), { timeout: 90_000, interval: 250 })
          .toBe('0');
      }
    };
    for (const r of receipts.slice(0, 3)) await record(r);
    await nothingPendingInEitherTab();
    expect(prx.pushes.filter((p) => p.status === 503)).toHaveLength(overloadedPushes);

    // 4. The server has recovered: the next receipts, again from both tabs, post as they are saved.
    for (const r of receipts.slice(3)) await record(r);
    await nothingPendingInEitherTab();

    // Both tabs end on the same status line.
    const statusOf = (tab: Page) => tab.evaluate(() => {
      const el = document.querySelector('[data-testid="sync-status"]');
      return { outcome: el?.getAttribute('data-outcome'), text: el?.textContent };
    });
    await expect.poll(async () => (await statusOf(tab1)).outcome, { timeout: 20_000 }).toBe('drained');
    await expect.poll(async () => JSON.stringify(await statusOf(tab2)), { timeout: 10_000 }).toBe(JSON.stringify(await statusOf(tab1)));

    // Both tabs heard the same sync messages (the progress bar's and the status line's source), in the
    // same order: the back-off, then progress up to everything sent.
    const messagesOf = (tab: Page) => tab.evaluate(() => JSON.stringify((window as unknown as { __syncMessages: unknown[] }).__syncMessages));
    await expect.poll(() => messagesOf(tab2), { timeout: 10_000 }).toBe(await messagesOf(tab1));
    const messages = JSON.parse(await messagesOf(tab1)) as { type: string; outcome?: string; sent?: number; total?: number; posted?: number; pending?: number }[];
    const finished = messages.filter((m) => m.type === 'drain-finished');
    expect(finished.filter((m) => m.outcome === 'backing-off').length).toBeGreaterThanOrEqual(overloadedPushes);
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2); // the recovery's push, and the later ones
    expect(progress.every((m) => m.sent! <= m.total!)).toBe(true);
    // Each entry was reported posted by exactly one drain run, whichever tab or worker ran it.
    expect(finished.reduce((n, m) => n + (m.posted ?? 0), 0)).toBe(receipts.length);
    expect(finished.at(-1)).toMatchObject({ outcome: 'drained', pending: 0 });

    // What each tab showed: the back-off, then everything sent.
    for (const tab of tabs) {
      const shown = await tab.evaluate(() => (window as unknown as { __syncShown: { outcome: string; pending: string }[] }).__syncShown);
      expect(shown.map((s) => s.outcome)).toContain('backing-off');
      expect(shown.some((s) => Number(s.pending) > 0)).toBe(true);
      expect(shown.at(-1)).toEqual({ outcome: 'drained', pending: '0' });
    }

    // 5. The proxy: 503 for the first pushes, then successful ones; one push at a time, and no entry
    // in two successful pushes.
    const statuses = prx.pushes.map((p) => p.status);
    expect(statuses.slice(0, overloadedPushes)).toEqual(Array(overloadedPushes).fill(503));
    expect(statuses.slice(overloadedPushes).length).toBeGreaterThan(0);
    expect(statuses.slice(overloadedPushes).every((s) => s === 200)).toBe(true);
    expect(prx.pushesInFlightMax).toBe(1);
    const postedIds = prx.pushes.filter((p) => p.status === 200).flatMap((p) => p.entryIds);
    expect(new Set(postedIds).size).toBe(postedIds.length);

    // The entries as this PC holds them: all posted.
    await tab1.click('[data-testid="nav-entries"]');
    await tab1.waitForSelector('[data-testid="entry-row"]');
    const rows = await tab1.$$eval('[data-testid="entry-row"]', (trs) =>
      trs.map((r) => ({ id: r.getAttribute('data-entry-id') ?? '', state: r.getAttribute('data-state') ?? '', serverSeq: r.getAttribute('data-server-seq') ?? '' })),
    );
    expect(rows).toHaveLength(receipts.length);
    expect(rows.every((r) => r.state === 'posted')).toBe(true);
    expect([...postedIds].sort()).toEqual(rows.map((r) => r.id).sort());

    // 6. The server's database: each entry exactly once, with the server_seq the PC keeps.
    await srv.stop();
    const db = await openPglite(dataDir);
    try {
      const { rows: onServer } = await db.query<{ id: string; n: number; server_seq: string }>(
        'SELECT id::text AS id, count(*)::int AS n, min(server_seq)::text AS server_seq FROM entries GROUP BY id ORDER BY id',
      );
      expect(onServer).toEqual(
        [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => ({ id: r.id, n: 1, server_seq: r.serverSeq })),
      );
    } finally {
      await db.close();
    }
    console.log(
      `two tabs ${backgroundSync ? 'with' : 'without'} Background Sync: pushes ${statuses.join(', ')}; ` +
        `${progress.length} progress message(s) seen by both tabs`,
    );
  }, 240_000);
});
