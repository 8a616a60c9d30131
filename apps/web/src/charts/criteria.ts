/**
 * Criteria chart: small multiples of the silhouette (Rousseeuw 1987; with its confidence band
 * when estimated on a sample), Calinski-Harabasz (1974) and Davies-Bouldin (1979) curves over the
 * candidate ks, side by side with one shared k axis. Each panel marks the k its criterion voted
 * for (a ring and a "best k" label) or says it abstained. Null curve values are gaps.
 */
import type { Annotations, Data, Layout, Shape } from 'plotly.js';
import type { CriterionVote, ReportSelection, SelectionCriterion } from '../api/types.js';
import { CRITERION_INFO } from './criteria-names.js';
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

/** What the criteria chart needs from report.selection. */
export type CriteriaInput = Pick<ReportSelection, 'curves' | 'votes'>;

const FILE = 'segmint-criteria';
const GAP = 0.07;

interface Panel {
  readonly criterion: SelectionCriterion;
  readonly values: readonly (number | null)[];
  readonly lower?: readonly (number | null)[];
  readonly upper?: readonly (number | null)[];
}

/** Horizontal domain of panel `index` of `count` side-by-side panels. */
export function panelDomain(index: number, count: number, gap = GAP): [number, number] {
  const width = (1 - gap * (count - 1)) / count;
  const start = index * (width + gap);
  return [start, Math.min(1, start + width)];
}

function bandDiffers(
  values: readonly (number | null)[],
  lower: readonly (number | null)[],
  upper: readonly (number | null)[],
): boolean {
  return values.some((value, i) => lower[i] !== value || upper[i] !== value);
}

/**
 * Builds the criteria small multiples.
 * @param selection - `report.selection` (curves and votes); null gives the empty state.
 * @returns Per panel: [band upper, band lower (silhouette only, when estimated)], the curve, and
 *   the chosen-k marker when the criterion voted. Axes x, x2, x3 share their range (`matches`).
 * @example criteriaChart(report.selection).layout.xaxis2.matches // 'x'
 */
