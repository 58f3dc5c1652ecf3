/**
 * Accessibility of every screen, in real Chromium, by axe-core (issue 7): the enrol screen, each screen
 * of the navigation (read from the app's own list, so a new screen is covered without touching this
 * file), each report, a form's error state, and a receipt's print view. A screen
 * passes with no violation of impact `serious` or `critical`; the failure lists each rule, its help text
 * and the elements, so it can be fixed without re-running by hand.
 * Books with something in them: a receipt and a นำฝาก recorded through the forms (empty tables hide
 * most of a report's markup).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screens } from '../../src/app/Nav';
import { reportList } from '../../src/app/reports/reportList';
import { openE2eSession } from './session';
import { typeDeposit, typeReceipt } from './typeDocuments';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe on the page as it is. Evaluated over the DevTools protocol, not as a <script> tag, so the
 * app's Content-Security-Policy (no inline scripts) does not stop it.
 */
async function seriousViolations(page: Page, screen: string): Promise<Finding[]> {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, rule: v.id, impact: v.impact, help: v.help, targets: v.targets.slice(0, 5) }));
}

const describeFindings = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.screen}: [${f.impact}] ${f.rule} — ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');

describe('accessibility of every screen (axe-core)', () => {
  const session = openE2eSession('samut-e2e-axe');

  it('has no serious or critical violation on any screen', async () => {
    const page = session.watch(await session.context.newPage());
    const findings: Finding[] = [];
    await page.goto(session.server.origin);
    await page.waitForSelector('[data-testid="enrol-code"]');
    findings.push(...(await seriousViolations(page, 'enrol')));

    // The enrol screen with its error shown.
    await page.fill('[data-testid="enrol-code"]', '!');
    await page.click('[data-testid="enrol-submit"]');
    await page.waitForSelector('[data-testid="enrol-error"]');
    findings.push(...(await seriousViolations(page, 'enrol (error)')));

    await page.fill('[data-testid="enrol-code"]', session.server.enrolmentCode!);
    await page.click('[data-testid="enrol-submit"]');
    await page.waitForSelector('[data-testid="org-name"]');

    // A receipt form refused (nothing typed): the error state of a form.
    await page.click('[data-testid="nav-receipt"]');
    await page.click('[data-testid="receipt-save"]');
    await page.waitForSelector('[role="alert"]');
    findings.push(...(await seriousViolations(page, 'receipt (errors)')));

    await typeReceipt(page, { dateBe: '16/01/2567', bookNo: '7/2567', receiptNo: '1', payer: 'นายสมชาย ใจดี', items: [{ account: '411002', amount: '1,500' }], method: 'cash' });
    await typeDeposit(page, { dateBe: '16/01/2567', bankAccount: '011', amount: '1,000', slipNo: 'PAY-0116' });

    for (const screen of screens) {
      await page.click(`[data-testid="nav-${screen.id}"]`);
      await page.waitForFunction((id) => document.querySelector(`#nav-${id}`)?.getAttribute('aria-current') === 'page', screen.id);
      findings.push(...(await seriousViolations(page, screen.id)));
      if (screen.id === 'reports') {
        for (const report of reportList.filter((r) => r.ready)) {
          await page.click(`[data-testid="reports-${report.id}"]`);
          await page.waitForSelector(`[data-testid="report-${report.id}"]`);
          findings.push(...(await seriousViolations(page, `reports/${report.id}`)));
        }
      }
    }

    // The receipt's print view, from the entry list.
    await page.click('[data-testid="nav-entries"]');
    await page.locator('[data-testid="entry-row"][data-kind="receipt"] [data-testid="entry-print"]').click();
    await page.waitForSelector('[data-testid="print-receipt"]');
    findings.push(...(await seriousViolations(page, 'print/receipt')));

    expect(findings, describeFindings(findings)).toEqual([]);

    // The check itself can fail: an unnamed button and an image without alt text are found.
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'axe-probe';
      probe.innerHTML = '<button type="button"></button><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">';
      document.body.append(probe);
    });
    const probeRules = (await seriousViolations(page, 'probe')).map((f) => f.rule).sort();
    expect(probeRules).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
  }, 240_000);
});
