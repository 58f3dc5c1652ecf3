/**
 * ใบเสร็จรับเงิน: the officer types a paper receipt in. The domain validates (readReceiptForm, one Thai
 * message per bad field); the store records (recordReceipt, one transaction); this component only holds
 * the text, shows the messages and moves the focus so a stack of receipts goes in by keyboard.
 */
import { useRef, useState } from 'preact/hooks';
import { revenueAccounts } from '../domain/accounts';
import { formatBaht } from '../domain/money';
import { readReceiptForm, type ReceiptFormInput } from '../domain/receipt';
import { bangkokDateOf, formatBeDate } from '../domain/thaiDate';
import { recordReceipt, type SamutDb, type StoredEntry } from '../store';
import { errorMessageTh } from './errorMessage';
import { describedBy, Field } from './Field';
import { emptyReceiptForm, nextReceiptForm } from './receiptFormState';

type FieldName = keyof ReceiptFormInput;
type FieldErrors = Partial<Record<FieldName, string>>;

/** Element ids, which are also the end-to-end tests' data-testids. */
const controlIds: Record<FieldName, string> = {
  dateBe: 'receipt-date',
  bookNo: 'receipt-book',
  receiptNo: 'receipt-no',
  payer: 'receipt-payer',
  revenueAccount: 'receipt-revenue',
  amountBaht: 'receipt-amount',
  method: 'receipt-method',
};

/** Screen order: the first bad field in this order gets the focus. */
const fieldOrder: readonly FieldName[] = ['dateBe', 'bookNo', 'receiptNo', 'payer', 'revenueAccount', 'amountBaht', 'method'];

/** Who recorded the entry, until officers sign in by name. */
export const recordedByDefault = 'เจ้าหน้าที่การเงิน';

interface SavedNote {
  bookNo: string;
  receiptNo: number;
  payer: string;
  amountBaht: string;
}

export interface ReceiptFormProps {
  db: SamutDb;
  /** Called after each receipt is stored (the app asks the sync engine to send it). */
  onRecorded: (entry: StoredEntry) => void;
}

export function ReceiptForm({ db, onRecorded }: ReceiptFormProps) {
  const [form, setForm] = useState(() => emptyReceiptForm(formatBeDate(bangkokDateOf(Date.now()))));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<SavedNote | undefined>(undefined);
  const [failureTh, setFailureTh] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  // A ref, not state: a double click must never record the same paper receipt twice.
  const savingNow = useRef(false);

  function edit(name: FieldName, value: string) {
    setForm((f) => ({ ...f, [name]: value }));
    setErrors((e) => (e[name] === undefined ? e : { ...e, [name]: undefined }));
    setSaved(undefined);
    setFailureTh(undefined);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (savingNow.current) return;
    setSaved(undefined);
    setFailureTh(undefined);
    const result = readReceiptForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      const first = fieldOrder.find((name) => result.errors[name] !== undefined);
      if (first !== undefined) focusControl(first);
      return;
    }
    savingNow.current = true;
    setSaving(true);
    try {
      const entry = await recordReceipt(db, { date: result.date, doc: result.doc, recordedBy: recordedByDefault });
      setErrors({});
      setSaved({
        bookNo: entry.doc.bookNo,
        receiptNo: entry.doc.receiptNo,
        payer: entry.doc.payer,
        amountBaht: formatBaht(entry.doc.amountSatang),
      });
      setForm(nextReceiptForm(form));
      focusControl('payer');
      onRecorded(entry);
    } catch (error) {
      setFailureTh(`บันทึกไม่สำเร็จ: ${errorMessageTh(error)}`);
    } finally {
      savingNow.current = false;
      setSaving(false);
    }
  }

  const text = (name: FieldName, label: string, extra: Record<string, string> = {}, className?: string) => (
    <Field id={controlIds[name]} label={label} error={errors[name]} errorTestId={`error-${name}`} className={className}>
      <input
        id={controlIds[name]}
        data-testid={controlIds[name]}
        name={name}
        type="text"
        autocomplete="off"
        value={form[name]}
        onInput={(e) => edit(name, e.currentTarget.value)}
        {...describedBy(controlIds[name], errors[name])}
        {...extra}
      />
    </Field>
  );

  return (
    <form class="receipt-form" onSubmit={save} noValidate aria-labelledby="receipt-form-title">
      <h2 id="receipt-form-title">ใบเสร็จรับเงิน</h2>
      <div class="form-grid">
        {text('dateBe', 'วันที่ (พ.ศ.)', { placeholder: '16/01/2567', inputMode: 'numeric' })}
        {text('bookNo', 'เล่มที่', { placeholder: '1/2567' })}
        {text('receiptNo', 'เลขที่', { inputMode: 'numeric' })}
        {text('payer', 'ผู้ชำระเงิน', {}, 'span-3')}
        <Field
          id={controlIds.revenueAccount}
          label="รายการรายได้"
          error={errors.revenueAccount}
          errorTestId="error-revenueAccount"
          className="span-3"
        >
          <select
            id={controlIds.revenueAccount}
            data-testid={controlIds.revenueAccount}
            name="revenueAccount"
            value={form.revenueAccount}
            onChange={(e) => edit('revenueAccount', e.currentTarget.value)}
            {...describedBy(controlIds.revenueAccount, errors.revenueAccount)}
          >
            <option value="">— เลือกรายการรายได้ —</option>
            {revenueAccounts.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} {a.nameTh}
              </option>
            ))}
          </select>
        </Field>
        {text('amountBaht', 'จำนวนเงิน (บาท)', { placeholder: '0.00', inputMode: 'decimal' }, 'amount span-2')}
        <Field id={controlIds.method} label="รับเป็น" error={errors.method} errorTestId="error-method">
          <select
            id={controlIds.method}
            data-testid={controlIds.method}
            name="method"
            value={form.method}
            onChange={(e) => edit('method', e.currentTarget.value)}
            {...describedBy(controlIds.method, errors.method)}
          >
            <option value="cash">เงินสด</option>
            <option value="bank">เงินฝากธนาคาร</option>
          </select>
        </Field>
      </div>
      <div class="form-actions">
        <button type="submit" class="button-primary" data-testid="receipt-save" disabled={saving}>
          {saving ? 'กำลังบันทึก…' : 'บันทึกใบเสร็จ'}
        </button>
        <div class="form-feedback" aria-live="polite">
          {saved !== undefined && (
            <p class="notice notice--ok" data-testid="receipt-saved" role="status">
              บันทึกแล้ว — เล่มที่ {saved.bookNo} เลขที่ {saved.receiptNo} {saved.payer} {saved.amountBaht} บาท
            </p>
          )}
          {failureTh !== undefined && (
            <p class="notice notice--error" data-testid="receipt-error" role="alert">
              {failureTh}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}

function focusControl(name: FieldName): void {
  const control = document.getElementById(controlIds[name]);
  if (control instanceof HTMLInputElement) {
    control.focus();
    control.select();
  } else {
    control?.focus();
  }
}
