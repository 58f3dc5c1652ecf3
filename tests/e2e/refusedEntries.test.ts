/**
 * รายการที่ต้องแก้ไข end to end, in real Chromium against the real server process: a receipt recorded
 * offline reaches a server whose books were closed meanwhile (booksClosedThrough set while it was
 * down), which rejects it. The navigation counts it, the sync status line leads to the screen, whose
 * card shows the server's Thai reason and that it does not count here. From the card the officer opens
 * the receipt form pre-filled from the rejected receipt, the date (the field the server named) marked
 * with the reason; the officer changes the date and saves. The correction is a NEW entry that posts
 * with no click, the card says it was fixed by it, and the rejected entry is exactly as it was (same
 * id, same hash, still rejected) — on the PC, and absent from the server, which holds the new one once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { saveOrgRules } from '../../src/server/books/orgSetup';
import { systemClock } from '../../src/server/clock';
import { openPglite } from '../../src/server/pglite';
import { enrolThenGoOffline } from './enrolOffline';
import { openE2eSession } from './session';

const byTestId = (testId: string) => `[data-testid="${testId}"]`;
const card = '[data-testid="refused-card"]';

async function cardAttr(page: Page, name: string): Promise<string | null> {
  return page.getAttribute(card, name);
}

describe('an entry the server rejects is corrected by a new entry from รายการที่ต้องแก้ไข', () => {
  const session = openE2eSession('samut-e2e-refused');

  it('shows the rejection with its reason, records the corrected receipt from the card, and leaves the rejected one unchanged', async () => {
    const page = session.watch(await session.context.newPage());
    await page.goto(session.server.origin);
    await enrolThenGoOffline(session, page, 'nav-receipt');
    expect(await page.$(byTestId('nav-fixes-count'))).toBeNull();

    // 1. Offline: a receipt dated 16/01/2567.
    await page.click(byTestId('nav-receipt'));
    await page.fill(byTestId('receipt-date'), '16/01/2567');
    await page.fill(byTestId('receipt-book'), '9/2567');
    await page.fill(byTestId('receipt-no'), '1');
    await page.fill(byTestId('receipt-payer'), 'นางสาวมาลี ขยัน');
    await page.selectOption(byTestId('receipt-item-0-account'), '411002');
    await page.fill(byTestId('receipt-item-0-amount'), '750');
    await page.click(byTestId('receipt-save'));
    await page.waitForSelector(byTestId('receipt-saved'));
    await expect.poll(() => page.getAttribute(byTestId('pending-count'), 'data-count')).toBe('1');

    // 2. While the server is down, its administrator closes the books through 31 Jan 2567.
    const serverDb = await openPglite(session.dataDir);
    try {
      const { rows } = await serverDb.query<{ org_id: string }>('SELECT org_id::text AS org_id FROM orgs');
      expect(rows).toHaveLength(1);
      await saveOrgRules(serverDb, rows[0]!.org_id, { ...moneyRulesDefault, booksClosedThrough: '2024-01-31' }, systemClock);
    } finally {
      await serverDb.close();
    }

    // 3. The server returns: the receipt is rejected, counted on the navigation, announced on the status line.
    const server = await session.restartServer();
    await page.waitForSelector(byTestId('nav-fixes-count'), { timeout: 120_000 });
    expect(await page.textContent(byTestId('nav-fixes-count'))).toBe('1');
    await page.waitForSelector(byTestId('sync-status-fixes'), { timeout: 60_000 });
    await page.click(byTestId('sync-status-fixes'));
    await page.waitForSelector(card);
    expect(await cardAttr(page, 'data-state')).toBe('rejected');
    expect(await cardAttr(page, 'data-status')).toBe('open');
    const rejectedId = (await cardAttr(page, 'data-entry-id'))!;
    const rejectedHash = (await cardAttr(page, 'data-hash'))!;
    expect(await page.textContent(byTestId('refused-reason'))).toBe('ปิดบัญชีถึงวันที่ 31/01/2567 แล้ว บันทึกรายการลงวันที่ 16/01/2567 ไม่ได้');
    expect(await page.textContent(byTestId('refused-state'))).toBe('ถูกปฏิเสธ');
    expect(await page.textContent(byTestId('refused-books'))).toContain('ไม่นับในบัญชีของเครื่องนี้');
    const head = await page.textContent(card);
    expect(head).toContain('เล่ม 9/2567 เลขที่ 1');
    expect(head).toContain('16/01/2567');
    expect(head).toContain('750.00');

    // 4. บันทึกรายการใหม่ที่ถูกต้อง: the receipt form, pre-filled, the date marked with the server's reason.
    await page.click(byTestId('refused-record-anew'));
    await page.waitForSelector(byTestId('correction-banner'));
    expect(await page.getAttribute(byTestId('correction-banner'), 'data-entry-id')).toBe(rejectedId);
    expect(await page.inputValue(byTestId('receipt-date'))).toBe('16/01/2567');
    expect(await page.inputValue(byTestId('receipt-book'))).toBe('9/2567');
    expect(await page.inputValue(byTestId('receipt-no'))).toBe('1');
    expect(await page.inputValue(byTestId('receipt-payer'))).toBe('นางสาวมาลี ขยัน');
    expect(await page.inputValue(byTestId('receipt-item-0-amount'))).toBe('750.00');
    await page.waitForSelector(byTestId('error-receipt-date'));
    expect(await page.textContent(byTestId('error-receipt-date'))).toContain('ปิดบัญชีถึงวันที่ 31/01/2567');
    expect(await page.getAttribute(byTestId('receipt-date'), 'aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('receipt-date');

    // The form's cash book of that day keeps the refused receipt's line, marked ไม่นับ, outside the totals.
    await page.fill(byTestId('cashbook-date'), '16/01/2567');
    await page.waitForSelector(`${byTestId('cashbook-row')}[data-entry-id="${rejectedId}"][data-refused="true"]`);
    expect(await page.getAttribute(byTestId('cashbook-total'), 'data-satang')).toBe('0');

    await page.fill(byTestId('receipt-date'), '01/02/2567');
    await page.click(byTestId('receipt-save'));

    // 5. Back on the card: fixed by the new receipt, which posts with no click.
    await page.waitForSelector(byTestId('refused-corrected-by'));
    expect(page.url()).toContain('#fixes');
    const correctionId = (await page.getAttribute(byTestId('refused-corrected-by'), 'data-entry-id'))!;
    expect(correctionId).not.toBe(rejectedId);
    await expect
      .poll(() => page.getAttribute(byTestId('refused-corrected-by'), 'data-state'), { timeout: 120_000, interval: 500 })
      .toBe('posted');
    expect(await page.textContent(byTestId('refused-corrected-by'))).toContain('แก้ไขแล้วด้วยรายการ ใบเสร็จรับเงิน เล่ม 9/2567 เลขที่ 1 ลงวันที่ 01/02/2567');
    expect(await cardAttr(page, 'data-status')).toBe('fixed');
    expect(await page.$(byTestId('refused-record-anew'))).toBeNull();
    expect(await page.$(byTestId('nav-fixes-count'))).toBeNull();

    // 6. The rejected entry is unchanged: same id, same hash, still rejected.
    expect(await cardAttr(page, 'data-entry-id')).toBe(rejectedId);
    expect(await cardAttr(page, 'data-hash')).toBe(rejectedHash);
    expect(await cardAttr(page, 'data-state')).toBe('rejected');
    await page.click(byTestId('nav-entries'));
    await page.waitForSelector(`[data-testid="entry-row"][data-entry-id="${rejectedId}"][data-state="rejected"]`);
    await page.waitForSelector(`[data-testid="entry-row"][data-entry-id="${correctionId}"][data-state="posted"]`);
    await page.close();

    // 7. The server holds the correction once and never the rejected receipt.
    await server.stop();
    const db = await openPglite(session.dataDir);
    try {
      const { rows } = await db.query<{ id: string; date: string }>(`SELECT id::text AS id, body->>'date' AS date FROM entries`);
      expect(rows).toEqual([{ id: correctionId, date: '2024-02-01' }]);
    } finally {
      await db.close();
    }
  }, 300_000);
});
