/**
 * Typing a document through the app's forms, as an officer does, and waiting for its "saved" notice:
 * the opening of several end-to-end stories. The form must be on screen (or reachable by its nav item).
 */
import type { Page } from 'playwright-core';

export interface TypedReceipt {
  dateBe: string;
  bookNo: string;
  receiptNo: string;
  payer: string;
  items: readonly { account: string; amount: string }[];
  method: 'cash' | 'cheque' | 'transfer';
}

/** ใบเสร็จรับเงิน through the receipt form. */
export async function typeReceipt(page: Page, r: TypedReceipt): Promise<void> {
  await page.click('[data-testid="nav-receipt"]');
  await page.fill('[data-testid="receipt-date"]', r.dateBe);
  await page.fill('[data-testid="receipt-book"]', r.bookNo);
  await page.fill('[data-testid="receipt-no"]', r.receiptNo);
  await page.fill('[data-testid="receipt-payer"]', r.payer);
  for (const [i, item] of r.items.entries()) {
    if (i > 0) await page.click('[data-testid="receipt-add-item"]');
    await page.selectOption(`[data-testid="receipt-item-${i}-account"]`, item.account);
    await page.fill(`[data-testid="receipt-item-${i}-amount"]`, item.amount);
  }
  await page.selectOption('[data-testid="receipt-method"]', r.method);
  await page.click('[data-testid="receipt-save"]');
  await page.waitForSelector('[data-testid="receipt-saved"]');
}

/** นำฝาก (cash taken to the bank) through the deposit form. */
export async function typeDeposit(page: Page, d: { dateBe: string; bankAccount: string; amount: string; slipNo: string }): Promise<void> {
  await page.click('[data-testid="nav-deposit"]');
  await page.fill('[data-testid="deposit-date"]', d.dateBe);
  await page.selectOption('[data-testid="deposit-to-bank-account"]', d.bankAccount);
  await page.fill('[data-testid="deposit-amount"]', d.amount);
  await page.fill('[data-testid="deposit-slip-no"]', d.slipNo);
  await page.click('[data-testid="deposit-save"]');
  await page.waitForSelector('[data-testid="deposit-saved"]');
}
