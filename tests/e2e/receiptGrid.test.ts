/**
 * Back-entry by keyboard, end to end in real Chromium against the real server process: enrol → server
 * stops → on ลงย้อนหลัง three receipts are typed into the grid with the keyboard only (Enter between
 * cells, Shift+Enter back, Enter on the last cell saves; date and book carried over, numbers +1, the
 * revenue account suggested; a bad amount stays in its row, marked) → the coverage calendar shows
 * their days waiting → the server returns → the days turn posted with no click → the server's
 * database holds each receipt exactly once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/pglite';
import { enrolThenGoOffline } from './enrolOffline';
import { openE2eSession } from './session';

const byTestId = (testId: string) => `[data-testid="${testId}"]`;

interface SavedRow {
  id: string;
  state: string;
  date: string;
  bookNo: string;
  receiptNo: string;
  text: string;
}

async function savedRows(page: Page): Promise<SavedRow[]> {
  return page.$$eval('[data-testid="grid-saved-row"]', (trs) =>
    trs.map((r) => ({
      id: r.getAttribute('data-entry-id') ?? '',
      state: r.getAttribute('data-state') ?? '',
      date: r.getAttribute('data-date') ?? '',
      bookNo: r.getAttribute('data-book-no') ?? '',
      receiptNo: r.getAttribute('data-receipt-no') ?? '',
      text: r.textContent ?? '',
    })),
  );
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
const value = (page: Page, testId: string) => page.inputValue(byTestId(testId));
const dayState = (page: Page, date: string) => page.getAttribute(`[data-testid="coverage-day"][data-date="${date}"]`, 'data-state');

/** Types into the focused cell and presses Enter. */
async function typeEnter(page: Page, text: string): Promise<void> {
  if (text !== '') await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('receipts typed into the back-entry grid by keyboard reach the server exactly once', () => {
  const session = openE2eSession('samut-e2e-grid');

  it('types three receipts with Enter, shows their days waiting, then posted', async () => {
    const page = session.watch(await session.context.newPage());
    await page.goto(session.server.origin);

    // 1. Enrol, let the service worker precache the app, stop the server, reload from the precache.
    await enrolThenGoOffline(session, page, 'nav-backfill');
    await page.click(byTestId('nav-backfill'));
    await page.waitForSelector(byTestId('grid-date'));

    // 2. Row 1, from the first cell on, keyboard only. Leaving เล่มที่ offers the book's next number.
    await page.focus(byTestId('grid-date'));
    await page.keyboard.press('Control+A');
    await typeEnter(page, '16/01/2567');
    await typeEnter(page, '1/2567');
    await expect.poll(() => focused(page)).toBe('grid-no');
    await expect.poll(() => value(page, 'grid-no')).toBe('1');
    await typeEnter(page, '');
    await typeEnter(page, 'นายสมชาย ใจดี');
    await typeEnter(page, '411002');
    expect(await page.textContent(byTestId('grid-account-name'))).toBe('ภาษีป้าย');
    await typeEnter(page, '1,500');
    expect(await focused(page)).toBe('grid-method');
    expect(await value(page, 'grid-method')).toBe('cash');
    await typeEnter(page, ''); // Enter on the last cell saves the row.

    // The saved row becomes a line; the new row keeps date and book, numbers +1, suggests the account,
    // and waits on ผู้ชำระเงิน.
    await expect.poll(async () => (await savedRows(page)).length).toBe(1);
    await expect.poll(() => focused(page)).toBe('grid-payer');
    expect(await value(page, 'grid-date')).toBe('16/01/2567');
    expect(await value(page, 'grid-book')).toBe('1/2567');
    expect(await value(page, 'grid-no')).toBe('2');
    expect(await value(page, 'grid-account')).toBe('411002');
    expect(await value(page, 'grid-payer')).toBe('');
    expect(await value(page, 'grid-amount')).toBe('');
    expect(await page.getAttribute(byTestId('grid-save-ms'), 'data-ms')).toMatch(/^\d+(\.\d)?$/);

    // 3. Row 2: another account typed over the suggested one (it is selected), paid by cheque.
    await typeEnter(page, 'นางสาวมาลี มีสุข');
    expect(await focused(page)).toBe('grid-account');
    await typeEnter(page, '412001');
    await typeEnter(page, '40.50');
    await page.keyboard.press('ArrowDown'); // เงินสด → เช็ค
    expect(await value(page, 'grid-method')).toBe('cheque');
    await typeEnter(page, '');
    await expect.poll(async () => (await savedRows(page)).length).toBe(2);
    await expect.poll(() => focused(page)).toBe('grid-payer');
    expect(await value(page, 'grid-no')).toBe('3');
    expect(await value(page, 'grid-account')).toBe('412001');

    // 4. Row 3, the next day: Shift+Enter back to the date; a bad amount keeps the row, marked.
    await typeEnter(page, 'ร้านค้าสามแยก');
    await page.keyboard.press('Shift+Enter'); // → ผู้ชำระเงิน
    await page.keyboard.press('Shift+Enter'); // → เลขที่
    await page.keyboard.press('Shift+Enter'); // → เล่มที่
    await page.keyboard.press('Shift+Enter'); // → วันที่
    expect(await focused(page)).toBe('grid-date');
    await typeEnter(page, '17/01/2567');
    await typeEnter(page, ''); // เล่มที่ kept
    await typeEnter(page, ''); // เลขที่ 3 kept
    expect(await value(page, 'grid-payer')).toBe('ร้านค้าสามแยก');
    await typeEnter(page, '');
    await typeEnter(page, ''); // รายการรับ 412001 kept
    await typeEnter(page, '12x');
    await typeEnter(page, '');
    await page.waitForSelector(byTestId('error-grid-amount'));
    expect(await page.getAttribute(byTestId('grid-amount'), 'aria-invalid')).toBe('true');
    expect(await page.textContent(byTestId('error-grid-amount'))).toMatch(/[ก-๙]/);
    expect(await page.getAttribute(byTestId('grid-payer'), 'aria-invalid')).toBe('false');
    await expect.poll(() => focused(page)).toBe('grid-amount');
    expect((await savedRows(page)).length).toBe(2);
    await page.keyboard.press('Control+A');
    await typeEnter(page, '2,345.75');
    await typeEnter(page, '');
    await expect.poll(async () => (await savedRows(page)).length).toBe(3);
    expect(await page.$(byTestId('error-grid-amount'))).toBeNull();

    const saved = await savedRows(page);
    expect(saved.map((r) => [r.date, r.bookNo, r.receiptNo, r.state])).toEqual([
      ['2024-01-16', '1/2567', '1', 'pending'],
      ['2024-01-16', '1/2567', '2', 'pending'],
      ['2024-01-17', '1/2567', '3', 'pending'],
    ]);
    expect(saved[0]?.text).toContain('รอส่ง');
    expect(saved[1]?.text).toContain('เช็ค');
    expect(saved[2]?.text).toContain('2,345.75');

    // 5. The coverage calendar over January 2567: the two days wait, the others have nothing.
    await page.fill(byTestId('coverage-from'), '01/01/2567');
    await page.fill(byTestId('coverage-to'), '31/01/2567');
    await page.press(byTestId('coverage-to'), 'Enter');
    await expect.poll(() => page.getAttribute(byTestId('coverage-calendar'), 'data-window')).toBe('2024-01-01..2024-01-31');
    await expect.poll(() => dayState(page, '2024-01-16')).toBe('pending');
    expect(await dayState(page, '2024-01-17')).toBe('pending');
    expect(await dayState(page, '2024-01-15')).toBe('empty');
    expect(await page.getAttribute('[data-testid="coverage-day"][data-date="2024-01-16"]', 'aria-label')).toBe(
      '16 ม.ค. 2567: 2 รายการ (รอส่ง 2) รับ 1,540.50 บาท จ่าย 0.00 บาท',
    );
    expect(await page.getAttribute(byTestId('coverage-summary'), 'data-pending')).toBe('2');
    expect(await page.getAttribute(byTestId('coverage-summary'), 'data-empty')).toBe('29');

    // 6. The server returns; nobody clicks anything: the rows and the days turn posted.
    const server = await session.restartServer();
    await expect.poll(() => dayState(page, '2024-01-16'), { timeout: 120_000, interval: 500 }).toBe('posted');
    await expect.poll(() => dayState(page, '2024-01-17'), { timeout: 30_000 }).toBe('posted');
    await expect.poll(async () => (await savedRows(page)).map((r) => r.state).join(','), { timeout: 30_000 }).toBe('posted,posted,posted');
    expect(await page.getAttribute(byTestId('coverage-summary'), 'data-posted')).toBe('2');
    await page.close();

    // 7. The server's database holds each receipt exactly once.
    await server.stop();
    const db = await openPglite(session.dataDir);
    try {
      const { rows } = await db.query<{ id: string; kind: string; receipt_no: string }>(
        `select id::text as id, body->>'kind' as kind, body->'doc'->>'receiptNo' as receipt_no from entries order by server_seq`,
      );
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r.id).sort()).toEqual(saved.map((r) => r.id).sort());
      expect(rows.map((r) => r.kind)).toEqual(['receipt', 'receipt', 'receipt']);
      expect(rows.map((r) => r.receipt_no).sort()).toEqual(['1', '2', '3']);
    } finally {
      await db.close();
    }
  }, 300_000);
});
