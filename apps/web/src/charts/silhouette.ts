/**
 * Silhouette plot (Rousseeuw 1987): each segment's per-point silhouette values sorted in
 * descending order and drawn as a filled horizontal profile, segments stacked bottom to top with
 * a gap, the average silhouette as a dashed vertical line. A wide, flat profile means a cohesive,
 * well-separated segment; values below 0 are points closer to another segment.
 *
 * Each profile is one filled line (`fill: 'tozerox'`), not one bar per point, so 50,000 points
 * render quickly.
 */
import type { Data } from 'plotly.js';
import type { SilhouetteResponse } from '../api/types.js';
import { escapeLabel, formatFixed, formatInteger, truncateLabel } from './format.js';
import { segmentColor, withAlpha } from './palette.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { axis, baseConfig, baseLayout, COLORS, emptySpec, isFiniteNumber } from './spec.js';

const FILE = 'segmint-silhouette';

/**
 * Builds the silhouette plot.
 * @param response - `GET /api/runs/:id/silhouette` (values per segment, any order: sorted here).
 * @returns One trace per segment (x = silhouettes, y = positions, filled to x = 0); the y axis
 *   ticks name the segments at the middle of their band; the average is a dashed line shape.
 * @example silhouetteChart(response).layout.shapes[0].x0 // the average
 */
export function silhouetteChart(
  response: SilhouetteResponse | null,
  options: BaseChartOptions = {},
): ChartSpec {
  const title = options.title ?? 'Silhouette by segment';
  const segments = (response?.segments ?? []).filter((entry) => entry.values.some(isFiniteNumber));
  if (response === null || segments.length === 0) {
    return emptySpec(title, 'No silhouette values to show.', FILE);
  }
  const pointTotal = segments.reduce((sum, entry) => sum + entry.values.length, 0);
  const gap = Math.max(2, Math.round(pointTotal * 0.02));
  const data: Data[] = [];
  const tickvals: number[] = [];
  const ticktext: string[] = [];
  let offset = 0;
  let lowest = 0;
  for (const entry of segments) {
    const values = entry.values.filter(isFiniteNumber).sort((a, b) => b - a);
    const n = values.length;
    const y = values.map((_, i) => offset + i);
    lowest = Math.min(lowest, values[n - 1] ?? 0);
    const color = segmentColor(entry.segment);
    const mean = values.reduce((sum, value) => sum + value, 0) / n;
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: truncateLabel(entry.name, 28),
      x: values,
      y,
      fill: 'tozerox',
      fillcolor: withAlpha(color, 0.75),
      line: { color, width: 1 },
      text: `${escapeLabel(entry.name)}: ${formatInteger(n)} points, mean silhouette ${formatFixed(mean, 3)}`,
      hoverinfo: 'text',
    });
    tickvals.push(offset + (n - 1) / 2);
    ticktext.push(truncateLabel(entry.name, 24));
    offset += n + gap;
  }
  const average = isFiniteNumber(response.average) ? response.average : null;
  const sampleNote =
    response.method === 'sample'
      ? `Estimated on ${formatInteger(response.shown)} of ${formatInteger(response.total)} points (sample)`
      : `All ${formatInteger(response.total)} points`;
  return {
    data,
    layout: baseLayout(
      title,
      {
        height: options.height ?? Math.max(320, Math.min(720, 160 + 36 * segments.length)),
        margin: { l: 160, r: 24, t: 76, b: 48 },
        showlegend: false,
        xaxis: axis('Silhouette coefficient', {
          range: [Math.min(-0.1, lowest - 0.05), 1],
          zeroline: true,
          dtick: 0.2,
        }),
        yaxis: axis('', {
          tickmode: 'array',
          tickvals,
          ticktext,
          showgrid: false,
          zeroline: false,
          range: [-gap / 2, offset - gap / 2],
        }),
        shapes:
          average === null
            ? []
            : [
                {
                  type: 'line',
                  xref: 'x',
                  yref: 'paper',
                  x0: average,
                  x1: average,
                  y0: 0,
                  y1: 1,
                  line: { color: COLORS.accent, width: 2, dash: 'dash' },
                },
              ],
        annotations:
          average === null
            ? []
            : [
                {
                  x: average,
                  y: 1,
                  xref: 'x',
                  yref: 'paper',
                  xanchor: 'left',
                  yanchor: 'top',
                  xshift: 4,
                  bgcolor: 'rgba(255, 255, 255, 0.85)',
                  text: `average ${formatFixed(average, 3)}`,
                  showarrow: false,
                  font: { color: COLORS.accent, size: 12 },
                },
              ],
      },
      sampleNote,
    ),
    config: baseConfig(FILE),
  };
}
