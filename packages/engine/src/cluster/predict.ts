/**
 * Prediction for fitted clustering models: the generic `predict` (switching on `model.kind`)
 * and the distances from rows to centroids (for confidence scores and out-of-distribution checks).
 *
 * Notation: X is (n, d), C the (k, d) centroids.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertColumns, assertFinite } from '../matrix/validate.js';
import type { KMeansModel } from './kmeans-options.js';
import type { MiniBatchKMeansModel } from './minibatch-kmeans.js';
import { nearestCenter, squaredDistance } from './squared-distance.js';

/** Every fitted model `predict` understands (the union grows as algorithms are added). */
export type ClusterModel = KMeansModel | MiniBatchKMeansModel;

/**
 * The cluster of each row of X under a fitted model: for k-means and mini-batch k-means, the
 * nearest centroid (lowest index on ties), computed exactly as during k-means fitting, so
 * `predict(model, trainingX)` equals `model.labels`.
 *
 * @param model - a fitted {@link ClusterModel}.
 * @param X - rows to label, shape (n, d) with the model's d; finite.
 * @returns labels, shape (n).
 * @throws SegmintError INVALID_SHAPE (wrong column count), NON_FINITE_VALUE (NaN/Infinity),
 *   INVALID_MODEL (unknown model kind).
 * @example
 * const model = kmeans(X, { clusterCount: 3 });
 * predict(model, [[0.5, 1.2]]); // Int32Array [2]
 */
export function predict(model: ClusterModel, X: MatrixLike): Int32Array {
  switch (model.kind) {
    case 'kmeans':
    case 'minibatch-kmeans': {
      const { centroids } = model;
      const matrix = checkInput('predict', X, centroids.cols);
      const { data, rows: n, cols: d } = matrix;
      const labels = new Int32Array(n);
      for (let i = 0; i < n; i++)
        labels[i] = nearestCenter(data, i * d, centroids.data, centroids.rows, d);
      return labels;
    }
    default:
      throw new SegmintError(
        ERROR_CODES.INVALID_MODEL,
        `predict: unknown model kind ${JSON.stringify((model as { kind?: unknown }).kind)}.`,
        { value: (model as { kind?: unknown }).kind },
      );
  }
}

/**
 * Euclidean distance from every row of X to every centroid.
 *
 * @param centroids - shape (k, d).
 * @param X - shape (n, d); finite.
 * @returns a matrix of shape (n, k): entry (i, j) = ||x_i - c_j||.
 * @throws SegmintError INVALID_SHAPE when X does not have d columns; NON_FINITE_VALUE.
 * @example distancesToCentroids(model.centroids, toMatrix([[0, 0]])).data // Float64Array (k)
 */
export function distancesToCentroids(centroids: Matrix, X: Matrix): Matrix {
  const matrix = checkInput('distancesToCentroids', X, centroids.cols);
  const { data, rows: n, cols: d } = matrix;
  const k = centroids.rows;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++)
      out[i * k + j] = Math.sqrt(squaredDistance(data, i * d, centroids.data, j * d, d));
  }
  return { data: out, rows: n, cols: k };
}

function checkInput(owner: string, X: MatrixLike, cols: number): Matrix {
  const matrix = toMatrix(X);
  if (matrix.rows > 0) assertColumns(owner, matrix, cols);
  assertFinite(owner, matrix);
  return matrix;
}
