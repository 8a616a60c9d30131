/**
 * DBSCAN: density-based clustering with noise (Ester, Kriegel, Sander & Xu 1996), giving exactly
 * scikit-learn's `DBSCAN(eps, min_samples, metric).fit(X).labels_` (same ids, not only the same
 * partition). The public edge: option and data checks, then the kernels of `dbscan-kernel.ts`.
 *
 * Notation: X is (n, d) (or (n, n) distances with the precomputed metric); c core points.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, mergeOptions } from '../core/params.js';
import { warning, type EstimatorWarning } from '../core/warnings.js';
import { toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { dbscanEuclideanKernel } from './dbscan-euclidean.js';
import { dbscanPrecomputedKernel, type DbscanResult } from './dbscan-kernel.js';
import { DBSCAN_DEFAULTS, type DbscanModel, type DbscanOptions } from './dbscan-options.js';

const CONSTRAINTS = {
  eps: { type: 'number', min: 0, exclusiveMin: true },
  minSamples: { type: 'integer', min: 1, max: 2 ** 31 - 1 },
  metric: { type: 'enum', values: ['euclidean', 'precomputed'] },
} as const;

/**
 * Checks a precomputed distance matrix: square, finite, no negative distance.
 * @throws SegmintError INVALID_SHAPE or NON_FINITE_VALUE naming the row and column.
 */
export function assertDistanceMatrix(owner: string, D: Matrix, columns: number): void {
  if (D.cols !== columns) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: a precomputed distance matrix must have ${columns} columns; got shape ` +
        `(${D.rows}, ${D.cols}).`,
      { rows: D.rows, cols: D.cols },
    );
  }
  assertFinite(owner, D);
  const data = D.data;
  for (let p = 0; p < data.length; p++) {
    if (data[p]! < 0) {
      const row = Math.floor(p / D.cols);
      throw new SegmintError(
        ERROR_CODES.NON_FINITE_VALUE,
        `${owner}: the distance matrix has ${data[p]} at row ${row}, column ${p - row * D.cols}; ` +
          'distances must be >= 0.',
        { row, column: p - row * D.cols, value: data[p] },
      );
    }
  }
}

/**
 * Clusters the rows of X by density: points with at least `minSamples` points (themselves
 * included) within `eps` are core points; core points within eps of each other share a cluster,
 * as do the non-core points within eps of a core point (border points); the rest is noise (-1).
 *
 * Euclidean data goes through a kd-tree with one radius query per point (memory O(n d + n *
 * minSamples)); a precomputed (n, n) distance matrix is scanned row by row.
 *
 * @param input - (n, d) finite data, or (n, n) distances >= 0 with `metric: 'precomputed'`.
 * @param options - `eps` (default 0.5), `minSamples` (default 5), `metric` (default
 *   `'euclidean'`); see {@link DbscanOptions}.
 * @returns the fitted {@link DbscanModel}; labels are scikit-learn's, ids included. When no point
 *   is a core point every label is -1 and the warning ALL_NOISE is set.
 * @throws SegmintError INVALID_PARAMETER for bad options, INVALID_SHAPE for an empty or ragged X
 *   (or a non-square precomputed matrix), NON_FINITE_VALUE for NaN, infinities or negative
 *   distances.
 * @example
 * const model = dbscan([[0, 0], [0, 0.1], [0.1, 0], [5, 5], [5, 5.1], [9, 9]],
 *   { eps: 0.5, minSamples: 2 });
 * model.labels // Int32Array [0, 0, 0, 1, 1, -1]
 */
export function dbscan(input: MatrixLike, options?: Partial<DbscanOptions>): DbscanModel {
  const merged = mergeOptions<DbscanOptions>(DBSCAN_DEFAULTS, options);
  checkParams('dbscan', merged, CONSTRAINTS);
  const X = toMatrix(input);
  assertNonEmpty('dbscan', X);
  const precomputed = merged.metric === 'precomputed';
  if (precomputed) assertDistanceMatrix('dbscan', X, X.rows);
  else assertFinite('dbscan', X);
  const result = precomputed
    ? dbscanPrecomputedKernel(X, merged.eps, merged.minSamples)
    : dbscanEuclideanKernel(X, merged.eps, merged.minSamples);
  return dbscanModelFrom(X, result, merged);
}

/** Builds the immutable model from a kernel result (shared with the Node-thread twin). */
export function dbscanModelFrom(
  X: Matrix,
  result: DbscanResult,
  options: DbscanOptions,
): DbscanModel {
  const { labels, isCore, clusterCount } = result;
  const n = X.rows;
  const d = options.metric === 'precomputed' ? 0 : X.cols;
  let c = 0;
  for (let i = 0; i < n; i++) c += isCore[i]!;
  const coreSampleIndices = new Int32Array(c);
  const coreLabels = new Int32Array(c);
  const components = new Float64Array(c * d);
  for (let i = 0, t = 0; i < n; i++) {
    if (isCore[i] === 0) continue;
    coreSampleIndices[t] = i;
    coreLabels[t] = labels[i]!;
    for (let j = 0; j < d; j++) components[t * d + j] = X.data[i * X.cols + j]!;
    t++;
  }
  const warnings: EstimatorWarning[] = [];
  if (c === 0) {
    warnings.push(
      warning(
        'ALL_NOISE',
        `dbscan: no point has ${options.minSamples} points within eps = ${options.eps}; every ` +
          'row is noise (increase eps or decrease minSamples; see kDistanceCurve).',
        { eps: options.eps, minSamples: options.minSamples },
      ),
    );
  }
  return Object.freeze({
    kind: 'dbscan',
    labels,
    clusterCount,
    coreSampleIndices,
    coreLabels,
    components: Object.freeze({ data: components, rows: c, cols: d }),
    trainingRows: n,
    warnings: Object.freeze(warnings),
    options: Object.freeze({ ...options }),
  });
}
