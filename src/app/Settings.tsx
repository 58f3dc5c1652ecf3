/**
 * ตั้งค่า: first the safety of this PC's data (persistent storage, backup file, restore: DESIGN.md §5),
 * then what this PC checks entries against. The chart of accounts in use (its version and every
 * account) and the money rules come from the server (read only here); the receipt books this PC
 * issues from (เล่มที่, เลขที่เริ่ม–สิ้นสุด) are set here, so a number outside them is refused at once.
 */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { accountTypeNamesTh } from '../domain/chart/account';
import { formatBaht } from '../domain/money';
import type { FieldErrors } from '../domain/forms';
import { saveReceiptBooks, StoreError, type BooksSetup, type SamutDb } from '../store';
import { RestoreCard } from './backup/RestoreCard';
import { StorageSafetyCard } from './backup/StorageSafetyCard';
import { CellControl } from './controls';
import { errorMessageTh } from './errorMessage';
import { readReceiptBooksForm, receiptBookRows, type ReceiptBookRowInput } from './receiptBooksForm';

const formId = 'receipt-books';

const roleNamesTh: Record<string, string> = { cash: 'เงินสด', bank: 'เงินฝากธนาคาร', deposit: 'เงินรับฝาก', receivable: 'ลูกหนี้' };

export interface SettingsProps {
  db: SamutDb;
  setup: BooksSetup;
  /** Changes when sync finished a run (the backup status re-reads). */
  refreshKey?: number;
  /** After a backup file was restored (sync sends what it added). */
  onRestored?: () => void;
}

