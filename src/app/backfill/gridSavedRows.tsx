/**
 * The grid's saved receipts as read-only table rows, each with its standing with the server, read live
 * from the store so a row turns from รอส่ง to ส่งแล้ว while the officer keeps typing.
 */
import type { Chart } from '../../domain/chart/chart';
import { accountIn } from '../../domain/chart/chart';
import { receiptMethodNamesTh } from '../../domain/kinds/receipt';
import { formatBaht, sumSatang } from '../../domain/money';
import { fiscalYearOf, formatBeDate } from '../../domain/thaiDate';
import { getEntry, type SamutDb, type StoredEntry } from '../../store';
import { syncStateTh } from '../entryLabels';
import { useLiveQuery } from '../useLiveQuery';

/** A saved row as the grid shows it: the entry as recorded (its state is read live). */
export interface GridSavedLine {
  entry: StoredEntry;
}

export interface GridSavedRowsProps {
  db: SamutDb;
  chart: Chart;
  lines: readonly GridSavedLine[];
}

export function GridSavedRows({ db, chart, lines }: GridSavedRowsProps) {
  const ids = lines.map((l) => l.entry.id);
  const live = useLiveQuery(() => Promise.all(ids.map((id) => getEntry(db, id))), [db, ids.join(',')]);
  const current = new Map<string, StoredEntry>();
  if (live.status === 'ready') for (const e of live.value) if (e !== undefined) current.set(e.id, e);
  return (
    <>
      {lines.map(({ entry: recorded }) => {
        const entry = current.get(recorded.id) ?? recorded;
        if (entry.kind !== 'receipt') return null;
        const doc = entry.doc;
        const item = doc.items[0];
        const account = item && accountIn(chart, item.account, fiscalYearOf(entry.date));
        return (
          <tr key={entry.id} class="grid-saved" data-testid="grid-saved-row" data-entry-id={entry.id} data-state={entry.state} data-book-no={doc.bookNo} data-receipt-no={String(doc.receiptNo)} data-date={entry.date}>
            <td>{formatBeDate(entry.date)}</td>
            <td>{doc.bookNo}</td>
            <td class="num">{doc.receiptNo}</td>
            <td>{doc.payer}</td>
            <td>{item ? `${item.account}${account ? ` ${account.nameTh}` : ''}` : ''}</td>
            <td class="num">{formatBaht(sumSatang(doc.items.map((i) => i.amountSatang)))}</td>
            <td>{receiptMethodNamesTh[doc.method]}</td>
            <td class={`grid-state grid-state--${entry.state}`} data-testid="grid-saved-state">
              {syncStateTh(entry)}
            </td>
          </tr>
        );
      })}
    </>
  );
}
