/**
 * นำเข้าโครงสร้างงบประมาณจาก CSV: the year's budget lines (with their amounts) from a spreadsheet saved
 * as CSV. The file is read by the domain (parseBudgetCsv: Thai headers, B.E. years, "รวม…" rows
 * skipped, every row checked); the officer sees the rows or every error with its row and column, then
 * records them as appropriation entries in ONE transaction (recordEntries): all of them or none.
 */
import { useState } from 'preact/hooks';
import { parseBudgetCsv, type BudgetCsvLoad } from '../domain/budget/budgetCsv';
import { fundSourceNamesTh } from '../domain/budget/budgetLine';
import { formatBaht, sumSatang } from '../domain/money';
import { bangkokDateOf, formatBeDate, parseBeDate } from '../domain/thaiDate';
import { recordBatchMax, recordEntries, type BooksSetup, type SamutDb, type StoredEntry } from '../store';
import { accountIn } from '../domain/chart/chart';
import { describedBy, Field } from './Field';
import { errorMessageTh } from './errorMessage';
import { recordedByDefault } from './useEntryForm';

const formId = 'budget-csv';
/** Rows the preview lists; the rest are counted (all are recorded). */
const previewRowsMax = 200;

export interface BudgetCsvImportProps {
  db: SamutDb;
  setup: BooksSetup;
  onRecorded: (entries: StoredEntry[]) => void;
}

