/**
 * The Calinski-Harabasz index (Calinski & Harabasz 1974, "A dendrite method for cluster
 * analysis"), the variance ratio criterion, as scikit-learn 1.2.1's `calinski_harabasz_score`.
 *
 * Notation: X is (n, d), k clusters with sizes N_c and centroids m_c, overall mean m:
 *   B = sum_c N_c ||m_c - m||^2          (between-cluster dispersion)
 *   W = sum_c sum_{i in c} ||x_i - m_c||^2 (within-cluster dispersion)
 *   CH = B (n - k) / (W (k - 1)), and 1 when W == 0 (scikit-learn's convention).
 * Higher is better.
 */
import type { MatrixLike } from '../matrix/matrix.js';
import type { Labels } from './labels.js';
import { clusterMeans, partitionInput } from './cluster-means.js';

/**
 * The Calinski-Harabasz score of a partition (higher is better).
 * @param X - data, shape (n, d).
 * @param labels - one non-negative integer cluster label per row (gaps allowed).
 * @returns B (n - k) / (W (k - 1)); 1 when every cluster is a single point repeated (W = 0).
 * @throws SegmintError INVALID_SHAPE (empty X), NON_FINITE_VALUE, INVALID_LABELS (length,
 *   negative labels, k outside [2, n - 1]).
 * @example calinskiHarabasz([[0], [1], [10], [11]], [0, 0, 1, 1]) // 200
 */
export function calinskiHarabasz(X: MatrixLike, labels: Labels): number {
  const { data, n, d, k, codes, counts, centroids } = partitionInput('calinskiHarabasz', X, labels);
  const overall = clusterMeans(data, d, new Int32Array(n), Int32Array.of(n));
  let between = 0;
  for (let c = 0; c < k; c++) {
    let squared = 0;
    for (let t = 0; t < d; t++) {
      const diff = centroids[c * d + t]! - overall[t]!;
      squared += diff * diff;
    }
    between += counts[c]! * squared;
  }
  let within = 0;
  for (let i = 0; i < n; i++) {
    const base = codes[i]! * d;
    for (let t = 0; t < d; t++) {
      const diff = data[i * d + t]! - centroids[base + t]!;
      within += diff * diff;
    }
  }
  return within === 0 ? 1 : (between * (n - k)) / (within * (k - 1));
}
