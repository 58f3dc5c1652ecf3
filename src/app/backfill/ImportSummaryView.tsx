/**
 * What the import screen shows of a reading: the progress bar while the worker reads or records, then
 * the counts, the row errors ("แถว 14, คอลัมน์ วันที่: …") and the preview of the first entries, each
 * marked ใหม่ or บันทึกแล้ว. Text only: every figure comes computed from the worker.
 */
import { rowErrorText } from '../../domain/csvTable';
import type { ImportKind } from '../../domain/import/importTypes';
import type { ImportProgress } from './importClient';
import type { ImportPhase, ImportSummary } from './importMessages';

export const importKindsTh: Record<ImportKind, string> = {
  receipt: 'ใบเสร็จรับเงิน',
  payment: 'ฎีกา',
  budget: 'งบประมาณ',
  journal: 'ใบผ่านรายการ',
};

const phaseTh: Record<ImportPhase, string> = {
  file: 'กำลังเปิดไฟล์',
  decode: 'กำลังอ่านไฟล์',
  rows: 'กำลังตรวจแถว',
  keys: 'กำลังเทียบกับรายการที่บันทึกไว้แล้ว',
  record: 'กำลังบันทึก',
};

export function ImportProgressBar({ fileName, progress }: { fileName: string; progress: ImportProgress }) {
  const known = progress.total > 0;
  const label = `${phaseTh[progress.phase]}${known ? ` ${progress.done.toLocaleString('th-TH')} จาก ${progress.total.toLocaleString('th-TH')} แถว` : '…'}`;
  return (
    <div class="import-progress" role="status">
      <label for="import-progress">
        {fileName}: {label}
      </label>
      {/* Without a value the bar is indeterminate: a phase whose length is not known. */}
      <progress id="import-progress" data-testid="import-progress" data-phase={progress.phase} max={known ? progress.total : undefined} value={known ? progress.done : undefined} />
    </div>
  );
}

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { counts } = summary;
  const n = (x: number) => x.toLocaleString('th-TH');
  return (
    <div class="import-summary">
      <dl class="facts" data-testid="import-counts" data-rows={counts.rows} data-entries={counts.entries} data-new={counts.new} data-recorded={counts.alreadyRecorded} data-errors={counts.errors}>
        <div>
          <dt>ไฟล์</dt>
          <dd>{summary.fileName}</dd>
        </div>
        <div>
          <dt>แถวข้อมูล</dt>
          <dd>{n(counts.rows)} แถว</dd>
        </div>
        <div>
          <dt>{importKindsTh[summary.kind]}</dt>
          <dd>{n(counts.entries)} รายการ</dd>
        </div>
        <div>
          <dt>รายการใหม่</dt>
          <dd data-testid="import-count-new">{n(counts.new)}</dd>
        </div>
        <div>
          <dt>บันทึกไว้แล้ว (ข้าม)</dt>
          <dd data-testid="import-count-recorded">{n(counts.alreadyRecorded)}</dd>
        </div>
        <div>
          <dt>ข้อผิดพลาด</dt>
          <dd data-testid="import-count-errors">{n(counts.errors)}</dd>
        </div>
      </dl>
      {summary.errors.length > 0 && (
        <div class="notice notice--error import-errors" data-testid="import-errors" role="alert">
          <p>
            พบข้อผิดพลาด {n(counts.errors)} จุด{counts.errors > summary.errors.length ? ` (แสดง ${n(summary.errors.length)} จุดแรก)` : ''}:
          </p>
          <ul class="csv-errors">
            {summary.errors.map((e, i) => (
              <li key={i} data-testid="import-error" data-row={e.row}>
                {rowErrorText(e)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {summary.preview.length > 0 && (
        <div class="table-wrap preview">
          <table class="ledger" data-testid="import-preview">
            <caption class="visually-hidden">ตัวอย่างรายการจากไฟล์ {summary.fileName}</caption>
            <thead>
              <tr>
                <th scope="col">แถว</th>
                <th scope="col">วันที่</th>
                <th scope="col">เอกสาร</th>
                <th scope="col">ผู้จ่าย/ผู้รับ/รายการ</th>
                <th scope="col" class="num">
                  จำนวนเงิน (บาท)
                </th>
                <th scope="col">สถานะ</th>
              </tr>
            </thead>
            <tbody>
              {summary.preview.map((p) => (
                <tr key={p.rows.join(',')} data-testid="import-preview-row" data-status={p.status}>
                  <td class="nowrap">{rowsTh(p.rows)}</td>
                  <td class="nowrap">{p.dateBe}</td>
                  <td>{p.documentTh}</td>
                  <td>{p.partyTh}</td>
                  <td class="num">{p.amountTh}</td>
                  <td>
                    <span class={`state ${p.status === 'new' ? 'state--new' : 'state--posted'}`}>{p.status === 'new' ? 'ใหม่' : 'บันทึกแล้ว'}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {counts.entries > summary.preview.length && <p class="muted">แสดง {n(summary.preview.length)} รายการแรก จากทั้งหมด {n(counts.entries)} รายการ</p>}
    </div>
  );
}


/** @example rowsTh([14]) // '14'; rowsTh([14, 15, 16]) // '14–16' */
function rowsTh(rows: readonly number[]): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return '';
  return first === last ? String(first) : `${first}–${last}`;
}
