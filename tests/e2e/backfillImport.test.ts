/**
 * Acceptance of issue 5's import, end to end in real Chromium against the real server process:
 * enrol → the server stops → ลงย้อนหลัง → a 2,000-row Excel file of an outage's receipts (one row per
 * item; some receipts have two items; B.E. dates 16/01/2567–06/07/2567) is chosen → a progress bar
 * shows while the worker reads it → the counts and preview → commit in one transaction → every
 * receipt waits in IndexedDB → the same file again is all "already recorded" → the server returns →
 * every receipt posts by itself, and the server's database holds each exactly once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { openPglite } from '../../src/server/pglite';
import { enrolThenGoOffline } from './enrolOffline';
import { openE2eSession } from './session';

const rowsTotal = 2000;
const bookNo = '1/2567';
/** 16/01/2567 = 2024-01-16 … 06/07/2567 = 2024-07-06: 173 days. */
const firstDayUtcMs = Date.UTC(2024, 0, 16);
const lastDayUtcMs = Date.UTC(2024, 6, 6);
const outageDays = 173;

interface ReceiptRow {
  dateBe: string;
  receiptNo: number;
  payer: string;
  account: string;
  description: string;
  amountBaht: number;
}

/** 2,000 item rows: receipt k has two items when k % 3 = 0, so fewer receipts than rows. */
function receiptRows(): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  let receiptNo = 0;
  while (rows.length < rowsTotal) {
    receiptNo += 1;
    const items = receiptNo % 3 === 0 && rows.length + 2 <= rowsTotal ? 2 : 1;
    for (let i = 0; i < items; i++) {
      rows.push({ dateBe: '', receiptNo, payer: `ผู้ชำระรายที่ ${receiptNo}`, account: i === 0 ? '411002' : '412001', description: i === 0 ? 'ภาษีป้าย' : 'ค่าเก็บขยะ', amountBaht: 0 });
    }
  }
  const receipts = receiptNo;
  const dayMs = 86_400_000;
  const days = (lastDayUtcMs - firstDayUtcMs) / dayMs;
  for (const r of rows) {
    // Dates rise with the receipt number, as a book's receipts do, from the first day to the last.
    const d = new Date(firstDayUtcMs + Math.round(((r.receiptNo - 1) / (receipts - 1)) * days) * dayMs);
    r.dateBe = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear() + 543}`;
    // Amounts with satang, written as Excel numbers (the importer must read them without float error).
    r.amountBaht = (r.receiptNo * 37 + (r.account === '411002' ? 100 : 20)) % 5000 + 100 + (r.receiptNo % 4) * 0.25;
  }
  return rows;
}

async function receiptsXlsx(rows: readonly ReceiptRow[]): Promise<Buffer> {
  const header = ['วันที่', 'เล่มที่', 'เลขที่', 'ผู้ชำระเงิน', 'รหัสรายรับ', 'รายการ', 'จำนวนเงิน', 'วิธีรับเงิน'].map((value) => ({ value, type: String, fontWeight: 'bold' as const }));
  const body = rows.map((r) => [
    { value: r.dateBe, type: String },
    { value: bookNo, type: String },
    { value: r.receiptNo, type: Number },
    { value: r.payer, type: String },
    { value: r.account, type: String },
    { value: r.description, type: String },
    { value: r.amountBaht, type: Number, format: '#,##0.00' },
    { value: 'เงินสด', type: String },
  ]);
  return writeXlsxFile([header, ...body], { buffer: true });
}

const byTestId = (testId: string) => `[data-testid="${testId}"]`;
const pending = (page: Page) => page.getAttribute(byTestId('pending-count'), 'data-count');
const dayState = (page: Page, date: string) => page.getAttribute(`[data-testid="coverage-day"][data-date="${date}"]`, 'data-state');

/** The receipts in the page's IndexedDB: id, state, book and number (read with the bare IndexedDB API). */
async function storedReceipts(page: Page): Promise<{ id: string; state: string; receiptNo: number; bookNo: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; state: string; receiptNo: number; bookNo: string }[]>((done, fail) => {
        const open = indexedDB.open('samut');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('entries', 'readonly').objectStore('entries').getAll();
          get.onerror = () => fail(get.error);
          get.onsuccess = () => {
            db.close();
            const all = get.result as { id: string; kind: string; state: string; doc: { receiptNo: number; bookNo: string } }[];
            done(all.filter((e) => e.kind === 'receipt').map((e) => ({ id: e.id, state: e.state, receiptNo: e.doc.receiptNo, bookNo: e.doc.bookNo })));
          };
        };
      }),
  );
}

/** Records, page-side, whether the progress bar was ever in the document (it may come and go between two polls). */
async function watchProgressBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { importProgressSeen: string[] };
    w.importProgressSeen = [];
    const note = () => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      if (bar) w.importProgressSeen.push(bar.getAttribute('data-phase') ?? '');
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'value'] });
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { importProgressSeen: string[] }).importProgressSeen);

async function counts(page: Page) {
  return page.$eval(byTestId('import-counts'), (el) => ({
    rows: Number(el.getAttribute('data-rows')),
    entries: Number(el.getAttribute('data-entries')),
    new: Number(el.getAttribute('data-new')),
    recorded: Number(el.getAttribute('data-recorded')),
    errors: Number(el.getAttribute('data-errors')),
  }));
}

describe('bulk back-entry: an outage’s receipts imported from Excel offline reach the server exactly once', () => {
  const session = openE2eSession('samut-e2e-import');
  const fileDir = mkdtempSync(join(tmpdir(), 'samut-e2e-import-file-'));
  afterAll(() => rmSync(fileDir, { recursive: true, force: true }));

  it('imports 2,000 rows with the server down, shows progress and a preview, records once, and posts them all', async () => {
    const rows = receiptRows();
    const receiptsTotal = rows[rows.length - 1]!.receiptNo;
    expect(receiptsTotal).toBeLessThan(rowsTotal);
    const filePath = join(fileDir, 'ใบเสร็จช่วงระบบล่ม.xlsx');
    writeFileSync(filePath, await receiptsXlsx(rows));

    const page = session.watch(await session.context.newPage());
    await page.goto(session.server.origin);

    // 1. Enrol, let the service worker precache the app (the import worker too), stop the server, reload.
    await enrolThenGoOffline(session, page, 'nav-backfill');

    // 2. ลงย้อนหลัง → ใบเสร็จรับเงิน → the file.
    await page.click(byTestId('nav-backfill'));
    await page.waitForSelector(byTestId('import-screen'));
    // The coverage calendar over the outage window: before the import, no day has anything.
    await page.fill(byTestId('coverage-from'), '16/01/2567');
    await page.fill(byTestId('coverage-to'), '06/07/2567');
    await page.press(byTestId('coverage-to'), 'Enter');
    await expect.poll(() => page.getAttribute(byTestId('coverage-calendar'), 'data-window')).toBe('2024-01-16..2024-07-06');
    await expect.poll(() => page.getAttribute(byTestId('coverage-summary'), 'data-empty')).toBe(String(outageDays));
    await page.selectOption(byTestId('import-kind'), 'receipt');
    await watchProgressBar(page);
    await page.setInputFiles(byTestId('import-file'), filePath);

    // 3. The progress bar was shown while the worker read the file; then the counts and the preview.
    await page.waitForSelector(byTestId('import-preview'), { timeout: 60_000 });
    expect((await progressSeen(page)).length).toBeGreaterThan(0);
    expect(await page.$(byTestId('import-progress'))).toBeNull();
    expect(await counts(page)).toEqual({ rows: rowsTotal, entries: receiptsTotal, new: receiptsTotal, recorded: 0, errors: 0 });
    expect(await page.$(byTestId('import-errors'))).toBeNull();
    const previewRows = page.locator(byTestId('import-preview-row'));
    expect(await previewRows.count()).toBe(200);
    const first = await previewRows.first().textContent();
    expect(first).toContain('16/01/2567');
    expect(first).toContain(`เล่ม ${bookNo} เลขที่ 1`);
    expect(first).toContain('ผู้ชำระรายที่ 1');
    expect(first).toContain('ใหม่');
    // Receipt 3 has two items: one preview line, rows 4–5 of the file, amounts added in satang.
    const third = previewRows.nth(2);
    expect(await third.textContent()).toContain('4–5');
    const r3 = rows.filter((r) => r.receiptNo === 3);
    const r3Satang = r3.reduce((s, r) => s + Math.round(r.amountBaht * 100), 0);
    expect(await third.textContent()).toContain(`${Math.floor(r3Satang / 100).toLocaleString('en-US')}.${String(r3Satang % 100).padStart(2, '0')}`);

    // 4. Commit, all or nothing (the default): one transaction, the badge counts them.
    expect(await page.isChecked(byTestId('import-mode-all'))).toBe(true);
    expect((await page.inputValue(byTestId('import-recorded-by'))).length).toBeGreaterThan(0);
    await page.fill(byTestId('import-recorded-by'), 'นางสาวบัญชี ลงย้อนหลัง');
    await page.click(byTestId('import-commit'));
    await page.waitForSelector(byTestId('import-saved'), { timeout: 120_000 });
    expect(await page.textContent(byTestId('import-saved'))).toContain(`บันทึกแล้ว ${receiptsTotal.toLocaleString('th-TH')} รายการ รอส่งเข้าระบบกลาง`);
    await expect.poll(() => pending(page), { timeout: 30_000 }).toBe(String(receiptsTotal));
    // Every day of the window now has receipts waiting to be sent: none was missed.
    await expect.poll(() => page.getAttribute(byTestId('coverage-summary'), 'data-pending'), { timeout: 30_000 }).toBe(String(outageDays));
    expect(await page.getAttribute(byTestId('coverage-summary'), 'data-empty')).toBe('0');
    expect(await dayState(page, '2024-01-16')).toBe('pending');

    const stored = await storedReceipts(page);
    expect(stored).toHaveLength(receiptsTotal);
    expect(stored.every((e) => e.state === 'pending' && e.bookNo === bookNo)).toBe(true);
    expect(new Set(stored.map((e) => e.receiptNo)).size).toBe(receiptsTotal);

    // 5. The same file again: nothing new, every receipt already recorded, nothing to commit.
    await page.setInputFiles(byTestId('import-file'), filePath);
    await page.waitForSelector(byTestId('import-preview'), { timeout: 60_000 });
    expect(await counts(page)).toEqual({ rows: rowsTotal, entries: receiptsTotal, new: 0, recorded: receiptsTotal, errors: 0 });
    expect(await page.getAttribute(`${byTestId('import-preview-row')} >> nth=0`, 'data-status')).toBe('recorded');
    expect(await page.textContent(`${byTestId('import-preview-row')} >> nth=0`)).toContain('บันทึกแล้ว');
    expect(await page.isDisabled(byTestId('import-commit'))).toBe(true);
    expect(await storedReceipts(page)).toHaveLength(receiptsTotal);

    // 6. The server returns; nobody clicks anything: every receipt posts.
    const server = await session.restartServer();
    await expect.poll(() => pending(page), { timeout: 240_000, interval: 1000 }).toBe('0');
    await expect.poll(() => page.getAttribute(byTestId('coverage-summary'), 'data-posted'), { timeout: 30_000 }).toBe(String(outageDays));
    const posted = await storedReceipts(page);
    expect(posted.every((e) => e.state === 'posted')).toBe(true);
    await page.close();

    // 7. The server's database holds each receipt exactly once.
    await server.stop();
    const db = await openPglite(session.dataDir);
    try {
      const { rows: onServer } = await db.query<{ id: string; kind: string; receipt_no: number }>(
        `select id::text as id, body->>'kind' as kind, (body->'doc'->>'receiptNo')::int as receipt_no from entries order by server_seq`,
      );
      expect(onServer).toHaveLength(receiptsTotal);
      expect(new Set(onServer.map((r) => r.id)).size).toBe(receiptsTotal);
      expect(new Set(onServer.map((r) => r.receipt_no)).size).toBe(receiptsTotal);
      expect(onServer.every((r) => r.kind === 'receipt')).toBe(true);
      expect(onServer.map((r) => r.id).sort()).toEqual(stored.map((e) => e.id).sort());
    } finally {
      await db.close();
    }
  }, 600_000);
});
