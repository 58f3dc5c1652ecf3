/** A grouped bar chart as plain SVG (see barChart.ts for the geometry); prints in black and grey too. */
import { formatBaht } from '../../domain/money';
import { axisBahtText, barChartLayout, type BarCategory, type BarSeries } from './barChart';

export interface BarChartProps {
  titleTh: string;
  series: readonly BarSeries[];
  categories: readonly BarCategory[];
  width?: number;
  height?: number;
  testId: string;
}

export function BarChart({ titleTh, series, categories, width = 720, height = 240, testId }: BarChartProps) {
  const layout = barChartLayout(categories, series.length, { width, height });
  const { plot } = layout;
  return (
    <figure class="report-chart" data-testid={testId}>
      <figcaption class="report-block-title">{titleTh}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={titleTh} style={{ maxWidth: `${width}px` }}>
        {layout.ticks.map((t) => (
          <g key={t.value}>
            <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke="#ccc" stroke-width="1" />
            <text x={plot.left - 6} y={t.y + 4} text-anchor="end">
              {axisBahtText(t.value)}
            </text>
          </g>
        ))}
        {layout.bars.map((b) => (
          <rect key={`${b.category}-${b.series}`} x={b.x} y={b.y} width={Math.max(0, b.width - 1)} height={b.height} fill={series[b.series]?.color ?? '#888'} data-testid={`${testId}-bar`}>
            <title>{`${categories[b.category]?.labelTh ?? ''} · ${series[b.series]?.labelTh ?? ''}: ${formatBaht(Math.round(b.value))} บาท`}</title>
          </rect>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#000" stroke-width="1" />
        {layout.labels.map((l, i) =>
          l.show ? (
            <text key={i} x={l.x} y={plot.bottom + 16} text-anchor="middle">
              {l.labelTh}
            </text>
          ) : null,
        )}
      </svg>
      <div class="report-chart-legend">
        {series.map((s) => (
          <span key={s.labelTh}>
            <span class="report-chart-swatch" style={{ background: s.color }} />
            {s.labelTh}
          </span>
        ))}
      </div>
    </figure>
  );
}