export function criteriaChart(
  selection: CriteriaInput | null,
  options: BaseChartOptions = {},
): ChartSpec {
  const title = options.title ?? 'Quality criteria by number of segments';
  if (selection === null || selection.curves.k.length === 0) {
    return emptySpec(title, 'This run used a fixed k: there are no curves to show.', FILE);
  }
  const { curves } = selection;
  const k = [...curves.k];
  const panels: Panel[] = [
    {
      criterion: 'silhouette',
      values: curves.silhouette,
      lower: curves.silhouetteLower,
      upper: curves.silhouetteUpper,
    },
    { criterion: 'calinski-harabasz', values: curves.calinskiHarabasz },
    { criterion: 'davies-bouldin', values: curves.daviesBouldin },
  ];
  const votes = new Map<string, CriterionVote>(
    selection.votes.map((vote) => [vote.criterion, vote]),
  );
  const data: Data[] = [];
  const annotations: Partial<Annotations>[] = [];
  const shapes: Partial<Shape>[] = [];
  const layoutAxes: Partial<Layout> = {};

  panels.forEach((panel, index) => {
    const suffix = index === 0 ? '' : String(index + 1);
    const xref = `x${suffix}` as 'x';
    const yref = `y${suffix}` as 'y';
    const info = CRITERION_INFO[panel.criterion];
    const color = SEGMENT_PALETTE[index] ?? COLORS.text;
    const y = toGaps(panel.values);
    const domain = panelDomain(index, panels.length);
    if (
      panel.lower !== undefined &&
      panel.upper !== undefined &&
      bandDiffers(panel.values, panel.lower, panel.upper)
    ) {
      data.push(
        {
          type: 'scatter',
          mode: 'lines',
          x: k,
          y: toGaps(panel.upper),
          xaxis: xref,
          yaxis: yref,
          line: { width: 0, color },
          hoverinfo: 'skip',
          showlegend: false,
          name: `${info.label} upper bound`,
        },
        {
          type: 'scatter',
          mode: 'lines',
          x: k,
          y: toGaps(panel.lower),
          xaxis: xref,
          yaxis: yref,
          fill: 'tonexty',
          fillcolor: 'rgba(78, 121, 167, 0.18)',
          line: { width: 0, color },
          hoverinfo: 'skip',
          showlegend: false,
          name: `${info.label} confidence band`,
        },
      );
    }
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: info.label,
      x: k,
      y,
      xaxis: xref,
      yaxis: yref,
      line: { color, width: 2 },
      marker: { color, size: 6 },
      customdata: y.map((value) => formatNumber(value)),
      hovertemplate: `${info.label}<br>k = %{x}: %{customdata}<extra></extra>`,
    });
    const direction = info.better === 'lower' ? 'lower is better' : 'higher is better';
    annotations.push({
      text: `<b>${info.label}</b> <span style="color:${COLORS.muted}">(${direction})</span>`,
      xref: 'paper',
      yref: 'paper',
      x: (domain[0] + domain[1]) / 2,
      y: 1.02,
      xanchor: 'center',
      yanchor: 'bottom',
      showarrow: false,
      font: { size: 12 },
    });
    const vote = votes.get(panel.criterion);
    if (vote !== undefined && vote.k !== null) {
      const at = k.indexOf(vote.k);
      const value = at >= 0 ? y[at] : null;
      shapes.push({
        type: 'line',
        xref,
        yref: `${yref} domain` as 'y',
        x0: vote.k,
        x1: vote.k,
        y0: 0,
        y1: 1,
        line: { color: COLORS.accent, width: 1, dash: 'dot' },
      });
      if (isFiniteNumber(value)) {
        data.push({
          type: 'scatter',
          mode: 'markers',
          name: `${info.label}: best k = ${vote.k}`,
          x: [vote.k],
          y: [value],
          xaxis: xref,
          yaxis: yref,
          marker: { size: 15, color: 'rgba(0,0,0,0)', line: { color: COLORS.accent, width: 2.5 } },
          hovertemplate: `${info.label} votes k = ${vote.k}<br>${formatNumber(value)}<extra></extra>`,
          showlegend: false,
        });
      }
      annotations.push({
        text: `best k = ${vote.k}`,
        xref,
        yref: `${yref} domain` as 'y',
        x: vote.k,
        y: 1,
        xanchor: 'left',
        yanchor: 'top',
        xshift: 3,
        showarrow: false,
        bgcolor: 'rgba(255, 255, 255, 0.8)',
        font: { size: 11, color: COLORS.accent },
      });
    } else if (vote !== undefined) {
      annotations.push({
        text: `abstained${vote.reason === undefined ? '' : `: ${vote.reason}`}`,
        xref: `${xref} domain` as 'x',
        yref: `${yref} domain` as 'y',
        x: 0.5,
        y: 0.95,
        showarrow: false,
        font: { size: 11, color: COLORS.muted },
      });
    }
    const xKey = `xaxis${suffix}` as 'xaxis';
    const yKey = `yaxis${suffix}` as 'yaxis';
    layoutAxes[xKey] = kAxis(k, {
      domain,
      anchor: yref,
      ...(index === 0 ? {} : { matches: 'x' }),
      title: { text: 'k', font: { size: 12, color: COLORS.muted } },
    });
    layoutAxes[yKey] = axis(index === 0 ? 'Criterion value' : '', {
      anchor: xref,
      tickformat: panel.criterion === 'calinski-harabasz' ? '~s' : '',
    });
  });

  return {
    data,
    layout: baseLayout(title, {
      height: options.height ?? 340,
      showlegend: false,
      margin: { l: 56, r: 24, t: 80, b: 48 },
      ...layoutAxes,
      shapes,
      annotations,
    }),
    config: baseConfig(FILE),
  };
}
