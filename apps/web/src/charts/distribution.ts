/**
 * Distribution chart of one feature by segment, in raw units. Numeric features: a box (Tukey
 * 1977: quartiles, whiskers, outliers, the mean dashed) or a violin (kernel density plus inner box)
 * per segment from the server's sample (<= 2,000 values per segment), or from the five-number
 * summary when a segment has no sample. Categorical features: 100% stacked bars, the share of
 * each category within each segment (the 10 most common categories, the rest as "Other").
 *
 * The metric picker: {@link DISTRIBUTION_METRICS} lists the statistics a user can pick (mean,
 * median, ...); {@link metricBySegment} gives the picked one per segment, and the chart overlays
 * it as labelled diamonds when `metric` is set.
 */
import type { Data } from 'plotly.js';
import type {
  CategoricalDistribution,
  DistributionResponse,
  NumericDistribution,
} from '../api/types.js';
import {
  escapeLabel,
  formatInteger,
  formatNumber,
  formatPercent,
  truncateLabel,
} from './format.js';
import { segmentColor, withAlpha } from './palette.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import {
  axis,
  baseConfig,
  baseLayout,
  categoryTickAngle,
  COLORS,
  emptySpec,
  isFiniteNumber,
} from './spec.js';

/** Box or violin. */
export type DistributionStyle = 'box' | 'violin';

/** A statistic of the metric picker. */
export type DistributionMetric = 'mean' | 'median' | 'min' | 'q1' | 'q3' | 'max' | 'iqr';

/** The metric picker's choices, in menu order. */
export const DISTRIBUTION_METRICS: readonly {
  readonly value: DistributionMetric;
  readonly label: string;
}[] = Object.freeze([
  { value: 'mean', label: 'Mean' },
  { value: 'median', label: 'Median' },
  { value: 'min', label: 'Minimum' },
  { value: 'q1', label: 'First quartile (25%)' },
  { value: 'q3', label: 'Third quartile (75%)' },
  { value: 'max', label: 'Maximum' },
  { value: 'iqr', label: 'Interquartile range' },
]);

/** Options of {@link distributionChart}. */
export interface DistributionOptions extends BaseChartOptions {
  /** Numeric features: 'box' (default) or 'violin'. */
  readonly style?: DistributionStyle;
  /** Overlay this statistic per segment (numeric features). Default none. */
  readonly metric?: DistributionMetric;
  /** Categorical features: categories kept before "Other" (default 10). */
  readonly maxCategories?: number;
}

const FILE = 'segmint-distribution';
/** Category colours (ColorBrewer Set2 then Dark2): apart from the segment palette on purpose. */
const CATEGORY_COLORS = [
  '#66c2a5',
  '#fc8d62',
  '#8da0cb',
  '#e78ac3',
  '#a6d854',
  '#ffd92f',
  '#e5c494',
  '#b3b3b3',
  '#1b9e77',
  '#d95f02',
  '#7570b3',
];

/**
 * One statistic per segment, for the metric picker (a table or the overlay).
 * @example metricBySegment(distribution, 'median')[0] // { segment: 0, name: 'Loyal', value: 51234, text: '51,234' }
 */
export function metricBySegment(
  distribution: NumericDistribution,
  metric: DistributionMetric,
): { segment: number; name: string; value: number | null; text: string }[] {
  return distribution.segments.map((entry) => {
    const raw =
      metric === 'iqr'
        ? entry.q3 === null || entry.q1 === null
          ? null
          : entry.q3 - entry.q1
        : entry[metric];
    const value = isFiniteNumber(raw) ? raw : null;
    return { segment: entry.segment, name: entry.name, value, text: formatNumber(value) };
  });
}

