/**
 * The entry hash: SHA-256 of the canonical JSON of an entry without its hash. The PC and the server
 * both compute it; equal ids with different hashes are a conflict, never an overwrite.
 * @noble/hashes is used (not WebCrypto) so hashing is synchronous and works in any context, including
 * a page served over plain http on an office LAN where crypto.subtle does not exist.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonicalJson';

// One encoder for every hash: noble's utf8ToBytes makes a TextEncoder and a copy per call, which in
// Chromium cost a 20,000-entry import more than the SHA-256 itself.
const utf8 = new TextEncoder();

/** @example sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8.encode(text)));
}

/** Hash of an entry's content; the `hash` field itself, if present, is left out. */
export function entryHash(entry: Record<string, unknown>): string {
  if (!('hash' in entry)) return sha256Hex(canonicalJson(entry));
  const { hash: _ignored, ...content } = entry;
  return sha256Hex(canonicalJson(content));
}
