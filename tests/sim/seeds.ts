/**
 * Which seeds a run covers, how results add up to a summary, and the replay line a failure prints.
 * No vitest here: the CLI (run.ts) and the test files share it.
 */
import type { SeedResult } from './simulate';

export interface SeedRange {
  from: number;
  count: number;
}

/** Seeds 1..1000 in CI. */
export const ciSeeds: SeedRange = { from: 1, count: 1000 };

/**
 * Reads `SIM_SEEDS`: `N` (seeds 1..N) or `A..B` (both included); absent → `fallback`.
 * @example seedRangeOf('200') // { from: 1, count: 200 }; seedRangeOf('5..9') // { from: 5, count: 5 }
 */
export function seedRangeOf(text: string | undefined, fallback: SeedRange = ciSeeds): SeedRange {
  if (text === undefined || text.trim() === '') return fallback;
  const range = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(text);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to < from) throw new RangeError(`SIM_SEEDS ${text}: the range is empty`);
    return { from, count: to - from + 1 };
  }
  if (/^\s*\d+\s*$/.test(text) && Number(text) >= 1) return { from: 1, count: Number(text) };
  throw new RangeError(`SIM_SEEDS must be N or A..B, not ${text}`);
}

/** Part `part` (0-based) of `parts` equal slices of `range`. */
export function sliceOf(range: SeedRange, part: number, parts: number): SeedRange {
  const size = Math.ceil(range.count / parts);
  const from = range.from + part * size;
  return { from, count: Math.max(0, Math.min(size, range.from + range.count - from)) };
}

/** The command that replays one seed with its step-by-step trace. */
export function replayCommand(seed: number, knownGaps = true): string {
  return `npm run sim -- --seed ${seed}${knownGaps ? '' : ' --avoid-known-gaps'}`;
}

/** What a failing seed prints: the violations, the end of the trace, and how to replay it. */
export function failureReport(result: SeedResult, traceLines = 40): string {
  const tail = result.trace.slice(-traceLines);
  return [
    `seed ${result.seed} failed at step ${result.failedAtStep ?? '?'}:`,
    ...result.violations.map((v) => `  - ${v}`),
    `last ${tail.length} trace lines:`,
    ...tail.map((l) => `  ${l}`),
    `replay with its whole trace: ${replayCommand(result.seed, result.knownGaps)}`,
  ].join('\n');
}

export interface RunSummary {
  seeds: number;
  failed: number[];
  steps: number;
  entries: number;
  pushes: number;
  faults: Record<string, number>;
}

export function emptySummary(): RunSummary {
  return { seeds: 0, failed: [], steps: 0, entries: 0, pushes: 0, faults: {} };
}

export function addToSummary(summary: RunSummary, result: SeedResult): void {
  summary.seeds += 1;
  if (!result.ok) summary.failed.push(result.seed);
  summary.steps += result.steps;
  summary.entries += result.entries;
  summary.pushes += result.pushes;
  for (const [kind, n] of Object.entries(result.faults)) summary.faults[kind] = (summary.faults[kind] ?? 0) + n;
}

export function summaryText(summary: RunSummary, elapsedMs: number): string {
  const faults = Object.entries(summary.faults)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `seeds ${summary.seeds}, failed ${summary.failed.length}${summary.failed.length ? ` (${summary.failed.slice(0, 20).join(', ')}${summary.failed.length > 20 ? ', …' : ''})` : ''}`,
    `steps ${summary.steps}, entries recorded ${summary.entries}, pushes ${summary.pushes}`,
    `faults injected: ${faults}`,
    `time ${(elapsedMs / 1000).toFixed(1)} s (${(elapsedMs / Math.max(summary.seeds, 1)).toFixed(0)} ms per seed)`,
  ].join('\n');
}
