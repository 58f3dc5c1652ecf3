/**
 * Printing, offline, in real Chromium: enrol → the server stops → a receipt and a นำฝาก of the same day
 * through the forms → the receipt's print view from the entry list: payer, amount in figures and in
 * Thai words (bahtText), the B.E. date; the first print is the original, the second is marked สำเนา →
 * รายงานสถานะการเงินประจำวัน of that day with its "รอส่ง" notice. Rendered as print media and checked by
 * structure (the sheet fits the A4 content width, the receipt is one A4 page as a PDF), not by pixels;
 * screenshots are written to SAMUT_SHOTS_DIR (default: a temporary folder) for a person to look at.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bahtText } from '../../src/domain/bahtText';
import { enrolThenGoOffline } from './enrolOffline';
import { openE2eSession } from './session';
import { typeDeposit, typeReceipt } from './typeDocuments';

/** A4 is 210 mm wide; styles.css prints with 12 mm side margins: 186 mm of content = 703 CSS px at 96 px/in. */
const a4ContentWidthPx = Math.floor((186 / 25.4) * 96);
const shotsDir = process.env.SAMUT_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'samut-print-shots-'));

/** Replaces window.print with a recorder of what the sheet said when printing was asked for. */
async function recordPrints(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __prints: boolean[] };
    w.__prints = [];
    window.print = () => {
      w.__prints.push(document.querySelector('[data-testid="print-copy-mark"]') !== null);
    };
  });
}

const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints: boolean[] }).__prints);

/** Print media at the A4 content width: what lands on paper, in a layout we can measure. */
async function asPaper(page: Page, name: string): Promise<{ width: number; overflow: number }> {
  await page.setViewportSize({ width: a4ContentWidthPx, height: Math.round(a4ContentWidthPx * (297 / 210)) });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
  const path = join(shotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
  return page.evaluate(() => ({
    width: document.documentElement.getBoundingClientRect().width,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
}

describe('printed documents and the daily report, offline', () => {
  const session = openE2eSession('samut-e2e-print');
  mkdirSync(shotsDir, { recursive: true });

  it('prints a receipt (original, then สำเนา) and the day’s financial status with the server stopped', async () => {
    const page = session.watch(await session.context.newPage());
    await page.goto(session.server.origin);
    const orgName = await enrolThenGoOffline(session, page, 'nav-receipt');

    // The day's entries: a receipt of two items, then part of the cash taken to the bank.
    await typeReceipt(page, {
      dateBe: '16/01/2567',
      bookNo: '7/2567',
      receiptNo: '1',
      payer: 'นายสมชาย ใจดี',
      items: [
        { account: '411002', amount: '1,500' },
        { account: '412001', amount: '40.50' },
      ],
      method: 'cash',
    });
    await typeDeposit(page, { dateBe: '16/01/2567', bankAccount: '011', amount: '1,000', slipNo: 'PAY-0116' });

    // The receipt's print view, from its row in the entry list.
    await page.click('[data-testid="nav-entries"]');
    await page.locator('[data-testid="entry-row"][data-kind="receipt"] [data-testid="entry-print"]').click();
    await page.waitForSelector('[data-testid="print-receipt"]');
    expect(page.url()).toMatch(/#print\/[0-9a-f-]{36}$/);
    await recordPrints(page);

    const words = bahtText(154_050);
    expect(words).toBe('หนึ่งพันห้าร้อยสี่สิบบาทห้าสิบสตางค์');
    const sheet = page.locator('[data-testid="print-receipt"]');
    expect(await page.textContent('[data-testid="print-payer"]')).toBe('นายสมชาย ใจดี');
    expect(await page.textContent('[data-testid="print-total"]')).toBe('1,540.50');
    expect(await page.textContent('[data-testid="print-words"]')).toBe(`(${words})`);
    expect(await page.textContent('[data-testid="print-date"]')).toContain('16 มกราคม พ.ศ. 2567');
    expect(await page.textContent('[data-testid="print-book-no"]')).toBe('7/2567');
    expect(await sheet.textContent()).toContain(orgName);
    expect(await sheet.textContent()).toContain('ผู้รับเงิน');
    expect(await page.locator('[data-testid="print-copy-mark"]').count()).toBe(0);

    // First print: the original. Second: สำเนา, on paper and on screen from then on.
    await page.click('[data-testid="print-now"]');
    await expect.poll(() => prints(page)).toEqual([false]);
    await page.waitForSelector('[data-testid="print-count"][data-count="1"]');
    await page.click('[data-testid="print-now"]');
    await expect.poll(() => prints(page)).toEqual([false, true]);
    expect(await page.textContent('[data-testid="print-copy-mark"]')).toBe('สำเนา');

    // On paper: the toolbar and the app's header are gone, the sheet fits the A4 content width.
    const paper = await asPaper(page, 'receipt-copy');
    expect(await page.locator('[data-testid="print-now"]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="org-name"]').isVisible()).toBe(false);
    // Only the document: the screens kept mounted underneath (the receipt form's cash book) stay off paper.
    expect(await page.locator('[data-testid="cashbook-table"]').isVisible()).toBe(false);
    expect(paper.overflow).toBeLessThanOrEqual(0);
    const box = await sheet.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(a4ContentWidthPx);
    expect(box!.width).toBeGreaterThan(a4ContentWidthPx * 0.9);
    // As Chromium prints it: one A4 page (595 × 842 pt).
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBe(1);
    const media = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(Number(media?.[1]) / Number(media?.[2])).toBeCloseTo(210 / 297, 2);

    // รายงานสถานะการเงินประจำวัน of that day: cash 1,540.50 received, 1,000 to the bank, 540.50 carried.
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('[data-testid="nav-reports"]');
    await page.click('[data-testid="reports-dailyStatus"]');
    await page.fill('[data-testid="report-daily-date"]', '16/01/2567');
    await page.waitForSelector('[data-testid="report-pending"][data-count="2"]');
    expect(await page.textContent('[data-testid="report-pending"]')).toContain('มีรายการรอส่ง 2 รายการ');
    const report = page.locator('[data-testid="report-dailyStatus"]');
    const cash = await page.$$eval('[data-testid="daily-cash"] td', (tds) => tds.map((td) => td.getAttribute('data-satang')));
    expect(cash).toEqual(['0', '154050', '100000', '0', '54050']);
    expect(await report.textContent()).toContain('ประจำวันที่ 16/01/2567');
    expect(await report.textContent()).toContain('หัวหน้าหน่วยงานคลัง');
    const bank = await page.$$eval('[data-testid="daily-bank"] td', (tds) => tds.map((td) => td.getAttribute('data-satang')));
    expect(bank).toEqual(['0', '100000', '0', '100000']);

    const reportPaper = await asPaper(page, 'daily-status');
    expect(reportPaper.overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('[data-testid="report-pending"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="report-daily-date"]').isVisible()).toBe(false);
    expect((await report.boundingBox())!.width).toBeLessThanOrEqual(a4ContentWidthPx);
    await page.close();
  }, 180_000);
});
