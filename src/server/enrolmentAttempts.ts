/**
 * A brake on guessing enrolment codes: token buckets of failed attempts, one per client address and one
 * for all clients together (a guesser with many addresses). Every attempt takes a token from both
 * before the code is looked at, and gets it back when the attempt did not guess wrong (enrolled, or a
 * malformed body): taking first means a burst of parallel guesses cannot slip past the count, and an
 * empty bucket refuses even a right code, or a guesser could go on guessing and notice the one success.
 * Beyond the bucket: 429 with Retry-After and a Thai message.
 *
 * With the defaults (limits.ts: 100 at once and 360 an hour in all) a guesser gets ≈ 26,000 tries in
 * a code's 72 hours; codes have 23^8 ≈ 7.8·10^10 values (secrets.ts), so even with 7,850 codes out at
 * once the chance of hitting any is ≈ 0.3 %. A legitimate office only pays for typos.
 */
import type { Clock } from './clock';
import { ApiError } from './errors';

/** Addresses remembered at most; the ones idle longest are forgotten first (a full bucket again). */
export const enrolAddressesMax = 100_000;

export interface EnrolAttemptLimits {
  enrolFailuresPerAddressBurst: number;
  enrolFailuresPerAddressPerHour: number;
  enrolFailuresBurst: number;
  enrolFailuresPerHour: number;
}

/** One attempt's hold on both buckets: give it back unless the attempt guessed wrong. */
export interface AttemptHold {
  refund(): void;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

const hourMs = 60 * 60 * 1000;

/**
 * The limiter of one app (no global state).
 * @example const attempts = enrolmentAttempts(limits, clock);
 *          const hold = attempts.take(address); try { …enrol…; hold.refund() } catch (e) { if (!guessedWrong(e)) hold.refund(); throw e }
 */
export function enrolmentAttempts(limits: EnrolAttemptLimits, clock: Clock) {
  const perAddress = new Map<string, Bucket>();
  let all: Bucket | undefined;

  // A clock that went back refills nothing (and takes nothing away).
  const filled = (bucket: Bucket | undefined, burst: number, perHour: number, nowMs: number): number =>
    bucket === undefined ? burst : Math.min(burst, bucket.tokens + (Math.max(0, nowMs - bucket.atMs) / hourMs) * perHour);

  /** Seconds until `tokens` reaches 1 at `perHour`. */
  const waitSeconds = (tokens: number, perHour: number): number => Math.max(1, Math.ceil(((1 - tokens) / perHour) * 3600));

  return {
    /** Takes one attempt from the address's bucket and the shared one; 429 when either is empty. */
    take(address: string): AttemptHold {
      const nowMs = clock.now().getTime();
      const mine = filled(perAddress.get(address), limits.enrolFailuresPerAddressBurst, limits.enrolFailuresPerAddressPerHour, nowMs);
      const shared = filled(all, limits.enrolFailuresBurst, limits.enrolFailuresPerHour, nowMs);
      if (mine < 1 || shared < 1) {
        const seconds = Math.max(
          mine < 1 ? waitSeconds(mine, limits.enrolFailuresPerAddressPerHour) : 0,
          shared < 1 ? waitSeconds(shared, limits.enrolFailuresPerHour) : 0,
        );
        throw new ApiError(
          429,
          'too_many_enrolment_attempts',
          `ใส่รหัสลงทะเบียนผิดหลายครั้งเกินไป กรุณาตรวจรหัสจากผู้ดูแลระบบ แล้วลองใหม่ในอีก ${minutesTh(seconds)}`,
          { 'Retry-After': String(seconds) },
        );
      }
      // Re-inserting on use keeps the Map's first key the least recently used.
      perAddress.delete(address);
      perAddress.set(address, { tokens: mine - 1, atMs: nowMs });
      if (perAddress.size > enrolAddressesMax) perAddress.delete(perAddress.keys().next().value!);
      all = { tokens: shared - 1, atMs: nowMs };
      let refunded = false;
      return {
        refund() {
          if (refunded) return;
          refunded = true;
          const b = perAddress.get(address);
          if (b) b.tokens = Math.min(limits.enrolFailuresPerAddressBurst, b.tokens + 1);
          if (all) all.tokens = Math.min(limits.enrolFailuresBurst, all.tokens + 1);
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
