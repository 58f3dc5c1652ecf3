/**
 * ฎีกา: a payment charged to a budget line (the line's อนุมัติ/ผูกพัน/เบิกจ่าย/คงเหลือ shown as soon as it
 * is chosen, optionally paying on a ผูกพัน) or to a เงินรับฝาก account; gross less deductions (withholding
 * tax suggested by the money rules, editable; other deductions), net computed and shown live; paid by
 * cheque, transfer or cash from an account.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { postableAccounts } from '../domain/chart/chart';
import { withholdingTaxAccountCode } from '../domain/chart/defaultChart';
import {
  paymentAmounts,
  paymentFieldOf,
  readPaymentForm,
  suggestedWithholdingBaht,
  type DeductionInput,
  type PaymentFormContext,
  type PaymentFormInput,
} from '../domain/forms';
import { paymentMethodNamesTh, type PaymentMethod } from '../domain/kinds/payment';
import { formatBaht } from '../domain/money';
import { bangkokDateOf, formatBeDate } from '../domain/thaiDate';
import { commitmentOptions, LineBalance, lineOptions } from './budgetViews';
import { accountOptions, SaveStrip, SelectControl, TextControl } from './controls';
import { Deductions, PaymentSum } from './Deductions';
import { fiscalYearOfForm } from './formDates';
import { useBudgetYear } from './useBudgetYear';
import { useEntryForm } from './useEntryForm';
import type { EntryFormProps } from './entryFormProps';
import { useFormCorrection } from './rejected/correcting';
import { paymentFormOf } from './rejected/prefill';

const formId = 'payment';

const methods: PaymentMethod[] = ['cheque', 'transfer', 'cash'];

function withholdingRow(): DeductionInput {
  return { kind: 'withholding', account: withholdingTaxAccountCode, amountBaht: '', note: '' };
}

function emptyPaymentForm(bankAccount: string): PaymentFormInput {
  return {
    dateBe: formatBeDate(bangkokDateOf(Date.now())),
    voucherNo: '',
    payee: '',
    description: '',
    chargeKind: 'budget',
    budgetLine: '',
    commitmentId: '',
    commitmentReleaseBaht: '',
    depositAccount: '',
    grossBaht: '',
    deductions: [withholdingRow()],
    method: 'cheque',
    paidFrom: bankAccount,
    reference: '',
  };
}

export function PaymentForm({ db, setup, onRecorded, correcting }: EntryFormProps) {
  const fyNow = fiscalYearOfForm('');
  const firstBank = postableAccounts(setup.chart, fyNow, { role: 'bank' })[0]?.code ?? '';
  // Whether the withholding amount still follows gross (until the officer types one of their own).
  const [withholdingAuto, setWithholdingAuto] = useState(true);
  // The reader checks the form against the lines and commitments the officer sees (read below).
  const context = useRef<PaymentFormContext>({ budgetLines: [] });
  const f = useEntryForm(
    db,
    {
      formId,
      read: (input) => readPaymentForm(input, context.current),
      fieldOf: paymentFieldOf,
      next: (saved) => {
        setWithholdingAuto(true);
        return { ...emptyPaymentForm(saved.paidFrom), dateBe: saved.dateBe, method: saved.method, chargeKind: saved.chargeKind, budgetLine: saved.budgetLine };
      },
      focusAfterSave: 'voucherNo',
    },
    () => emptyPaymentForm(firstBank),
    onRecorded,
    useFormCorrection(correcting, (e) => (e.kind === 'payment' ? paymentFormOf(e) : undefined)),
  );
  // A corrected ฎีกา keeps the withholding it was recorded with until the officer changes gross.
  useEffect(() => {
    if (correcting !== undefined) setWithholdingAuto(false);
  }, [correcting?.entry.id]);
  const { form, errors } = f;
  const fy = fiscalYearOfForm(form.dateBe);
  const { lines: lineList, commitments: commitmentList, readerContext } = useBudgetYear(db, fy);
  context.current = readerContext;
  const chosenLine = lineList.find((l) => l.def.code === form.budgetLine);
  const lineCommitments = commitmentList.filter((c) => c.line === form.budgetLine && c.outstandingSatang > 0);

  const set = (field: keyof PaymentFormInput) => (value: string) => f.update((s) => ({ ...s, [field]: value }), [field]);
  function setGross(value: string) {
    f.update(
      (s) => {
        if (!withholdingAuto) return { ...s, grossBaht: value };
        const suggested = suggestedWithholdingBaht(value, setup.rules);
        return { ...s, grossBaht: value, deductions: s.deductions.map((d) => (d.kind === 'withholding' ? { ...d, amountBaht: suggested } : d)) };
      },
      ['grossBaht', 'net'],
    );
  }
  const setDeduction = (i: number, col: keyof DeductionInput) => (value: string) => {
    if (col === 'amountBaht' && form.deductions[i]?.kind === 'withholding') setWithholdingAuto(false);
    f.update((s) => ({ ...s, deductions: s.deductions.map((d, j) => (j === i ? { ...d, [col]: value } : d)) }), [`deductions.${i}.${col}`, 'net']);
  };
  function setMethod(method: string) {
    f.update((s) => {
      const role = method === 'cash' ? 'cash' : 'bank';
      const accounts = postableAccounts(setup.chart, fy, { role });
      return { ...s, method, paidFrom: accounts.some((a) => a.code === s.paidFrom) ? s.paidFrom : (accounts[0]?.code ?? '') };
    }, ['method', 'paidFrom']);
  }
  function setLine(code: string) {
    f.update((s) => ({ ...s, budgetLine: code, commitmentId: '', commitmentReleaseBaht: '' }), ['budgetLine', 'commitmentId']);
  }

  const suggestion = suggestedWithholdingBaht(form.grossBaht, setup.rules);
  const depositAccounts = accountOptions(postableAccounts(setup.chart, fy, { role: 'deposit' }));
  const saved = f.saved?.kind === 'payment' ? f.saved : undefined;

  return (
    <form id={`${formId}-form`} class="entry-form" onSubmit={f.save} noValidate aria-labelledby="payment-form-title">
      <h2 id="payment-form-title">ฎีกาจ่ายเงิน</h2>
      <div class="form-grid">
        <TextControl formId={formId} field="dateBe" label="วันที่ (พ.ศ.)" value={form.dateBe} onValue={set('dateBe')} errors={errors} placeholder="16/01/2567" inputMode="numeric" />
        <TextControl formId={formId} field="voucherNo" label="เลขที่ฎีกา" value={form.voucherNo} onValue={set('voucherNo')} errors={errors} />
        <SelectControl
          formId={formId}
          field="chargeKind"
          label="เบิกจ่ายจาก"
          value={form.chargeKind}
          onValue={set('chargeKind')}
          errors={errors}
          options={[
            { value: 'budget', label: 'งบประมาณ' },
            { value: 'deposit', label: 'เงินรับฝาก (ฎีกาเงินรับฝาก)' },
          ]}
        />
        <TextControl formId={formId} field="payee" label="ผู้รับเงิน" value={form.payee} onValue={set('payee')} errors={errors} className="span-3" />
        <TextControl formId={formId} field="description" label="รายละเอียดการจ่าย" value={form.description} onValue={set('description')} errors={errors} className="span-3" />
      </div>

      {form.chargeKind === 'deposit' ? (
        <div class="form-grid">
          <SelectControl formId={formId} field="depositAccount" label="บัญชีเงินรับฝากที่จ่าย" value={form.depositAccount} onValue={set('depositAccount')} errors={errors} options={depositAccounts} placeholder="— เลือกบัญชี —" className="span-3" />
        </div>
      ) : (
        <fieldset class="rows">
          <legend>รายการงบประมาณที่เบิกจ่าย (ปีงบประมาณ {fy})</legend>
          <div class="form-grid">
            <SelectControl
              formId={formId}
              field="budgetLine"
              label="รายการงบประมาณ"
              value={form.budgetLine}
              onValue={setLine}
              errors={errors}
              options={lineOptions(lineList)}
              placeholder={lineList.length === 0 ? '— ยังไม่มีรายการงบประมาณในปีนี้ (ตั้งที่หน้างบประมาณ) —' : '— เลือกรายการงบประมาณ —'}
              className="span-3"
            />
          </div>
          {chosenLine && <LineBalance testId="payment-line-balance" line={chosenLine} />}
          {chosenLine && (
            <div class="form-grid">
              <SelectControl
                formId={formId}
                field="commitmentId"
                label="จ่ายตามรายการผูกพัน (ถ้ามี)"
                value={form.commitmentId}
                onValue={set('commitmentId')}
                errors={errors}
                options={commitmentOptions(lineCommitments)}
                placeholder={lineCommitments.length === 0 ? '— ไม่มีรายการผูกพันคงค้าง —' : '— ไม่อ้างถึงรายการผูกพัน —'}
                className="span-2"
              />
              {form.commitmentId !== '' && (
                <TextControl
                  formId={formId}
                  field="commitmentReleaseBaht"
                  label="ตัดยอดผูกพัน (บาท)"
                  value={form.commitmentReleaseBaht}
                  onValue={set('commitmentReleaseBaht')}
                  errors={errors}
                  placeholder="เว้นว่าง = ตัดเท่าที่จ่าย"
                  inputMode="decimal"
                  amount
                />
              )}
            </div>
          )}
        </fieldset>
      )}

      <div class="form-grid">
        <TextControl formId={formId} field="grossBaht" label="จำนวนเงินขอเบิก (บาท)" value={form.grossBaht} onValue={setGross} errors={errors} placeholder="0.00" inputMode="decimal" amount className="span-3 amount-narrow" />
      </div>

      <Deductions
        deductions={form.deductions}
        errors={errors}
        accounts={depositAccounts}
        onCell={setDeduction}
        onRows={(change) => f.update((s) => ({ ...s, deductions: change(s.deductions) }), ['net', 'deductions'])}
        hintTh={
          suggestion !== ''
            ? `ภาษีหัก ณ ที่จ่ายตามเกณฑ์ ${setup.rules.withholdingRateBasisPoints / 100}% = ${suggestion} บาท (แก้ไขได้)`
            : `หักภาษี ณ ที่จ่ายเมื่อขอเบิกตั้งแต่ ${formatBaht(setup.rules.withholdingThresholdSatang)} บาท`
        }
      />
      <PaymentSum amounts={paymentAmounts(form)} errorTh={errors['net']} />

      <div class="form-grid">
        <SelectControl formId={formId} field="method" label="จ่ายโดย" value={form.method} onValue={setMethod} errors={errors} options={methods.map((m) => ({ value: m, label: paymentMethodNamesTh[m] }))} />
        <SelectControl
          formId={formId}
          field="paidFrom"
          label={form.method === 'cash' ? 'จ่ายจากบัญชีเงินสด' : 'จ่ายจากบัญชีธนาคาร'}
          value={form.paidFrom}
          onValue={set('paidFrom')}
          errors={errors}
          options={accountOptions(postableAccounts(setup.chart, fy, { role: form.method === 'cash' ? 'cash' : 'bank' }))}
          placeholder="— เลือกบัญชี —"
        />
        <TextControl formId={formId} field="reference" label={form.method === 'cheque' ? 'เลขที่เช็ค' : 'อ้างอิง (ถ้ามี)'} value={form.reference} onValue={set('reference')} errors={errors} />
      </div>
      <SaveStrip
        formId={formId}
        saving={f.saving}
        label="บันทึกฎีกา"
        formErrorTh={f.formErrorTh}
        savedNote={saved && `บันทึกแล้ว — ฎีกาเลขที่ ${saved.doc.voucherNo} ${saved.doc.payee} จ่ายสุทธิ ${formatBaht(saved.doc.netSatang)} บาท`}
      />
    </form>
  );
}
