/**
 * Exact silhouette coefficients (Rousseeuw 1987, "Silhouettes: a graphical aid to the
 * interpretation and validation of cluster analysis"), matching scikit-learn 1.2.1's
 * `silhouette_samples` / `silhouette_score` with the Euclidean metric.
 *
 * Notation: X is (n, d), k the number of distinct labels. The kernel and its formulas live in
 * `silhouette-kernel.ts`; this file validates input and runs it over all rows.
 *
 * Edge rules (as scikit-learn): 2 <= k <= n - 1 or INVALID_LABELS naming k; a sample alone in
 * its cluster gets silhouette 0; labels need not be contiguous (`{0, 3}` is two clusters).
 */
import { type Matrix, type MatrixLike, toMatrix } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';
import {
  type EncodedLabels,
  type Labels,
  checkClusterCount,
  checkClusterLabels,
  encodeLabels,
} from './labels.js';
import {
  type ClusterSortedData,
  silhouetteRowsKernel,
  sortByCluster,
} from './silhouette-kernel.js';
import { planSegments, reduceTiles, tileRowKernel } from './silhouette-tiles.js';

/** Validated silhouette input: the matrix, compact label codes and the cluster-sorted copy. */
export interface SilhouetteInput {
  readonly X: Matrix;
  readonly labels: EncodedLabels;
  readonly sorted: ClusterSortedData;
}

/**
 * Validates X and labels for a silhouette computation and builds the cluster-sorted copy.
 * @throws SegmintError INVALID_SHAPE (empty X), NON_FINITE_VALUE (NaN/Infinity in X),
 *   INVALID_LABELS (length, negative or non-integer labels, fewer than 2 or more than n - 1 clusters).
 */
export function prepareSilhouette(
  owner: string,
  X: MatrixLike,
  labels: Labels,
  sortedOutput?: (length: number) => Float64Array,
): SilhouetteInput {
  const matrix = toMatrix(X);
  assertNonEmpty(owner, matrix);
  assertFinite(owner, matrix);
  checkClusterLabels(owner, labels, matrix.rows);
  const encoded = encodeLabels(labels);
  checkClusterCount(owner, encoded.counts.length, matrix.rows);
  const sorted = sortByCluster(
    matrix.data,
    matrix.cols,
    encoded.codes,
    encoded.counts,
    sortedOutput?.(matrix.data.length),
  );
  return { X: matrix, labels: encoded, sorted };
}

/** 0, 1, ..., n - 1. */
export function identityRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/**
 * The exact silhouette coefficient of every sample, in [-1, 1] (silhouette plots).
 *
 * Time O(n^2 d / 2): each distance is computed once, in tiles of two cluster segments, and
 * credited to both rows (`silhouette-tiles.ts`). Memory O(n d) for a cluster-sorted copy of X
 * plus O(n G) partial sums, G <= 64 + k segments (above 256 MB of partial sums, a row-by-row
 * kernel with O(256 k) memory takes over). n = 50,000 takes seconds (use `silhouetteSamplesParallel` from `@segmint/engine/node` for
 * threads, or {@link silhouetteEstimate} for large n).
 *
 * @param X - data, shape (n, d).
 * @param labels - one non-negative integer cluster label per row (gaps allowed).
 * @returns Float64Array of length n; singleton clusters' samples are 0.
 * @throws SegmintError INVALID_SHAPE, NON_FINITE_VALUE, INVALID_LABELS (see {@link prepareSilhouette}).
 * @example silhouetteSamples([[0], [1], [10], [11]], [0, 0, 1, 1]) // [0.9047.., 0.8947.., 0.8947.., 0.9047..]
 */
export function silhouetteSamples(X: MatrixLike, labels: Labels): Float64Array {
  return silhouetteAllKernel(prepareSilhouette('silhouetteSamples', X, labels));
}

/**
 * Unchecked silhouette of every row: the symmetric tiled kernel (each distance computed once)
 * when its partial sums fit the memory budget, else the row kernel.
 */
export function silhouetteAllKernel(input: SilhouetteInput): Float64Array {
  const n = input.X.rows;
  const out = new Float64Array(n);
  const { codes, counts } = input.labels;
  const plan = planSegments(input.sorted.offsets);
  if (plan === null) {
    silhouetteRowsKernel(input.X.data, input.sorted, codes, counts, identityRows(n), 0, n, out);
    return out;
  }
  const partial = new Float64Array(n * plan.count);
  for (let A = 0; A < plan.count; A++) tileRowKernel(input.sorted, plan, A, partial);
  reduceTiles(plan, partial, counts, input.sorted.order!, 0, n, out);
  return out;
}

/**
 * The mean exact silhouette coefficient over all samples (scikit-learn's `silhouette_score`
 * without sampling). Same cost, rules and errors as {@link silhouetteSamples}.
 * @example silhouetteScore([[0], [1], [10], [11]], [0, 0, 1, 1]) // 0.8997...
 */
export function silhouetteScore(X: MatrixLike, labels: Labels): number {
  return mean(silhouetteAllKernel(prepareSilhouette('silhouetteScore', X, labels)));
}

/** Arithmetic mean, summed pairwise like numpy (accurate for long arrays). */
export function mean(values: Float64Array): number {
  return pairwiseSum(values, 0, values.length) / values.length;
}

function pairwiseSum(values: Float64Array, start: number, end: number): number {
  if (end - start <= 128) {
    let s = 0;
    for (let i = start; i < end; i++) s += values[i]!;
    return s;
  }
  const middle = start + Math.floor((end - start) / 2);
  return pairwiseSum(values, start, middle) + pairwiseSum(values, middle, end);
}
