/**
 * รายการทั้งหมด: every entry on this PC, by business date then recording order, with where it stands
 * with the server. Follows the store live, so rows turn from รอส่ง to ส่งแล้ว as the sync engine posts.
 * A mistake is corrected by a new entry, never by editing: each row that can still be undone offers
 * ยกเลิก (a reason, then a cancel entry); a cancelled row is marked ยกเลิก, and the cancel row says which
 * entry it cancels. A rejected or conflicting row leads to รายการที่ต้องแก้ไข, where the fixes are.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { entryKindNamesTh, type EntryKind } from '../domain/entry';
import { formatBaht } from '../domain/money';
import { formatBeDate } from '../domain/thaiDate';
import { listEntries, type BooksSetup, type SamutDb, type StoredEntry } from '../store';
import { CancelForm } from './CancelForm';
import { cancelledBy, entryAmountSatang, entryDescriptionTh, entryPartyTh, entryRefTh, syncStateTh } from './entryLabels';
import { printHash } from './print/printRoute';
import { useLiveQuery } from './useLiveQuery';

/** Rows shown at once (the store bounds it too). */
export const entryListRowsMax = 200;

export interface EntryListProps {
  db: SamutDb;
  setup: BooksSetup;
  /** Bumped when a sync drain finishes: re-read even if a liveQuery notification was missed. */
  refreshKey: number;
  onRecorded: (entry: StoredEntry) => void;
}

const kinds: EntryKind[] = ['receipt', 'deposit', 'payment', 'budget', 'journal', 'cancel'];

export function EntryList({ db, setup, refreshKey, onRecorded }: EntryListProps) {
  const entries = useLiveQuery(() => listEntries(db, entryListRowsMax), [db, refreshKey]);
  const [kindFilter, setKindFilter] = useState<EntryKind | ''>('');
  const [cancelling, setCancelling] = useState<string | undefined>(undefined);
  const [cancelSavedTh, setCancelSavedTh] = useState<string | undefined>(undefined);
  const all = entries.status === 'ready' ? entries.value : [];
  const byId = new Map(all.map((e) => [e.id, e]));
  const cancels = cancelledBy(all);
  const shown = kindFilter === '' ? all : all.filter((e) => e.kind === kindFilter);

  return (
    <section class="card" aria-labelledby="entry-list-title">
      <div class="card-head">
        <h2 id="entry-list-title">รายการทั้งหมด</h2>
        <div class="card-tools">
          <label for="entries-filter" class="visually-hidden">
            แสดงเฉพาะชนิด
          </label>
          <select id="entries-filter" data-testid="entries-filter" value={kindFilter} onChange={(e) => setKindFilter(e.currentTarget.value as EntryKind | '')}>
            <option value="">ทุกชนิด</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {entryKindNamesTh[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {entries.status === 'ready' && entries.value.length >= entryListRowsMax && <p class="muted">แสดง {entryListRowsMax} รายการแรกตามวันที่</p>}
      {cancelSavedTh !== undefined && (
        <p class="notice notice--ok" data-testid="cancel-saved" role="status">
          {cancelSavedTh}
        </p>
      )}
      {entries.status === 'loading' && <p class="muted">กำลังอ่านข้อมูล…</p>}
      {entries.status === 'failed' && <p class="notice notice--error">{entries.messageTh}</p>}
      {entries.status === 'ready' && shown.length === 0 && <p class="muted">ยังไม่มีรายการในเครื่องนี้</p>}
      {shown.length > 0 && (
        <div class="table-wrap">
          <table class="ledger entry-table">
            <thead>
              <tr>
                <th scope="col">วันที่</th>
                <th scope="col">ชนิด</th>
                <th scope="col">เลขที่/อ้างอิง</th>
                <th scope="col">ผู้ชำระ/ผู้รับ</th>
                <th scope="col">รายละเอียด</th>
                <th scope="col" class="num">จำนวนเงิน (บาท)</th>
                <th scope="col">สถานะ</th>
                <th scope="col">
                  <span class="visually-hidden">คำสั่ง</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const target = e.kind === 'cancel' ? byId.get(e.doc.targetId) : undefined;
                const cancel = cancels.get(e.id);
                const amount = entryAmountSatang(e, target);
                const canCancel = e.kind !== 'cancel' && cancel === undefined && (e.state === 'pending' || e.state === 'posted');
                return (
                  <Fragment key={e.id}>
                    <tr
                      class={`entry-row${cancel ? ' entry-row--cancelled' : ''}${e.kind === 'cancel' ? ' entry-row--cancel' : ''}`}
                      data-testid="entry-row"
                      data-entry-id={e.id}
                      data-kind={e.kind}
                      data-date={e.date}
                      data-state={e.state}
                      data-cancelled={cancel ? 'true' : 'false'}
                      data-cancels={e.kind === 'cancel' ? e.doc.targetId : undefined}
                      data-server-seq={e.serverSeq !== undefined ? String(e.serverSeq) : ''}
                    >
                      <td class="nowrap">{formatBeDate(e.date)}</td>
                      <td class="nowrap">
                        {entryKindNamesTh[e.kind]}
                        {cancel && (
                          <span class="tag tag--cancelled" data-testid="entry-cancelled-tag" title={`ยกเลิกเมื่อ ${formatBeDate(cancel.date)}: ${cancel.kind === 'cancel' ? cancel.doc.reason : ''}`}>
                            ยกเลิก
                          </span>
                        )}
                      </td>
                      <td class="receipt-ref">{entryRefTh(e)}</td>
                      <td>{entryPartyTh(e)}</td>
                      <td class="entry-description">{entryDescriptionTh(e, setup.chart, target)}</td>
                      <td class="num amount-cell">{amount === undefined ? '' : formatBaht(amount)}</td>
                      <td>
                        <span class={`state state--${e.state}`}>{syncStateTh(e)}</span>
                        {(e.state === 'rejected' || e.state === 'conflict') && (
                          <>
                            {' '}
                            <a href="#fixes" class="button-quiet button-small" data-testid="entry-fix">
                              วิธีแก้ไข
                            </a>
                          </>
                        )}
                      </td>
                      <td class="row-actions">
                        {(e.kind === 'receipt' || e.kind === 'payment') && (
                          <a
                            class="button-quiet button-small"
                            href={printHash(e.id)}
                            data-testid="entry-print"
                            aria-label={`พิมพ์ ${entryKindNamesTh[e.kind]} ${entryRefTh(e)}`}
                          >
                            พิมพ์
                          </a>
                        )}
                        {canCancel && (
                          <button
                            type="button"
                            class="button-quiet button-small"
                            data-testid="entry-cancel"
                            aria-expanded={cancelling === e.id}
                            aria-label={`ยกเลิก ${entryKindNamesTh[e.kind]} ${entryRefTh(e)}`}
                            onClick={() => {
                              setCancelSavedTh(undefined);
                              setCancelling(cancelling === e.id ? undefined : e.id);
                            }}
                          >
                            ยกเลิก
                          </button>
                        )}
                      </td>
                    </tr>
                    {cancelling === e.id && (
                      <tr class="cancel-row">
                        <td colSpan={8}>
                          <CancelForm
                            db={db}
                            target={e}
                            onClose={() => setCancelling(undefined)}
                            onRecorded={(cancelEntry) => {
                              setCancelling(undefined);
                              setCancelSavedTh(`บันทึกการยกเลิก${entryKindNamesTh[e.kind]} ${entryRefTh(e)} แล้ว`);
                              onRecorded(cancelEntry);
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
