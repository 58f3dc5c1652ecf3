/**
 * The PC's enrolment with a sync server: which organisation's books these are, which device this is,
 * and the bearer token. Kept in the `meta` table so it survives restarts and works offline.
 */
import { z } from 'zod';
import { uuidPattern } from '../domain/entryId';
import type { SamutDb } from './db';
import { StoreError } from './storeError';

/** What enrolling gave this PC. */
export interface Enrolment {
  /** Base URL of the sync server, e.g. `https://samut.example.go.th` (no trailing path). */
  serverUrl: string;
  orgId: string;
  orgName: string;
  deviceId: string;
  /** Bearer token; the server keeps only its hash. */
  token: string;
  /** ISO instant of enrolment. */
  enrolledAt: string;
}

export const enrolmentMetaKey = 'enrolment';

const uuid = z.string().regex(uuidPattern);

/** The row is validated on read: a PC may open a database written by an older version of Samut. */
export const enrolmentSchema = z.object({
  serverUrl: z.string().min(1).max(2000),
  orgId: uuid,
  orgName: z.string().max(500),
  deviceId: uuid,
  token: z.string().min(1).max(1000),
  enrolledAt: z.string().max(100),
});

/** The enrolment, or undefined when this PC has not enrolled yet. Throws StoreError('corrupt-meta'). */
export async function getEnrolment(db: SamutDb): Promise<Enrolment | undefined> {
  const row = await db.meta.get(enrolmentMetaKey);
  if (row === undefined) return undefined;
  return parseEnrolment(row.value);
}

/** Stores the enrolment (replacing any earlier one). Throws StoreError('invalid-enrolment'). */
export async function saveEnrolment(db: SamutDb, e: Enrolment): Promise<void> {
  const valid = enrolmentSchema.safeParse(e);
  if (!valid.success) {
    throw new StoreError('invalid-enrolment', 'ข้อมูลการลงทะเบียนเครื่องไม่ครบถ้วน กรุณาลงทะเบียนใหม่');
  }
  await db.meta.put({ key: enrolmentMetaKey, value: valid.data });
}

/** Validates a stored enrolment value; shared with reads inside other transactions. */
export function parseEnrolment(value: unknown): Enrolment {
  const parsed = enrolmentSchema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError('corrupt-meta', 'ข้อมูลการลงทะเบียนเครื่องเสียหาย กรุณาลงทะเบียนเครื่องใหม่');
  }
  return parsed.data;
}
