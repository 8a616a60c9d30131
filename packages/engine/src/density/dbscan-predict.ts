/**
 * Assigning new rows with a fitted DBSCAN model: a row within eps of a core point takes the label
 * of its nearest core point (ties: the smaller core row), with strength 1; any other row is noise
 * (-1, strength 0). This is the usual inductive extension of DBSCAN (scikit-learn has no
 * `predict`; its docs suggest exactly this rule).
 *
 * Notation: m rows to assign, c core points, d features; with the precomputed metric X is
 * (m, n): the distances from each new row to the n training rows.
 *
 * On the training rows this reproduces the fitted labels except for a border point that is
 * within eps of core points of two clusters and nearer to the later one: fitting (like
 * scikit-learn) gives it the first cluster that reached it, predict the nearest.
 */
import type { ClusterAssignment } from '../cluster/assignment.js';
import { toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertColumns, assertFinite } from '../matrix/validate.js';
import { buildKdTreeKernel } from '../neighbors/kd-tree.js';
import { kNearestKernel } from '../neighbors/k-nearest.js';
import { assertDistanceMatrix } from './dbscan.js';
import type { DbscanModel } from './dbscan-options.js';

/**
 * Labels new rows with a fitted {@link DbscanModel}.
 *
 * @param model - from `dbscan` or `dbscanFromJSON`.
 * @param input - (m, d) rows with d as in training; with the precomputed metric, (m, n)
 *   distances to the n training rows.
 * @returns labels (m; -1 for noise) and strength (m; 1 when within eps of a core point, else 0).
 * @throws SegmintError INVALID_SHAPE for a column mismatch, NON_FINITE_VALUE for NaN, infinities
 *   (or negative distances).
 * @example
 * const model = dbscan(X, { eps: 0.3, minSamples: 10 });
 * const { labels, strength } = dbscanPredict(model, newRows);
 */
export function dbscanPredict(model: DbscanModel, input: MatrixLike): ClusterAssignment {
  const X = toMatrix(input);
  const m = X.rows;
  const labels = new Int32Array(m).fill(-1);
  const strength = new Float64Array(m);
  const { eps, metric } = model.options;
  if (metric === 'precomputed') {
    assertDistanceMatrix('dbscanPredict', X, model.trainingRows);
    predictPrecomputed(model, X, labels, strength);
    return { labels, strength };
  }
  assertColumns('dbscanPredict', X, model.components.cols);
  assertFinite('dbscanPredict', X);
  const core = model.components;
  if (core.rows === 0 || m === 0) return { labels, strength };
  const tree = buildKdTreeKernel(core, 16);
  const nearest = kNearestKernel(tree, X, 1, false).indices;
  const d = X.cols;
  const r2 = eps * eps;
  for (let i = 0; i < m; i++) {
    const t = nearest[i]!;
    // Squared distance compared with eps^2, the test used when fitting.
    let sum = 0;
    for (let j = 0; j < d; j++) {
      const diff = X.data[i * d + j]! - core.data[t * d + j]!;
      sum += diff * diff;
    }
    if (sum <= r2) {
      labels[i] = model.coreLabels[t]!;
      strength[i] = 1;
    }
  }
  return { labels, strength };
}

function predictPrecomputed(
  model: DbscanModel,
  D: Matrix,
  labels: Int32Array,
  strength: Float64Array,
): void {
  const { coreSampleIndices, coreLabels, trainingRows: n } = model;
  const eps = model.options.eps;
  for (let i = 0; i < D.rows; i++) {
    let best = -1;
    let bestDistance = Infinity;
    for (let t = 0; t < coreSampleIndices.length; t++) {
      const distance = D.data[i * n + coreSampleIndices[t]!]!;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = t;
      }
    }
    if (best >= 0 && bestDistance <= eps) {
      labels[i] = coreLabels[best]!;
      strength[i] = 1;
    }
  }
}
