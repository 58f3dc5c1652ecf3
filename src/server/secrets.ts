/**
 * Device tokens and enrolment codes: made from crypto-random bytes, and stored only as SHA-256 hex,
 * so that a copy of the database lets no one act as a device or enrol one.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { sha256Hex } from '../domain/entryHash';

/** 32 random bytes (256 bits): guessing a token is hopeless, so no rate limit is needed to protect it. */
const tokenBytes = 32;

/** A new bearer token: 32 random bytes, base64url (43 characters). */
export function newDeviceToken(): string {
  return randomBytes(tokenBytes).toString('base64url');
}

/** What the database keeps of a token. */
export function tokenHash(token: string): string {
  return sha256Hex(token);
}

/**
 * Letters and digits an officer cannot mistake for one another when reading the code aloud or off a
 * printout: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V. 23 symbols; 8 of them ≈ 36 bits (7.8·10^10 codes).
 * That is enough only because guessing is slowed: failed attempts are limited per address and in all
 * (enrolmentAttempts.ts: ≈ 26,000 tries in a code's 72 hours, a 3·10^-7 chance per code).
 */
export const enrolmentCodeAlphabet = '34679ACDEFGHJKMNPQRTWXY';

const enrolmentCodeLength = 8;

/** A new one-time enrolment code, `XXXX-XXXX`. */
export function newEnrolmentCode(): string {
  let code = '';
  // randomInt draws without modulo bias.
  for (let i = 0; i < enrolmentCodeLength; i++) code += enrolmentCodeAlphabet[randomInt(enrolmentCodeAlphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * The form a code is hashed in: upper case, without dashes or spaces, so 'abcd-efgh', 'ABCDEFGH' and
 * ' abcd efgh ' are the same code.
 * @example normaliseEnrolmentCode(' kx7m-4rtq ') // 'KX7M4RTQ'
 */
export function normaliseEnrolmentCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/** What the database keeps of an enrolment code. */
export function enrolmentCodeHash(text: string): string {
  return sha256Hex(normaliseEnrolmentCode(text));
}
