/**
 * 2-D map: the run's rows in the plane of the first two principal components, coloured by
 * segment, drawn with WebGL (scattergl) so 50,000 points stay smooth; the sampling statement is
 * the subtitle; a predicted point shows as a large star.
 */
import type { Data } from 'plotly.js';
import type { Projection } from '../api/types.js';
import { escapeLabel, truncateLabel } from './format.js';
import { segmentColor } from './palette.js';
import type { PredictedPoint, SegmentNames } from './projection.js';
import {
  componentTitle,
  markerStyle,
  pointCount,
  samplingStatement,
  segmentLabel,
  splitBySegment,
} from './projection.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { axis, baseConfig, baseLayout, COLORS, emptySpec } from './spec.js';

/** Options of {@link map2dChart}. */
export interface MapOptions extends BaseChartOptions {
  /** Segment names by id (default "Segment <id>"). */
  readonly names?: SegmentNames;
  /** A predicted point to star. */
  readonly predicted?: PredictedPoint | null;
  /** PNG file name (default 'segmint-map2d'). */
  readonly fileName?: string;
}

/** The star trace of a predicted point (2-D). */
export function predictedTrace2d(predicted: PredictedPoint, names: SegmentNames): Data {
  const label = segmentLabel(predicted.segment, names);
  return {
    type: 'scattergl',
    mode: 'markers',
    name: 'Predicted customer',
    x: [predicted.coordinates[0] ?? 0],
    y: [predicted.coordinates[1] ?? 0],
    marker: {
      symbol: 'star',
      size: 22,
      color: segmentColor(predicted.segment),
      line: { color: COLORS.text, width: 2 },
    },
    hovertemplate: `Predicted customer<br>${escapeLabel(predicted.segmentName ?? label)}<extra></extra>`,
  };
}

/**
 * Builds the 2-D map.
 * @param projection - `GET /api/runs/:id/projection?dims=2` (or report.map plus `sampled`).
 * @returns One scattergl trace per segment (ascending id, noise last, grey), plus the star.
 * @example map2dChart(projection, { names }).layout.title.subtitle.text // 'Showing 50,000 of ...'
 */
export function map2dChart(projection: Projection | null, options: MapOptions = {}): ChartSpec {
  const title = options.title ?? 'Segments on the first two principal components';
  const fileName = options.fileName ?? 'segmint-map2d';
  if (projection === null || pointCount(projection) === 0) {
    return emptySpec(title, 'No points to show.', fileName);
  }
  const names = options.names ?? new Map<number, string>();
  const style = markerStyle(pointCount(projection));
  const data: Data[] = splitBySegment(projection).map((group) => {
    const label = segmentLabel(group.segment, names);
    return {
      type: 'scattergl',
      mode: 'markers',
      name: truncateLabel(label, 28),
      x: group.x,
      y: group.y,
      customdata: group.id,
      marker: { color: segmentColor(group.segment), size: style.size, opacity: style.opacity },
      hovertemplate: `${escapeLabel(label)}<br>id %{customdata}<br>(%{x:.2f}, %{y:.2f})<extra></extra>`,
    };
  });
  if (options.predicted != null) data.push(predictedTrace2d(options.predicted, names));
  return {
    data,
    layout: baseLayout(
      title,
      {
        height: options.height ?? 460,
        xaxis: axis(componentTitle(projection, 0), { zeroline: false }),
        yaxis: axis(componentTitle(projection, 1), { zeroline: false }),
        legend: { title: { text: 'Segment' }, itemsizing: 'constant', font: { size: 11 } },
        dragmode: 'pan',
        hovermode: 'closest',
      },
      samplingStatement(projection),
    ),
    config: { ...baseConfig(fileName), scrollZoom: true },
  };
}
