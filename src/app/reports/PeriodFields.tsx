/** The period pickers of report screens: a range of two B.E. dates, and a month (mm/bbbb). */
import { useState } from 'preact/hooks';
import type { DateRange } from '../../domain/reports';
import { bangkokDateOf } from '../../domain/thaiDate';
import { BeDateField, BeTextField, useBeDate } from './BeDateField';
import { beMonthText, firstOfMonth, parseBeMonth, rangeErrorTh, type ParsedMonth } from './reportPeriods';

export interface BeRange {
  from: ReturnType<typeof useBeDate>;
  to: ReturnType<typeof useBeDate>;
  /** Both dates valid and in order. */
  range: DateRange | undefined;
  errorTh: string | undefined;
}

/** From the 1st of this month to today, by default. */
export function useBeRange(): BeRange {
  const today = bangkokDateOf(Date.now());
  const from = useBeDate(firstOfMonth(today));
  const to = useBeDate(today);
  const candidate = from.iso !== undefined && to.iso !== undefined ? { from: from.iso, to: to.iso } : undefined;
  const errorTh = candidate ? rangeErrorTh(candidate) : undefined;
  return { from, to, range: candidate && errorTh === undefined ? candidate : undefined, errorTh };
}

export function BeRangeFields({ idPrefix, range }: { idPrefix: string; range: BeRange }) {
  return (
    <span class="report-period">
      <BeDateField id={`${idPrefix}-from`} label="ตั้งแต่วันที่ (พ.ศ.)" date={range.from} />
      <BeDateField id={`${idPrefix}-to`} label="ถึงวันที่ (พ.ศ.)" date={range.to} />
      {range.errorTh !== undefined && (
        <p class="field-error" data-testid={`${idPrefix}-range-error`}>
          {range.errorTh}
        </p>
      )}
    </span>
  );
}

export function useBeMonth(): { text: string; setText: (t: string) => void; parsed: ParsedMonth } {
  const [text, setText] = useState(() => beMonthText(bangkokDateOf(Date.now())));
  return { text, setText, parsed: parseBeMonth(text) };
}

export function BeMonthField({ id, month }: { id: string; month: ReturnType<typeof useBeMonth> }) {
  return <BeTextField id={id} label="เดือน (ดด/ปปปป พ.ศ.)" placeholder="01/2567" text={month.text} setText={month.setText} errorTh={month.parsed.ok ? undefined : month.parsed.messageTh} />;
}
