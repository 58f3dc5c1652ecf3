/**
 * Errors the store's callers are expected to handle, typed with a code for programs and a Thai message
 * the officer can act on.
 */
export type StoreErrorCode = 'not-enrolled' | 'invalid-entry' | 'invalid-enrolment' | 'corrupt-meta';

/** @example try { await recordReceipt(db, input) } catch (e) { if (e instanceof StoreError) show(e.messageTh) } */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    readonly messageTh: string,
  ) {
    super(messageTh);
  }
}
