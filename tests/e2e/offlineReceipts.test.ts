/**
 * The walking skeleton's story, end to end in real Chromium against the real server process:
 * enrol → server stops → the app reloads from the service worker's precache → three receipts recorded
 * with dates out of order → server returns → they post by themselves, exactly once, earliest date
 * first → closing and reopening the page shows them posted.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/pglite';
import { openE2eSession } from './session';

const receipts = [
  { dateBe: '20/03/2567', iso: '2024-03-20', no: '3', payer: 'ร้านค้าสามแยก', revenue: '411002', amount: '1,500.00', satang: 150000 },
  { dateBe: '16/01/2567', iso: '2024-01-16', no: '1', payer: 'นายสมชาย ใจดี', revenue: '411001', amount: '2,345.75', satang: 234575 },
  { dateBe: '05/02/2567', iso: '2024-02-05', no: '2', payer: 'นางสาวมาลี มีสุข', revenue: '412001', amount: '40.50', satang: 4050 },
];

async function rowStates(page: Page): Promise<{ id: string; date: string; state: string; serverSeq: string }[]> {
  return page.$$eval('[data-testid="entry-row"]', (rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-entry-id') ?? '',
      date: r.getAttribute('data-date') ?? '',
      state: r.getAttribute('data-state') ?? '',
      serverSeq: r.getAttribute('data-server-seq') ?? '',
    })),
  );
}

describe('a receipt recorded with the server down reaches the server exactly once', () => {
  const session = openE2eSession('samut-e2e');
  const { watch } = session;

  it('enrols, works offline, and back-posts in date order with no click', async () => {
    expect(session.server.enrolmentCode, session.server.output()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const page = watch(await session.context.newPage());
    await page.goto(session.server.origin);

    // 1. Enrol once: the server address defaults to where the app came from.
    await expect.poll(() => page.inputValue('[data-testid="enrol-server"]')).toBe(session.server.origin);
    await page.fill('[data-testid="enrol-code"]', session.server.enrolmentCode!);
    await page.click('[data-testid="enrol-submit"]');
    await page.waitForSelector('[data-testid="org-name"]');
    expect(await page.textContent('[data-testid="org-name"]')).toContain('อบต.');

    // The service worker is installed (precache complete) before the server goes away.
    const swActive = await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active);
    expect(swActive).toBe(true);

    // Chromium itself says the app can be installed (manifest, icons, service worker all in order).
    const cdp = await session.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    await cdp.detach();

    // 2. The server stops; a reload still loads the app, from the precache.
    await session.server.stop();
    const unreachable = await page.evaluate(async (origin) => {
      try {
        await fetch(`${origin}/api/v1/health`, { cache: 'no-store' });
        return false;
      } catch {
        return true;
      }
    }, session.server.origin);
    expect(unreachable).toBe(true);
    await page.reload();
    await page.waitForSelector('[data-testid="receipt-save"]');
    // The receipt form is the first screen.
    expect(await page.getAttribute('[data-testid="nav-receipt"]', 'aria-current')).toBe('page');
    expect(await page.textContent('[data-testid="org-name"]')).toContain('อบต.');
    expect(await page.evaluate(() => document.fonts.check('16px Sarabun', 'ก'))).toBe(true);

    // 3. Record three receipts, dates out of order.
    for (const r of receipts) {
      await page.fill('[data-testid="receipt-date"]', r.dateBe);
      await page.fill('[data-testid="receipt-book"]', '1/2567');
      await page.fill('[data-testid="receipt-no"]', r.no);
      await page.fill('[data-testid="receipt-payer"]', r.payer);
      await page.selectOption('[data-testid="receipt-item-0-account"]', r.revenue);
      await page.fill('[data-testid="receipt-item-0-amount"]', r.amount);
      await page.selectOption('[data-testid="receipt-method"]', 'cash');
      await page.click('[data-testid="receipt-save"]');
      await page.waitForSelector(`[data-testid="receipt-saved"]:has-text("เลขที่ ${r.no} ")`);
    }
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count')).toBe('3');

    // A bad form writes nothing and says why, in Thai.
    await page.fill('[data-testid="receipt-date"]', '31/02/2567');
    await page.fill('[data-testid="receipt-item-0-amount"]', 'abc');
    await page.click('[data-testid="receipt-save"]');
    expect(await page.textContent('[data-testid="error-receipt-date"]')).toContain('ไม่มีอยู่จริง');
    expect(await page.textContent('[data-testid="error-receipt-item-0-amount"]')).toMatch(/[ก-๙]/);
    expect(await page.getAttribute('[data-testid="pending-count"]', 'data-count')).toBe('3');

    // The entry list (its own screen) shows them waiting.
    await page.click('[data-testid="nav-entries"]');
    await expect.poll(async () => (await rowStates(page)).map((r) => r.state).join(',')).toBe('pending,pending,pending');

    // 4. The server returns; nobody clicks anything.
    const server = await session.restartServer();
    await expect
      .poll(async () => (await rowStates(page)).map((r) => r.state).join(','), { timeout: 120_000, interval: 500 })
      .toBe('posted,posted,posted');
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count')).toBe('0');

    const posted = await rowStates(page);
    const byDate = [...posted].sort((a, b) => a.date.localeCompare(b.date));
    const seqs = byDate.map((r) => Number(r.serverSeq));
    expect(seqs.every((s) => Number.isInteger(s) && s > 0)).toBe(true);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs); // earliest date was posted first

    // 5. Close the page, reopen: still all posted, nothing pending, nothing doubled.
    await page.close();
    const again = watch(await session.context.newPage());
    await again.goto(`${server.origin}/#entries`);
    await again.waitForSelector('[data-testid="entry-row"]');
    await expect.poll(async () => (await rowStates(again)).map((r) => r.state).join(',')).toBe('posted,posted,posted');
    expect((await rowStates(again)).map((r) => r.serverSeq)).toEqual(posted.map((r) => r.serverSeq));
    await again.close();

    // 6. The server's database holds each receipt exactly once, numbered in date order.
    await server.stop();
    const db = await openPglite(session.dataDir);
    try {
      const { rows } = await db.query<{ id: string; date: string; server_seq: string; amount: number }>(
        `select id::text as id, to_char(date, 'YYYY-MM-DD') as date, server_seq::text as server_seq,
                (body->'doc'->'items'->0->>'amountSatang')::bigint as amount
           from entries order by server_seq`,
      );
      expect(rows.map((r) => r.date)).toEqual(['2024-01-16', '2024-02-05', '2024-03-20']);
      expect(new Set(rows.map((r) => r.id)).size).toBe(3);
      expect(rows.map((r) => Number(r.amount))).toEqual([234575, 4050, 150000]);
      expect(rows.map((r) => r.id).sort()).toEqual(posted.map((r) => r.id).sort());
    } finally {
      await db.close();
    }
  }, 240_000);
});