export function Settings({ db, setup, refreshKey = 0, onRestored }: SettingsProps) {
  return (
    <div class="stack">
      <StorageSafetyCard db={db} refreshKey={refreshKey} />
      <RestoreCard db={db} {...(onRestored ? { onRestored } : {})} />
      <ReceiptBooksCard db={db} setup={setup} />
      <section class="card" aria-labelledby="rules-title">
        <h2 id="rules-title">เกณฑ์การเงิน</h2>
        <dl class="facts" data-testid="settings-rules">
          <div>
            <dt>ภาษีหัก ณ ที่จ่าย</dt>
            <dd>
              {setup.rules.withholdingRateBasisPoints / 100}% เมื่อขอเบิกตั้งแต่ {formatBaht(setup.rules.withholdingThresholdSatang)} บาท
            </dd>
          </div>
          <div>
            <dt>วงเงินสดในมือ</dt>
            <dd>{formatBaht(setup.rules.cashOnHandLimitSatang)} บาท</dd>
          </div>
          <div>
            <dt>นำฝากภายใน</dt>
            <dd>{setup.rules.depositDeadlineBusinessDays} วันทำการ</dd>
          </div>
        </dl>
      </section>
      <section class="card" aria-labelledby="chart-title">
        <div class="card-head">
          <h2 id="chart-title">ผังบัญชีที่ใช้</h2>
          <p class="muted" data-testid="settings-chart-version">
            {setup.chart.versionLabel} · {setup.chart.accounts.length} บัญชี
          </p>
        </div>
        <div class="table-wrap">
          <table class="ledger" data-testid="settings-chart">
            <thead>
              <tr>
                <th scope="col">รหัส</th>
                <th scope="col">ชื่อบัญชี</th>
                <th scope="col">ประเภท</th>
                <th scope="col">ใช้เป็น</th>
                <th scope="col">ใช้ได้ปีงบประมาณ</th>
              </tr>
            </thead>
            <tbody>
              {setup.chart.accounts.map((a) => (
                <tr key={`${a.code}-${a.validFromFy}`} class={a.postable ? undefined : 'heading-row'} data-testid="settings-account">
                  <td class="nowrap">{a.code}</td>
                  <td>
                    {a.nameTh}
                    {!a.postable && <span class="muted"> (หมวด)</span>}
                  </td>
                  <td>{accountTypeNamesTh[a.type]}</td>
                  <td>{a.role ? roleNamesTh[a.role] : ''}</td>
                  <td class="nowrap">
                    {a.validFromFy}
                    {a.validToFy !== undefined ? `–${a.validToFy}` : ' เป็นต้นไป'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function ReceiptBooksCard({ db, setup }: Pick<SettingsProps, 'db' | 'setup'>) {
  const [rows, setRows] = useState<ReceiptBookRowInput[]>(() => receiptBookRows(setup.receiptBooks));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [errorTh, setErrorTh] = useState<string | undefined>(undefined);
  const [savedTh, setSavedTh] = useState<string | undefined>(undefined);
  // The stored list arrives a moment after the first render (and may change in another tab).
  useEffect(() => {
    if (!dirty) setRows(receiptBookRows(setup.receiptBooks));
  }, [setup.receiptBooks]);

  const setCell = (i: number, col: keyof ReceiptBookRowInput) => (value: string) => {
    setDirty(true);
    setSavedTh(undefined);
    setErrorTh(undefined);
    setErrors((e) => {
      const next = { ...e };
      delete next[`${i}.${col}`];
      return next;
    });
    setRows((rs) => {
      const next = rs.map((r, j) => (j === i ? { ...r, [col]: value } : r));
      // Always one blank row at the end to add a book.
      const last = next[next.length - 1];
      return last && (last.bookNo || last.firstNo || last.lastNo) ? [...next, { bookNo: '', firstNo: '', lastNo: '' }] : next;
    });
  };

  async function save(event: Event) {
    event.preventDefault();
    setSavedTh(undefined);
    setErrorTh(undefined);
    const read = readReceiptBooksForm(rows);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    try {
      const stored = await saveReceiptBooks(db, read.books);
      setErrors({});
      setDirty(false);
      setRows(receiptBookRows(stored));
      setSavedTh(stored.length === 0 ? 'บันทึกแล้ว — ไม่จำกัดเล่มและเลขที่ใบเสร็จ' : `บันทึกแล้ว — ${stored.length} เล่ม`);
    } catch (error) {
      const m = error instanceof StoreError && error.field ? /^(\d+)\.(\w+)$/.exec(error.field) : null;
      const row = m ? read.formRows[Number(m[1])] : undefined;
      if (m && row !== undefined) setErrors({ [`${row}.${m[2]}`]: error instanceof StoreError ? error.messageTh : '' });
      else setErrorTh(errorMessageTh(error));
    }
  }

  return (
    <section class="card" aria-labelledby="receipt-books-title">
      <form id={`${formId}-form`} onSubmit={save} noValidate>
        <h2 id="receipt-books-title">เล่มใบเสร็จรับเงินของเครื่องนี้</h2>
        <p class="muted form-lead">
          กำหนดเล่มและช่วงเลขที่ที่เครื่องนี้ออกใบเสร็จ ระบบจะไม่รับเลขที่นอกช่วง และบอกเลขที่ถัดไปให้ที่หน้าใบเสร็จ (เว้นว่างทั้งหมด = ไม่จำกัด)
        </p>
        <div class="rows-grid rows-grid--books" role="group" aria-label="เล่มใบเสร็จ">
          <span class="rows-head">เล่มที่</span>
          <span class="rows-head num">เลขที่เริ่ม</span>
          <span class="rows-head num">เลขที่สิ้นสุด</span>
          {rows.map((r, i) => (
            <Fragment key={i}>
              <CellControl formId={formId} field={`${i}.bookNo`} ariaLabel={`เล่มที่ แถว ${i + 1}`} value={r.bookNo} onValue={setCell(i, 'bookNo')} errors={errors} />
              <CellControl formId={formId} field={`${i}.firstNo`} ariaLabel={`เลขที่เริ่ม แถว ${i + 1}`} value={r.firstNo} onValue={setCell(i, 'firstNo')} errors={errors} amount />
              <CellControl formId={formId} field={`${i}.lastNo`} ariaLabel={`เลขที่สิ้นสุด แถว ${i + 1}`} value={r.lastNo} onValue={setCell(i, 'lastNo')} errors={errors} amount />
            </Fragment>
          ))}
        </div>
        <div class="form-actions">
          <button type="submit" class="button-primary" data-testid={`${formId}-save`}>
            บันทึกเล่มใบเสร็จ
          </button>
          <div class="form-feedback" aria-live="polite">
            {savedTh !== undefined && (
              <p class="notice notice--ok" data-testid={`${formId}-saved`} role="status">
                {savedTh}
              </p>
            )}
            {errorTh !== undefined && (
              <p class="notice notice--error" data-testid={`error-${formId}`} role="alert">
                {errorTh}
              </p>
            )}
          </div>
        </div>
      </form>
    </section>
  );
}
