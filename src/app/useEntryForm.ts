/**
 * What every entry form does on save: read the text with the domain's reader (one Thai message per
 * bad field), record the entry with the store (one transaction; nothing written on refusal), show the
 * store's refusal next to the field it names (or at the top of the form), and on success ask the sync
 * engine to send it. A ref, not state, guards against a double click recording one paper document twice.
 * A form opened to correct an entry the server refused (src/app/rejected) starts from that entry's
 * document, shows the server's reason at the field it names, and records a NEW entry linked to the
 * refused one (recordCorrection), never an edit of it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntryKind } from '../domain/entry';
import type { FieldErrors, FormResult } from '../domain/forms';
import { recordCorrection, recordEntry, StoreError, type SamutDb, type StoredEntry } from '../store';
import { errorMessageTh } from './errorMessage';
import { fieldId } from './fieldIds';

/** Who recorded the entry, until officers sign in by name. */
export const recordedByDefault = 'เจ้าหน้าที่การเงิน';

export interface EntryFormSpec<I, K extends EntryKind> {
  /** The form's id: prefix of its element ids and test ids. */
  formId: string;
  read: (input: I) => FormResult<K>;
  /** The form field showing a document path of the store's refusal ('' or undefined: the form's top). */
  fieldOf: (docPath: string, input: I) => string | undefined;
  /** The form after a saved entry (what stays for the next document, what is cleared). */
  next: (saved: I, entry: StoredEntry) => I;
  /** The field to focus after a save. */
  focusAfterSave?: string;
}

/** A form opened to record the correction of an entry the server refused. */
export interface FormCorrection<I> {
  /** The refused entry the new one corrects. */
  refusedId: string;
  /** The text to start from (the refused document); absent: the form keeps what it holds. */
  input?: I;
  /** The document path the server named ('receiptNo', 'date'…), shown at its form field. */
  field?: string;
  /** The server's Thai reason. */
  messageTh?: string;
  /** Called after the correction is stored (after onRecorded). */
  onCorrected: (entry: StoredEntry) => void;
}

export interface EntryFormState<I> {
  form: I;
  /** Replaces the form text; clears the errors of `touched` fields and the last save's notes. */
  update: (change: (form: I) => I, touched?: readonly string[]) => void;
  errors: FieldErrors;
  /** A message for the whole form: a refusal that names no field, or an unexpected failure. */
  formErrorTh: string | undefined;
  saved: StoredEntry | undefined;
  saving: boolean;
  save: (event?: Event) => Promise<void>;
}

export function useEntryForm<I, K extends EntryKind>(
  db: SamutDb,
  spec: EntryFormSpec<I, K>,
  initial: () => I,
  onRecorded: (entry: StoredEntry) => void,
  correction?: FormCorrection<I>,
): EntryFormState<I> {
  const [form, setForm] = useState<I>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formErrorTh, setFormErrorTh] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<StoredEntry | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const savingNow = useRef(false);

  // A new correction replaces the form's text with the refused document and points at what was wrong.
  useEffect(() => {
    if (correction === undefined) return;
    const start = correction.input ?? form;
    if (correction.input !== undefined) setForm(correction.input);
    setSaved(undefined);
    setErrors({});
    setFormErrorTh(undefined);
    if (correction.messageTh === undefined) return;
    const field = correction.field === undefined ? undefined : spec.fieldOf(correction.field, start);
    if (field !== undefined && field !== '') showErrors({ [field]: `เซิร์ฟเวอร์แจ้ง: ${correction.messageTh}` });
    else setFormErrorTh(`เซิร์ฟเวอร์แจ้ง: ${correction.messageTh}`);
  }, [correction?.refusedId]);

  function update(change: (form: I) => I, touched: readonly string[] = []) {
    setForm(change);
    if (touched.length > 0) {
      setErrors((e) => {
        if (!touched.some((t) => e[t] !== undefined)) return e;
        const next = { ...e };
        for (const t of touched) delete next[t];
        return next;
      });
    }
    setSaved(undefined);
    setFormErrorTh(undefined);
  }

  async function save(event?: Event) {
    event?.preventDefault();
    if (savingNow.current) return;
    setSaved(undefined);
    setFormErrorTh(undefined);
    const result = spec.read(form);
    if (!result.ok) {
      showErrors(result.errors);
      return;
    }
    savingNow.current = true;
    setSaving(true);
    try {
      const input = { date: result.date, kind: result.kind, doc: result.doc, recordedBy: recordedByDefault } as Parameters<typeof recordEntry>[1];
      const entry = correction === undefined ? await recordEntry(db, input) : await recordCorrection(db, correction.refusedId, input);
      setErrors({});
      setSaved(entry);
      setForm(spec.next(form, entry));
      if (spec.focusAfterSave !== undefined) focusField(spec.formId, spec.focusAfterSave);
      onRecorded(entry);
      correction?.onCorrected(entry);
    } catch (error) {
      if (error instanceof StoreError && (error.code === 'refused' || error.code === 'invalid-entry')) {
        const field = error.field === undefined ? undefined : spec.fieldOf(error.field, form);
        if (field !== undefined && field !== '') showErrors({ [field]: error.messageTh });
        else setFormErrorTh(error.messageTh);
      } else {
        setFormErrorTh(`บันทึกไม่สำเร็จ: ${errorMessageTh(error)}`);
      }
    } finally {
      savingNow.current = false;
      setSaving(false);
    }
  }

  function showErrors(next: FieldErrors) {
    setErrors(next);
    // Messages that no field shows (a form-level path '') go to the top of the form.
    if (next[''] !== undefined) setFormErrorTh(next['']);
    // After the render that shows them: focus the first field at fault, in screen order.
    setTimeout(() => {
      const form = document.getElementById(`${spec.formId}-form`);
      const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
    }, 0);
  }

  return { form, update, errors, formErrorTh, saved, saving, save };
}

/** Focuses a field by its form path (selecting its text, so typing replaces it). */
export function focusField(formId: string, field: string): void {
  setTimeout(() => {
    const control = document.getElementById(fieldId(formId, field));
    if (control instanceof HTMLInputElement) {
      control.focus();
      control.select();
    } else {
      control?.focus();
    }
  }, 0);
}
