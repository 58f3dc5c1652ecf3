/**
 * Reading the HTTP Retry-After header (RFC 9110 §10.2.3): either whole seconds or an HTTP date.
 */

/**
 * Milliseconds to wait, or undefined when the header is absent or unreadable.
 * @example parseRetryAfterMs('120', now)                           // 120000
 * @example parseRetryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', now) // ms until then, 0 if past
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  // Recipients must accept all three HTTP date forms (IMF-fixdate, RFC 850, asctime); Date.parse does,
  // but it also takes '-5' as a year, so require what all three have: a month name and a hh:mm:ss.
  if (!/\b[A-Za-z]{3}\b/.test(text) || !/\b\d{2}:\d{2}:\d{2}\b/.test(text)) return undefined;
  const atMs = Date.parse(text);
  if (Number.isNaN(atMs)) return undefined;
  return Math.max(0, atMs - nowMs);
}
