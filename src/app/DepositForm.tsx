/**
 * นำฝาก: cash on hand taken to the bank (Dr the bank account / Cr เงินสด), with the pay-in slip number.
 */
import { postableAccounts } from '../domain/chart/chart';
import { cashAccountCode, savingsBankAccountCode } from '../domain/chart/defaultChart';
import { depositFieldOf, readDepositForm, type DepositFormInput } from '../domain/forms';
import { formatBaht } from '../domain/money';
import { bangkokDateOf, formatBeDate } from '../domain/thaiDate';
import { accountOptions, SaveStrip, SelectControl, TextControl } from './controls';
import { fiscalYearOfForm } from './formDates';
import { useEntryForm } from './useEntryForm';
import type { EntryFormProps } from './entryFormProps';
import { useFormCorrection } from './rejected/correcting';
import { depositFormOf } from './rejected/prefill';

const formId = 'deposit';

function emptyDepositForm(): DepositFormInput {
  return {
    dateBe: formatBeDate(bangkokDateOf(Date.now())),
    fromCashAccount: cashAccountCode,
    toBankAccount: savingsBankAccountCode,
    amountBaht: '',
    slipNo: '',
  };
}

export function DepositForm({ db, setup, onRecorded, correcting }: EntryFormProps) {
  const f = useEntryForm(
    db,
    {
      formId,
      read: readDepositForm,
      fieldOf: depositFieldOf,
      next: (saved) => ({ ...saved, amountBaht: '', slipNo: '' }),
      focusAfterSave: 'amountBaht',
    },
    emptyDepositForm,
    onRecorded,
    useFormCorrection(correcting, (e) => (e.kind === 'deposit' ? depositFormOf(e) : undefined)),
  );
  const { form, errors } = f;
  const fy = fiscalYearOfForm(form.dateBe);
  const set = (field: keyof DepositFormInput) => (value: string) => f.update((s) => ({ ...s, [field]: value }), [field]);
  const saved = f.saved?.kind === 'deposit' ? f.saved : undefined;
  /** Picks one of the year's postable accounts of `role` (the cash taken, the bank it goes into). */
  const accountSelect = (field: 'fromCashAccount' | 'toBankAccount', label: string, role: 'cash' | 'bank') => (
    <SelectControl
      formId={formId}
      field={field}
      label={label}
      value={form[field]}
      onValue={set(field)}
      errors={errors}
      options={accountOptions(postableAccounts(setup.chart, fy, { role }))}
      placeholder="— เลือกบัญชี —"
    />
  );

  return (
    <form id={`${formId}-form`} class="entry-form" onSubmit={f.save} noValidate aria-labelledby="deposit-form-title">
      <h2 id="deposit-form-title">นำเงินฝากธนาคาร</h2>
      <p class="muted form-lead">เงินสดที่รับไว้นำฝากเข้าบัญชีธนาคาร (เดบิต เงินฝากธนาคาร / เครดิต เงินสด)</p>
      <div class="form-grid">
        <TextControl formId={formId} field="dateBe" label="วันที่นำฝาก (พ.ศ.)" value={form.dateBe} onValue={set('dateBe')} errors={errors} placeholder="16/01/2567" inputMode="numeric" />
        {accountSelect('fromCashAccount', 'จากบัญชีเงินสด', 'cash')}
        {accountSelect('toBankAccount', 'เข้าบัญชีธนาคาร', 'bank')}
        <TextControl formId={formId} field="amountBaht" label="จำนวนเงิน (บาท)" value={form.amountBaht} onValue={set('amountBaht')} errors={errors} placeholder="0.00" inputMode="decimal" amount className="span-2" />
        <TextControl formId={formId} field="slipNo" label="เลขที่ใบนำฝาก (ถ้ามี)" value={form.slipNo} onValue={set('slipNo')} errors={errors} />
      </div>
      <SaveStrip
        formId={formId}
        saving={f.saving}
        label="บันทึกการนำฝาก"
        formErrorTh={f.formErrorTh}
        savedNote={saved && `บันทึกแล้ว — นำฝาก ${formatBaht(saved.doc.amountSatang)} บาท วันที่ ${formatBeDate(saved.date)}`}
      />
    </form>
  );
}
