/**
 * ใบเสร็จรับเงิน: the officer types a paper receipt in: book and number (with the book's next number as
 * a hint, and a warning when the typed number skips some), payer, one or more items, and how the
 * money came in (เงินสด, เช็ค, โอน into a bank account). Reading is the domain's (readReceiptForm),
 * recording the store's; this component holds the text and moves the focus so a stack of receipts
 * goes in by keyboard.
 */
import { postableAccounts } from '../domain/chart/chart';
import { cashAccountCode } from '../domain/chart/defaultChart';
import { emptyReceiptItem, readReceiptForm, receiptFieldOf, type ReceiptFormInput } from '../domain/forms';
import { receiptItemsMax, receiptMethodNamesTh, type ReceiptMethod } from '../domain/kinds/receipt';
import { formatBaht, parseBaht, sumSatang } from '../domain/money';
import { bangkokDateOf, formatBeDate } from '../domain/thaiDate';
import { accountOptions, CellControl, GroupError, SaveStrip, SelectControl, TextControl, type Option } from './controls';
import { fiscalYearOfForm } from './formDates';
import { emptyReceiptForm, nextReceiptForm } from './receiptFormState';
import { ReceiptNumberHint } from './ReceiptNumberHint';
import { useEntryForm } from './useEntryForm';
import type { EntryFormProps } from './entryFormProps';
import { useFormCorrection } from './rejected/correcting';
import { receiptFormOf } from './rejected/prefill';

const formId = 'receipt';

const methods: ReceiptMethod[] = ['cash', 'cheque', 'transfer'];

