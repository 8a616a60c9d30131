/**
 * Per-segment feature means, the input of the radar and the heatmap, from either source
 * (report.segments[].numeric or `GET /api/runs/:id/features`), and the two rescalings the charts
 * colour by: min-max over segments (each feature to [0, 1]: 0 = lowest segment mean, 1 = highest)
 * and z-scores (how far the segment mean sits from the overall mean, in overall standard
 * deviations; taken from the report when present, else across segment means).
 *
 * Notation: a matrix M of shape (segments, features), rows in segment order; null = unknown.
 */
import type { FeaturesResponse, RunReport } from '../api/types.js';
import { isFiniteNumber } from './spec.js';

/** One segment's raw means (aligned with {@link SegmentMeans.features}). */
export interface SegmentMeansRow {
  readonly segment: number;
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** z-score of each mean against the whole population, when known (report). */
  readonly z?: readonly (number | null)[];
}

/** Raw per-segment means of the numeric features. */
export interface SegmentMeans {
  readonly features: readonly string[];
  readonly segments: readonly SegmentMeansRow[];
}

/**
 * Means from report.json's segment profiles (numeric features, in the first segment's order).
 * @example segmentMeansFromReport(report).features // ['Income', 'Recency', ...]
 */
export function segmentMeansFromReport(report: Pick<RunReport, 'segments'>): SegmentMeans {
  const features = report.segments[0]?.numeric.map((entry) => entry.feature) ?? [];
  return {
    features,
    segments: report.segments.map((segment) => {
      const byFeature = new Map(segment.numeric.map((entry) => [entry.feature, entry]));
      return {
        segment: segment.segment,
        name: segment.name,
        values: features.map((feature) => finiteOrNull(byFeature.get(feature)?.mean)),
        z: features.map((feature) => finiteOrNull(byFeature.get(feature)?.z)),
      };
    }),
  };
}

/**
 * Means from `GET /api/runs/:id/features` (the numeric features, in order).
 * @example segmentMeansFromFeatures(response).segments[0].values // [52000, 31, ...]
 */
export function segmentMeansFromFeatures(response: FeaturesResponse): SegmentMeans {
  return {
    features: response.features.filter((feature) => feature.kind === 'numeric').map((f) => f.name),
    segments: response.means.map((row) => ({
      segment: row.segment,
      name: row.name,
      values: row.values.map(finiteOrNull),
    })),
  };
}

function finiteOrNull(value: number | null | undefined): number | null {
  return isFiniteNumber(value) ? value : null;
}

/**
 * Min-max scales each column of M over the segments to [0, 1]; a column whose known values are
 * all equal (one segment, or no spread) maps to 0.5; nulls stay null.
 * @example minMaxColumns([[1, 5], [3, 5]]) // [[0, 0.5], [1, 0.5]]
 */
export function minMaxColumns(M: readonly (readonly (number | null)[])[]): (number | null)[][] {
  const d = M[0]?.length ?? 0;
  const low: number[] = new Array<number>(d).fill(Infinity);
  const high: number[] = new Array<number>(d).fill(-Infinity);
  for (const row of M) {
    row.forEach((value, j) => {
      if (!isFiniteNumber(value)) return;
      low[j] = Math.min(low[j]!, value);
      high[j] = Math.max(high[j]!, value);
    });
  }
  return M.map((row) =>
    row.map((value, j) => {
      if (!isFiniteNumber(value)) return null;
      const span = high[j]! - low[j]!;
      return span > 0 ? (value - low[j]!) / span : 0.5;
    }),
  );
}

/**
 * Standardises each column of M across the segments (mean 0, population standard deviation 1);
 * a column without spread maps to 0; nulls stay null.
 * @example zScoreColumns([[1], [3]]) // [[-1], [1]]
 */
export function zScoreColumns(M: readonly (readonly (number | null)[])[]): (number | null)[][] {
  const d = M[0]?.length ?? 0;
  const mean: number[] = [];
  const std: number[] = [];
  for (let j = 0; j < d; j += 1) {
    const column = M.map((row) => row[j]).filter(isFiniteNumber);
    const m = column.reduce((sum, value) => sum + value, 0) / Math.max(1, column.length);
    const variance =
      column.reduce((sum, value) => sum + (value - m) ** 2, 0) / Math.max(1, column.length);
    mean.push(m);
    std.push(Math.sqrt(variance));
  }
  return M.map((row) =>
    row.map((value, j) => {
      if (!isFiniteNumber(value)) return null;
      return std[j]! > 0 ? (value - mean[j]!) / std[j]! : 0;
    }),
  );
}
