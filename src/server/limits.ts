/**
 * The bounds every request is held to (TIGER_STYLE: a limit on everything). Defaults come from the
 * protocol so client and server agree; a server may be configured lower, never higher than the protocol.
 */
import { batchEntriesMax, pushBytesMax } from '../sync/protocol';

/** Bounds of one server; see `defaultLimits`. */
export interface ServerLimits {
  /** Entries in one push; the protocol schema already refuses more than `batchEntriesMax`. */
  batchEntriesMax: number;
  /** Bytes of one push body. */
  pushBytesMax: number;
  /** Bytes of one enrolment body: a code and a device name are tiny. */
  enrollBytesMax: number;
  /**
   * Pushes being handled at once. Beyond it the server answers 503 with Retry-After instead of queueing
   * without bound: each waiting push can hold up to `pushBytesMax` of memory (DESIGN.md §4 Overload).
   */
  pushConcurrentMax: number;
  /** Seconds a client is told to wait when the server is at `pushConcurrentMax`. */
  retryAfterSeconds: number;
  /** Pushes one device may make at once before its rate applies (devicePushRate.ts). */
  devicePushBurst: number;
  /** Pushes a second one device may make over time. */
  devicePushesPerSecond: number;
  /** Failed enrolment attempts one client address may make at once (enrolmentAttempts.ts). */
  enrolFailuresPerAddressBurst: number;
  /** Failed enrolment attempts an hour one client address may make over time. */
  enrolFailuresPerAddressPerHour: number;
  /** Failed enrolment attempts all clients together may make at once: a guesser with many addresses. */
  enrolFailuresBurst: number;
  /** Failed enrolment attempts an hour all clients together may make over time. */
  enrolFailuresPerHour: number;
}

/** Limits used when `createApp` is given none. */
export const defaultLimits: ServerLimits = {
  batchEntriesMax,
  pushBytesMax,
  enrollBytesMax: 4 * 1024,
  pushConcurrentMax: 8,
  retryAfterSeconds: 5,
  devicePushBurst: 60,
  devicePushesPerSecond: 5,
  enrolFailuresPerAddressBurst: 10,
  enrolFailuresPerAddressPerHour: 10,
  enrolFailuresBurst: 100,
  enrolFailuresPerHour: 360,
};

/** Fills in defaults and refuses limits above what the protocol allows. */
export function resolveLimits(partial: Partial<ServerLimits> = {}): ServerLimits {
  const limits = { ...defaultLimits, ...partial };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`limit ${name} must be a positive integer`);
  }
  if (limits.batchEntriesMax > batchEntriesMax) throw new RangeError('batchEntriesMax above the protocol limit');
  if (limits.pushBytesMax > pushBytesMax) throw new RangeError('pushBytesMax above the protocol limit');
  return limits;
}
