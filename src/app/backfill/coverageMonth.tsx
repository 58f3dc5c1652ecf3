/** One month block of the coverage calendar: a 7-column table, Sunday first, one cell per day shown. */
import { coverageStateTh, thaiWeekdayInitials, type CoverageCell, type CoverageMonth } from './coverageCells';

const weekdayNamesTh = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'];

export function CoverageMonthTable({ month }: { month: CoverageMonth }) {
  // Blanks before the first day shown, the days, blanks to close the last week; then weeks of 7.
  const slots: (CoverageCell | undefined)[] = [...Array<undefined>(month.leadingBlanks).fill(undefined), ...month.cells];
  while (slots.length % 7 !== 0) slots.push(undefined);
  const weeks: (CoverageCell | undefined)[][] = [];
  for (let i = 0; i < slots.length; i += 7) weeks.push(slots.slice(i, i + 7));
  return (
    <table class="coverage-month" data-testid="coverage-month" data-month={month.key}>
      <caption>{month.titleTh}</caption>
      <thead>
        <tr>
          {thaiWeekdayInitials.map((w, i) => (
            <th key={w} scope="col" abbr={weekdayNamesTh[i]}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, i) => (
          <tr key={i}>
            {week.map((cell, j) =>
              cell === undefined ? (
                <td key={`b${j}`} class="coverage-blank" />
              ) : (
                <td
                  key={cell.date}
                  class={`coverage-day coverage-day--${cell.state}`}
                  title={cell.labelTh}
                  aria-label={cell.labelTh}
                  data-testid="coverage-day"
                  data-date={cell.date}
                  data-state={cell.state}
                >
                  <span class="coverage-day-no" aria-hidden="true">
                    {cell.dayOfMonth}
                  </span>
                  <span class="coverage-mark" aria-hidden="true">
                    {coverageStateTh[cell.state].symbol}
                  </span>
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

