/**
 * The ฎีกา's deductions (รายการหัก) as a row grid — kind, เงินรับฝาก account, amount, note — and the
 * sum under it: ขอเบิก, หัก, จ่ายสุทธิ (net = gross − deductions, computed, never typed).
 */
import { Fragment } from 'preact';
import type { DeductionInput, FieldErrors, PaymentAmounts } from '../domain/forms';
import { deductionsMax } from '../domain/kinds/payment';
import { formatBaht } from '../domain/money';
import { CellControl, GroupError, type Option } from './controls';
import { errorTestId } from './fieldIds';

const formId = 'payment';

const kindOptions: Option[] = [
  { value: 'withholding', label: 'ภาษีหัก ณ ที่จ่าย' },
  { value: 'other', label: 'อื่น ๆ' },
];

export interface DeductionsProps {
  deductions: readonly DeductionInput[];
  errors: FieldErrors;
  /** The เงินรับฝาก accounts a deduction may go to. */
  accounts: readonly Option[];
  onCell: (i: number, col: keyof DeductionInput) => (value: string) => void;
  /** Adds or removes rows. */
  onRows: (change: (rows: DeductionInput[]) => DeductionInput[]) => void;
  /** What the money rules say about withholding for the gross typed. */
  hintTh: string;
}

export function Deductions({ deductions, errors, accounts, onCell, onRows, hintTh }: DeductionsProps) {
  return (
    <fieldset class="rows">
      <legend>รายการหัก</legend>
      <div class="rows-grid rows-grid--deductions" role="group" aria-label="รายการหัก">
        <span class="rows-head">ประเภท</span>
        <span class="rows-head">บัญชี (เงินรับฝาก)</span>
        <span class="rows-head num">จำนวนเงิน (บาท)</span>
        <span class="rows-head">หมายเหตุ</span>
        <span class="rows-head" aria-hidden="true" />
        {deductions.map((d, i) => (
          <Fragment key={i}>
            <CellControl formId={formId} field={`deductions.${i}.kind`} ariaLabel={`ประเภทรายการหักที่ ${i + 1}`} value={d.kind} onValue={onCell(i, 'kind')} options={kindOptions} placeholder="— ประเภท —" errors={errors} />
            <CellControl formId={formId} field={`deductions.${i}.account`} ariaLabel={`บัญชีรายการหักที่ ${i + 1}`} value={d.account} onValue={onCell(i, 'account')} options={accounts} placeholder="— เลือกบัญชี —" errors={errors} />
            <CellControl formId={formId} field={`deductions.${i}.amountBaht`} ariaLabel={`จำนวนเงินรายการหักที่ ${i + 1} (บาท)`} value={d.amountBaht} onValue={onCell(i, 'amountBaht')} placeholder="0.00" amount errors={errors} />
            <CellControl formId={formId} field={`deductions.${i}.note`} ariaLabel={`หมายเหตุรายการหักที่ ${i + 1}`} value={d.note} onValue={onCell(i, 'note')} errors={errors} />
            <span class="cell">
              <button
                type="button"
                class="button-icon"
                aria-label={`ลบรายการหักที่ ${i + 1}`}
                title="ลบรายการหักนี้"
                data-testid={`payment-deduction-${i}-remove`}
                onClick={() => onRows((rows) => rows.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </span>
          </Fragment>
        ))}
      </div>
      <GroupError formId={formId} field="deductions" errors={errors} />
      <div class="rows-foot">
        <button
          type="button"
          class="button-quiet"
          data-testid="payment-add-deduction"
          disabled={deductions.length >= deductionsMax}
          onClick={() => onRows((rows) => [...rows, { kind: 'other', account: '', amountBaht: '', note: '' }])}
        >
          + เพิ่มรายการหัก
        </button>
        <p class="muted hint" data-testid="payment-withholding-hint">
          {hintTh}
        </p>
      </div>
    </fieldset>
  );
}

export interface PaymentSumProps {
  amounts: PaymentAmounts;
  /** Why the deductions cannot stand (they take the whole gross). */
  errorTh: string | undefined;
}

/** ขอเบิก − หัก = จ่ายสุทธิ, as typed so far. */
export function PaymentSum({ amounts, errorTh }: PaymentSumProps) {
  const baht = (satang: number | undefined) => (satang === undefined ? '—' : formatBaht(satang));
  return (
    <>
      <dl class="payment-sum" aria-live="polite">
        <div>
          <dt>ขอเบิก</dt>
          <dd>{baht(amounts.grossSatang)}</dd>
        </div>
        <div>
          <dt>หัก</dt>
          <dd>{baht(amounts.deductionsSatang)}</dd>
        </div>
        <div class="payment-net">
          <dt>จ่ายสุทธิ</dt>
          <dd data-testid="payment-net" data-satang={amounts.netSatang === undefined ? '' : String(amounts.netSatang)}>
            {baht(amounts.netSatang)} บาท
          </dd>
        </div>
      </dl>
      {errorTh !== undefined && (
        <p class="field-error" data-testid={errorTestId(formId, 'net')} role="alert">
          {errorTh}
        </p>
      )}
    </>
  );
}
