/**
 * Stability as a criterion for the number of segments k (Ben-Hur, Elisseeff & Guyon 2002;
 * Lange et al. 2004): for each k, refit on resamples (`bootstrap-stability.ts`) and score the
 * agreement with the fit on all rows. The suggested k has the highest mean ARI; ties go to the
 * smaller k. Every k uses the same seed, hence the same resamples.
 *
 * Notation: k the segment count; X of shape (n, d).
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { Matrix, MatrixLike } from '../matrix/matrix.js';
import {
  type StabilityOptions,
  type StabilityReport,
  bootstrapStability,
} from './bootstrap-stability.js';

/** One k of a {@link StabilityCurve}. */
export interface StabilityPoint {
  readonly k: number;
  /** Mean ARI of the refits against the reference fit at this k. */
  readonly meanARI: number;
  /** Mean of the segments' Jaccard stabilities. */
  readonly meanJaccard: number;
  /** Smallest segment Jaccard stability (the weakest segment). */
  readonly minJaccard: number;
  readonly report: StabilityReport;
}

/** Result of {@link stabilityCurve}. */
export interface StabilityCurve {
  readonly points: StabilityPoint[];
  /** The k with the highest mean ARI (smallest k on ties). */
  readonly bestK: number;
}

/**
 * Scores each k by resampling stability.
 *
 * @param X - data, shape (n, d).
 * @param kRange - the segment counts to try (integers >= 2; k = 1 is trivially stable).
 * @param fitAtK - fits rows with k segments and returns labels, e.g.
 *   `(rows, k) => kmeans(rows, { clusterCount: k, seed: 0 }).labels`.
 * @param options - as {@link bootstrapStability} (without `reference`).
 * @returns {@link StabilityCurve}.
 * @throws SegmintError INVALID_PARAMETER for an empty kRange or k < 2; as bootstrapStability.
 * @example stabilityCurve(X, [2, 3, 4, 5], (rows, k) => kmeans(rows, { clusterCount: k }).labels).bestK
 */
export function stabilityCurve(
  X: MatrixLike,
  kRange: readonly number[],
  fitAtK: (X: Matrix, k: number) => ArrayLike<number>,
  options?: Partial<Omit<StabilityOptions, 'reference'>>,
): StabilityCurve {
  if (kRange.length === 0 || kRange.some((k) => !Number.isInteger(k) || k < 2)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `stabilityCurve: 'kRange' must be a non-empty list of integers >= 2; got ${JSON.stringify(kRange)}.`,
      { parameter: 'kRange', value: kRange },
    );
  }
  const points = kRange.map((k): StabilityPoint => {
    const report = bootstrapStability(X, (rows) => fitAtK(rows, k), options);
    const jaccards = report.segments.map((s) => s.jaccard).filter((j) => !Number.isNaN(j));
    return {
      k,
      meanARI: report.meanARI,
      meanJaccard: jaccards.reduce((s, j) => s + j, 0) / Math.max(1, jaccards.length),
      minJaccard: jaccards.length > 0 ? Math.min(...jaccards) : NaN,
      report,
    };
  });
  let best = points[0]!;
  for (const point of points) {
    if (point.meanARI > best.meanARI || (point.meanARI === best.meanARI && point.k < best.k))
      best = point;
  }
  return { points, bestK: best.k };
}
