/**
 * Keeps one push under the protocol's byte limit (4 MB). Entries are bounded (≤ 100 lines, short
 * fields), so a batch of 200 is far below it; this is the check that makes that a fact, not a hope.
 */
import type { Entry } from '../domain/entry';
import { protocolVersion, pushBytesMax } from './protocol';

const encoder = new TextEncoder();

/**
 * The longest prefix of `entries` (at least one) whose push body fits in `bytesMax`. Halving keeps
 * the work logarithmic; the rest simply waits for the next push.
 */
export function fitToPushBytes(
  deviceId: string,
  entries: readonly Entry[],
  bytesMax = pushBytesMax,
): Record<string, unknown>[] {
  let count = entries.length;
  while (count > 1 && bodyBytes(deviceId, entries.slice(0, count)) > bytesMax) {
    count = Math.ceil(count / 2);
  }
  return entries.slice(0, count).map((e) => ({ ...e }));
}

function bodyBytes(deviceId: string, entries: readonly Entry[]): number {
  return encoder.encode(JSON.stringify({ protocol: protocolVersion, deviceId, entries })).length;
}
