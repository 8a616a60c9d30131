/**
 * Inertia: the (weighted) within-cluster sum of squared distances to given centroids, the
 * objective k-means minimises (scikit-learn's `KMeans.inertia_`).
 *
 * Notation: X is (n, d), C is (k, d), l_i the label of row i, w_i its weight (default 1):
 *   inertia = sum_i w_i ||x_i - C[l_i]||^2.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import { type MatrixLike, toMatrix } from '../matrix/matrix.js';
import { assertColumns, assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { type Labels, checkClusterLabels } from './labels.js';

/**
 * Weighted sum of squared Euclidean distances of each row to its cluster's centroid.
 * @param X - data, shape (n, d).
 * @param labels - one label per row, each in `0..k-1` (a row of `centroids`).
 * @param centroids - shape (k, d).
 * @param sampleWeight - optional non-negative finite weight per row (default all 1).
 * @throws SegmintError INVALID_SHAPE (empty X, centroid columns != d, weight length != n),
 *   NON_FINITE_VALUE, INVALID_LABELS (length, negative, or label >= k), INVALID_PARAMETER
 *   (negative or non-finite weight).
 * @example inertia([[0], [2], [10]], [0, 0, 1], [[1], [10]]) // 2
 */
export function inertia(
  X: MatrixLike,
  labels: Labels,
  centroids: MatrixLike,
  sampleWeight?: ArrayLike<number>,
): number {
  const owner = 'inertia';
  const matrix = toMatrix(X);
  const centres = toMatrix(centroids, 'centroids');
  assertNonEmpty(owner, matrix);
  assertFinite(owner, matrix);
  assertNonEmpty(owner, centres, 1, 'centroids');
  assertColumns(owner, centres, matrix.cols, 'centroids');
  assertFinite(owner, centres, 'centroids');
  checkClusterLabels(owner, labels, matrix.rows);
  const n = matrix.rows;
  const k = centres.rows;
  for (let i = 0; i < n; i++) {
    if (labels[i]! >= k) {
      throw new SegmintError(
        ERROR_CODES.INVALID_LABELS,
        `${owner}: labels[${i}] is ${labels[i]!} but there are only ${k} centroids (labels must be in [0, ${k - 1}]).`,
        { row: i, value: labels[i]! },
      );
    }
  }
  if (sampleWeight !== undefined) checkWeights(owner, sampleWeight, n);
  const d = matrix.cols;
  const data = matrix.data;
  const C = centres.data;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const base = labels[i]! * d;
    let squared = 0;
    for (let t = 0; t < d; t++) {
      const diff = data[i * d + t]! - C[base + t]!;
      squared += diff * diff;
    }
    total += sampleWeight === undefined ? squared : sampleWeight[i]! * squared;
  }
  return total;
}

function checkWeights(owner: string, weights: ArrayLike<number>, n: number): void {
  if (weights.length !== n) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: sampleWeight has length ${weights.length} but X has ${n} rows.`,
      { parameter: 'sampleWeight', expected: n, value: weights.length },
    );
  }
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!Number.isFinite(w) || w < 0) {
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `${owner}: 'sampleWeight[${i}]' must be a non-negative finite number; got ${formatValue(w)}.`,
        { parameter: 'sampleWeight', row: i, value: w },
      );
    }
  }
}
