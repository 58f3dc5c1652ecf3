/**
 * Entry ids are UUID v7 (RFC 9562): 48 bits of Unix milliseconds then random bits, so ids sort by
 * creation time and are unique without asking a server. Pure: the caller passes time and randomness.
 */

/** @example entryIdOf(Date.now(), crypto.getRandomValues(new Uint8Array(10))) */
export function entryIdOf(epochMs: number, random10: Uint8Array): string {
  if (random10.length < 10) throw new RangeError('UUID v7 needs 10 random bytes');
  if (!Number.isSafeInteger(epochMs) || epochMs < 0) throw new RangeError('bad timestamp');
  const b = new Uint8Array(16);
  let ms = epochMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b.set(random10.subarray(0, 10), 6);
  b[6] = 0x70 | (b[6]! & 0x0f); // version 7
  b[8] = 0x80 | (b[8]! & 0x3f); // variant 10
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
