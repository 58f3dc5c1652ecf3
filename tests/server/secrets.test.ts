/**
 * Enrolment codes and device tokens: readable codes, unguessable tokens, only hashes stored.
 */
import { describe, expect, it } from 'vitest';
import { enrolmentCodeAlphabet, newDeviceToken, newEnrolmentCode, normaliseEnrolmentCode, tokenHash } from '../../src/server/secrets';

describe('enrolment codes', () => {
  it('look like XXXX-XXXX from an alphabet without look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const code = newEnrolmentCode();
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      for (const ch of code.replace('-', '')) expect(enrolmentCodeAlphabet).toContain(ch);
    }
    expect(enrolmentCodeAlphabet).not.toMatch(/[01258BILOSUVZ]/);
  });

  it('are read without regard to case, spaces or the dash', () => {
    expect(normaliseEnrolmentCode(' kx7m-4rtq ')).toBe('KX7M4RTQ');
    expect(normaliseEnrolmentCode('KX7M4RTQ')).toBe('KX7M4RTQ');
  });
});

describe('device tokens', () => {
  it('are 32 random bytes in base64url, stored as SHA-256 hex', () => {
    const token = newDeviceToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newDeviceToken()).not.toBe(token);
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
