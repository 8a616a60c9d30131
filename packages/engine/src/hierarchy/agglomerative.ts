/**
 * Agglomerative (hierarchical) clustering: validate, build the full merge tree with the kernel
 * for the linkage, cut it as scikit-learn cuts it, and keep each final cluster's centroid for
 * prediction.
 *
 * Kernels (Müllner 2011, "Modern hierarchical, agglomerative clustering algorithms"):
 * - ward on features: nearest-neighbour chain over centroids, O(n d) memory (`ward-chain.ts`);
 * - complete, average: nearest-neighbour chain over the condensed matrix (`condensed-chain.ts`),
 *   n <= {@link CONDENSED_MAX_ROWS};
 * - single: Prim's minimum spanning tree on the fly, O(n) memory (`single-linkage.ts`).
 *
 * Notation: X is (n, d) (or (n, n) precomputed distances), k final clusters.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, invalidParameter, mergeOptions } from '../core/params.js';
import { toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';
import {
  AGGLOMERATIVE_CONSTRAINTS,
  AGGLOMERATIVE_DEFAULTS,
  CONDENSED_MAX_ROWS,
  type AgglomerativeModel,
  type AgglomerativeModelOptions,
  type AgglomerativeOptions,
} from './agglomerative-options.js';
import {
  condensedChainKernel,
  condensedEuclidean,
  condensedFromSquare,
} from './condensed-chain.js';
import { clustersAtThreshold, cutTreeKernel } from './cut-tree.js';
import type { LinkageMatrix } from './linkage-matrix.js';
import { singleLinkageKernel } from './single-linkage.js';
import { wardChainKernel } from './ward-chain.js';

const OWNER = 'agglomerative';

/** Checks options and data; returns the recorded options. */
function validate(X: Matrix, options: AgglomerativeOptions): AgglomerativeModelOptions {
  checkParams(OWNER, options, AGGLOMERATIVE_CONSTRAINTS);
  const { clusterCount, distanceThreshold, linkage, metric } = options;
  if ((clusterCount === undefined) === (distanceThreshold === undefined))
    throw invalidParameter(
      OWNER,
      'clusterCount',
      'given, or distanceThreshold, but not both',
      clusterCount,
    );
  if (metric === 'precomputed' && linkage === 'ward')
    throw invalidParameter(
      OWNER,
      'linkage',
      "'complete', 'average' or 'single' with precomputed distances (ward needs features)",
      linkage,
    );
  assertNonEmpty(OWNER, X);
  assertFinite(OWNER, X);
  const n = X.rows;
  if (metric === 'precomputed') {
    if (X.cols !== n)
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `${OWNER}: precomputed distances must be a square (n, n) matrix; got shape (${n}, ${X.cols}).`,
        { rows: n, cols: X.cols },
      );
    for (let p = 0; p < X.data.length; p++) {
      if (X.data[p]! < 0) {
        const row = Math.floor(p / n);
        throw new SegmintError(
          ERROR_CODES.INVALID_SHAPE,
          `${OWNER}: precomputed distances must be >= 0; got ${X.data[p]} at row ${row}, column ${p - row * n}.`,
          { row, column: p - row * n, value: X.data[p] },
        );
      }
    }
  }
  const condensed =
    metric === 'precomputed' ? linkage !== 'single' : linkage !== 'ward' && linkage !== 'single';
  if (condensed && n > CONDENSED_MAX_ROWS)
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${OWNER}: '${linkage}' linkage keeps the n (n - 1) / 2 condensed distance matrix and ` +
        `supports at most ${CONDENSED_MAX_ROWS} rows (CONDENSED_MAX_ROWS); got ${n}. ` +
        "Use linkage 'ward' or 'single', or cluster a sample.",
      { rows: n, limit: CONDENSED_MAX_ROWS },
    );
  if (clusterCount !== undefined && clusterCount > n)
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${OWNER}: 'clusterCount' (${clusterCount}) must be at most the number of rows (${n}).`,
      { parameter: 'clusterCount', value: clusterCount, rows: n },
    );
  return clusterCount !== undefined
    ? { clusterCount, linkage, metric }
    : { distanceThreshold: distanceThreshold!, linkage, metric };
}

/** The full merge tree of the rows of X for a linkage (X already validated). */
export function linkageTree(
  X: Matrix,
  linkage: AgglomerativeModelOptions['linkage'],
  precomputed: boolean,
): LinkageMatrix {
  const { data, rows: n, cols: d } = X;
  if (linkage === 'single') return singleLinkageKernel(data, n, d, precomputed);
  if (linkage === 'ward') return wardChainKernel(data, n, d);
  const condensed = precomputed ? condensedFromSquare(data, n) : condensedEuclidean(data, n, d);
  return condensedChainKernel(condensed, n, linkage);
}

/** Mean of each cluster's rows, shape (k, d). */
export function clusterCentroids(X: Matrix, labels: Int32Array, k: number): Matrix {
  const { data, rows: n, cols: d } = X;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    counts[c]!++;
    for (let f = 0; f < d; f++) sums[c * d + f]! += data[i * d + f]!;
  }
  for (let c = 0; c < k; c++) for (let f = 0; f < d; f++) sums[c * d + f]! /= counts[c]!;
  return Object.freeze({ data: sums, rows: k, cols: d });
}

/**
 * Agglomerative clustering: builds the full merge tree (SciPy's linkage matrix) and cuts it
 * into `clusterCount` clusters or at `distanceThreshold`, with labels numbered as scikit-learn's
 * `AgglomerativeClustering` numbers them.
 *
 * Memory: ward and single need O(n d) (100,000 x 8 fits easily); complete and average, and
 * every precomputed input, keep n (n - 1) / 2 distances and accept n <= CONDENSED_MAX_ROWS.
 * Time O(n^2 d).
 *
 * @param X - features (n, d), or a square (n, n) distance matrix with `metric: 'precomputed'`;
 *   finite, distances >= 0 (only the upper triangle is read).
 * @param options - exactly one of `clusterCount` / `distanceThreshold`; `linkage` (default
 *   `'ward'`), `metric` (default `'euclidean'`).
 * @returns an immutable {@link AgglomerativeModel}.
 * @throws SegmintError INVALID_PARAMETER (bad or conflicting options, ward with precomputed
 *   distances), INVALID_SHAPE (empty X, clusterCount > n, non-square or negative distances,
 *   n above CONDENSED_MAX_ROWS for complete/average), NON_FINITE_VALUE.
 * @example
 * const model = agglomerative(X, { clusterCount: 4, linkage: 'ward' });
 * model.labels; // Int32Array (n)
 * cutTree(model.linkage, { clusterCount: 6 }); // another cut of the same tree
 */
export function agglomerative(
  X: MatrixLike,
  options?: Partial<AgglomerativeOptions>,
): AgglomerativeModel {
  const matrix = toMatrix(X);
  const merged = mergeOptions(AGGLOMERATIVE_DEFAULTS as AgglomerativeOptions, options);
  const recorded = validate(matrix, merged);
  const precomputed = recorded.metric === 'precomputed';
  const linkage = linkageTree(matrix, recorded.linkage, precomputed);
  const k = recorded.clusterCount ?? clustersAtThreshold(linkage, recorded.distanceThreshold!);
  const labels = cutTreeKernel(linkage, k);
  return Object.freeze({
    kind: 'agglomerative',
    labels,
    clusterCount: k,
    linkage: Object.freeze(linkage),
    centroids: precomputed ? null : clusterCentroids(matrix, labels, k),
    warnings: Object.freeze([]),
    options: Object.freeze(recorded),
  });
}