function numericChart(
  distribution: NumericDistribution,
  options: DistributionOptions,
  title: string,
): ChartSpec {
  const style = options.style ?? 'box';
  const names = distribution.segments.map((entry) => truncateLabel(entry.name, 22));
  const data: Data[] = distribution.segments.map((entry, i) => {
    const color = segmentColor(entry.segment);
    const name = names[i]!;
    const values = entry.values.filter(isFiniteNumber);
    const common = {
      name,
      legendgroup: String(entry.segment),
      marker: { color, size: 3, opacity: 0.5 },
      line: { color, width: 1.5 },
      fillcolor: withAlpha(color, 0.2),
      hoverlabel: { namelength: -1 },
    };
    if (style === 'violin' && values.length > 1) {
      return {
        type: 'violin',
        x: values.map(() => name),
        y: values,
        box: { visible: true, width: 0.15 },
        meanline: { visible: true },
        points: false,
        spanmode: 'hard',
        ...common,
      };
    }
    if (values.length > 0) {
      return {
        type: 'box',
        x: values.map(() => name),
        y: values,
        boxmean: true,
        boxpoints: 'outliers',
        ...common,
      };
    }
    if (entry.median === null) {
      // No value at all in this segment: keep its place on the axis, draw nothing.
      return { type: 'box', x: [name], y: [null], ...common } as unknown as Data;
    }
    // No sample: draw the box from the summary the server computed.
    return {
      type: 'box',
      x: [name],
      q1: [entry.q1],
      median: [entry.median],
      q3: [entry.q3],
      lowerfence: [entry.min],
      upperfence: [entry.max],
      mean: [entry.mean],
      ...common,
    } as unknown as Data;
  });
  if (options.metric !== undefined) {
    const picked = metricBySegment(distribution, options.metric);
    const label =
      DISTRIBUTION_METRICS.find((entry) => entry.value === options.metric)?.label ?? options.metric;
    data.push({
      type: 'scatter',
      mode: 'text+markers',
      name: label,
      x: names,
      y: picked.map((entry) => entry.value),
      text: picked.map((entry) => entry.text),
      textposition: 'middle right',
      textfont: { size: 11, color: COLORS.text },
      marker: {
        symbol: 'diamond',
        size: 11,
        color: COLORS.text,
        line: { color: '#fff', width: 1 },
      },
      hovertemplate: `%{x}<br>${escapeLabel(label)} %{text}<extra></extra>`,
    });
  }
  return {
    data,
    layout: baseLayout(title, {
      height: options.height ?? 420,
      showlegend: false,
      margin: { l: 64, r: 24, t: 52, b: 40 },
      xaxis: axis('', {
        type: 'category',
        tickangle: categoryTickAngle(names),
        showgrid: false,
      }),
      yaxis: axis(distribution.feature, { zeroline: false, tickformat: '~s' }),
      ...(style === 'violin' ? { violinmode: 'overlay' } : { boxmode: 'overlay' }),
    }),
    config: baseConfig(FILE),
  };
}

function categoricalChart(
  distribution: CategoricalDistribution,
  options: DistributionOptions,
  title: string,
): ChartSpec {
  const maxCategories = Math.max(1, options.maxCategories ?? 10);
  const totals = distribution.categories.map((_, c) =>
    distribution.segments.reduce((sum, entry) => sum + (entry.counts[c] ?? 0), 0),
  );
  const order = distribution.categories.map((_, c) => c).sort((a, b) => totals[b]! - totals[a]!);
  const kept = order.slice(0, maxCategories);
  const rest = order.slice(maxCategories);
  const names = distribution.segments.map((entry) => truncateLabel(entry.name, 22));
  const segmentTotals = distribution.segments.map((entry) =>
    entry.counts.reduce((sum, count) => sum + count, 0),
  );
  const series = kept.map((c) => ({ label: distribution.categories[c]!, columns: [c] }));
  if (rest.length > 0) series.push({ label: `Other (${rest.length})`, columns: rest });
  const data: Data[] = series.map((entry, s) => {
    const counts = distribution.segments.map((segment) =>
      entry.columns.reduce((sum, c) => sum + (segment.counts[c] ?? 0), 0),
    );
    const shares = counts.map((count, i) =>
      segmentTotals[i]! > 0 ? count / segmentTotals[i]! : 0,
    );
    return {
      type: 'bar',
      name: truncateLabel(entry.label, 24),
      x: names,
      y: shares,
      text: shares.map((share) => (share >= 0.06 ? formatPercent(share, 0) : '')),
      textposition: 'inside',
      insidetextanchor: 'middle',
      customdata: counts.map((count, i) => [formatInteger(count), formatPercent(shares[i])]),
      marker: { color: CATEGORY_COLORS[s % CATEGORY_COLORS.length] },
      hovertemplate: `%{x}<br>${escapeLabel(entry.label)}: %{customdata[1]} (%{customdata[0]})<extra></extra>`,
    };
  });
  return {
    data,
    layout: baseLayout(title, {
      height: options.height ?? 420,
      barmode: 'stack',
      margin: { l: 64, r: 24, t: 52, b: 40 },
      xaxis: axis('', {
        type: 'category',
        tickangle: categoryTickAngle(names),
        showgrid: false,
      }),
      yaxis: axis(`Share of segment`, { tickformat: '.0%', range: [0, 1] }),
      legend: {
        title: { text: escapeLabel(distribution.feature) },
        traceorder: 'reversed',
        font: { size: 11 },
      },
    }),
    config: baseConfig(FILE),
  };
}

/**
 * Builds the distribution chart of one feature.
 * @param distribution - `GET /api/runs/:id/distribution?feature=` (numeric or categorical).
 * @returns Numeric: one box/violin trace per segment (+ the metric overlay); categorical: one
 *   bar trace per category (stacked shares). No segments gives the empty state.
 * @example distributionChart(distribution, { style: 'violin' }).data[0].type // 'violin'
 */
export function distributionChart(
  distribution: DistributionResponse | null,
  options: DistributionOptions = {},
): ChartSpec {
  const feature = distribution?.feature ?? '';
  const title = options.title ?? `Distribution of ${escapeLabel(feature)} by segment`;
  if (distribution === null || distribution.segments.length === 0) {
    return emptySpec(title, 'No values to show for this feature.', FILE);
  }
  return distribution.kind === 'numeric'
    ? numericChart(distribution, options, title)
    : categoricalChart(distribution, options, title);
}
