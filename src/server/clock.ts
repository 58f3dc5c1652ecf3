/**
 * Time comes in through a clock object, never `new Date()` in the middle of the code, so that tests can
 * fix it (enrolment-code expiry, received_at) and nothing depends on the machine's wall clock by accident.
 */
export interface Clock {
  now(): Date;
}

/** The real clock, for `main` only. */
export const systemClock: Clock = { now: () => new Date() };
