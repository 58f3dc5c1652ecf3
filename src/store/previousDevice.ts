/**
 * Which device this PC was, when it has entries but no usable enrolment: after the server refused its
 * token (revoked or expired) or after a backup was restored into a wiped browser (a backup never holds
 * the token). Enrolling again sends this device id, so the pending entries, which carry it in their
 * hashed content, are still this device's and post without re-typing. A refused token is set aside
 * here (setEnrolmentAside), so both cases look the same to the app: no enrolment, a previous device.
 */
import { z } from 'zod';
import { uuidPattern } from '../domain/entryId';
import type { SamutDb } from './db';
import { enrolmentMetaKey, enrolmentSchema } from './enrolment';
import { StoreError } from './storeError';

/** The enrolment without its token. */
export interface DeviceIdentity {
  serverUrl: string;
  orgId: string;
  orgName: string;
  deviceId: string;
}

export const previousDeviceMetaKey = 'previousDevice';

const uuid = z.string().regex(uuidPattern);

export const deviceIdentitySchema = z.object({
  serverUrl: z.string().min(1).max(2000),
  orgId: uuid,
  orgName: z.string().max(500),
  deviceId: uuid,
});

/**
 * The device this PC is or was: the enrolment's, else the one kept under `previousDevice`, else
 * undefined (a PC that never enrolled, or never held entries).
 */
export async function getPreviousDevice(db: SamutDb): Promise<DeviceIdentity | undefined> {
  const [enrolled, kept] = await db.meta.bulkGet([enrolmentMetaKey, previousDeviceMetaKey]);
  const fromEnrolment = enrolmentSchema.safeParse(enrolled?.value);
  if (fromEnrolment.success) return identityOf(fromEnrolment.data);
  if (kept === undefined) return undefined;
  const parsed = deviceIdentitySchema.safeParse(kept.value);
  if (!parsed.success) throw new StoreError('corrupt-meta', 'ข้อมูลเครื่องเดิมเสียหาย กรุณาลงทะเบียนเครื่องใหม่');
  return parsed.data;
}

/** Keeps the identity (e.g. before the enrolment row is dropped); throws StoreError('invalid-enrolment'). */
export async function savePreviousDevice(db: SamutDb, identity: DeviceIdentity): Promise<void> {
  const valid = deviceIdentitySchema.safeParse(identity);
  if (!valid.success) throw new StoreError('invalid-enrolment', 'ข้อมูลเครื่องเดิมไม่ครบถ้วน');
  await db.meta.put({ key: previousDeviceMetaKey, value: identityOf(valid.data) });
}

/** What became of an enrolment whose token the server refused. */
export type SetAsideOutcome =
  /** The enrolment is gone, its identity kept under `previousDevice`: the PC must enrol again. */
  | { outcome: 'set-aside'; identity: DeviceIdentity }
  /** The stored enrolment has another token (enrolled again meanwhile) or there is none: nothing done. */
  | { outcome: 'not-current' };

/**
 * The server refused `refusedToken` (401: revoked, or replaced by enrolling again elsewhere): in ONE
 * transaction, keep the device identity under `previousDevice` and drop the enrolment, so the app shows
 * the enrol screen and enrolling again keeps the device id. Only when the stored token is still the
 * refused one: a late answer to an old token must not undo an enrolment made since. Entries, their
 * queue state and the seq counter are not touched.
 * @example if ((await setEnrolmentAside(db, enrolment.token)).outcome === 'set-aside') showEnrolScreen();
 */
export async function setEnrolmentAside(db: SamutDb, refusedToken: string): Promise<SetAsideOutcome> {
  return db.transaction('rw', db.meta, async (): Promise<SetAsideOutcome> => {
    const row = await db.meta.get(enrolmentMetaKey);
    const enrolment = enrolmentSchema.safeParse(row?.value);
    if (!enrolment.success || enrolment.data.token !== refusedToken) return { outcome: 'not-current' };
    const identity = identityOf(enrolment.data);
    await db.meta.put({ key: previousDeviceMetaKey, value: identity });
    await db.meta.delete(enrolmentMetaKey);
    return { outcome: 'set-aside', identity };
  });
}

function identityOf(e: DeviceIdentity): DeviceIdentity {
  return { serverUrl: e.serverUrl, orgId: e.orgId, orgName: e.orgName, deviceId: e.deviceId };
}
