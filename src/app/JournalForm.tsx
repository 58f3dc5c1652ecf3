/**
 * ใบผ่านรายการบัญชี: free debit/credit lines (or the year's opening balances, dated 1 October). Σdebit
 * and Σcredit show live under the grid, with the difference while they do not agree.
 */
import { Fragment } from 'preact';
import { postableAccounts } from '../domain/chart/chart';
import { emptyJournalLine, journalFieldOf, journalFormTotals, readJournalForm, type JournalFormInput, type JournalLineInput } from '../domain/forms';
import { entryLinesMax } from '../domain/journal';
import { formatBaht } from '../domain/money';
import { bangkokDateOf, formatBeDate } from '../domain/thaiDate';
import { accountOptions, CellControl, GroupError, SaveStrip, SelectControl, TextControl } from './controls';
import { fiscalYearOfForm } from './formDates';
import { useEntryForm } from './useEntryForm';
import type { EntryFormProps } from './entryFormProps';
import { useFormCorrection } from './rejected/correcting';
import { journalFormOf } from './rejected/prefill';

const formId = 'journal';

function emptyJournalForm(): JournalFormInput {
  return {
    dateBe: formatBeDate(bangkokDateOf(Date.now())),
    voucherNo: '',
    purpose: 'general',
    description: '',
    lines: [{ ...emptyJournalLine }, { ...emptyJournalLine }],
  };
}

export function JournalForm({ db, setup, onRecorded, correcting }: EntryFormProps) {
  const f = useEntryForm(
    db,
    {
      formId,
      read: readJournalForm,
      fieldOf: journalFieldOf,
      next: (saved) => ({ ...emptyJournalForm(), dateBe: saved.dateBe, purpose: saved.purpose }),
      focusAfterSave: 'voucherNo',
    },
    emptyJournalForm,
    onRecorded,
    useFormCorrection(correcting, (e) => (e.kind === 'journal' ? journalFormOf(e) : undefined)),
  );
  const { form, errors } = f;
  const fy = fiscalYearOfForm(form.dateBe);
  const options = accountOptions(postableAccounts(setup.chart, fy));
  const totals = journalFormTotals(form.lines);
  const set = (field: 'dateBe' | 'voucherNo' | 'purpose' | 'description') => (value: string) => f.update((s) => ({ ...s, [field]: value }), [field]);
  const setLine = (i: number, col: keyof JournalLineInput) => (value: string) =>
    f.update((s) => ({ ...s, lines: s.lines.map((l, j) => (j === i ? { ...l, [col]: value } : l)) }), [`lines.${i}.${col}`, 'lines']);
  const saved = f.saved?.kind === 'journal' ? f.saved : undefined;
  const differenceSatang = totals.debitSatang - totals.creditSatang;

  return (
    <form id={`${formId}-form`} class="entry-form" onSubmit={f.save} noValidate aria-labelledby="journal-form-title">
      <h2 id="journal-form-title">ใบผ่านรายการบัญชี</h2>
      <div class="form-grid">
        <TextControl formId={formId} field="dateBe" label="วันที่ (พ.ศ.)" value={form.dateBe} onValue={set('dateBe')} errors={errors} placeholder="16/01/2567" inputMode="numeric" />
        <TextControl formId={formId} field="voucherNo" label="เลขที่ใบผ่านรายการ" value={form.voucherNo} onValue={set('voucherNo')} errors={errors} />
        <SelectControl
          formId={formId}
          field="purpose"
          label="ชนิด"
          value={form.purpose}
          onValue={set('purpose')}
          errors={errors}
          options={[
            { value: 'general', label: 'รายการทั่วไป' },
            { value: 'opening', label: 'ยอดยกมาต้นปีงบประมาณ (1 ต.ค.)' },
          ]}
        />
        <TextControl formId={formId} field="description" label="คำอธิบาย" value={form.description} onValue={set('description')} errors={errors} className="span-3" />
      </div>
      <fieldset class="rows">
        <legend>รายการบัญชี</legend>
        <div class="rows-grid rows-grid--journal" role="group" aria-label="รายการบัญชี">
          <span class="rows-head">บัญชี</span>
          <span class="rows-head num">เดบิต (บาท)</span>
          <span class="rows-head num">เครดิต (บาท)</span>
          <span class="rows-head">หมายเหตุ</span>
          <span class="rows-head" aria-hidden="true" />
          {form.lines.map((l, i) => (
            <Fragment key={i}>
              <CellControl formId={formId} field={`lines.${i}.account`} ariaLabel={`บัญชีบรรทัดที่ ${i + 1}`} value={l.account} onValue={setLine(i, 'account')} options={options} placeholder="— เลือกบัญชี —" errors={errors} />
              <CellControl formId={formId} field={`lines.${i}.debitBaht`} ariaLabel={`เดบิตบรรทัดที่ ${i + 1} (บาท)`} value={l.debitBaht} onValue={setLine(i, 'debitBaht')} amount errors={errors} />
              <CellControl formId={formId} field={`lines.${i}.creditBaht`} ariaLabel={`เครดิตบรรทัดที่ ${i + 1} (บาท)`} value={l.creditBaht} onValue={setLine(i, 'creditBaht')} amount errors={errors} />
              <CellControl formId={formId} field={`lines.${i}.note`} ariaLabel={`หมายเหตุบรรทัดที่ ${i + 1}`} value={l.note} onValue={setLine(i, 'note')} errors={errors} />
              <span class="cell">
                {form.lines.length > 2 && (
                  <button
                    type="button"
                    class="button-icon"
                    aria-label={`ลบบรรทัดที่ ${i + 1}`}
                    title="ลบบรรทัดนี้"
                    data-testid={`journal-line-${i}-remove`}
                    onClick={() => f.update((s) => ({ ...s, lines: s.lines.filter((_, j) => j !== i) }), ['lines'])}
                  >
                    ×
                  </button>
                )}
              </span>
            </Fragment>
          ))}
          <span class="rows-total">รวม</span>
          <span class={`rows-total num${totals.balanced ? ' rows-total--ok' : ''}`} data-testid="journal-total-debit" data-satang={String(totals.debitSatang)}>
            {formatBaht(totals.debitSatang)}
          </span>
          <span class={`rows-total num${totals.balanced ? ' rows-total--ok' : ''}`} data-testid="journal-total-credit" data-satang={String(totals.creditSatang)}>
            {formatBaht(totals.creditSatang)}
          </span>
          <span class="rows-total" data-testid="journal-balance" data-balanced={String(totals.balanced)} aria-live="polite">
            {totals.balanced ? '✓ สมดุล' : differenceSatang !== 0 ? `ต่างกัน ${formatBaht(Math.abs(differenceSatang))}` : ''}
          </span>
          <span />
        </div>
        <GroupError formId={formId} field="lines" errors={errors} />
        <div class="rows-foot">
          <button
            type="button"
            class="button-quiet"
            data-testid="journal-add-line"
            disabled={form.lines.length >= entryLinesMax}
            onClick={() => f.update((s) => ({ ...s, lines: [...s.lines, { ...emptyJournalLine }] }))}
          >
            + เพิ่มบรรทัด
          </button>
        </div>
      </fieldset>
      <SaveStrip
        formId={formId}
        saving={f.saving}
        label="บันทึกใบผ่านรายการ"
        formErrorTh={f.formErrorTh}
        savedNote={saved && `บันทึกแล้ว — ใบผ่านรายการเลขที่ ${saved.doc.voucherNo} ${formatBaht(saved.doc.lines.reduce((s, l) => s + l.debitSatang, 0))} บาท`}
      />
    </form>
  );
}
