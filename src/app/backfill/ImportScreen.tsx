/**
 * นำเข้าจากไฟล์ (issue 5): an outage's paper records typed into a spreadsheet, brought into the books
 * in one go. The officer picks the kind, may download its template (CSV or Excel), chooses the file,
 * and sees a progress bar while the import worker reads it, then the counts, every row error
 * ("แถว 14, คอลัมน์ วันที่: …") and a preview marking each document new or already recorded. The new
 * ones are recorded in ONE transaction: all or nothing, or only the rows without errors.
 *
 * Nothing heavy runs here: reading, checking and writing happen in the worker (importClient.ts), so
 * the page stays responsive through a 20,000-row file.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportKind } from '../../domain/import/importTypes';
import { importTemplates } from '../../domain/import/importTemplates';
import type { ImportScreenProps } from './backfillProps';
import { createImportClient, type ImportClient, type ImportProgress } from './importClient';
import { importFileAccept, type ImportCommitMode, type ImportSummary } from './importMessages';
import { ImportProgressBar, ImportSummaryView, importKindsTh } from './ImportSummaryView';
import { ImportTemplateButtons } from './ImportTemplateButtons';
import { recordedByDefault } from '../useEntryForm';

const kinds = Object.keys(importKindsTh) as ImportKind[];

/** Where this screen remembers the last name typed as ผู้บันทึก (the forms have no signed-in officer yet). */
const recordedByStorageKey = 'samut.import.recordedBy';

type Status =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; progress: ImportProgress }
  | { step: 'failed'; messageTh: string }
  | { step: 'read'; summary: ImportSummary }
  | { step: 'committing'; summary: ImportSummary; progress: ImportProgress }
  | { step: 'refused'; summary: ImportSummary; messageTh: string };

