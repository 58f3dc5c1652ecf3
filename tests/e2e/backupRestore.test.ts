/**
 * Storage safety on the PC (issue 7), in real Chromium against the real server: receipts recorded,
 * two posted and two waiting with the server down; the loud warning says two exist only on this PC;
 * a backup file is saved through the page (the download captured); the browser's IndexedDB is wiped
 * (as "clear browsing data" does); the app, reloaded from the service worker's precache, asks to enrol;
 * the file restored through the page gives back every entry with the same id, hash and state, the
 * device identity kept for enrolling again; a new code enrols the PC again as the same device, and the
 * two restored pending entries post, exactly once, under their device id.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/pglite';
import { issueCode, onlyOrgId } from './adminCli';
import { openE2eSession } from './session';

type Row = { id: string; hash: string; state: string; deviceId: string };

/** Reads the app's IndexedDB directly (entries and one meta row), closing the connection after. */
async function stored(page: Page): Promise<{ entries: Row[]; meta: Record<string, unknown> }> {
  return page.evaluate(
    () =>
      new Promise<{ entries: Row[]; meta: Record<string, unknown> }>((done, fail) => {
        const open = indexedDB.open('samut');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['entries', 'meta']);
          const entries = tx.objectStore('entries').getAll();
          const meta = tx.objectStore('meta').getAll();
          tx.oncomplete = () => {
            db.close();
            done({
              entries: (entries.result as Row[]).map((e) => ({ id: e.id, hash: e.hash, state: e.state, deviceId: e.deviceId })),
              meta: Object.fromEntries((meta.result as { key: string; value: unknown }[]).map((r) => [r.key, r.value])),
            });
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

async function recordReceipt(page: Page, no: string, dateBe: string): Promise<void> {
  await page.fill('[data-testid="receipt-date"]', dateBe);
  await page.fill('[data-testid="receipt-book"]', '7/2567');
  await page.fill('[data-testid="receipt-no"]', no);
  await page.fill('[data-testid="receipt-payer"]', `ผู้ชำระ ${no}`);
  await page.selectOption('[data-testid="receipt-item-0-account"]', '411001');
  await page.fill('[data-testid="receipt-item-0-amount"]', `${no}00.00`);
  await page.selectOption('[data-testid="receipt-method"]', 'cash');
  await page.click('[data-testid="receipt-save"]');
  await page.waitForSelector(`[data-testid="receipt-saved"]:has-text("เลขที่ ${no} ")`);
}

describe('backup → wipe → restore', () => {
  const session = openE2eSession('samut-backup');
  const downloads = mkdtempSync(join(tmpdir(), 'samut-backup-files-'));

  it('gives back identical entries (ids, hashes, states) and the device identity after IndexedDB is wiped', async () => {
    const page = session.watch(await session.context.newPage());
    await page.goto(session.server.origin);
    await page.fill('[data-testid="enrol-code"]', session.server.enrolmentCode!);
    await page.click('[data-testid="enrol-submit"]');
    await page.waitForSelector('[data-testid="org-name"]');
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);

    // Two receipts post while the server is up.
    await recordReceipt(page, '1', '16/01/2567');
    await recordReceipt(page, '2', '17/01/2567');
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count'), { timeout: 60_000 }).toBe('0');

    // The server goes down; two more wait, and exist only on this PC: the loud warning says so.
    await session.server.stop();
    await page.reload();
    await page.waitForSelector('[data-testid="receipt-save"]');
    await recordReceipt(page, '3', '18/01/2567');
    await recordReceipt(page, '4', '19/01/2567');
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count')).toBe('2');
    await page.waitForSelector('[data-testid="backup-alert"][data-count="2"]');
    expect(await page.getAttribute('[data-testid="backup-alert"]', 'role')).toBe('alert');
    const before = await stored(page);
    expect(before.entries.map((e) => e.state).sort()).toEqual(['pending', 'pending', 'posted', 'posted']);
    const enrolment = before.meta.enrolment as { deviceId: string; orgId: string; token: string };

    // ตั้งค่า: storage state shown; the backup saved as a file through the browser's download.
    await page.click('[data-testid="nav-settings"]');
    await page.waitForSelector('[data-testid="storage-persisted"]');
    expect(await page.textContent('[data-testid="storage-usage"]')).toMatch(/MB จาก/);
    expect(await page.textContent('[data-testid="backup-last"]')).toContain('ยังไม่เคยสำรอง');
    const downloading = page.waitForEvent('download');
    await page.click('[data-testid="backup-save"]');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^samut-.+-25\d\d-\d\d-\d\d-\d{4}\.json$/);
    const filePath = join(downloads, download.suggestedFilename());
    await download.saveAs(filePath);
    await page.waitForSelector('[data-testid="backup-saved"]');
    const file = readFileSync(filePath, 'utf8');
    expect(file).not.toContain(enrolment.token);
    expect(JSON.parse(file)).toMatchObject({ format: 'samut-backup', version: 1, deviceId: enrolment.deviceId, counts: { entries: 4 } });
    // Now in a backup: the loud warning goes, the card says so.
    await expect.poll(async () => (await page.$('[data-testid="backup-alert"]')) === null).toBe(true);
    await expect.poll(() => page.getAttribute('[data-testid="backup-only-here"]', 'data-count')).toBe('0');
    expect(await page.textContent('[data-testid="backup-last"]')).toMatch(/25\d\d/);

    // "Clear browsing data" for IndexedDB only (the service worker and its precache stay, as after a
    // partial wipe; the app must still open offline).
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: session.server.origin, storageTypes: 'indexeddb' });
    await cdp.detach();
    await page.goto(`${session.server.origin}/`);
    await page.waitForSelector('[data-testid="enrol-code"]');
    expect(await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'samut')?.version ?? 0)).toBeGreaterThan(0);
    expect((await stored(page)).entries).toEqual([]);

    // Restore the file from the enrol screen.
    await page.setInputFiles('[data-testid="restore-file"]', filePath);
    await page.waitForSelector('[data-testid="restore-summary"]');
    const summary = await page.textContent('[data-testid="restore-summary"]');
    expect(summary).toContain('นำเข้ารายการใหม่ 4 รายการ');
    expect(summary).toContain('ลงทะเบียนเครื่องอีกครั้ง');

    const after = await stored(page);
    const byId = (rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.entries)).toEqual(byId(before.entries));
    expect(after.meta.enrolment).toBeUndefined();
    expect(after.meta.previousDevice).toMatchObject({ deviceId: enrolment.deviceId, orgId: enrolment.orgId });
    expect(after.meta[`deviceSeq:${enrolment.deviceId}`]).toBe(4);

    // The same file again: everything already here, nothing added or changed.
    await page.setInputFiles('[data-testid="restore-file"]', filePath);
    await expect.poll(() => page.textContent('[data-testid="restore-summary"]')).toContain('มีอยู่แล้วจึงข้าม 4 รายการ');
    expect(byId((await stored(page)).entries)).toEqual(byId(before.entries));

    // A damaged file is refused with the reason, nothing written.
    const damagedPath = join(downloads, 'damaged.json');
    writeFileSync(damagedPath, file.replace('ผู้ชำระ 3', 'ผู้ชำระ 9'));
    await page.setInputFiles('[data-testid="restore-file"]', damagedPath);
    await page.waitForSelector('[data-testid="error-restore"]');
    expect(await page.textContent('[data-testid="error-restore"]')).toContain('ค่าตรวจสอบ');

    // Still at the enrol screen, as the same device: a new code (admin CLI, server stopped), the server
    // returns, the PC enrols again and the two restored pending entries post with no further click.
    expect(await page.getAttribute('[data-testid="enrol-previous"]', 'data-device-id')).toBe(enrolment.deviceId);
    const code = await issueCode(session.dataDir, await onlyOrgId(session.dataDir));
    await session.restartServer();
    await page.fill('[data-testid="enrol-code"]', code);
    await page.click('[data-testid="enrol-submit"]');
    await page.waitForSelector('[data-testid="org-name"]');
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count'), { timeout: 120_000, interval: 500 }).toBe('0');
    const resumed = await stored(page);
    expect(byId(resumed.entries)).toEqual(byId(before.entries).map((e) => ({ ...e, state: 'posted' })));
    await page.close();
    await session.server.stop();
    const server = await openPglite(session.dataDir);
    try {
      const { rows } = await server.query<{ id: string; device_id: string }>('SELECT id::text AS id, device_id::text AS device_id FROM entries ORDER BY seq');
      expect(rows.map((r) => r.id).sort()).toEqual(before.entries.map((e) => e.id).sort());
      expect(new Set(rows.map((r) => r.device_id))).toEqual(new Set([enrolment.deviceId]));
    } finally {
      await server.close();
    }
    rmSync(downloads, { recursive: true, force: true });
  }, 240_000);
});
