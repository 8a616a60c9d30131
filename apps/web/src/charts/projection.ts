/**
 * Shared pieces of the PCA maps (map2d, map3d, compare-map): reading a projection response in
 * either shape (column arrays x/y/z/segment/id, or the older `points` list), splitting points by
 * segment (one trace per segment, so the legend toggles segments), axis titles with the explained
 * variance, the sampling statement, and marker sizes that stay readable from 100 to 50,000 points.
 */
import type { Projection } from '../api/types.js';
import { formatInteger, formatPercent } from './format.js';
import { isFiniteNumber } from './spec.js';

/** A segment's display name, by id. */
export type SegmentNames = ReadonlyMap<number, string>;

/** A predicted point to star on a map. */
export interface PredictedPoint {
  /** Coordinates in the run's PCA space (2 or 3 numbers; `Prediction.coordinates`). */
  readonly coordinates: readonly number[];
  readonly segment: number;
  readonly segmentName?: string;
}

/** Points of one segment. */
export interface SegmentPoints {
  readonly segment: number;
  readonly x: number[];
  readonly y: number[];
  readonly z: number[];
  readonly id: string[];
}

/**
 * Segment names from any list of `{ segment, name }` (report.segments, features.means).
 * @example namesOf([{ segment: 0, name: 'Loyal' }]).get(0) // 'Loyal'
 */
export function namesOf(
  segments: readonly { segment: number; name: string }[] | undefined,
): SegmentNames {
  return new Map((segments ?? []).map((entry) => [entry.segment, entry.name]));
}

/** The display name of a segment: its name, "Noise" for -1, else "Segment <id>". */
export function segmentLabel(segment: number, names: SegmentNames): string {
  const name = names.get(segment);
  if (name !== undefined && name !== '') return name;
  return segment < 0 ? 'Noise' : `Segment ${segment}`;
}

/**
 * Splits a projection's points by segment (ascending id, noise last); points with a non-finite
 * coordinate are dropped.
 */
export function splitBySegment(projection: Projection): SegmentPoints[] {
  const bySegment = new Map<number, SegmentPoints>();
  const push = (segment: number, x: number, y: number, z: number, id: string): void => {
    if (!isFiniteNumber(x) || !isFiniteNumber(y)) return;
    let entry = bySegment.get(segment);
    if (entry === undefined) {
      entry = { segment, x: [], y: [], z: [], id: [] };
      bySegment.set(segment, entry);
    }
    entry.x.push(x);
    entry.y.push(y);
    entry.z.push(z);
    entry.id.push(id);
  };
  if (
    projection.x !== undefined &&
    projection.y !== undefined &&
    projection.segment !== undefined
  ) {
    const { x, y, z, segment, id } = projection;
    for (let i = 0; i < x.length; i += 1) {
      push(segment[i] ?? -1, x[i] ?? NaN, y[i] ?? NaN, z?.[i] ?? 0, id?.[i] ?? String(i));
    }
  } else if (projection.points !== undefined) {
    projection.points.forEach((point, i) => push(point.segment, point.x, point.y, 0, String(i)));
  }
  return [...bySegment.values()].sort((a, b) => {
    if (a.segment < 0 !== b.segment < 0) return a.segment < 0 ? 1 : -1;
    return a.segment - b.segment;
  });
}

/** How many points a projection holds. */
export function pointCount(projection: Projection): number {
  return projection.x?.length ?? projection.points?.length ?? 0;
}

/**
 * The axis title of component `index` (0-based): "PC1 (34.5% of variance)" for PCA.
 * @example componentTitle({ method: 'pca', explainedVarianceRatio: [0.345] } as Projection, 0)
 *   // 'PC1 (34.5% of variance)'
 */
export function componentTitle(
  projection: Pick<Projection, 'method' | 'explainedVarianceRatio'>,
  index: number,
): string {
  const name =
    projection.method === 'pca'
      ? `PC${index + 1}`
      : projection.method === 'umap'
        ? `UMAP ${index + 1}`
        : `Axis ${index + 1}`;
  const ratio = projection.explainedVarianceRatio[index];
  return isFiniteNumber(ratio) ? `${name} (${formatPercent(ratio)} of variance)` : name;
}

/**
 * The sampling statement: the server's when it sent one, else "Showing 5,000 of 80,000 points"
 * or "All 2,240 points".
 */
export function samplingStatement(projection: Projection): string {
  if (projection.sampling !== undefined && projection.sampling !== '') return projection.sampling;
  const shown = projection.shown ?? pointCount(projection);
  if (projection.sampled && shown < projection.total) {
    return `Showing ${formatInteger(shown)} of ${formatInteger(projection.total)} points (sampled)`;
  }
  return `All ${formatInteger(projection.total)} points`;
}

/** Marker size and opacity for `count` points: big and opaque when few, small and light when many. */
export function markerStyle(count: number): { size: number; opacity: number } {
  if (count <= 2_000) return { size: 6, opacity: 0.85 };
  if (count <= 20_000) return { size: 4, opacity: 0.7 };
  return { size: 3, opacity: 0.55 };
}
