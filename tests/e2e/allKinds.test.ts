/**
 * Every kind of entry, end to end in real Chromium against the real server process: enrol → server
 * stops → the app reloads from the precache → through the forms, one appropriation, one commitment,
 * one receipt, one deposit (นำฝาก), one payment (ฎีกา) against the line with withholding tax, one
 * journal voucher and a cancel of the receipt; a payment larger than what is left is refused in Thai
 * and writes nothing → the server returns → everything posts with no click → the server's database
 * holds each entry exactly once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/pglite';
import { enrolThenGoOffline } from './enrolOffline';
import { openE2eSession } from './session';

const line = '00111-532000-01';

interface Row {
  id: string;
  kind: string;
  state: string;
  cancelled: string;
  cancels: string;
  text: string;
}

async function rows(page: Page): Promise<Row[]> {
  return page.$$eval('[data-testid="entry-row"]', (trs) =>
    trs.map((r) => ({
      id: r.getAttribute('data-entry-id') ?? '',
      kind: r.getAttribute('data-kind') ?? '',
      state: r.getAttribute('data-state') ?? '',
      cancelled: r.getAttribute('data-cancelled') ?? '',
      cancels: r.getAttribute('data-cancels') ?? '',
      text: r.textContent ?? '',
    })),
  );
}

const pending = (page: Page) => page.getAttribute('[data-testid="pending-count"]', 'data-count');

const byTestId = (testId: string) => `[data-testid="${testId}"]`;

/** Types into inputs and picks in selects, by test id, in the order given. */
async function enter(page: Page, values: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(values)) {
    const field = page.locator(byTestId(testId));
    if (await field.evaluate((el) => el.tagName === 'SELECT')) await page.selectOption(byTestId(testId), value);
    else await page.fill(byTestId(testId), value);
  }
}

/** Clicks `<form>-save` and waits for `<form>-saved` (holding `text`, if given). */
async function save(page: Page, form: string, text?: string): Promise<void> {
  await page.click(byTestId(`${form}-save`));
  await page.waitForSelector(byTestId(`${form}-saved`) + (text ? `:has-text("${text}")` : ''));
}