export function BudgetCsvImport({ db, setup, onRecorded }: BudgetCsvImportProps) {
  const [fileName, setFileName] = useState('');
  const [load, setLoad] = useState<BudgetCsvLoad | undefined>(undefined);
  const [dateBe, setDateBe] = useState(() => formatBeDate(bangkokDateOf(Date.now())));
  const [reference, setReference] = useState('');
  const [errorTh, setErrorTh] = useState<string | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<{ date?: string; reference?: string }>({});
  const [savedTh, setSavedTh] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  async function choose(file: File | undefined) {
    setSavedTh(undefined);
    setErrorTh(undefined);
    if (file === undefined) {
      setLoad(undefined);
      return;
    }
    setFileName(file.name);
    setLoad(parseBudgetCsv(await file.text()));
  }

  async function save(event: Event) {
    event.preventDefault();
    if (saving || load === undefined || !load.ok) return;
    setSavedTh(undefined);
    setErrorTh(undefined);
    const date = parseBeDate(dateBe);
    const errors = {
      ...(date.ok ? {} : { date: date.messageTh }),
      ...(reference.trim() === '' ? { reference: 'กรุณากรอกเลขที่/อ้างอิงเอกสาร เช่น ข้อบัญญัติงบประมาณ พ.ศ. 2567' } : {}),
    };
    setFieldErrors(errors);
    if (!date.ok || errors.reference !== undefined) return;
    if (load.rows.length > recordBatchMax) {
      setErrorTh(`ไฟล์มี ${load.rows.length} รายการ นำเข้าได้ครั้งละไม่เกิน ${recordBatchMax} รายการ กรุณาแบ่งไฟล์`);
      return;
    }
    setSaving(true);
    try {
      const stored = await recordEntries(
        db,
        load.rows.map((r) => ({
          date: date.iso,
          recordedBy: recordedByDefault,
          kind: 'budget' as const,
          doc: { action: 'appropriation' as const, line: r.line, amountSatang: r.amountSatang, reference: reference.trim() },
        })),
      );
      setSavedTh(`บันทึกแล้ว ${stored.length} รายการ รวม ${formatBaht(sumSatang(load.rows.map((r) => r.amountSatang)))} บาท`);
      setLoad(undefined);
      setFileName('');
      onRecorded(stored);
    } catch (error) {
      const row = error instanceof Error && 'index' in error && typeof error.index === 'number' ? load.rows[error.index]?.row : undefined;
      setErrorTh(`${row !== undefined ? `แถว ${row} ของไฟล์: ` : ''}บันทึกไม่สำเร็จ ไม่มีรายการใดถูกบันทึก — ${errorMessageTh(error)}`);
    } finally {
      setSaving(false);
    }
  }

  const totalSatang = load?.ok ? sumSatang(load.rows.map((r) => r.amountSatang)) : 0;
  return (
    <form id={`${formId}-form`} class="entry-form" onSubmit={save} noValidate aria-labelledby="budget-csv-title">
      <h2 id="budget-csv-title">นำเข้าโครงสร้างงบประมาณจาก CSV</h2>
      <p class="muted form-lead">
        คอลัมน์: รหัสรายการ, ปีงบประมาณ, รหัสแผนงาน, แผนงาน, รหัสงาน, งาน, งบ, หมวด, ประเภท, โครงการ, แหล่งเงิน, จำนวนเงิน
        (บันทึกจาก Excel เป็น CSV UTF-8) แต่ละแถวบันทึกเป็นรายการตั้งงบประมาณ ทั้งไฟล์ในครั้งเดียว
      </p>
      <div class="form-grid">
        <div class="field span-3">
          <label for="budget-csv-file">ไฟล์ CSV</label>
          <input id="budget-csv-file" data-testid="budget-csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        </div>
      </div>
      {load !== undefined && !load.ok && (
        <div class="notice notice--error" data-testid="budget-csv-errors" role="alert">
          <p>
            ไฟล์ {fileName} มีข้อผิดพลาด {load.errors.length} จุด ยังไม่ได้บันทึกสิ่งใด แก้ไขไฟล์แล้วเลือกใหม่:
          </p>
          <ul class="csv-errors">
            {load.errors.slice(0, previewRowsMax).map((e, i) => (
              <li key={i} data-testid="budget-csv-error">
                แถว {e.row}, คอลัมน์ {e.column}: {e.messageTh}
              </li>
            ))}
          </ul>
        </div>
      )}
      {load?.ok && (
        <>
          <p class="muted">
            {fileName}: {load.rows.length} รายการ รวม {formatBaht(totalSatang)} บาท
            {load.skippedSubtotalRows.length > 0 && ` (ข้ามแถวรวม ${load.skippedSubtotalRows.length} แถว)`}
          </p>
          <div class="table-wrap preview">
            <table class="ledger" data-testid="budget-csv-preview">
              <thead>
                <tr>
                  <th scope="col">แถว</th>
                  <th scope="col">รหัสรายการ</th>
                  <th scope="col">ปี</th>
                  <th scope="col">แผนงาน › งาน</th>
                  <th scope="col">งบ › หมวด › ประเภท</th>
                  <th scope="col">แหล่งเงิน</th>
                  <th scope="col" class="num">จำนวนเงิน</th>
                </tr>
              </thead>
              <tbody>
                {load.rows.slice(0, previewRowsMax).map((r) => (
                  <tr key={r.row} data-testid="budget-csv-row">
                    <td>{r.row}</td>
                    <td class="nowrap">{r.line.code}</td>
                    <td>{r.line.fiscalYear}</td>
                    <td>
                      {r.line.planName} › {r.line.workName}
                    </td>
                    <td>
                      {r.line.groupName} › {r.line.categoryAccount} {accountIn(setup.chart, r.line.categoryAccount, r.line.fiscalYear)?.nameTh ?? ''} › {r.line.typeName}
                      {r.line.projectName ? ` › ${r.line.projectName}` : ''}
                    </td>
                    <td>{fundSourceNamesTh[r.line.fundSource]}</td>
                    <td class="num">{formatBaht(r.amountSatang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {load.rows.length > previewRowsMax && <p class="muted">และอีก {load.rows.length - previewRowsMax} รายการ</p>}
          <div class="form-grid">
            <Field id="budget-csv-date" label="วันที่ลงรายการ (พ.ศ.)" error={fieldErrors.date} errorTestId="error-budget-csv-date">
              <input id="budget-csv-date" data-testid="budget-csv-date" type="text" inputMode="numeric" value={dateBe} onInput={(e) => setDateBe(e.currentTarget.value)} {...describedBy('budget-csv-date', fieldErrors.date)} />
            </Field>
            <Field id="budget-csv-reference" label="เลขที่/อ้างอิงเอกสาร" error={fieldErrors.reference} errorTestId="error-budget-csv-reference" className="span-2">
              <input
                id="budget-csv-reference"
                data-testid="budget-csv-reference"
                type="text"
                placeholder="ข้อบัญญัติงบประมาณ พ.ศ. 2567"
                value={reference}
                onInput={(e) => setReference(e.currentTarget.value)}
                {...describedBy('budget-csv-reference', fieldErrors.reference)}
              />
            </Field>
          </div>
        </>
      )}
      <div class="form-actions">
        <button type="submit" class="button-primary" data-testid="budget-csv-save" disabled={saving || load === undefined || !load.ok}>
          {saving ? 'กำลังบันทึก…' : load?.ok ? `บันทึก ${load.rows.length} รายการ` : 'บันทึก'}
        </button>
        <div class="form-feedback" aria-live="polite">
          {savedTh !== undefined && (
            <p class="notice notice--ok" data-testid="budget-csv-saved" role="status">
              {savedTh}
            </p>
          )}
          {errorTh !== undefined && (
            <p class="notice notice--error" data-testid="error-budget-csv" role="alert">
              {errorTh}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
