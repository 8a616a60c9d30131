/**
 * Compare map: one PCA map per algorithm, small multiples on a grid (up to 3 columns) sharing
 * both axes, so the same point sits in the same place in every panel and only the colours (each
 * algorithm's labels) change. Colours follow the label id: segment 0 of two algorithms need not
 * be the same customers (the agreement matrix says how much they overlap).
 */
import type { Annotations, Data, Layout } from 'plotly.js';
import type { Projection } from '../api/types.js';
import { escapeLabel } from './format.js';
import { segmentColor } from './palette.js';
import {
  componentTitle,
  markerStyle,
  pointCount,
  samplingStatement,
  splitBySegment,
} from './projection.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { axis, baseConfig, baseLayout, emptySpec } from './spec.js';

/** One panel: an algorithm and its projection (points coloured by that algorithm's labels). */
export interface ComparePanel {
  readonly algorithm: string;
  readonly projection: Projection;
}

const FILE = 'segmint-compare-map';
const GAP_X = 0.06;
const GAP_Y = 0.12;

function domain(index: number, count: number, gap: number): [number, number] {
  const width = (1 - gap * (count - 1)) / count;
  return [index * (width + gap), Math.min(1, index * (width + gap) + width)];
}

/**
 * Builds the compare map.
 * @param panels - One entry per algorithm (report order). Panels without points show a note.
 * @param options.columns - Panels per row (default min(3, panels)).
 * @returns Per panel one scattergl trace per segment on axes x<i>/y<i> (matching x and y);
 *   the legend lists the segment ids once.
 * @example compareMapChart([{ algorithm: 'kmeans', projection }]).layout.annotations[0].text // 'kmeans'
 */
export function compareMapChart(
  panels: readonly ComparePanel[],
  options: BaseChartOptions & { readonly columns?: number } = {},
): ChartSpec {
  const title = options.title ?? 'Segments of each algorithm on the same PCA map';
  if (panels.length === 0) return emptySpec(title, 'No algorithm results to compare.', FILE);
  const columns = Math.max(1, Math.min(options.columns ?? 3, panels.length));
  const rows = Math.ceil(panels.length / columns);
  const data: Data[] = [];
  const annotations: Partial<Annotations>[] = [];
  const axes: Partial<Layout> = {};
  const legendShown = new Set<number>();
  const first = panels[0]!.projection;
  panels.forEach((panel, index) => {
    const suffix = index === 0 ? '' : String(index + 1);
    const xref = `x${suffix}` as 'x';
    const yref = `y${suffix}` as 'y';
    const column = index % columns;
    const row = Math.floor(index / columns);
    const xDomain = domain(column, columns, GAP_X);
    const yDomainFromBottom = domain(rows - 1 - row, rows, GAP_Y);
    const style = markerStyle(pointCount(panel.projection));
    for (const group of splitBySegment(panel.projection)) {
      const label = group.segment < 0 ? 'Noise' : `Segment ${group.segment}`;
      data.push({
        type: 'scattergl',
        mode: 'markers',
        name: label,
        legendgroup: String(group.segment),
        showlegend: !legendShown.has(group.segment),
        x: group.x,
        y: group.y,
        xaxis: xref,
        yaxis: yref,
        marker: {
          color: segmentColor(group.segment),
          size: Math.max(2, style.size - 1),
          opacity: style.opacity,
        },
        hovertemplate: `${escapeLabel(panel.algorithm)}: ${label}<extra></extra>`,
      });
      legendShown.add(group.segment);
    }
    annotations.push({
      text: `<b>${escapeLabel(panel.algorithm)}</b>`,
      xref: 'paper',
      yref: 'paper',
      x: (xDomain[0] + xDomain[1]) / 2,
      y: yDomainFromBottom[1],
      xanchor: 'center',
      yanchor: 'bottom',
      showarrow: false,
      font: { size: 12 },
    });
    if (pointCount(panel.projection) === 0) {
      annotations.push({
        text: 'No points',
        xref: `${xref} domain` as 'x',
        yref: `${yref} domain` as 'y',
        x: 0.5,
        y: 0.5,
        showarrow: false,
      });
    }
    axes[`xaxis${suffix}` as 'xaxis'] = axis(row === rows - 1 ? componentTitle(first, 0) : '', {
      domain: xDomain,
      anchor: yref,
      zeroline: false,
      ...(index === 0 ? {} : { matches: 'x' }),
    });
    axes[`yaxis${suffix}` as 'yaxis'] = axis(column === 0 ? componentTitle(first, 1) : '', {
      domain: yDomainFromBottom,
      anchor: xref,
      zeroline: false,
      ...(index === 0 ? {} : { matches: 'y' }),
    });
  });
  const statement = samplingStatement(first);
  return {
    data,
    layout: baseLayout(
      title,
      {
        height: options.height ?? 120 + rows * 320,
        ...axes,
        annotations,
        margin: { l: 56, r: 24, t: 104, b: 48 },
        legend: { title: { text: 'Label' }, itemsizing: 'constant', font: { size: 11 } },
        hovermode: 'closest',
      },
      statement,
    ),
    config: baseConfig(FILE),
  };
}
