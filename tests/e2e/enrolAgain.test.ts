/**
 * A revoked PC enrols again, end to end in real Chromium against the real server process: enrol →
 * server stops → two receipts recorded offline → the administrator, with the server stopped, revokes
 * the device and issues a new code with the admin command line on its data folder → server returns →
 * the push gets 401 and the app shows the enrol screen saying both entries are still here → the new
 * code enrols the PC as the same device → both entries post with no further click, exactly once, with
 * the device id and seq they were recorded with.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/pglite';
import { admin, issueCode, onlyOrgId } from './adminCli';
import { openE2eSession } from './session';

async function recordReceipt(page: Page, no: string, dateBe: string, amount: string): Promise<void> {
  await page.fill('[data-testid="receipt-date"]', dateBe);
  await page.fill('[data-testid="receipt-book"]', '1/2567');
  await page.fill('[data-testid="receipt-no"]', no);
  await page.fill('[data-testid="receipt-payer"]', 'นายสมชาย ใจดี');
  await page.selectOption('[data-testid="receipt-item-0-account"]', '411001');
  await page.fill('[data-testid="receipt-item-0-amount"]', amount);
  await page.selectOption('[data-testid="receipt-method"]', 'cash');
  await page.click('[data-testid="receipt-save"]');
  await page.waitForSelector(`[data-testid="receipt-saved"]:has-text("เลขที่ ${no} ")`);
}

/** The PC's own entries, straight from its IndexedDB. */
async function localEntries(page: Page): Promise<{ id: string; deviceId: string; seq: number; state: string }[]> {
  return page.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('samut');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            done((all.result as { id: string; deviceId: string; seq: number; state: string }[]).map(({ id, deviceId, seq, state }) => ({ id, deviceId, seq, state })));
            open.result.close();
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}

describe('a revoked PC enrols again and its pending entries post exactly once', () => {
  const session = openE2eSession('samut-e2e-reenrol');
  const { watch } = session;

  it('shows the enrol screen on 401, keeps the entries, and posts them as the same device after a new code', async () => {
    const page = watch(await session.context.newPage());
    await page.goto(session.server.origin);
    await page.fill('[data-testid="enrol-code"]', session.server.enrolmentCode!);
    await page.click('[data-testid="enrol-submit"]');
    await page.waitForSelector('[data-testid="org-name"]');
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);

    // The server stops; two receipts are recorded on the PC.
    await session.server.stop();
    await page.reload();
    await page.waitForSelector('[data-testid="receipt-save"]');
    await recordReceipt(page, '1', '16/01/2567', '100.00');
    await recordReceipt(page, '2', '17/01/2567', '250.50');
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count')).toBe('2');
    const recorded = await localEntries(page);
    expect(recorded.map((e) => e.state)).toEqual(['pending', 'pending']);

    // The administrator, with the server stopped: revoke this PC and issue a new code (admin CLI).
    const orgId = await onlyOrgId(session.dataDir);
    const deviceLine = (await admin(session.dataDir, ['devices', '--org', orgId]))[1]!;
    const deviceId = deviceLine.split('\t')[0]!;
    expect(deviceId).toBe(recorded[0]!.deviceId);
    await admin(session.dataDir, ['revoke-device', '--org', orgId, '--device', deviceId]);
    const code = await issueCode(session.dataDir, orgId);

    // The server returns: the next push is refused, and the app asks to enrol again, entries kept.
    const server = await session.restartServer();
    await page.waitForSelector('[data-testid="enrol-notice"]', { timeout: 120_000 });
    expect(await page.textContent('[data-testid="enrol-notice"]')).toContain('สิทธิ์ของเครื่องนี้ถูกยกเลิกหรือหมดอายุ');
    expect(await page.textContent('[data-testid="enrol-notice"]')).toContain('รายการที่รอส่ง 2 รายการยังอยู่ครบ');
    expect(await page.getAttribute('[data-testid="enrol-previous"]', 'data-device-id')).toBe(deviceId);
    expect(await page.inputValue('[data-testid="enrol-server"]')).toBe(server.origin);
    expect((await localEntries(page)).map((e) => e.state)).toEqual(['pending', 'pending']);

    // A new code of the same organisation: the same device, and the queue resumes by itself.
    await page.fill('[data-testid="enrol-code"]', code);
    await page.click('[data-testid="enrol-submit"]');
    await page.waitForSelector('[data-testid="org-name"]');
    await expect.poll(() => page.getAttribute('[data-testid="pending-count"]', 'data-count'), { timeout: 120_000, interval: 500 }).toBe('0');
    const after = await localEntries(page);
    expect(after.map((e) => [e.id, e.deviceId, e.seq, e.state])).toEqual(recorded.map((e) => [e.id, e.deviceId, e.seq, 'posted']));
    await page.close();

    // The server holds each entry exactly once, as this device's, and the device enrolled again.
    await server.stop();
    const db = await openPglite(session.dataDir);
    try {
      const { rows } = await db.query<{ id: string; device_id: string; seq: number }>(
        'SELECT id::text AS id, device_id::text AS device_id, seq::int AS seq FROM entries ORDER BY seq',
      );
      expect(rows).toEqual(recorded.map((e) => ({ id: e.id, device_id: deviceId, seq: e.seq })));
      const devices = await db.query<{ device_id: string; revoked: boolean; reenrolled: boolean }>(
        'SELECT device_id::text AS device_id, revoked_at IS NOT NULL AS revoked, reenrolled_at IS NOT NULL AS reenrolled FROM devices',
      );
      expect(devices.rows).toEqual([{ device_id: deviceId, revoked: false, reenrolled: true }]);
    } finally {
      await db.close();
    }
  }, 300_000);
});
