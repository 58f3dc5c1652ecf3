/**
 * รายการทั้งหมด: every entry on this PC, by business date then recording order, with where it stands
 * with the server. Follows the store live, so rows turn from รอส่ง to ส่งแล้ว as the sync engine posts.
 */
import { formatBaht } from '../domain/money';
import { formatBeDate } from '../domain/thaiDate';
import { listEntries, type SamutDb } from '../store';
import { methodTh, revenueNameTh, syncStateTh } from './entryLabels';
import { useLiveQuery } from './useLiveQuery';

/** Rows shown at once (the store bounds it too). */
export const entryListRowsMax = 200;

export interface EntryListProps {
  db: SamutDb;
  /** Bumped when a sync drain finishes: re-read even if a liveQuery notification was missed. */
  refreshKey: number;
}

export function EntryList({ db, refreshKey }: EntryListProps) {
  const entries = useLiveQuery(() => listEntries(db, entryListRowsMax), [db, refreshKey]);
  return (
    <section class="card no-print" aria-labelledby="entry-list-title">
      <div class="card-head">
        <h2 id="entry-list-title">รายการทั้งหมด</h2>
        {entries.status === 'ready' && entries.value.length >= entryListRowsMax && (
          <p class="muted">แสดง {entryListRowsMax} รายการแรกตามวันที่</p>
        )}
      </div>
      {entries.status === 'loading' && <p class="muted">กำลังอ่านข้อมูล…</p>}
      {entries.status === 'failed' && <p class="notice notice--error">{entries.messageTh}</p>}
      {entries.status === 'ready' && entries.value.length === 0 && (
        <p class="muted">ยังไม่มีรายการในเครื่องนี้</p>
      )}
      {entries.status === 'ready' && entries.value.length > 0 && (
        <div class="table-wrap">
          <table class="ledger">
            <thead>
              <tr>
                <th scope="col">วันที่</th>
                <th scope="col">ใบเสร็จ</th>
                <th scope="col">ผู้ชำระเงิน</th>
                <th scope="col">รายการรายได้</th>
                <th scope="col">รับเป็น</th>
                <th scope="col" class="num">จำนวนเงิน (บาท)</th>
                <th scope="col">สถานะ</th>
              </tr>
            </thead>
            <tbody>
              {entries.value.map((e) => (
                <tr
                  key={e.id}
                  data-testid="entry-row"
                  data-entry-id={e.id}
                  data-date={e.date}
                  data-state={e.state}
                  data-server-seq={e.serverSeq !== undefined ? String(e.serverSeq) : ''}
                >
                  <td class="nowrap">{formatBeDate(e.date)}</td>
                  <td class="receipt-ref">
                    <span class="nowrap">เล่ม {e.doc.bookNo}</span> <span class="nowrap">เลขที่ {e.doc.receiptNo}</span>
                  </td>
                  <td>{e.doc.payer}</td>
                  <td>{revenueNameTh(e.doc.revenueAccount)}</td>
                  <td class="nowrap">{methodTh(e.doc.method)}</td>
                  <td class="num">{formatBaht(e.doc.amountSatang)}</td>
                  <td>
                    <span class={`state state--${e.state}`}>{syncStateTh(e)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
