/**
 * 3-D map: the rows in the space of the first three principal components (scatter3d, WebGL),
 * coloured by segment, the sampling statement as the subtitle. scatter3d has no star symbol, so a
 * predicted point is a large dark diamond labelled "★ Predicted".
 */
import type { Data } from 'plotly.js';
import type { Projection } from '../api/types.js';
import { escapeLabel, truncateLabel } from './format.js';
import type { MapOptions } from './map2d.js';
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
import type { ChartSpec } from './spec.js';
import { baseConfig, baseLayout, COLORS, emptySpec, legendBelow } from './spec.js';

/** The marker trace of a predicted point (3-D). */
export function predictedTrace3d(predicted: PredictedPoint, names: SegmentNames): Data {
  const label = predicted.segmentName ?? segmentLabel(predicted.segment, names);
  return {
    type: 'scatter3d',
    mode: 'text+markers',
    name: `Predicted: ${truncateLabel(label, 24)}`,
    x: [predicted.coordinates[0] ?? 0],
    y: [predicted.coordinates[1] ?? 0],
    z: [predicted.coordinates[2] ?? 0],
    text: ['<b>★ Predicted</b>'],
    textposition: 'top center',
    textfont: { size: 14, color: COLORS.text },
    // WebGL scatter3d ignores marker outlines, so the point is dark to stand out of any cloud;
    // its segment is in the hover text and the legend entry's name.
    marker: { symbol: 'diamond', size: 13, color: COLORS.text, opacity: 1 },
    hovertemplate: `Predicted customer<br>${escapeLabel(label)}<extra></extra>`,
  };
}

function sceneAxis(title: string): Record<string, unknown> {
  return {
    title: { text: title, font: { size: 11 } },
    gridcolor: COLORS.grid,
    zerolinecolor: COLORS.axis,
    backgroundcolor: '#fafbfc',
    showbackground: true,
  };
}

/**
 * Builds the 3-D map.
 * @param projection - `GET /api/runs/:id/projection?dims=3` (needs `z`; without it every point
 *   sits at z = 0).
 * @returns One scatter3d trace per segment (ascending id, noise last), plus the predicted point.
 * @example map3dChart(projection).data[0].type // 'scatter3d'
 */
export function map3dChart(projection: Projection | null, options: MapOptions = {}): ChartSpec {
  const title = options.title ?? 'Segments in 3-D (first three principal components)';
  const fileName = options.fileName ?? 'segmint-map3d';
  if (projection === null || pointCount(projection) === 0) {
    return emptySpec(title, 'No points to show.', fileName);
  }
  const names = options.names ?? new Map<number, string>();
  const style = markerStyle(pointCount(projection));
  const data: Data[] = splitBySegment(projection).map((group) => ({
    type: 'scatter3d',
    mode: 'markers',
    name: truncateLabel(segmentLabel(group.segment, names), 28),
    x: group.x,
    y: group.y,
    z: group.z,
    customdata: group.id,
    marker: {
      color: segmentColor(group.segment),
      size: Math.max(2, style.size - 2),
      opacity: style.opacity,
    },
    hovertemplate: `${escapeLabel(segmentLabel(group.segment, names))}<br>id %{customdata}<extra></extra>`,
  }));
  if (options.predicted != null) data.push(predictedTrace3d(options.predicted, names));
  return {
    data,
    layout: baseLayout(
      title,
      {
        height: options.height ?? 540 + 20 * Math.ceil(data.length / 3),
        margin: { l: 8, r: 8, t: 76, b: 8 },
        scene: {
          xaxis: sceneAxis(componentTitle(projection, 0)),
          yaxis: sceneAxis(componentTitle(projection, 1)),
          zaxis: sceneAxis(componentTitle(projection, 2)),
          aspectmode: 'cube',
          camera: { eye: { x: 1.5, y: 1.5, z: 1.1 } },
        },
        legend: legendBelow('Segment'),
      },
      samplingStatement(projection),
    ),
    config: baseConfig(fileName),
  };
}