describe('every kind of entry recorded offline reaches the server exactly once', () => {
  const session = openE2eSession('samut-e2e-kinds');

  it('records an appropriation, a commitment, a receipt, a deposit, a payment, a journal voucher and a cancel offline', async () => {
    const page = session.watch(await session.context.newPage());
    await page.goto(session.server.origin);

    // 1. Enrol, let the service worker precache the app, stop the server, reload from the precache.
    await enrolThenGoOffline(session, page, 'nav-budget');

    // 2. งบประมาณ: the appropriation defines the line, then a commitment against it.
    await page.click('[data-testid="nav-budget"]');
    await enter(page, {
      'budget-action': 'appropriation',
      'budget-date': '01/10/2566',
      'budget-line-code': line,
      'budget-line-plan-code': '00110',
      'budget-line-plan-name': 'บริหารงานทั่วไป',
      'budget-line-work-code': '00111',
      'budget-line-work-name': 'งานบริหารทั่วไป',
      'budget-line-group-name': 'งบดำเนินงาน',
      'budget-line-category-account': '532000',
      'budget-line-type-name': 'รายจ่ายเพื่อให้ได้มาซึ่งบริการ',
      'budget-amount': '100,000',
      'budget-reference': 'ข้อบัญญัติงบประมาณ พ.ศ. 2567',
    });
    await save(page, 'budget', 'ตั้งงบประมาณ');

    await enter(page, { 'budget-action': 'commitment', 'budget-date': '01/11/2566', 'budget-existing-line': line });
    await expect.poll(() => page.getAttribute('[data-testid="budget-existing-line-balance"]', 'data-remaining-satang')).toBe('10000000');
    await enter(page, { 'budget-amount': '30,000', 'budget-payee': 'หจก. ก้าวหน้าการช่าง', 'budget-reference': 'สัญญาจ้าง 5/2567' });
    await save(page, 'budget', 'ผูกพัน');

    // 3. ใบเสร็จรับเงิน with two items; the next number is offered, a skipped number is warned about.
    await page.click('[data-testid="nav-receipt"]');
    await page.fill('[data-testid="receipt-date"]', '16/01/2567');
    await page.fill('[data-testid="receipt-book"]', '1/2567');
    await page.waitForSelector('[data-testid="receipt-next-no"][data-next-no="1"]');
    await page.fill('[data-testid="receipt-no"]', '3');
    await page.waitForSelector('[data-testid="receipt-no-warning"][data-warning="gap"]');
    expect(await page.textContent('[data-testid="receipt-no-warning"]')).toContain('ข้ามเลขที่ 1–2');
    await page.click('[data-testid="receipt-use-next-no"]');
    expect(await page.inputValue('[data-testid="receipt-no"]')).toBe('1');
    expect(await page.$('[data-testid="receipt-no-warning"]')).toBeNull();
    await enter(page, { 'receipt-payer': 'นายสมชาย ใจดี', 'receipt-item-0-account': '411002', 'receipt-item-0-amount': '1,500' });
    await page.click('[data-testid="receipt-add-item"]');
    await enter(page, { 'receipt-item-1-account': '412001', 'receipt-item-1-amount': '40.50' });
    expect(await page.textContent('[data-testid="receipt-total"]')).toContain('1,540.50');
    await enter(page, { 'receipt-method': 'cash' });
    await save(page, 'receipt');
    expect(await page.textContent('[data-testid="receipt-saved"]')).toContain('1,540.50');
    expect(await page.inputValue('[data-testid="receipt-no"]')).toBe('2');

    // 4. นำฝาก the day's cash.
    await page.click('[data-testid="nav-deposit"]');
    await enter(page, { 'deposit-date': '17/01/2567', 'deposit-to-bank-account': '011', 'deposit-amount': '1,540.50', 'deposit-slip-no': 'PAY-0117' });
    await save(page, 'deposit');
    await expect.poll(() => pending(page)).toBe('4');

    // 5. ฎีกา against the line: more than what is left is refused, in Thai, and nothing is written.
    await page.click('[data-testid="nav-payment"]');
    await enter(page, {
      'payment-date': '05/02/2567',
      'payment-voucher-no': '12/2567',
      'payment-payee': 'หจก. ก้าวหน้าการช่าง',
      'payment-description': 'ค่าจ้างซ่อมแซมอาคารสำนักงาน',
      'payment-budget-line': line,
    });
    await expect.poll(() => page.getAttribute('[data-testid="payment-line-balance"]', 'data-remaining-satang')).toBe('7000000');
    await page.fill('[data-testid="payment-gross"]', '80,000');
    expect(await page.inputValue('[data-testid="payment-deduction-0-amount"]')).toBe('800.00');
    await page.click('[data-testid="payment-save"]');
    await page.waitForSelector('[data-testid="error-payment-gross"]');
    expect(await page.textContent('[data-testid="error-payment-gross"]')).toContain('คงเหลือไม่พอ');
    expect(await page.$('[data-testid="payment-saved"]')).toBeNull();
    expect(await pending(page)).toBe('4');

    // …and within what is left, withholding 1 % suggested from the gross, net shown live.
    await page.fill('[data-testid="payment-gross"]', '15,000');
    expect(await page.inputValue('[data-testid="payment-deduction-0-amount"]')).toBe('150.00');
    expect(await page.inputValue('[data-testid="payment-deduction-0-account"]')).toBe('902');
    expect(await page.getAttribute('[data-testid="payment-net"]', 'data-satang')).toBe('1485000');
    await enter(page, { 'payment-method': 'cheque', 'payment-paid-from': '012', 'payment-reference': 'ชค 4410021' });
    await save(page, 'payment');
    expect(await page.textContent('[data-testid="payment-saved"]')).toContain('14,850.00');

    // 6. ใบผ่านรายการ: a balanced grid.
    await page.click('[data-testid="nav-journal"]');
    await enter(page, {
      'journal-date': '31/01/2567',
      'journal-voucher-no': 'JV 1/2567',
      'journal-description': 'ดอกเบี้ยเงินฝากธนาคารประจำเดือนมกราคม',
      'journal-line-0-account': '011',
      'journal-line-0-debit': '25.50',
      'journal-line-1-account': '413001',
      'journal-line-1-credit': '25.50',
    });
    expect(await page.getAttribute('[data-testid="journal-balance"]', 'data-balanced')).toBe('true');
    await save(page, 'journal');

    // 7. ยกเลิก the receipt from the entry list.
    await page.click('[data-testid="nav-entries"]');
    const receiptRow = page.locator('[data-testid="entry-row"][data-kind="receipt"]');
    const receiptId = await receiptRow.getAttribute('data-entry-id');
    await receiptRow.locator('[data-testid="entry-cancel"]').click();
    await enter(page, { 'cancel-date': '20/01/2567', 'cancel-reason': 'ผู้ชำระขอคืน ออกใบเสร็จผิดรายการ' });
    await save(page, 'cancel');
    await expect.poll(async () => (await rows(page)).find((r) => r.id === receiptId)?.cancelled).toBe('true');
    const cancelRow = (await rows(page)).find((r) => r.kind === 'cancel');
    expect(cancelRow?.cancels).toBe(receiptId);
    expect(cancelRow?.text).toContain('ยกเลิกใบเสร็จรับเงิน เล่ม 1/2567 เลขที่ 1');
    // A cancelled entry offers no second cancel.
    expect(await receiptRow.locator('[data-testid="entry-cancel"]').count()).toBe(0);

    const recorded = await rows(page);
    expect(recorded.map((r) => r.kind).sort()).toEqual(['budget', 'budget', 'cancel', 'deposit', 'journal', 'payment', 'receipt']);
    expect(recorded.every((r) => r.state === 'pending')).toBe(true);
    expect(await pending(page)).toBe('7');

    // 8. The server returns; nobody clicks anything.
    const server = await session.restartServer();
    await expect
      .poll(async () => (await rows(page)).map((r) => r.state).join(','), { timeout: 120_000, interval: 500 })
      .toBe(Array(7).fill('posted').join(','));
    await expect.poll(() => pending(page)).toBe('0');

    // The register shows the line after the payment: 100,000 − 30,000 ผูกพัน − 15,000 เบิกจ่าย.
    await page.click('[data-testid="nav-register"]');
    await page.fill('[data-testid="register-fy"]', '2567');
    await expect.poll(() => page.getAttribute(`[data-testid="register-row"][data-line="${line}"]`, 'data-remaining-satang')).toBe('5500000');
    await page.close();

    // 9. The server's database holds each entry exactly once.
    await server.stop();
    const db = await openPglite(session.dataDir);
    try {
      const { rows: stored } = await db.query<{ id: string; kind: string }>(`select id::text as id, body->>'kind' as kind from entries order by server_seq`);
      expect(stored).toHaveLength(7);
      expect(new Set(stored.map((r) => r.id)).size).toBe(7);
      expect(stored.map((r) => r.id).sort()).toEqual(recorded.map((r) => r.id).sort());
      expect(stored.map((r) => r.kind).sort()).toEqual(['budget', 'budget', 'cancel', 'deposit', 'journal', 'payment', 'receipt']);
    } finally {
      await db.close();
    }
  }, 300_000);
});
