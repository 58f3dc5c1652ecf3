/**
 * The per-device entry counter (DESIGN.md §3: gap-free, in recording order). It lives in one `meta`
 * row per device id, read and bumped inside the same transaction that writes the entry, so a failed
 * write can never leave a gap or reuse a number.
 */
import type { SamutDb } from './db';
import { StoreError } from './storeError';

/** Meta key of the last seq used by a device. Keyed by device so a re-enrolled PC restarts at 1. */
export function deviceSeqMetaKey(deviceId: string): string {
  return `deviceSeq:${deviceId}`;
}

/** The last seq used by this device (0 before the first entry). Call inside a transaction over `meta`. */
export async function lastDeviceSeq(db: SamutDb, deviceId: string): Promise<number> {
  const row = await db.meta.get(deviceSeqMetaKey(deviceId));
  if (row === undefined) return 0;
  if (typeof row.value !== 'number' || !Number.isSafeInteger(row.value) || row.value < 0) {
    throw new StoreError('corrupt-meta', 'ตัวนับลำดับรายการของเครื่องนี้เสียหาย กรุณาติดต่อผู้ดูแลระบบ');
  }
  return row.value;
}

/** Records the last seq used. Call inside the transaction that wrote the entries up to `seq`. */
export async function putLastDeviceSeq(db: SamutDb, deviceId: string, seq: number): Promise<void> {
  await db.meta.put({ key: deviceSeqMetaKey(deviceId), value: seq });
}
