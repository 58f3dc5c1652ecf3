/**
 * One labelled form field with its Thai error underneath. The control itself is the child, so the
 * caller keeps full control of the input; it should set `aria-describedby={fieldErrorId(id)}` and
 * `aria-invalid` when there is an error (see {@link describedBy}).
 */
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  /** id of the control, which the label points at. */
  id: string;
  label: string;
  error?: string | undefined;
  /** data-testid of the error message element. */
  errorTestId: string;
  /** Extra class for grid placement. */
  className?: string;
  children: ComponentChildren;
}

export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

/** The aria attributes a control takes from its field's error. */
export function describedBy(id: string, error: string | undefined) {
  return error === undefined
    ? { 'aria-invalid': false as const }
    : { 'aria-invalid': true as const, 'aria-describedby': fieldErrorId(id) };
}

export function Field({ id, label, error, errorTestId, className, children }: FieldProps) {
  return (
    <div class={`field${className ? ` ${className}` : ''}${error !== undefined ? ' field--invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {error !== undefined && (
        <p id={fieldErrorId(id)} class="field-error" data-testid={errorTestId}>
          {error}
        </p>
      )}
    </div>
  );
}
