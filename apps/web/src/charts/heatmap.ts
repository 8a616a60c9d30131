/**
 * Heatmap: segments (rows) x numeric features (columns), each cell coloured by how the segment's
 * mean stands out (z-score against the whole population, diverging colours centred on 0, capped
 * at ±3; or the min-max value over segments, sequential colours) with the RAW mean written in the
 * cell in readable units ("52,347", "3.45", "0.0123"). The colour says "how unusual", the number
 * says "how much". Height grows with the segment count so 30 segments stay legible.
 */
import { escapeLabel, formatFixed, formatNumber, truncateLabel } from './format.js';
import type { SegmentMeans } from './segment-means.js';
import { minMaxColumns, zScoreColumns } from './segment-means.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { axis, baseConfig, baseLayout, emptySpec, isFiniteNumber } from './spec.js';

/** What the colour shows. */
export type HeatmapScale = 'zscore' | 'normalised';

/** Options of {@link heatmapChart}. */
export interface HeatmapOptions extends BaseChartOptions {
  /** Default 'zscore'. */
  readonly scale?: HeatmapScale;
}

const FILE = 'segmint-heatmap';
const Z_CAP = 3;

/** Diverging blue-white-red (ColorBrewer RdBu, reversed so high = red). */
const DIVERGING: [number, string][] = [
  [0, '#2166ac'],
  [0.25, '#92c5de'],
  [0.5, '#f7f7f7'],
  [0.75, '#f4a582'],
  [1, '#b2182b'],
];
/** Sequential (ColorBrewer Blues). */
const SEQUENTIAL: [number, string][] = [
  [0, '#f7fbff'],
  [0.5, '#6baed6'],
  [1, '#08306b'],
];

/**
 * The colour values: report z-scores when every row has them, else z-scores across segments;
 * or min-max values.
 */
export function heatmapColors(means: SegmentMeans, scale: HeatmapScale): (number | null)[][] {
  const raw = means.segments.map((row) => row.values);
  if (scale === 'normalised') return minMaxColumns(raw);
  const fromReport = means.segments.every(
    (row) => row.z !== undefined && row.z.length === means.features.length,
  );
  if (fromReport)
    return means.segments.map((row) => (row.z ?? []).map((v) => (isFiniteNumber(v) ? v : null)));
  return zScoreColumns(raw);
}

/**
 * Builds the heatmap.
 * @returns One heatmap trace: `z` the colour values (rows = segments top to bottom), `text` the
 *   raw means formatted with {@link formatNumber} ("—" when unknown), shown in every cell.
 * @example heatmapChart(means).data[0].text[0][0] // '52,347'
 */
export function heatmapChart(means: SegmentMeans, options: HeatmapOptions = {}): ChartSpec {
  const scale = options.scale ?? 'zscore';
  const title = options.title ?? 'Segment x feature: mean values';
  if (means.segments.length === 0 || means.features.length === 0) {
    return emptySpec(title, 'No numeric features to show.', FILE);
  }
  const colors = heatmapColors(means, scale);
  const text = means.segments.map((row) => row.values.map((value) => formatNumber(value)));
  const hover = means.segments.map((row, i) =>
    means.features.map((feature, j) => {
      const color = colors[i]?.[j] ?? null;
      const colorText =
        scale === 'zscore' ? `z = ${formatFixed(color, 2)}` : `scaled ${formatFixed(color, 2)}`;
      return `<b>${escapeLabel(row.name)}</b><br>${escapeLabel(feature)}: ${formatNumber(row.values[j])}<br>${colorText}`;
    }),
  );
  const segmentLabels = means.segments.map((row) => truncateLabel(row.name, 26));
  // Duplicate truncated names would merge rows on a category axis: keep the labels unique.
  const rowLabels = segmentLabels.map((label, i) =>
    segmentLabels.indexOf(label) === i ? label : `${label} (${means.segments[i]!.segment})`,
  );
  const featureLabels = means.features.map((feature) => truncateLabel(feature, 18));
  const columnLabels = featureLabels.map((label, j) =>
    featureLabels.indexOf(label) === j ? label : `${label} #${j + 1}`,
  );
  const fontSize = means.features.length > 14 || means.segments.length > 20 ? 10 : 12;
  const zscore = scale === 'zscore';
  return {
    data: [
      {
        type: 'heatmap',
        x: columnLabels,
        y: rowLabels,
        z: colors,
        zmin: zscore ? -Z_CAP : 0,
        zmax: zscore ? Z_CAP : 1,
        zmid: zscore ? 0 : undefined,
        colorscale: zscore ? DIVERGING : SEQUENTIAL,
        text: text as unknown as string[],
        texttemplate: '%{text}',
        textfont: { size: fontSize },
        customdata: hover as unknown as string[],
        hovertemplate: '%{customdata}<extra></extra>',
        colorbar: {
          title: { text: zscore ? 'z-score' : 'scaled' },
          thickness: 12,
          ...(zscore
            ? {
                tickvals: [-3, 0, 3],
                ticktext: ['≤ −3', '0', '≥ 3'],
              }
            : {}),
        },
        xgap: 1,
        ygap: 1,
      } as ChartSpec['data'][number],
    ],
    layout: baseLayout(
      title,
      {
        height: options.height ?? Math.max(320, 180 + 32 * means.segments.length),
        margin: { l: 160, r: 24, t: 76, b: 24 },
        xaxis: axis('', { type: 'category', tickangle: -35, showgrid: false, side: 'bottom' }),
        yaxis: axis('', { type: 'category', autorange: 'reversed', showgrid: false }),
      },
      zscore
        ? 'Colour: z-score vs all customers · numbers: raw means'
        : 'Colour: lowest to highest segment · numbers: raw means',
    ),
    config: baseConfig(FILE),
  };
}
