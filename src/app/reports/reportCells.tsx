/**
 * Table pieces the report screens (and the day's cash book) share: a money cell, a run of amount cells
 * and their headers, the totals row, and the ยกเลิก / รายการยกเลิก mark of a cancelled or cancelling row.
 */
import type { ComponentChildren } from 'preact';
import { formatBaht } from '../../domain/money';

export interface MoneyCellProps {
  satang: number;
  testId?: string;
  /** Write data-satang (what tests and prints read back); on by default. */
  marked?: boolean;
  /** Leave the cell empty when the amount is zero (debit and credit columns). */
  blankZero?: boolean;
  /** The text, when not formatBaht (e.g. the ledger's bracketed balance). */
  text?: string;
}

export function MoneyCell({ satang, testId, marked = true, blankZero = false, text }: MoneyCellProps) {
  return (
    <td class="num" data-testid={testId} data-satang={marked ? String(satang) : undefined}>
      {blankZero && !satang ? '' : (text ?? formatBaht(satang))}
    </td>
  );
}

/** One money cell per key of the row; with a prefix, each cell's test id is `${prefix}-${key}`. */
export function AmountCells<K extends string>({ row, keys, testIdPrefix }: { row: Readonly<Record<K, number>>; keys: readonly K[]; testIdPrefix?: string }) {
  return (
    <>
      {keys.map((k) => (
        <MoneyCell key={k} satang={row[k]} testId={testIdPrefix === undefined ? undefined : `${testIdPrefix}-${k}`} />
      ))}
    </>
  );
}

export function AmountHeaders({ headersTh }: { headersTh: readonly string[] }) {
  return (
    <>
      {headersTh.map((h) => (
        <th key={h} scope="col" class="num">
          {h}
        </th>
      ))}
    </>
  );
}

/** A totals row: its label over the first labelSpan columns, then the given cells. */
export function TotalsRow({ labelSpan, label, class: className, children }: { labelSpan: number; label: ComponentChildren; class?: string; children: ComponentChildren }) {
  return (
    <tr class={className}>
      <th scope="row" colSpan={labelSpan}>
        {label}
      </th>
      {children}
    </tr>
  );
}

/** A table foot of one totals row. */
export function TotalsFoot(props: { labelSpan: number; label: ComponentChildren; children: ComponentChildren }) {
  return (
    <tfoot>
      <TotalsRow {...props} />
    </tfoot>
  );
}

/** ยกเลิก / รายการยกเลิก, after the description. */
export function rowMarkTh(row: { cancelled: boolean; reversal: boolean }): string {
  return row.reversal ? 'รายการยกเลิก' : row.cancelled ? 'ยกเลิก' : '';
}

/** The row class of a cancel (reversal) or a cancelled original. */
export function rowMarkClass(row: { cancelled: boolean; reversal: boolean }): string | undefined {
  return row.reversal ? 'reversal' : row.cancelled ? 'cancelled' : undefined;
}

/** " (ยกเลิก)" after a description, when marked. */
export function RowMark({ row }: { row: { cancelled: boolean; reversal: boolean } }) {
  const mark = rowMarkTh(row);
  return mark ? <span class="report-mark"> ({mark})</span> : null;
}
