/**
 * Bench section `reports`: trial balance, cash book and budget register over ≥ 250,000 journal lines,
 * timed inside real headless Chromium on its own IndexedDB, through the app's store and domain code.
 *   1. Vite builds the bench page (reportBench.html + reportBenchPage.ts) into a temp folder;
 *   2. a small static server serves it on 127.0.0.1 (an origin of its own: its IndexedDB is fresh);
 *   3. playwright-core opens it in Chromium with a temp profile; the page fills the database
 *      (generate, write, rebuild the caches: timed and printed, not counted) and times each report
 *      (median of 5 after a warm-up), then baselines: the same trial balance from every entry (no
 *      cache), the same cash books from the month's entries (no day records).
 * Everything started here (server, browser, temp folders) is stopped or removed in `finally`.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openChromiumBenchPage } from '../chromiumBenchPage';
import type { FillReport, RunReport } from './reportBenchPage';

const linesMin = 250_000;
const runs = 5;
const goalMs = 200;
const pageDir = dirname(fileURLToPath(import.meta.url));

export async function benchReports(): Promise<void> {
  console.log('reports:');
  const { page, version, close } = await openChromiumBenchPage(pageDir, 'reportBench.html', 'samutBench');
  try {
    const fill: FillReport = await page.evaluate((n) => window.samutBench.fill(n), linesMin);
    console.log(
      `  filled IndexedDB with ${fill.entries.toLocaleString('en-US')} entries, ${fill.lines.toLocaleString('en-US')} journal lines ` +
        `(not timed below): generate ${s(fill.generateMs)}, write ${s(fill.writeMs)}, rebuild every cache ${s(fill.rebuildMs)} ` +
        `→ ${fill.accountDayRows.toLocaleString('en-US')} account-day rows`,
    );
    const r: RunReport = await page.evaluate((k) => window.samutBench.run(k), runs);
    const ms = (t: { medianMs: number }) => `${Math.round(t.medianMs)} ms`;
    const worst = Math.max(r.trialBalance.medianMs, r.cashBook.medianMs, r.budgetRegister.medianMs);
    console.log(
      `reports over ${fill.lines.toLocaleString('en-US')} journal lines in Chromium ${version} (median of ${runs}): ` +
        `trial balance ${ms(r.trialBalance)}, cash book (Jan 2567) ${ms(r.cashBook)}, budget register ${ms(r.budgetRegister)}; ` +
        `goal ≤ ${goalMs} ms each: ${worst <= goalMs ? 'MET' : 'NOT MET'}`,
    );
    console.log(
      `  baseline, the same trial balance from every entry (no cache): ${ms(r.trialBalanceFromEntries)}; ` +
        `ratio ${(r.trialBalanceFromEntries.medianMs / r.trialBalance.medianMs).toFixed(1)}x; same report: ${r.same ? 'yes' : 'NO'}`,
    );
    console.log(
      `  baseline, the same cash books from the month's entries (no day records): ${ms(r.cashBookFromEntries)}; ` +
        `ratio ${(r.cashBookFromEntries.medianMs / r.cashBook.medianMs).toFixed(1)}x; same books: ${r.sameCashBooks ? 'yes' : 'NO'}`,
    );
    console.log(
      `  trial balance ${r.facts.trialBalanceRows} accounts; cash books ${r.facts.cashBookRows} rows from ${r.facts.entriesInMonth} entries ` +
        `(${r.facts.pendingInMonth} pending); budget register ${r.facts.budgetLines} lines`,
    );
    const parts = Object.entries(r.cashBookParts).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ');
    console.log(`  cash book's parts alone (median): ${parts}`);
    console.log(
      `  runs (ms): trial balance ${list(r.trialBalance)}; cash book ${list(r.cashBook)}; budget register ${list(r.budgetRegister)}; ` +
        `trial balance from entries ${list(r.trialBalanceFromEntries)}; cash book from entries ${list(r.cashBookFromEntries)}`,
    );
    if (!r.same) throw new Error('the cached trial balance differs from the one computed from every entry');
    if (!r.sameCashBooks) throw new Error('the cash books from the day records differ from those computed from the entries');
  } finally {
    await close();
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const list = (t: { runsMs: number[] }) => t.runsMs.map((x) => Math.round(x)).join('/');
