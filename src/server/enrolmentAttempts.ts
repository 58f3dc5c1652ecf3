/**
 * A brake on guessing enrolment codes: token buckets of failed attempts, one per client address and one
 * for all clients together (a guesser with many addresses). An attempt may start only while both
 * buckets hold a token; only a wrong guess is charged, when it is known (an unknown, used or expired
 * code, or a device id not of the code's organisation), so offices enrolling many PCs at once pay only
 * for their typos. An empty bucket refuses even a right code, or a guesser could go on guessing and
 * notice the one success. Parallel guesses could all start on the last token, so attempts in progress
 * are capped (enrolAttemptsInFlightMax) and a bucket may go into debt: wrong guesses never exceed
 * burst + that cap + the hourly rate over time. Beyond: 429 with Retry-After and a Thai message.
 *
 * With the defaults (limits.ts: 100 at once and 360 an hour in all) a guesser gets ≈ 26,000 tries in
 * a code's 72 hours; codes have 23^8 ≈ 7.8·10^10 values (secrets.ts), so even with 7,850 codes out at
 * once the chance of hitting any is ≈ 0.3 %.
 */
import type { Clock } from './clock';
import { ApiError } from './errors';

/** Addresses remembered at most; the ones idle longest are forgotten first (a full bucket again). */
export const enrolAddressesMax = 100_000;

/** Enrolment attempts in progress at once, server-wide: more than the herd bench's 20, few enough to bound a parallel burst. */
export const enrolAttemptsInFlightMax = 32;

export interface EnrolAttemptLimits {
  enrolFailuresPerAddressBurst: number;
  enrolFailuresPerAddressPerHour: number;
  enrolFailuresBurst: number;
  enrolFailuresPerHour: number;
}

/** One attempt in progress: settle it once, saying whether it guessed wrong. */
export interface Attempt {
  settle(guessedWrong: boolean): void;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

const hourMs = 60 * 60 * 1000;

/**
 * The limiter of one app (no global state).
 * @example const attempt = attempts.begin(address);
 *          try { …enrol…; attempt.settle(false) } catch (e) { attempt.settle(isWrongGuess(e)); throw e }
 */
export function enrolmentAttempts(limits: EnrolAttemptLimits, clock: Clock) {
  const perAddress = new Map<string, Bucket>();
  let all: Bucket | undefined;
  let inFlight = 0;

  // A clock that went back refills nothing (and takes nothing away).
  const filled = (bucket: Bucket | undefined, burst: number, perHour: number, nowMs: number): number =>
    bucket === undefined ? burst : Math.min(burst, bucket.tokens + (Math.max(0, nowMs - bucket.atMs) / hourMs) * perHour);

  /** Seconds until `tokens` reaches 1 at `perHour`. */
  const waitSeconds = (tokens: number, perHour: number): number => Math.max(1, Math.ceil(((1 - tokens) / perHour) * 3600));

  const tooMany = (seconds: number): ApiError =>
    new ApiError(
      429,
      'too_many_enrolment_attempts',
      `ใส่รหัสลงทะเบียนผิดหลายครั้งเกินไป กรุณาตรวจรหัสจากผู้ดูแลระบบ แล้วลองใหม่ในอีก ${minutesTh(seconds)}`,
      { 'Retry-After': String(seconds) },
    );

  /** Charges one wrong guess to the address and to all; a bucket may go below zero (debt). */
  const charge = (address: string): void => {
    const nowMs = clock.now().getTime();
    const mine = filled(perAddress.get(address), limits.enrolFailuresPerAddressBurst, limits.enrolFailuresPerAddressPerHour, nowMs);
    // Re-inserting on use keeps the Map's first key the least recently used.
    perAddress.delete(address);
    perAddress.set(address, { tokens: mine - 1, atMs: nowMs });
    if (perAddress.size > enrolAddressesMax) perAddress.delete(perAddress.keys().next().value!);
    all = { tokens: filled(all, limits.enrolFailuresBurst, limits.enrolFailuresPerHour, nowMs) - 1, atMs: nowMs };
  };

  return {
    /** Starts an attempt from `address`; 429 when its bucket or the shared one is empty, or too many are in progress. */
    begin(address: string): Attempt {
      const nowMs = clock.now().getTime();
      const mine = filled(perAddress.get(address), limits.enrolFailuresPerAddressBurst, limits.enrolFailuresPerAddressPerHour, nowMs);
      const shared = filled(all, limits.enrolFailuresBurst, limits.enrolFailuresPerHour, nowMs);
      if (mine < 1 || shared < 1) {
        throw tooMany(
          Math.max(
            mine < 1 ? waitSeconds(mine, limits.enrolFailuresPerAddressPerHour) : 0,
            shared < 1 ? waitSeconds(shared, limits.enrolFailuresPerHour) : 0,
          ),
        );
      }
      if (inFlight >= enrolAttemptsInFlightMax) {
        throw new ApiError(429, 'too_many_enrolment_attempts', 'มีเครื่องลงทะเบียนพร้อมกันมากเกินไป กรุณาลองใหม่ในอีกสักครู่', { 'Retry-After': '1' });
      }
      inFlight += 1;
      let settled = false;
      return {
        settle(guessedWrong: boolean) {
          if (settled) return;
          settled = true;
          inFlight -= 1;
          if (guessedWrong) charge(address);
        },
      };
    },
  };
}

/** '3 นาที', '1 ชั่วโมง 5 นาที'; a few seconds read as 1 minute. */
function minutesTh(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60) return `${minutes} นาที`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} ชั่วโมง` : `${hours} ชั่วโมง ${rest} นาที`;
}
