/**
 * Time and randomness are passed in, never read from globals deep inside, so tests and the bench can
 * replay exact ids and instants. These defaults are what the page and the service worker use.
 */

/** A source of the current time. */
export interface Clock {
  nowMs(): number;
}

/** Returns `n` random bytes. */
export type RandomBytes = (n: number) => Uint8Array;

/** The real clock. */
export const systemClock: Clock = { nowMs: () => Date.now() };

/** Cryptographic randomness (page, service worker and Node 20 all have `crypto.getRandomValues`). */
export const cryptoRandomBytes: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));
