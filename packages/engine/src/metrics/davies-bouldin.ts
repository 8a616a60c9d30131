/**
 * The Davies-Bouldin index (Davies & Bouldin 1979, "A cluster separation measure"), as
 * scikit-learn 1.2.1's `davies_bouldin_score`.
 *
 * Notation: X is (n, d), k clusters with centroids m_c; S_c is the mean Euclidean distance of
 * cluster c's rows to m_c; M_cc' = ||m_c - m_c'||. Then
 *   DB = (1/k) sum_c max_{c' != c} (S_c + S_c') / M_cc'
 * where a zero M_cc' counts as +Infinity (the pair is ignored), and DB = 0 when every S_c or
 * every M_cc' is within 1e-8 of 0 (scikit-learn's `np.allclose` guard). Lower is better.
 */
import type { MatrixLike } from '../matrix/matrix.js';
import { partitionInput } from './cluster-means.js';
import type { Labels } from './labels.js';

/**
 * The Davies-Bouldin score of a partition (lower is better, 0 is the minimum).
 * @param X - data, shape (n, d).
 * @param labels - one non-negative integer cluster label per row (gaps allowed).
 * @throws SegmintError INVALID_SHAPE (empty X), NON_FINITE_VALUE, INVALID_LABELS (length,
 *   negative labels, k outside [2, n - 1]).
 * @example daviesBouldin([[0], [1], [10], [11]], [0, 0, 1, 1]) // 0.1
 */
export function daviesBouldin(X: MatrixLike, labels: Labels): number {
  const { data, n, d, k, codes, counts, centroids } = partitionInput('daviesBouldin', X, labels);
  const spread = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const base = codes[i]! * d;
    let squared = 0;
    for (let t = 0; t < d; t++) {
      const diff = data[i * d + t]! - centroids[base + t]!;
      squared += diff * diff;
    }
    spread[codes[i]!]! += Math.sqrt(squared);
  }
  for (let c = 0; c < k; c++) spread[c]! /= counts[c]!;
  const separation = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let squared = 0;
      for (let t = 0; t < d; t++) {
        const diff = centroids[a * d + t]! - centroids[b * d + t]!;
        squared += diff * diff;
      }
      separation[a * k + b] = Math.sqrt(squared);
    }
  }
  const ALL_CLOSE = 1e-8;
  if (spread.every((s) => s <= ALL_CLOSE) || separation.every((m) => m <= ALL_CLOSE)) return 0;
  let total = 0;
  for (let a = 0; a < k; a++) {
    let worst = -Infinity;
    for (let b = 0; b < k; b++) {
      if (b === a) continue;
      const distance = separation[a * k + b]!;
      const ratio = distance === 0 ? 0 : (spread[a]! + spread[b]!) / distance;
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / k;
}
