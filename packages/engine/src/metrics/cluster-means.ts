/**
 * Per-cluster means, shared by the internal metrics. X is (n, d) row-major; codes in 0..k-1.
 * Sums are accumulated per cluster in blocks of rows and then added, which keeps the rounding
 * error close to numpy's pairwise `mean` for large clusters.
 */
import { type MatrixLike, toMatrix } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { type Labels, checkClusterCount, checkClusterLabels, encodeLabels } from './labels.js';

/** Means of each cluster, shape (k, d) row-major. Assumes every cluster is non-empty. */
export function clusterMeans(
  data: Float64Array,
  d: number,
  codes: Int32Array,
  counts: Int32Array,
): Float64Array {
  const k = counts.length;
  const n = codes.length;
  const total = new Float64Array(k * d);
  const block = new Float64Array(k * d);
  const BLOCK = 1024;
  for (let start = 0; start < n; start += BLOCK) {
    block.fill(0);
    const end = Math.min(n, start + BLOCK);
    for (let i = start; i < end; i++) {
      const base = codes[i]! * d;
      for (let t = 0; t < d; t++) block[base + t]! += data[i * d + t]!;
    }
    for (let p = 0; p < k * d; p++) total[p]! += block[p]!;
  }
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) total[c * d + t]! /= counts[c]!;
  return total;
}

/** Validated input of an internal metric: the data, encoded labels and cluster means. */
export interface PartitionInput {
  readonly data: Float64Array;
  /** Rows n and features d. */
  readonly n: number;
  readonly d: number;
  /** Clusters k (labels re-coded to 0..k-1). */
  readonly k: number;
  readonly codes: Int32Array;
  readonly counts: Int32Array;
  /** (k, d) row-major cluster means. */
  readonly centroids: Float64Array;
}

/**
 * The edge checks shared by the centroid-based metrics (Calinski-Harabasz, Davies-Bouldin):
 * non-empty finite X, one valid label per row, 2 <= k <= n - 1; then the cluster means.
 * @throws SegmintError INVALID_SHAPE, NON_FINITE_VALUE, INVALID_LABELS naming `owner`.
 */
export function partitionInput(owner: string, X: MatrixLike, labels: Labels): PartitionInput {
  const matrix = toMatrix(X);
  assertNonEmpty(owner, matrix);
  assertFinite(owner, matrix);
  checkClusterLabels(owner, labels, matrix.rows);
  const { codes, counts } = encodeLabels(labels);
  const k = counts.length;
  const n = matrix.rows;
  checkClusterCount(owner, k, n);
  const d = matrix.cols;
  const centroids = clusterMeans(matrix.data, d, codes, counts);
  return { data: matrix.data, n, d, k, codes, counts, centroids };
}
