/**
 * Radar chart: one closed polygon per segment over the numeric features, each feature min-max
 * scaled over the segments (0 = the segment with the lowest mean, 1 = the highest), so features
 * in dollars and in days share one axis. Hover shows the raw mean and the scaled value. Beyond
 * ~12 features a radar gets crowded: `maxFeatures` keeps the ones whose means spread most.
 */
import type { Data } from 'plotly.js';
import { escapeLabel, formatNumber, truncateLabel } from './format.js';
import { segmentColor, withAlpha } from './palette.js';
import type { SegmentMeans } from './segment-means.js';
import { minMaxColumns } from './segment-means.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { baseConfig, baseLayout, COLORS, emptySpec, isFiniteNumber, legendBelow } from './spec.js';

/** Options of {@link radarChart}. */
export interface RadarOptions extends BaseChartOptions {
  /** Keep at most this many features: those whose report z-scores spread most across segments
   * (the first ones when z-scores are unknown). Default all. */
  readonly maxFeatures?: number;
  /** Segment ids to draw (default all). */
  readonly segments?: readonly number[];
}

const FILE = 'segmint-radar';

/**
 * Builds the radar chart.
 * @param means - Raw per-segment means ({@link segmentMeansFromReport} or
 *   {@link segmentMeansFromFeatures}).
 * @returns One scatterpolar trace per segment: `r` scaled to [0, 1] (null for unknown means),
 *   `theta` the (truncated) feature names, the first point repeated to close the polygon;
 *   `customdata` holds [full feature name, raw mean text] per point.
 * @example radarChart(means).data[0].r // [0, 1, 0.5, 0]
 */
export function radarChart(means: SegmentMeans, options: RadarOptions = {}): ChartSpec {
  const title = options.title ?? 'Segment profiles (feature means scaled across segments)';
  if (means.segments.length === 0 || means.features.length === 0) {
    return emptySpec(title, 'No numeric features to compare.', FILE);
  }
  const scaled = minMaxColumns(means.segments.map((row) => row.values));
  let columns = means.features.map((_, j) => j);
  if (options.maxFeatures !== undefined && options.maxFeatures < columns.length) {
    const spread = columns.map((j) => {
      const values = means.segments.map((row) => row.z?.[j] ?? null).filter(isFiniteNumber);
      return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
    });
    columns = [...columns]
      .sort((a, b) => spread[b]! - spread[a]!)
      .slice(0, options.maxFeatures)
      .sort((a, b) => a - b);
  }
  const theta = columns.map((j) => truncateLabel(means.features[j]!, 18));
  const visible = options.segments === undefined ? null : new Set(options.segments);
  const data: Data[] = means.segments.flatMap((row, i) => {
    if (visible !== null && !visible.has(row.segment)) return [];
    const r = columns.map((j) => scaled[i]![j] ?? null);
    const custom = columns.map((j) => [means.features[j]!, formatNumber(row.values[j])]);
    const color = segmentColor(row.segment);
    return [
      {
        type: 'scatterpolar',
        mode: 'lines+markers',
        name: truncateLabel(row.name, 28),
        r: [...r, r[0] ?? null],
        theta: [...theta, theta[0]!],
        customdata: [...custom, custom[0]!],
        fill: 'toself',
        fillcolor: withAlpha(color, 0.08),
        line: { color, width: 2 },
        marker: { color, size: 5 },
        connectgaps: false,
        hovertemplate: `<b>${escapeLabel(row.name)}</b><br>%{customdata[0]}: %{customdata[1]}<br>scaled %{r:.2f}<extra></extra>`,
      },
    ];
  });
  return {
    data,
    layout: baseLayout(
      title,
      {
        height: options.height ?? 480 + 20 * Math.ceil(data.length / 3),
        margin: { l: 100, r: 100, t: 100, b: 24 },
        polar: {
          radialaxis: {
            range: [0, 1],
            tickvals: [0, 0.5, 1],
            showticklabels: false,
            gridcolor: COLORS.grid,
            angle: 90,
          },
          angularaxis: { tickfont: { size: 11 }, gridcolor: COLORS.grid, direction: 'clockwise' },
        },
        legend: legendBelow('Segment', 0.14),
      },
      'Centre: lowest segment mean · edge: highest (hover for raw values)',
    ),
    config: baseConfig(FILE),
  };
}
