/**
 * Errors the store's callers are expected to handle, typed with a code for programs and a Thai message
 * the officer can act on.
 * - `not-enrolled`: the PC must enrol before it can record (an entry needs its org and device id);
 * - `invalid-entry`: the input is not a well-formed document (`field` names the field at fault);
 * - `refused`: well formed, but the books say no (`rejectionCode` is the domain's code, or
 *   `receipt_out_of_range` for a receipt number outside this PC's receipt books);
 * - `invalid-enrolment`, `invalid-setup`: what the caller asked to store is incomplete or wrong;
 * - `corrupt-meta`: a stored row no longer reads (contact the administrator).
 * In a batch write (`recordEntries`), `index` says which input (0-based) failed; nothing was written.
 */
export type StoreErrorCode = 'not-enrolled' | 'invalid-entry' | 'refused' | 'invalid-enrolment' | 'invalid-setup' | 'corrupt-meta';

export interface StoreErrorDetails {
  /** The field at fault: `date`, `recordedBy`, or a path inside the document such as `items.0.account`. */
  field?: string;
  /** Why the books refused it, e.g. `overspend`, `receipt_number_taken`, `receipt_out_of_range`. */
  rejectionCode?: string;
  /** Which input of a batch (0-based). */
  index?: number;
}

/** @example try { await recordEntry(db, input) } catch (e) { if (e instanceof StoreError) show(e.messageTh, e.field) } */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly field?: string;
  readonly rejectionCode?: string;
  readonly index?: number;

  constructor(
    readonly code: StoreErrorCode,
    readonly messageTh: string,
    details: StoreErrorDetails = {},
  ) {
    super(messageTh);
    if (details.field !== undefined) this.field = details.field;
    if (details.rejectionCode !== undefined) this.rejectionCode = details.rejectionCode;
    if (details.index !== undefined) this.index = details.index;
  }
}
