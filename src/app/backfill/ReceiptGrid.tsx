/**
 * ลงใบเสร็จย้อนหลังแบบตาราง: receipts typed from a paper ledger one row each, by keyboard only. Enter
 * moves to the next cell (Shift+Enter back); Enter on วิธีรับ saves the row with the receipt form's own
 * reader and the store's recordEntry (the same checks as the form), then opens the next row with date
 * and book kept, the number +1 and the revenue account suggested. A row that does not pass stays, its
 * bad cells marked with the Thai message. Row logic is receiptGridState.ts; this holds text and focus.
 */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { postableAccounts } from '../../domain/chart/chart';
import { cashAccountCode } from '../../domain/chart/defaultChart';
import { readReceiptForm, receiptFieldOf } from '../../domain/forms';
import { bangkokDateOf, formatBeDate } from '../../domain/thaiDate';
import { receiptBookStatus, recordEntry, StoreError } from '../../store';
import { cls, type Option } from '../controls';
import type { EntryFormProps } from '../entryFormProps';
import { errorMessageTh } from '../errorMessage';
import { fieldErrorId } from '../Field';
import { fieldId } from '../fieldIds';
import { fiscalYearOfForm } from '../formDates';
import { receiptNoHint } from '../receiptNumbering';
import { recordedByDefault } from '../useEntryForm';
import { useLiveQuery } from '../useLiveQuery';
import { GridSavedRows, type GridSavedLine } from './gridSavedRows';
import {
  accountCodeOf,
  blankCellErrors,
  clearCellError,
  emptyGridRow,
  firstFaultyCell,
  gridColumnNamesTh,
  gridColumns,
  gridErrorsOf,
  gridFocusAfterSave,
  gridSavedRowsShownMax,
  isRowComplete,
  nextColumn,
  nextGridRow,
  noGridErrors,
  receiptFormOfRow,
  suggestedReceiptNo,
  type GridColumn,
  type GridRowErrors,
  type GridRowInput,
} from './receiptGridState';

const gridId = 'grid';
const cellId = (column: GridColumn) => fieldId(gridId, column);

