/**
 * The hand-over from the รายการที่ต้องแก้ไข screen to an entry form: which refused entry the form is
 * correcting, and what to do once the new entry is stored. A form turns it into its FormCorrection
 * (useEntryForm) with the kind's prefill.
 */
import { useMemo } from 'preact/hooks';
import type { StoredEntry } from '../../store';
import type { FormCorrection } from '../useEntryForm';

export interface Correcting {
  /** The rejected or conflicting entry, as stored (never changed). */
  entry: StoredEntry;
  /** Called with the new entry once it is stored with its link. */
  onCorrected: (entry: StoredEntry) => void;
}

/**
 * The form's correction, stable while the same refused entry is being corrected.
 * @example const correction = useFormCorrection(correcting, (e) => (e.kind === 'receipt' ? receiptFormOf(e) : undefined));
 */
export function useFormCorrection<I>(correcting: Correcting | undefined, inputOf: (entry: StoredEntry) => I | undefined): FormCorrection<I> | undefined {
  return useMemo(() => {
    if (correcting === undefined) return undefined;
    const { entry, onCorrected } = correcting;
    const input = inputOf(entry);
    return {
      refusedId: entry.id,
      onCorrected,
      ...(input !== undefined ? { input } : {}),
      ...(entry.syncField !== undefined ? { field: entry.syncField } : {}),
      ...(entry.syncMessage !== undefined ? { messageTh: entry.syncMessage } : {}),
    };
  }, [correcting?.entry.id]);
}