export function ImportScreen({ onImported }: ImportScreenProps) {
  const [kind, setKind] = useState<ImportKind>('receipt');
  const [status, setStatus] = useState<Status>({ step: 'idle' });
  const [mode, setMode] = useState<ImportCommitMode>('all-or-nothing');
  const [recordedBy, setRecordedBy] = useState(readLastRecordedBy);
  const [recordedByError, setRecordedByError] = useState<string | undefined>(undefined);
  const [savedTh, setSavedTh] = useState<string | undefined>(undefined);
  const client = useRef<ImportClient | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => () => client.current?.dispose(), []);
  const worker = () => (client.current ??= createImportClient());

  async function choose(file: File | undefined) {
    setSavedTh(undefined);
    if (file === undefined) {
      setStatus({ step: 'idle' });
      return;
    }
    setStatus({ step: 'reading', fileName: file.name, progress: { phase: 'file', done: 0, total: 0 } });
    const outcome = await worker().read(kind, file, (progress) => setStatus((s) => (s.step === 'reading' ? { ...s, progress } : s)));
    setStatus(outcome.outcome === 'read' ? { step: 'read', summary: outcome.summary } : { step: 'failed', messageTh: outcome.messageTh });
  }

  function changeKind(next: ImportKind) {
    setKind(next);
    setSavedTh(undefined);
    // A file read as another kind means nothing now: the officer chooses it again.
    setStatus({ step: 'idle' });
    if (fileInput.current) fileInput.current.value = '';
  }

  async function commit(event: Event) {
    event.preventDefault();
    if (status.step !== 'read' && status.step !== 'refused') return;
    const who = recordedBy.trim();
    if (who === '') {
      setRecordedByError('กรุณากรอกชื่อผู้บันทึก');
      return;
    }
    setRecordedByError(undefined);
    rememberRecordedBy(who);
    const summary = status.summary;
    setStatus({ step: 'committing', summary, progress: { phase: 'record', done: 0, total: 0 } });
    const outcome = await worker().commit(summary.readId, mode, who, (progress) => setStatus((s) => (s.step === 'committing' ? { ...s, progress } : s)));
    if (outcome.outcome === 'committed') {
      setSavedTh(
        outcome.recorded > 0 ? `บันทึกแล้ว ${outcome.recorded.toLocaleString('th-TH')} รายการ รอส่งเข้าระบบกลาง` : 'ไม่มีรายการใหม่ ทุกรายการในไฟล์บันทึกไว้แล้ว',
      );
      setStatus({ step: 'idle' });
      if (fileInput.current) fileInput.current.value = '';
      if (outcome.recorded > 0) onImported();
    } else {
      setStatus({ step: 'refused', summary: outcome.summary ?? summary, messageTh: outcome.messageTh });
    }
  }

  const summary = status.step === 'read' || status.step === 'committing' || status.step === 'refused' ? status.summary : undefined;
  const busy = status.step === 'reading' || status.step === 'committing';
  const template = importTemplates[kind];
  const canCommit = summary !== undefined && !busy && summary.counts.new > 0 && (mode === 'valid-only' || summary.counts.errors === 0);

  return (
    <form class="entry-form import-screen" onSubmit={commit} noValidate aria-labelledby="import-title" data-testid="import-screen">
      <h2 id="import-title">นำเข้าจากไฟล์ (ลงย้อนหลัง)</h2>
      <p class="muted form-lead">
        บันทึกเอกสารช่วงที่ระบบกลางใช้งานไม่ได้จากไฟล์ Excel (.xlsx) หรือ CSV ตามแบบฟอร์ม ตรวจทุกแถวก่อนบันทึก เอกสารที่บันทึกไว้แล้ว (เลขที่เดียวกัน)
        จะไม่ถูกบันทึกซ้ำ
      </p>
      <div class="form-grid">
        <div class="field">
          <label for="import-kind">ชนิดเอกสาร</label>
          <select id="import-kind" data-testid="import-kind" value={kind} disabled={busy} onChange={(e) => changeKind(e.currentTarget.value as ImportKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {importKindsTh[k]}
              </option>
            ))}
          </select>
        </div>
        <div class="field span-2">
          <label for="import-file">ไฟล์ข้อมูล (.xlsx หรือ .csv)</label>
          <input
            id="import-file"
            ref={fileInput}
            data-testid="import-file"
            type="file"
            accept={importFileAccept}
            disabled={busy}
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </div>
      </div>
      <details class="import-template">
        <summary>แบบฟอร์ม{template.titleTh ? ` ${template.titleTh}` : ''}: คอลัมน์ที่ต้องมี</summary>
        <ul class="import-columns">
          {template.columns.map((c) => (
            <li key={c.field}>
              <strong>{c.headerTh}</strong>
              {c.required ? ' (ต้องมี)' : ' (ไม่บังคับ)'}
              {c.noteTh ? ` — ${c.noteTh}` : ''}
            </li>
          ))}
        </ul>
      </details>
      <ImportTemplateButtons kind={kind} />

      {status.step === 'reading' && <ImportProgressBar fileName={status.fileName} progress={status.progress} />}
      {status.step === 'failed' && (
        <p class="notice notice--error" role="alert" data-testid="import-failed">
          {status.messageTh}
        </p>
      )}
      {summary !== undefined && <ImportSummaryView summary={summary} />}
      {summary !== undefined && (
        <>
          <fieldset class="import-mode" disabled={busy}>
            <legend>เมื่อไฟล์มีแถวที่ผิด</legend>
            <label class="check-field">
              <input type="radio" name="import-mode" value="all-or-nothing" data-testid="import-mode-all" checked={mode === 'all-or-nothing'} onChange={() => setMode('all-or-nothing')} />
              ทั้งหมดหรือไม่บันทึกเลย
            </label>
            <label class="check-field">
              <input type="radio" name="import-mode" value="valid-only" data-testid="import-mode-valid" checked={mode === 'valid-only'} onChange={() => setMode('valid-only')} />
              บันทึกเฉพาะแถวที่ถูกต้อง
            </label>
          </fieldset>
          <div class="form-grid">
            <div class={`field${recordedByError ? ' field--invalid' : ''}`}>
              <label for="import-recorded-by">ผู้บันทึก</label>
              <input
                id="import-recorded-by"
                data-testid="import-recorded-by"
                type="text"
                autoComplete="name"
                maxLength={100}
                value={recordedBy}
                disabled={busy}
                onInput={(e) => setRecordedBy(e.currentTarget.value)}
                aria-invalid={recordedByError !== undefined}
                aria-describedby={recordedByError ? 'import-recorded-by-error' : undefined}
              />
              {recordedByError && (
                <p id="import-recorded-by-error" class="field-error">
                  {recordedByError}
                </p>
              )}
            </div>
          </div>
        </>
      )}
      {status.step === 'committing' && <ImportProgressBar fileName={status.summary.fileName} progress={status.progress} />}
      <div class="form-actions">
        {summary !== undefined && (
          <button type="submit" class="button-primary" data-testid="import-commit" disabled={!canCommit}>
            {status.step === 'committing' ? 'กำลังบันทึก…' : `บันทึก ${(mode === 'valid-only' || summary.counts.errors === 0 ? summary.counts.new : 0).toLocaleString('th-TH')} รายการ`}
          </button>
        )}
        <div class="form-feedback" aria-live="polite">
          {savedTh !== undefined && (
            <p class="notice notice--ok" role="status" data-testid="import-saved">
              {savedTh}
            </p>
          )}
          {status.step === 'refused' && (
            <p class="notice notice--error" role="alert" data-testid="import-refused">
              {status.messageTh}
            </p>
          )}
          {summary !== undefined && mode === 'all-or-nothing' && summary.counts.errors > 0 && status.step !== 'refused' && (
            <p class="notice notice--warn" data-testid="import-blocked">
              ไฟล์มีข้อผิดพลาด จึงบันทึกแบบ "ทั้งหมดหรือไม่บันทึกเลย" ไม่ได้ แก้ไขไฟล์แล้วเลือกใหม่ หรือเลือก "บันทึกเฉพาะแถวที่ถูกต้อง"
            </p>
          )}
        </div>
      </div>
    </form>
  );
}

function readLastRecordedBy(): string {
  try {
    return localStorage.getItem(recordedByStorageKey) || recordedByDefault;
  } catch {
    return recordedByDefault;
  }
}

function rememberRecordedBy(name: string): void {
  try {
    localStorage.setItem(recordedByStorageKey, name);
  } catch {
    // Storage refused (private mode, quota): the name is typed again next time, nothing else is lost.
  }
}