export function ReceiptGrid({ db, setup, onRecorded }: EntryFormProps) {
  const [row, setRowState] = useState<GridRowInput>(() => emptyGridRow(formatBeDate(bangkokDateOf(Date.now()))));
  // The row as last typed, for key handlers that may run before the re-render of the last keystroke.
  const rowRef = useRef(row);
  const [errors, setErrors] = useState<GridRowErrors>(noGridErrors);
  const [saved, setSaved] = useState<GridSavedLine[]>([]);
  const [savedCount, setSavedCount] = useState(0);
  const [saveMs, setSaveMs] = useState<number | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  // A ref, not state: two Enters in a row must not record one paper receipt twice.
  const savingNow = useRef(false);

  const fy = fiscalYearOfForm(row.dateBe);
  const revenue = postableAccounts(setup.chart, fy, { type: 'revenue' });
  const cashCodes = postableAccounts(setup.chart, fy, { role: 'cash' }).map((a) => a.code);
  const banks = postableAccounts(setup.chart, fy, { role: 'bank' });
  const into = { cashCode: cashCodes.includes(cashAccountCode) ? cashAccountCode : (cashCodes[0] ?? cashAccountCode), bankCodes: banks.map((a) => a.code) };
  const methodOptions: Option[] = [
    { value: 'cash', label: 'เงินสด' },
    { value: 'cheque', label: 'เช็ค' },
    ...banks.map((b) => ({ value: `transfer:${b.code}`, label: `โอนเข้า ${b.code} ${b.nameTh}` })),
  ];

  const book = row.bookNo.trim();
  const status = useLiveQuery(() => (book === '' ? Promise.resolve(undefined) : receiptBookStatus(db, book)), [db, book, setup.receiptBooks]);
  // The live status may still be the book typed before while the new one is read: only this book's counts.
  const bookStatus = status.status === 'ready' && status.value?.bookNo === book ? status.value : undefined;
  const numberWarning = bookStatus && receiptNoHint(bookStatus, row.receiptNo).warning;
  const accountCode = accountCodeOf(row.account, revenue);
  const accountName = revenue.find((a) => a.code === accountCode)?.nameTh;

  function setRow(next: GridRowInput) {
    rowRef.current = next;
    setRowState(next);
  }

  function setCell(column: GridColumn, value: string) {
    setRow({ ...rowRef.current, [column]: value });
    setErrors((e) => clearCellError(e, column));
  }

  function showErrors(next: GridRowErrors) {
    setErrors(next);
    const first = firstFaultyCell(next);
    if (first !== undefined) focusCell(first);
  }

  function onKeyDown(event: JSX.TargetedKeyboardEvent<HTMLTableRowElement>) {
    // Thai input methods compose on some PCs: an Enter that ends a composition is not a move.
    // While a row is being written (a few ms) keys are held off: typed into วิธีรับ they would change
    // the method of the row being saved, and the next row is not open yet.
    if (savingNow.current && event.key !== 'Tab') {
      event.preventDefault();
      return;
    }
    if (event.key !== 'Enter' || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const column = (event.target as HTMLElement).dataset['column'] as GridColumn | undefined;
    if (column === undefined) return;
    event.preventDefault();
    if (event.shiftKey) {
      const previous = nextColumn(column, -1);
      if (previous !== undefined) focusCell(previous);
      return;
    }
    if (column === 'bookNo') void suggestNumber();
    const next = nextColumn(column, 1);
    if (next !== undefined) focusCell(next);
    else void saveRow();
  }

  /**
   * Leaving เล่มที่ with เลขที่ blank: the book's next number here, read now rather than from the live
   * status, which may still hold the book typed before. Selected on arrival, so typing replaces it.
   */
  async function suggestNumber() {
    const typedBook = rowRef.current.bookNo.trim();
    if (typedBook === '' || rowRef.current.receiptNo.trim() !== '') return;
    const status = await receiptBookStatus(db, typedBook).catch(() => undefined);
    const now = rowRef.current;
    const suggested = now.bookNo.trim() === typedBook ? suggestedReceiptNo(now, status?.nextNo) : undefined;
    if (suggested === undefined) return;
    setCell('receiptNo', suggested);
    const control = document.getElementById(cellId('receiptNo'));
    if (control instanceof HTMLInputElement && document.activeElement === control) setTimeout(() => control.select(), 0);
  }

  async function saveRow() {
    if (savingNow.current) return;
    const current = rowRef.current;
    if (!isRowComplete(current)) {
      showErrors(blankCellErrors(current));
      return;
    }
    const startedMs = performance.now();
    const input = receiptFormOfRow(current, revenue, into);
    const result = readReceiptForm(input);
    if (!result.ok) {
      showErrors(gridErrorsOf(result.errors));
      return;
    }
    savingNow.current = true;
    setSaving(true);
    try {
      const entry = await recordEntry(db, { date: result.date, kind: result.kind, doc: result.doc, recordedBy: recordedByDefault });
      setSaveMs(performance.now() - startedMs);
      setSaved((lines) => [...lines, { entry }].slice(-gridSavedRowsShownMax));
      setSavedCount((n) => n + 1);
      setErrors(noGridErrors);
      setRow(nextGridRow(current));
      focusCell(gridFocusAfterSave);
      onRecorded(entry);
    } catch (error) {
      if (error instanceof StoreError && (error.code === 'refused' || error.code === 'invalid-entry')) {
        const field = error.field === undefined ? undefined : receiptFieldOf(error.field, input);
        showErrors(field === undefined || field === '' ? { cells: {}, rowTh: error.messageTh } : gridErrorsOf({ [field]: error.messageTh }));
      } else {
        setErrors({ cells: {}, rowTh: `บันทึกไม่สำเร็จ: ${errorMessageTh(error)}` });
      }
    } finally {
      savingNow.current = false;
      setSaving(false);
    }
  }

  const cell = (column: GridColumn, control: (props: CellAttrs) => JSX.Element, extra?: JSX.Element) => {
    const id = cellId(column);
    const error = errors.cells[column];
    const attrs: CellAttrs = {
      id,
      'data-testid': id,
      'data-column': column,
      'aria-label': `${gridColumnNamesTh[column]} (แถวใหม่)`,
      'aria-invalid': error !== undefined,
      'aria-describedby': error !== undefined ? fieldErrorId(id) : undefined,
    };
    return (
      <td class={cls('grid-cell', error !== undefined && 'field--invalid', column === 'amountBaht' && 'amount')}>
        {control(attrs)}
        {extra}
        {error !== undefined && (
          <p id={fieldErrorId(id)} class="field-error" data-testid={`error-${id}`}>
            {error}
          </p>
        )}
      </td>
    );
  };
  const text = (column: GridColumn, opts: { placeholder?: string; inputMode?: 'numeric' | 'decimal'; list?: string } = {}) => (attrs: CellAttrs) => (
    <input {...attrs} type="text" autocomplete="off" value={row[column]} placeholder={opts.placeholder} inputMode={opts.inputMode} list={opts.list} onInput={(e) => setCell(column, e.currentTarget.value)} />
  );

  return (
    <div class="receipt-grid" data-testid="receipt-grid">
      <h2 id="receipt-grid-title">ลงใบเสร็จรับเงินย้อนหลังแบบตาราง</h2>
      <p class="muted grid-help">
        พิมพ์จากทะเบียนกระดาษทีละแถว (1 ใบเสร็จ 1 รายการ): <kbd>Enter</kbd> ไปช่องถัดไป, <kbd>Shift</kbd>+<kbd>Enter</kbd> ย้อนกลับ,{' '}
        <kbd>Enter</kbd> ที่ช่องวิธีรับ = บันทึกแถว แล้วเปิดแถวใหม่ (วันที่และเล่มเดิม เลขที่ถัดไป รายการรับเดิม)
      </p>
      <div class="grid-scroll">
        <table class="receipt-grid-table" aria-labelledby="receipt-grid-title">
          <thead>
            <tr>
              {gridColumns.map((c) => (
                <th key={c} scope="col" class={c === 'amountBaht' || c === 'receiptNo' ? 'num' : undefined}>
                  {gridColumnNamesTh[c]}
                </th>
              ))}
              <th scope="col">สถานะ</th>
            </tr>
          </thead>
          <tbody>
            <GridSavedRows db={db} chart={setup.chart} lines={saved} />
            <tr class="grid-edit" data-testid="grid-edit-row" onKeyDown={onKeyDown}>
              {cell('dateBe', text('dateBe', { placeholder: '16/01/2567', inputMode: 'numeric' }))}
              {cell('bookNo', text('bookNo', { placeholder: '1/2567' }))}
              {cell('receiptNo', text('receiptNo', { inputMode: 'numeric' }))}
              {cell('payer', text('payer'))}
              {cell(
                'account',
                text('account', { list: 'grid-revenue-accounts', placeholder: 'รหัส เช่น 411002' }),
                accountName !== undefined ? (
                  <span class="grid-account-name muted" data-testid="grid-account-name">
                    {accountName}
                  </span>
                ) : undefined,
              )}
              {cell('amountBaht', text('amountBaht', { placeholder: '0.00', inputMode: 'decimal' }))}
              {cell('method', (attrs) => (
                <select {...attrs} value={row.method} onChange={(e) => setCell('method', e.currentTarget.value)}>
                  {methodOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ))}
              <td class="grid-state">{saving ? 'กำลังบันทึก…' : 'แถวใหม่'}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <datalist id="grid-revenue-accounts">
        {revenue.map((a) => (
          <option key={a.code} value={a.code}>
            {a.nameTh}
          </option>
        ))}
      </datalist>
      <div class="grid-feedback" aria-live="polite">
        {errors.rowTh !== undefined && (
          <p class="notice notice--error" data-testid="error-grid" role="alert">
            {errors.rowTh}
          </p>
        )}
        {numberWarning !== undefined && (
          <p class="notice notice--warn" data-testid="grid-no-warning" data-warning={numberWarning.kind} role="status">
            {numberWarning.textTh}
          </p>
        )}
      </div>
      <p class="muted grid-save-ms" data-testid="grid-save-ms" data-ms={saveMs === undefined ? '' : saveMs.toFixed(1)}>
        {savedCount > 0 && `บันทึกแล้ว ${savedCount} ใบ${savedCount > saved.length ? ` (แสดง ${saved.length} ใบล่าสุด ที่เหลือดูได้ที่หน้ารายการ)` : ''}`}
        {saveMs !== undefined && ` · แถวล่าสุดใช้เวลาบันทึก ${Math.round(saveMs)} ms`}
      </p>
    </div>
  );
}

interface CellAttrs {
  id: string;
  'data-testid': string;
  'data-column': GridColumn;
  'aria-label': string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/**
 * Focuses a cell of the edit row at once, its text selected so typing replaces it. At once, not after
 * the render: a fast typist's next keys already belong to the next cell (the cells of the edit row
 * are the same elements before and after a render).
 */
function focusCell(column: GridColumn): void {
  const control = document.getElementById(cellId(column));
  control?.focus();
  if (control instanceof HTMLInputElement) control.select();
}