export function ReceiptForm({ db, setup, onRecorded, correcting }: EntryFormProps) {
  const f = useEntryForm(
    db,
    { formId, read: readReceiptForm, fieldOf: receiptFieldOf, next: nextReceiptForm, focusAfterSave: 'payer' },
    () => emptyReceiptForm(formatBeDate(bangkokDateOf(Date.now())), cashAccountCode),
    onRecorded,
    useFormCorrection(correcting, (e) => (e.kind === 'receipt' ? receiptFormOf(e) : undefined)),
  );
  const { form, errors } = f;
  const fy = fiscalYearOfForm(form.dateBe);
  const itemOptions: Option[] = [
    ...accountOptions(postableAccounts(setup.chart, fy, { type: 'revenue' })),
    ...accountOptions(postableAccounts(setup.chart, fy, { role: 'deposit' })).map((o) => ({ ...o, label: `${o.label} (เงินรับฝาก)` })),
  ];
  const intoOptions = accountOptions(postableAccounts(setup.chart, fy, { role: form.method === 'transfer' ? 'bank' : 'cash' }));

  const set = (field: keyof ReceiptFormInput) => (value: string) => f.update((s) => ({ ...s, [field]: value }), [field]);
  const setItem = (i: number, col: 'account' | 'amountBaht' | 'description') => (value: string) =>
    f.update((s) => ({ ...s, items: s.items.map((it, j) => (j === i ? { ...it, [col]: value } : it)) }), [`items.${i}.${col}`, 'items']);
  function setMethod(method: string) {
    f.update((s) => {
      // The account the money goes into follows the method: cash/cheque into cash, a transfer into a bank.
      const role = method === 'transfer' ? 'bank' : 'cash';
      const keep = postableAccounts(setup.chart, fy, { role }).some((a) => a.code === s.receivedInto);
      const first = postableAccounts(setup.chart, fy, { role })[0]?.code ?? '';
      return { ...s, method, receivedInto: keep ? s.receivedInto : role === 'cash' ? cashAccountCode : first };
    }, ['method', 'receivedInto']);
  }
  function addItem() {
    f.update((s) => ({ ...s, items: [...s.items, { ...emptyReceiptItem }] }));
    setTimeout(() => document.getElementById(`${formId}-item-${form.items.length}-account`)?.focus(), 0);
  }
  function removeItem(i: number) {
    f.update((s) => ({ ...s, items: s.items.filter((_, j) => j !== i) }), ['items']);
  }

  const amounts = form.items.map((i) => parseBaht(i.amountBaht));
  const totalSatang = amounts.every((a) => a.ok || a.messageTh === 'กรุณากรอกจำนวนเงิน')
    ? sumSatang(amounts.map((a) => (a.ok ? a.satang : 0)))
    : undefined;
  const saved = f.saved?.kind === 'receipt' ? f.saved : undefined;

  return (
    <form id={`${formId}-form`} class="entry-form" onSubmit={f.save} noValidate aria-labelledby="receipt-form-title">
      <h2 id="receipt-form-title">ใบเสร็จรับเงิน</h2>
      <div class="form-grid">
        <TextControl formId={formId} field="dateBe" label="วันที่ (พ.ศ.)" value={form.dateBe} onValue={set('dateBe')} errors={errors} placeholder="16/01/2567" inputMode="numeric" />
        <TextControl formId={formId} field="bookNo" label="เล่มที่" value={form.bookNo} onValue={set('bookNo')} errors={errors} placeholder="1/2567" />
        <TextControl
          formId={formId}
          field="receiptNo"
          label="เลขที่"
          value={form.receiptNo}
          onValue={set('receiptNo')}
          errors={errors}
          inputMode="numeric"
        />
        <ReceiptNumberHint db={db} bookNo={form.bookNo} receiptNo={form.receiptNo} books={setup.receiptBooks} onUseNext={set('receiptNo')} />
        <TextControl formId={formId} field="payer" label="ผู้ชำระเงิน" value={form.payer} onValue={set('payer')} errors={errors} className="span-3" />
      </div>

      <fieldset class="rows">
        <legend>รายการรับ</legend>
        <div class="rows-grid rows-grid--receipt" role="group" aria-label="รายการรับ">
          <span class="rows-head">รายการ</span>
          <span class="rows-head">คำอธิบาย (ถ้ามี)</span>
          <span class="rows-head num">จำนวนเงิน (บาท)</span>
          <span class="rows-head" aria-hidden="true" />
          {form.items.map((item, i) => (
            <ItemRow key={i} i={i} item={item} errors={errors} options={itemOptions} setItem={setItem} onRemove={form.items.length > 1 ? () => removeItem(i) : undefined} />
          ))}
        </div>
        <GroupError formId={formId} field="items" errors={errors} />
        <div class="rows-foot">
          <button type="button" class="button-quiet" data-testid="receipt-add-item" onClick={addItem} disabled={form.items.length >= receiptItemsMax}>
            + เพิ่มรายการ
          </button>
          <p class="total" data-testid="receipt-total">
            รวมเงิน <strong>{totalSatang === undefined ? '—' : formatBaht(totalSatang)}</strong> บาท
          </p>
        </div>
      </fieldset>

      <div class="form-grid">
        <SelectControl
          formId={formId}
          field="method"
          label="รับเป็น"
          value={form.method}
          onValue={setMethod}
          errors={errors}
          options={methods.map((m) => ({ value: m, label: receiptMethodNamesTh[m] }))}
        />
        <SelectControl
          formId={formId}
          field="receivedInto"
          label={form.method === 'transfer' ? 'บัญชีธนาคารที่รับโอน' : 'บัญชีเงินสดที่รับ'}
          value={form.receivedInto}
          onValue={set('receivedInto')}
          errors={errors}
          options={intoOptions}
          placeholder="— เลือกบัญชี —"
        />
        <TextControl
          formId={formId}
          field="reference"
          label={form.method === 'cheque' ? 'เลขที่เช็ค' : form.method === 'transfer' ? 'อ้างอิงการโอน' : 'อ้างอิง (ถ้ามี)'}
          value={form.reference}
          onValue={set('reference')}
          errors={errors}
        />
      </div>
      <SaveStrip
        formId={formId}
        saving={f.saving}
        label="บันทึกใบเสร็จ"
        formErrorTh={f.formErrorTh}
        savedNote={
          saved &&
          `บันทึกแล้ว — เล่มที่ ${saved.doc.bookNo} เลขที่ ${saved.doc.receiptNo} ${saved.doc.payer} ${formatBaht(sumSatang(saved.doc.items.map((i) => i.amountSatang)))} บาท`
        }
      />
    </form>
  );
}

interface ItemRowProps {
  i: number;
  item: ReceiptFormInput['items'][number];
  errors: Record<string, string>;
  options: Option[];
  setItem: (i: number, col: 'account' | 'amountBaht' | 'description') => (value: string) => void;
  onRemove: (() => void) | undefined;
}

function ItemRow({ i, item, errors, options, setItem, onRemove }: ItemRowProps) {
  const n = i + 1;
  return (
    <>
      <CellControl formId={formId} field={`items.${i}.account`} ariaLabel={`รายการที่ ${n}`} value={item.account} onValue={setItem(i, 'account')} options={options} placeholder="— เลือกรายการรับ —" errors={errors} />
      <CellControl formId={formId} field={`items.${i}.description`} ariaLabel={`คำอธิบายรายการที่ ${n}`} value={item.description} onValue={setItem(i, 'description')} errors={errors} />
      <CellControl formId={formId} field={`items.${i}.amountBaht`} ariaLabel={`จำนวนเงินรายการที่ ${n} (บาท)`} value={item.amountBaht} onValue={setItem(i, 'amountBaht')} placeholder="0.00" amount errors={errors} />
      <span class="cell">
        {onRemove && (
          <button type="button" class="button-icon" aria-label={`ลบรายการที่ ${n}`} title="ลบรายการนี้" data-testid={`receipt-item-${i}-remove`} onClick={onRemove}>
            ×
          </button>
        )}
      </span>
    </>
  );
}
