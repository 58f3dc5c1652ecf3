/** Small helpers for the herd section's figures (no assertions: benches print). */

/** The q-quantile (0..1) of `values`, nearest rank; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** "p50 12 ms, p99 340 ms (n 1,000)". */
export function latencySummary(values: readonly number[]): string {
  if (values.length === 0) return 'none';
  const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms`;
  return `p50 ${ms(quantile(values, 0.5))}, p99 ${ms(quantile(values, 0.99))}, max ${ms(Math.max(...values))} (n ${values.length.toLocaleString('en-US')})`;
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `work` over `items` with at most `concurrency` at once; results in input order. */
export async function mapLimited<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!, i);
  });
  await Promise.all(runners);
  return results;
}
