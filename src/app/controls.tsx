/**
 * The form controls every entry form uses: a labelled text input, a select, an account select, a
 * bare cell control for row grids (labelled by aria-label), and the save/feedback strip. Ids and test
 * ids come from the form id and the reader's field path (fieldIds.ts), so a reader's error for
 * 'items.0.amountBaht' lands under the control `receipt-item-0-amount`.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { Account } from '../domain/chart/account';
import type { FieldErrors } from '../domain/forms';
import { describedBy, Field } from './Field';
import { errorTestId, fieldId } from './fieldIds';

interface ControlBase {
  formId: string;
  field: string;
  errors: FieldErrors;
}

export interface TextControlProps extends ControlBase {
  label: string;
  value: string;
  onValue: (value: string) => void;
  className?: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  /** Amounts are right-aligned, bold, tabular. */
  amount?: boolean;
  hint?: ComponentChildren;
}

/** A labelled text input with its error underneath. */
export function TextControl(props: TextControlProps) {
  const id = fieldId(props.formId, props.field);
  const error = props.errors[props.field];
  return (
    <Field id={id} label={props.label} error={error} errorTestId={errorTestId(props.formId, props.field)} className={cls(props.className, props.amount ? 'amount' : undefined)}>
      <input
        id={id}
        data-testid={id}
        name={props.field}
        type="text"
        autocomplete="off"
        value={props.value}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        {...describedBy(id, error)}
      />
      {props.hint}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export interface SelectControlProps extends ControlBase {
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly Option[];
  /** A first, empty choice ("— เลือก… —"). */
  placeholder?: string;
  className?: string;
  hint?: ComponentChildren;
}

/** A labelled select with its error underneath. */
export function SelectControl(props: SelectControlProps) {
  const id = fieldId(props.formId, props.field);
  const error = props.errors[props.field];
  return (
    <Field id={id} label={props.label} error={error} errorTestId={errorTestId(props.formId, props.field)} className={props.className}>
      <select
        id={id}
        data-testid={id}
        name={props.field}
        value={props.value}
        onChange={(e) => props.onValue(e.currentTarget.value)}
        {...describedBy(id, error)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.hint}
    </Field>
  );
}

/** Accounts as select options: "411002 ภาษีป้าย". */
export function accountOptions(accounts: readonly Account[]): Option[] {
  return accounts.map((a) => ({ value: a.code, label: `${a.code} ${a.nameTh}` }));
}

export interface CellControlProps extends ControlBase {
  /** Read by screen readers: "รายการที่ 2 จำนวนเงิน". */
  ariaLabel: string;
  value: string;
  onValue: (value: string) => void;
  /** A select when given, a text input otherwise. */
  options?: readonly Option[];
  placeholder?: string;
  amount?: boolean;
}

/** A control inside a row grid: no visible label (the grid's header names the column). */
export function CellControl(props: CellControlProps) {
  const id = fieldId(props.formId, props.field);
  const error = props.errors[props.field];
  const aria = { 'aria-label': props.ariaLabel, ...describedBy(id, error) };
  return (
    <div class={cls('cell', props.amount ? 'amount' : undefined, error !== undefined ? 'field--invalid' : undefined)}>
      {props.options ? (
        <select id={id} data-testid={id} value={props.value} onChange={(e) => props.onValue(e.currentTarget.value)} {...aria}>
          <option value="">{props.placeholder ?? '— เลือก —'}</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          data-testid={id}
          type="text"
          autocomplete="off"
          inputMode={props.amount ? 'decimal' : undefined}
          placeholder={props.placeholder}
          value={props.value}
          onInput={(e) => props.onValue(e.currentTarget.value)}
          {...aria}
        />
      )}
      {error !== undefined && (
        <p id={`${id}-error`} class="field-error" data-testid={errorTestId(props.formId, props.field)}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A message under a whole group (the item rows, the grid) with its test id. */
export function GroupError({ formId, field, errors }: ControlBase) {
  const error = errors[field];
  if (error === undefined) return null;
  return (
    <p class="field-error group-error" data-testid={errorTestId(formId, field)} role="alert">
      {error}
    </p>
  );
}

export interface SaveStripProps {
  formId: string;
  saving: boolean;
  label: string;
  /** The saved confirmation, when the last save succeeded. */
  savedNote?: ComponentChildren;
  formErrorTh: string | undefined;
}

/** The save button with, beside it, the saved confirmation or the form-level error. */
export function SaveStrip({ formId, saving, label, savedNote, formErrorTh }: SaveStripProps) {
  return (
    <div class="form-actions">
      <button type="submit" class="button-primary" data-testid={`${formId}-save`} disabled={saving}>
        {saving ? 'กำลังบันทึก…' : label}
      </button>
      <div class="form-feedback" aria-live="polite">
        {savedNote !== undefined && (
          <p class="notice notice--ok" data-testid={`${formId}-saved`} role="status">
            {savedNote}
          </p>
        )}
        {formErrorTh !== undefined && (
          <p class="notice notice--error" data-testid={`error-${formId}`} role="alert">
            {formErrorTh}
          </p>
        )}
      </div>
    </div>
  );
}

/** Joins class names, skipping the absent ones. */
export function cls(...names: (string | undefined | false)[]): string | undefined {
  const joined = names.filter((n): n is string => typeof n === 'string' && n !== '').join(' ');
  return joined === '' ? undefined : joined;
}

export type FormSubmit = JSX.TargetedEvent<HTMLFormElement, Event>;
