/**
 * Sizes chart: a horizontal bar per segment (largest on top), length = customer count, labelled
 * with the count and the share ("1,234 · 23.4%"), each bar in its segment's colour.
 */
import type { ReportSegment } from '../api/types.js';
import { escapeLabel, formatInteger, formatPercent, truncateLabel } from './format.js';
import { segmentColor } from './palette.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { axis, baseConfig, baseLayout, emptySpec } from './spec.js';

/** A segment's size (report.segments entries fit). */
export type SegmentSize = Pick<ReportSegment, 'segment' | 'name' | 'size' | 'share'>;

const FILE = 'segmint-sizes';

/**
 * Builds the sizes chart.
 * @param segments - Segments with sizes and shares (shares recomputed from sizes when they do
 *   not sum to ~1).
 * @returns One bar trace: y = names (largest first, on top), x = counts, text = "count · share".
 * @example sizesChart(report.segments).data[0].text // ['1,234 · 55.1%', ...]
 */
export function sizesChart(
  segments: readonly SegmentSize[],
  options: BaseChartOptions = {},
): ChartSpec {
  const title = options.title ?? 'Segment sizes';
  if (segments.length === 0) return emptySpec(title, 'No segments.', FILE);
  const total = segments.reduce((sum, entry) => sum + entry.size, 0);
  const shareSum = segments.reduce((sum, entry) => sum + entry.share, 0);
  const share = (entry: SegmentSize): number =>
    Math.abs(shareSum - 1) < 0.02 || total === 0 ? entry.share : entry.size / total;
  const ordered = [...segments].sort((a, b) => b.size - a.size || a.segment - b.segment);
  const labels = ordered.map((entry) => truncateLabel(entry.name, 28));
  const unique = labels.map((label, i) =>
    labels.indexOf(label) === i ? label : `${label} (${ordered[i]!.segment})`,
  );
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        name: 'Customers',
        y: unique,
        x: ordered.map((entry) => entry.size),
        text: ordered.map(
          (entry) => `${formatInteger(entry.size)} · ${formatPercent(share(entry))}`,
        ),
        textposition: 'outside',
        cliponaxis: false,
        customdata: ordered.map((entry) => escapeLabel(entry.name)),
        marker: { color: ordered.map((entry) => segmentColor(entry.segment)) },
        hovertemplate: '<b>%{customdata}</b><br>%{text}<extra></extra>',
      },
    ],
    layout: baseLayout(title, {
      height: options.height ?? Math.max(220, 100 + 30 * segments.length),
      margin: { l: 180, r: 110, t: 52, b: 48 },
      showlegend: false,
      bargap: 0.25,
      xaxis: axis('Customers', { tickformat: ',~s', rangemode: 'tozero' }),
      yaxis: axis('', { type: 'category', autorange: 'reversed', showgrid: false }),
    }),
    config: baseConfig(FILE),
  };
}
