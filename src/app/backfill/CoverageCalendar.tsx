/**
 * ปฏิทินการลงบันทึก: every day of the outage window as a cell coloured by what this PC holds for it —
 * nothing (a day to check against the paper), recorded and waiting, all posted, or something refused
 * — so the officer sees no day was missed. Each state also has its own symbol and pattern, for
 * printing in grey and for officers who do not tell the colours apart. The window is kept in the
 * store (getCoverageWindow); the days are read live, and again after each sync run (refreshKey).
 */
import { useEffect, useState } from 'preact/hooks';
import { bangkokDateOf, formatBeDate, parseBeDate, type IsoDate } from '../../domain/thaiDate';
import { coverageInRange, getCoverageWindow, setCoverageWindow, StoreError } from '../../store';
import { errorMessageTh } from '../errorMessage';
import { BeTextField } from '../reports/BeDateField';
import { useLiveQuery } from '../useLiveQuery';
import type { CoverageCalendarProps } from './backfillProps';
import { CoverageMonthTable } from './coverageMonth';
import {
  coverageMonthsOf,
  coverageStates,
  coverageStateTh,
  coverageSummaryOf,
  coverageSummaryTh,
  coverageWindowErrorTh,
  defaultCoverageWindow,
  shortBeDate,
  type CoverageSummary,
} from './coverageCells';

interface Window {
  from: IsoDate;
  to: IsoDate;
}

export function CoverageCalendar({ db, setup, refreshKey }: CoverageCalendarProps) {
  const stored = useLiveQuery(() => getCoverageWindow(db), [db]);
  const today = bangkokDateOf(Date.now());
  const fallback = defaultCoverageWindow(today);
  const storedWindow = stored.status === 'ready' ? stored.value : undefined;
  const shown: Window | undefined = stored.status === 'loading' ? undefined : (storedWindow ?? fallback);

  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [windowErrors, setWindowErrors] = useState<{ from?: string; to?: string }>({});
  // The fields show the window in force, once known and whenever it is stored anew (another tab too).
  const shownKey = shown ? `${shown.from}..${shown.to}` : '';
  useEffect(() => {
    if (shown === undefined) return;
    setFromText(formatBeDate(shown.from));
    setToText(formatBeDate(shown.to));
    setWindowErrors({});
  }, [shownKey]);

  const days = useLiveQuery(
    () => (shown === undefined ? Promise.resolve(undefined) : coverageInRange(db, shown.from, shown.to, setup.chart)),
    [db, shownKey, setup.chart, refreshKey],
  );

  async function apply(event: Event) {
    event.preventDefault();
    const from = parseBeDate(fromText);
    const to = parseBeDate(toText);
    if (!from.ok || !to.ok) {
      setWindowErrors({ from: from.ok ? undefined : from.messageTh, to: to.ok ? undefined : to.messageTh });
      return;
    }
    const rangeError = coverageWindowErrorTh(from.iso, to.iso);
    if (rangeError !== undefined) {
      setWindowErrors({ to: rangeError });
      return;
    }
    try {
      await setCoverageWindow(db, { from: from.iso, to: to.iso });
      setWindowErrors({});
    } catch (error) {
      const messageTh = error instanceof StoreError ? error.messageTh : errorMessageTh(error);
      setWindowErrors(error instanceof StoreError && error.field === 'from' ? { from: messageTh } : { to: messageTh });
    }
  }

  const figures = days.status === 'ready' ? days.value : undefined;
  const months = figures ? coverageMonthsOf(figures) : [];
  const summary = figures ? coverageSummaryOf(figures) : undefined;

  return (
    <div class="coverage" data-testid="coverage-calendar" data-window={shownKey} data-loaded={figures !== undefined ? 'true' : 'false'}>
      <h2 id="coverage-title">ปฏิทินการลงบันทึก</h2>
      <p class="muted">ดูว่าวันไหนในช่วงที่ระบบกลางใช้ไม่ได้ยังไม่มีรายการ วันไหนบันทึกแล้วรอส่ง และวันไหนส่งครบแล้ว</p>
      <form class="coverage-window" onSubmit={(e) => void apply(e)} noValidate>
        <BeTextField id="coverage-from" label="ตั้งแต่วันที่ (พ.ศ.)" placeholder="01/10/2566" text={fromText} setText={setFromText} errorTh={windowErrors.from} />
        <BeTextField id="coverage-to" label="ถึงวันที่ (พ.ศ.)" placeholder="31/03/2567" text={toText} setText={setToText} errorTh={windowErrors.to} />
        <button type="submit" class="button-quiet" data-testid="coverage-apply">
          แสดงช่วงนี้
        </button>
      </form>
      {stored.status === 'ready' && storedWindow === undefined && (
        <p class="notice coverage-default" data-testid="coverage-default">
          ยังไม่ได้กำหนดช่วงวันที่: แสดง 6 เดือนล่าสุด ({shortBeDate(fallback.from)} – {shortBeDate(fallback.to)} วันนี้) กด “แสดงช่วงนี้” เพื่อกำหนดช่วงที่ลงย้อนหลัง
        </p>
      )}
      <CoverageLegend />
      {summary && <SummaryLine summary={summary} />}
      {days.status === 'failed' && (
        <p class="notice notice--error" role="alert" data-testid="coverage-error">
          อ่านปฏิทินไม่สำเร็จ: {days.messageTh}
        </p>
      )}
      {days.status === 'loading' && <p class="muted">กำลังอ่านปฏิทิน…</p>}
      <div class="coverage-months">
        {months.map((m) => (
          <CoverageMonthTable key={m.key} month={m} />
        ))}
      </div>
    </div>
  );
}

function CoverageLegend() {
  return (
    <ul class="coverage-legend" aria-label="ความหมายของสี">
      {coverageStates.map((s) => (
        <li key={s}>
          <span class={`coverage-swatch coverage-day--${s}`} aria-hidden="true">
            {coverageStateTh[s].symbol}
          </span>
          {coverageStateTh[s].labelTh}
        </li>
      ))}
    </ul>
  );
}

function SummaryLine({ summary }: { summary: CoverageSummary }) {
  return (
    <p
      class="coverage-summary"
      data-testid="coverage-summary"
      data-days={summary.days}
      data-empty={summary.empty}
      data-pending={summary.pending}
      data-posted={summary.posted}
      data-problem={summary.problem}
      aria-live="polite"
    >
      {coverageSummaryTh(summary)}
    </p>
  );
}
