/**
 * ยกเลิก: the inline form under an entry of the list. The officer gives the date and the reason; the
 * store records a cancel entry whose lines reverse the target's (or refuses, e.g. a commitment already
 * paid on: the Thai message shows here and nothing is written).
 */
import { useEffect } from 'preact/hooks';
import { entryKindNamesTh } from '../domain/entry';
import { cancelFieldOf, readCancelForm, type CancelFormInput } from '../domain/forms';
import { bangkokDateOf, formatBeDate } from '../domain/thaiDate';
import type { SamutDb, StoredEntry } from '../store';
import { SaveStrip, TextControl } from './controls';
import { entryRefTh } from './entryLabels';
import type { Correcting } from './rejected/correcting';
import { useFormCorrection } from './rejected/correcting';
import { focusField, useEntryForm } from './useEntryForm';

const formId = 'cancel';

export interface CancelFormProps {
  db: SamutDb;
  target: StoredEntry;
  onClose: () => void;
  onRecorded: (entry: StoredEntry) => void;
  /** A refused cancel of the same target, which this new cancel corrects (from รายการที่ต้องแก้ไข). */
  correcting?: Correcting;
}

export function CancelForm({ db, target, onClose, onRecorded, correcting }: CancelFormProps) {
  const f = useEntryForm<CancelFormInput, 'cancel'>(
    db,
    {
      formId,
      read: (input) => readCancelForm(input, { id: target.id, hash: target.hash, date: target.date }),
      fieldOf: (path) => cancelFieldOf(path),
      next: (saved) => saved,
    },
    () => {
      const today = bangkokDateOf(Date.now());
      return { dateBe: formatBeDate(today < target.date ? target.date : today), reason: '' };
    },
    onRecorded,
    // The refused cancel's reason (and its date, when that was at fault) show on the new one.
    useFormCorrection<CancelFormInput>(correcting, () => undefined),
  );
  useEffect(() => focusField(formId, 'reason'), []);
  const { form, errors } = f;
  return (
    <form
      id={`${formId}-form`}
      class="cancel-form"
      onSubmit={f.save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
      noValidate
      aria-label={`ยกเลิก${entryKindNamesTh[target.kind]} ${entryRefTh(target)}`}
    >
      <p class="cancel-form-title">
        ยกเลิก{entryKindNamesTh[target.kind]} {entryRefTh(target)} ลงวันที่ {formatBeDate(target.date)} — รายการเดิมยังคงอยู่ ระบบบันทึกรายการยกเลิกที่กลับรายการบัญชีให้
      </p>
      <div class="form-grid">
        <TextControl formId={formId} field="dateBe" label="วันที่ยกเลิก (พ.ศ.)" value={form.dateBe} onValue={(v) => f.update((s) => ({ ...s, dateBe: v }), ['dateBe'])} errors={errors} inputMode="numeric" />
        <TextControl formId={formId} field="reason" label="เหตุผลที่ยกเลิก" value={form.reason} onValue={(v) => f.update((s) => ({ ...s, reason: v }), ['reason'])} errors={errors} className="span-2" />
      </div>
      <div class="cancel-form-actions">
        <SaveStrip formId={formId} saving={f.saving} label="บันทึกการยกเลิก" formErrorTh={f.formErrorTh} />
        <button type="button" class="button-quiet" data-testid="cancel-close" onClick={onClose}>
          ไม่ยกเลิก
        </button>
      </div>
    </form>
  );
}
