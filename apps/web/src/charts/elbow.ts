/**
 * Elbow chart: the inertia (within-cluster sum of squares) of each candidate k, with the knee
 * that Kneedle (Satopää et al. 2011) found marked by a diamond, a dashed vertical line and an
 * annotation. Curve values the run could not compute (null) are gaps, not zeros.
 */
import type { ReportSelection } from '../api/types.js';
import { formatNumber } from './format.js';
import { SEGMENT_PALETTE } from './palette.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import {
  axis,
  baseConfig,
  baseLayout,
  COLORS,
  emptySpec,
  isFiniteNumber,
  kAxis,
  toGaps,
} from './spec.js';

/** What the elbow chart needs from report.selection. */
export type ElbowInput = Pick<ReportSelection, 'curves' | 'knee'>;

const FILE = 'segmint-elbow';

/**
 * Builds the elbow chart.
 * @param selection - `report.selection` (curves.k and curves.inertia, knee); null gives the empty
 *   state (the run used a fixed k).
 * @returns Traces: [inertia line, knee marker (only when the knee is one of the ks)].
 * @example elbowChart(report.selection).data[0].y // inertia per k
 */
export function elbowChart(
  selection: ElbowInput | null,
  options: BaseChartOptions = {},
): ChartSpec {
  const title = options.title ?? 'Elbow: inertia by number of segments';
  if (selection === null || selection.curves.k.length === 0) {
    return emptySpec(title, 'This run used a fixed k: there is no curve to show.', FILE);
  }
  const { k, inertia } = selection.curves;
  const y = toGaps(inertia);
  const lineColor = SEGMENT_PALETTE[0];
  const data: ChartSpec['data'] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'Inertia',
      x: [...k],
      y,
      line: { color: lineColor, width: 2 },
      marker: { color: lineColor, size: 7 },
      hovertemplate: 'k = %{x}<br>inertia %{customdata}<extra></extra>',
      customdata: y.map((value) => formatNumber(value)),
    },
  ];
  const kneeIndex = selection.knee === null ? -1 : k.indexOf(selection.knee);
  const kneeValue = kneeIndex >= 0 ? y[kneeIndex] : null;
  const annotations: NonNullable<ChartSpec['layout']['annotations']> = [];
  const shapes: NonNullable<ChartSpec['layout']['shapes']> = [];
  if (selection.knee !== null && kneeIndex >= 0) {
    shapes.push({
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: selection.knee,
      x1: selection.knee,
      y0: 0,
      y1: 1,
      line: { color: COLORS.accent, width: 1.5, dash: 'dash' },
    });
    if (isFiniteNumber(kneeValue)) {
      data.push({
        type: 'scatter',
        mode: 'markers',
        name: `Knee (k = ${selection.knee})`,
        x: [selection.knee],
        y: [kneeValue],
        marker: {
          color: COLORS.accent,
          size: 14,
          symbol: 'diamond',
          line: { color: '#fff', width: 1.5 },
        },
        hovertemplate: `Knee: k = ${selection.knee}<br>inertia ${formatNumber(kneeValue)}<extra></extra>`,
      });
    }
    annotations.push({
      x: selection.knee,
      y: isFiniteNumber(kneeValue) ? kneeValue : 1,
      xref: 'x',
      yref: isFiniteNumber(kneeValue) ? 'y' : 'paper',
      text: `<b>Knee: k = ${selection.knee}</b>`,
      showarrow: true,
      arrowhead: 2,
      arrowcolor: COLORS.accent,
      ax: 40,
      ay: -36,
      font: { color: COLORS.accent, size: 12 },
      bgcolor: 'rgba(255,255,255,0.85)',
    });
  } else {
    annotations.push({
      xref: 'paper',
      yref: 'paper',
      x: 1,
      y: 1,
      xanchor: 'right',
      yanchor: 'top',
      showarrow: false,
      text: 'No clear knee',
      font: { color: COLORS.muted },
    });
  }
  return {
    data,
    layout: baseLayout(title, {
      height: options.height ?? 360,
      showlegend: false,
      xaxis: kAxis(k),
      yaxis: axis('Inertia (within-cluster sum of squares)', {
        tickformat: '~s',
        rangemode: 'tozero',
      }),
      shapes,
      annotations,
    }),
    config: baseConfig(FILE),
  };
}
