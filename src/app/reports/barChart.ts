/**
 * The geometry of a grouped bar chart, hand-written (no chart library: the app must stay small and
 * work offline): categories along x, one bar per series in each, a y scale from 0 to a round maximum.
 * Pure, so it is tested without a browser; BarChart.tsx draws it as SVG.
 */

export interface BarSeries {
  labelTh: string;
  /** CSS colour. */
  color: string;
}

export interface BarCategory {
  labelTh: string;
  /** One value per series, in satang (or any non-negative number); negatives are drawn as 0. */
  values: readonly number[];
}

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
  series: number;
  category: number;
  value: number;
}

export interface BarChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: BarRect[];
  /** Gridlines and their values, from 0 up. */
  ticks: { y: number; value: number }[];
  /** Category labels: x of the category's centre; `show` false when labels would crowd. */
  labels: { x: number; labelTh: string; show: boolean }[];
}

/**
 * The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `max` (0 stays 1, so an empty chart still has a scale).
 * @example niceMax(1_234_567) // 2_000_000
 */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(max)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= max) return m * exp;
  return 10 * exp;
}

export function barChartLayout(categories: readonly BarCategory[], seriesCount: number, size: { width: number; height: number; left?: number; bottom?: number }): BarChartLayout {
  const plot = { left: size.left ?? 72, top: 8, right: size.width - 8, bottom: size.height - (size.bottom ?? 24) };
  const max = niceMax(Math.max(0, ...categories.flatMap((c) => c.values)));
  const plotHeight = plot.bottom - plot.top;
  const slot = categories.length === 0 ? 0 : (plot.right - plot.left) / categories.length;
  const groupWidth = slot * 0.8;
  const barWidth = seriesCount === 0 ? 0 : groupWidth / seriesCount;
  const bars: BarRect[] = [];
  categories.forEach((c, ci) => {
    for (let si = 0; si < seriesCount; si++) {
      const value = Math.max(0, c.values[si] ?? 0);
      const height = (value / max) * plotHeight;
      bars.push({ x: plot.left + ci * slot + (slot - groupWidth) / 2 + si * barWidth, y: plot.bottom - height, width: barWidth, height, series: si, category: ci, value });
    }
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: plot.bottom - f * plotHeight, value: f * max }));
  // One label per ~28 px at most, always the first.
  const every = Math.max(1, Math.ceil(28 / Math.max(slot, 1)));
  const labels = categories.map((c, ci) => ({ x: plot.left + ci * slot + slot / 2, labelTh: c.labelTh, show: ci % every === 0 }));
  return { width: size.width, height: size.height, plot, bars, ticks, labels };
}

/**
 * Satang as a short axis label in baht: "0", "2,500", "1.5 ล้าน".
 * @example axisBahtText(150_000_000) // '1.5 ล้าน'
 */
export function axisBahtText(satang: number): string {
  const baht = satang / 100;
  if (baht >= 1_000_000) return `${Number((baht / 1_000_000).toFixed(2))} ล้าน`;
  return Math.round(baht).toLocaleString('en-US');
}
