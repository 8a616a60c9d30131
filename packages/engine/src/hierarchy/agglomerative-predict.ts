/**
 * Assigning new rows to the clusters of a fitted agglomerative model. A hierarchy has no
 * out-of-sample rule of its own; like scikit-learn users commonly do (and as the issue asks),
 * a row goes to the nearest final-cluster centroid, with strength 1 - d1 / d2 (d1, d2 the
 * distances to the nearest and second-nearest centroids: 0 halfway between two clusters, 1 on
 * a centroid). For precomputed distances a row of X holds its distances to the n training rows
 * and d_c is the mean distance to cluster c's rows (average linkage to each cluster).
 *
 * Notation: X is (m, d) (or (m, n) distances), k clusters, C the (k, d) centroids.
 */
import type { ClusterAssignment } from '../cluster/assignment.js';
import { squaredDistance } from '../cluster/squared-distance.js';
import { toMatrix, type MatrixLike } from '../matrix/matrix.js';
import { assertColumns, assertFinite } from '../matrix/validate.js';
import type { AgglomerativeModel } from './agglomerative-options.js';

/** 1 - d1 / d2, in [0, 1]; 1 when there is a single cluster, 0 when d2 = 0. */
function strengthOf(nearest: number, second: number): number {
  if (second === Infinity) return 1;
  if (second <= 0) return 0;
  return Math.min(1, Math.max(0, 1 - nearest / second));
}

/**
 * Cluster and strength of each row of X under a fitted {@link AgglomerativeModel}: the nearest
 * final-cluster centroid (lowest index on ties), strength 1 - d1 / d2.
 *
 * @param model - from `agglomerative` or `agglomerativeFromJSON`.
 * @param X - rows (m, d) with the model's d; for a precomputed model, distances (m, n) from each
 *   row to the n training rows. Finite.
 * @returns labels (m) in [0, k) and strengths (m) in [0, 1].
 * @throws SegmintError INVALID_SHAPE (wrong column count), NON_FINITE_VALUE.
 * @example
 * const { labels, strength } = agglomerativePredict(model, [[0.2, 1.4]]);
 */
export function agglomerativePredict(model: AgglomerativeModel, X: MatrixLike): ClusterAssignment {
  const matrix = toMatrix(X);
  const { centroids, clusterCount: k, labels: trainingLabels } = model;
  const cols = centroids ? centroids.cols : trainingLabels.length;
  if (matrix.rows > 0) assertColumns('agglomerativePredict', matrix, cols);
  assertFinite('agglomerativePredict', matrix);
  const { data, rows: m } = matrix;
  const labels = new Int32Array(m);
  const strength = new Float64Array(m);
  const distances = new Float64Array(k);
  let counts: Float64Array | null = null;
  if (!centroids) {
    counts = new Float64Array(k);
    for (const label of trainingLabels) counts[label]!++;
  }
  for (let i = 0; i < m; i++) {
    if (centroids) {
      for (let c = 0; c < k; c++)
        distances[c] = Math.sqrt(squaredDistance(data, i * cols, centroids.data, c * cols, cols));
    } else {
      distances.fill(0);
      for (let j = 0; j < cols; j++) distances[trainingLabels[j]!]! += data[i * cols + j]!;
      for (let c = 0; c < k; c++) distances[c]! /= counts![c]!;
    }
    let best = 0;
    let nearest = Infinity;
    let second = Infinity;
    for (let c = 0; c < k; c++) {
      const distance = distances[c]!;
      if (distance < nearest) {
        second = nearest;
        nearest = distance;
        best = c;
      } else if (distance < second) second = distance;
    }
    labels[i] = best;
    strength[i] = strengthOf(nearest, second);
  }
  return { labels, strength };
}
