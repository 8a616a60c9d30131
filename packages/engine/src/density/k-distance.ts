/**
 * The sorted k-distance curve for choosing DBSCAN's eps (Ester, Kriegel, Sander & Xu 1996,
 * section 4.2): every point's distance to its k-th nearest other point, sorted in descending
 * order. Noise points sit on the steep left part, cluster points on the flat part; eps is read
 * at the elbow between them, found here with Kneedle (Satopää et al. 2011, `select/kneedle.ts`)
 * on the curve as a convex decreasing one.
 *
 * Notation: X is (n, d); k the neighbour rank. For DBSCAN with `minSamples` m use k = m - 1
 * (minSamples counts the point itself): a point is a core point exactly when its k-distance is
 * <= eps.
 */
import { invalidParameter } from '../core/params.js';
import { toMatrix, type MatrixLike } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { buildKdTreeKernel } from '../neighbors/kd-tree.js';
import { kNearestKernel } from '../neighbors/k-nearest.js';
import { kneedleKernel, KNEEDLE_DEFAULTS } from '../select/kneedle.js';

/** The result of {@link kDistanceCurve}. */
export interface KDistanceCurve {
  /** The neighbour rank used. */
  readonly k: number;
  /** (n) each point's distance to its k-th nearest other point, sorted descending. */
  readonly distances: Float64Array;
  /** Index of the elbow in `distances` (Kneedle), or null when the curve has none. */
  readonly kneeIndex: number | null;
  /** `distances[kneeIndex]`, the suggested eps, or null without an elbow. */
  readonly suggestedEps: number | null;
}

/**
 * The sorted k-distance curve of X and the eps at its elbow.
 *
 * @param input - (n, d) finite data, n >= 2.
 * @param k - neighbour rank, an integer in [1, n - 1]; for DBSCAN use `minSamples - 1`.
 * @returns the curve (descending) and Kneedle's elbow (`curve: 'convex'`, `direction:
 *   'decreasing'`, sensitivity 1) as `suggestedEps`, null when there is no elbow (for example
 *   when every distance is equal).
 * @throws SegmintError INVALID_PARAMETER for a bad k, INVALID_SHAPE for fewer than 2 rows,
 *   NON_FINITE_VALUE for NaN or infinities.
 * @example
 * const { suggestedEps } = kDistanceCurve(X, 9);
 * const model = dbscan(X, { eps: suggestedEps ?? 0.5, minSamples: 10 });
 */
export function kDistanceCurve(input: MatrixLike, k: number): KDistanceCurve {
  const X = toMatrix(input);
  assertNonEmpty('kDistanceCurve', X, 2);
  if (!Number.isInteger(k) || k < 1 || k > X.rows - 1)
    throw invalidParameter('kDistanceCurve', 'k', `an integer in [1, ${X.rows - 1}]`, k);
  assertFinite('kDistanceCurve', X);
  const n = X.rows;
  const tree = buildKdTreeKernel(X, 40);
  const { distances: all } = kNearestKernel(tree, X, k, true);
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) distances[i] = all[i * k + k - 1]!;
  distances.sort().reverse();
  const x = Array.from({ length: n }, (_, i) => i);
  const y = Array.from(distances);
  const knee = kneedleKernel(x, y, {
    ...KNEEDLE_DEFAULTS,
    curve: 'convex',
    direction: 'decreasing',
  }).kneeIndex;
  return {
    k,
    distances,
    kneeIndex: knee,
    suggestedEps: knee === null ? null : distances[knee]!,
  };
}
