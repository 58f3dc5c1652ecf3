/**
 * Generic access to one `meta` row's value for modules outside the store (sync keeps its backoff
 * status there). Callers validate what they read: the row may have been written by an older version.
 */
import type { SamutDb } from './db';

/** The stored value under `key`, or undefined. */
export async function readMetaValue(db: SamutDb, key: string): Promise<unknown> {
  const row = await db.meta.get(key);
  return row?.value;
}

/** Stores `value` under `key`, replacing what was there. */
export async function writeMetaValue(db: SamutDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
