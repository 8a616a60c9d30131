/**
 * HDBSCAN: hierarchical density-based clustering (Campello, Moulavi & Sander 2013) with the
 * accelerations and conventions of the hdbscan library (McInnes, Healy & Astels 2017; McInnes &
 * Healy 2017): core distances from a kd-tree, a Borůvka minimum spanning tree of the mutual
 * reachability graph, the condensed tree, excess-of-mass or leaf selection, membership
 * probabilities, GLOSH outlier scores, and approximate prediction for new points.
 *
 * Notation: X is (n, d) features (or an (n, n) distance matrix with metric 'precomputed');
 * s = min(minSamples, n - 1) neighbours define core distances; mr(a, b) = max(core[a], core[b],
 * dist(a, b)).
 */
import type { ClusterAssignment } from '../cluster/assignment.js';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, mergeOptions } from '../core/params.js';
import { warning, type EstimatorWarning } from '../core/warnings.js';
import { toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertColumns, assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { buildKdTreeKernel } from '../neighbors/kd-tree.js';
import { boruvkaSpanningTree } from './hdbscan-boruvka.js';
import { condenseTree } from './hdbscan-condense.js';
import { allNearestNeighbours } from './hdbscan-core-distances.js';
import { gloshScores } from './hdbscan-glosh.js';
import { linkageFromSpanningTree, type EdgeList } from './hdbscan-linkage.js';
import {
  HDBSCAN_CONSTRAINTS,
  HDBSCAN_DEFAULTS,
  type HdbscanModel,
  type HdbscanModelOptions,
  type HdbscanOptions,
} from './hdbscan-options.js';
import { hdbscanPredictKernel } from './hdbscan-predict.js';
import {
  kthSmallest,
  precomputedCoreDistances,
  primFeatures,
  primPrecomputed,
} from './hdbscan-prim.js';
import { selectClusters } from './hdbscan-select.js';

/** Up to this many rows, euclidean input uses Prim's O(n^2) tree instead of Borůvka. */
const PRIM_MAX_ROWS = 2048;

function checkPrecomputed(owner: string, D: Matrix, name: string, columns: number | null): void {
  if (columns === null && D.rows !== D.cols) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: with metric 'precomputed', ${name} must be a square (n, n) distance matrix; got (${D.rows}, ${D.cols}).`,
      { rows: D.rows, cols: D.cols },
    );
  }
  if (columns !== null) assertColumns(owner, D, columns, name);
  for (let index = 0; index < D.data.length; index++) {
    if (D.data[index]! < 0) {
      const row = Math.floor(index / D.cols);
      const column = index % D.cols;
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `${owner}: distances must be >= 0; ${name} has ${D.data[index]} at row ${row}, column ${column}.`,
        { row, column, value: D.data[index] },
      );
    }
  }
}

/**
 * Fits HDBSCAN.
 *
 * @param X - (n, d) finite features, n >= 2; or, with `metric: 'precomputed'`, an (n, n)
 *   symmetric matrix of non-negative distances (e.g. Gower distances of mixed data).
 * @param options - {@link HdbscanOptions}; defaults {@link HDBSCAN_DEFAULTS} (minClusterSize 5,
 *   minSamples = minClusterSize, 'eom', epsilon 0, no single cluster, 'euclidean').
 * @returns the fitted {@link HdbscanModel}: labels (noise -1), probabilities, GLOSH outlier
 *   scores, the condensed tree, cluster stabilities and what prediction needs.
 * @throws SegmintError INVALID_PARAMETER for a bad option, INVALID_SHAPE for fewer than 2 rows
 *   (or a non-square / negative precomputed matrix), NON_FINITE_VALUE for NaN or infinities.
 * @example
 * const model = hdbscan(rows, { minClusterSize: 10 });
 * model.labels; // Int32Array, -1 = noise
 */
export function hdbscan(X: MatrixLike, options?: Partial<HdbscanOptions>): HdbscanModel {
  const merged = mergeOptions<HdbscanOptions>(HDBSCAN_DEFAULTS, options);
  checkParams('hdbscan', merged, HDBSCAN_CONSTRAINTS);
  const matrix = toMatrix(X);
  assertNonEmpty('hdbscan', matrix, 2);
  assertFinite('hdbscan', matrix);
  if (merged.metric === 'precomputed') checkPrecomputed('hdbscan', matrix, 'X', null);
  const resolved: HdbscanModelOptions = {
    ...merged,
    minSamples: merged.minSamples ?? merged.minClusterSize,
  };
  return hdbscanKernel(matrix, resolved);
}

/** Core distances for the fit (s-th neighbour) and for prediction (library convention). */
interface CoreDistances {
  readonly core: Float64Array;
  readonly prediction: Float64Array;
  readonly edges: EdgeList;
}

function euclideanTree(X: Matrix, s: number, predictionK: number, leafSize: number): CoreDistances {
  const n = X.rows;
  const tree = buildKdTreeKernel(X, leafSize);
  const k = s + 1;
  const neighbours = allNearestNeighbours(tree, k);
  const core = new Float64Array(n);
  const prediction = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    core[i] = neighbours.distances[i * k + s]!;
    prediction[i] = neighbours.distances[i * k + predictionK - 1]!;
  }
  const edges =
    n <= PRIM_MAX_ROWS ? primFeatures(X, core) : boruvkaSpanningTree(tree, core, neighbours);
  return { core, prediction, edges };
}

function precomputedTree(D: Matrix, s: number, predictionK: number): CoreDistances {
  const n = D.rows;
  const core = precomputedCoreDistances(D, s);
  const prediction = new Float64Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) row[j] = D.data[i * n + j]!;
    prediction[i] = kthSmallest(row, predictionK - 1);
  }
  return { core, prediction, edges: primPrecomputed(D, core) };
}

/** {@link hdbscan} without checks: X valid for `options.metric`, options resolved. */
export function hdbscanKernel(X: Matrix, options: HdbscanModelOptions): HdbscanModel {
  const n = X.rows;
  const s = Math.max(1, Math.min(n - 1, options.minSamples));
  const predictionK = Math.min(options.minSamples, n);
  const { prediction, edges } =
    options.metric === 'precomputed'
      ? precomputedTree(X, s, predictionK)
      : euclideanTree(X, s, predictionK, options.leafSize);
  const hierarchy = linkageFromSpanningTree(edges, n);
  const condensedTree = condenseTree(hierarchy, n, options.minClusterSize);
  const selection = selectClusters(condensedTree, n, {
    method: options.clusterSelectionMethod,
    allowSingleCluster: options.allowSingleCluster,
    epsilon: options.clusterSelectionEpsilon,
  });
  const warnings: EstimatorWarning[] = [];
  if (selection.selected.length === 0) {
    warnings.push(
      warning(
        'NO_CLUSTERS',
        `hdbscan: no cluster of at least ${options.minClusterSize} points was found; every row is noise.`,
        { minClusterSize: options.minClusterSize },
      ),
    );
  }
  return Object.freeze({
    kind: 'hdbscan',
    labels: selection.labels,
    clusterCount: selection.selected.length,
    probabilities: selection.probabilities,
    outlierScores: gloshScores(condensedTree, n),
    condensedTree: Object.freeze(condensedTree),
    selectedClusters: selection.selected,
    clusterStability: selection.stability,
    clusterPersistence: selection.persistence,
    predictionCoreDistances: prediction,
    trainingData:
      options.metric === 'precomputed'
        ? null
        : Object.freeze({ data: X.data.slice(), rows: n, cols: X.cols }),
    trainingRows: n,
    warnings: Object.freeze(warnings),
    options: Object.freeze({ ...options }),
  });
}

/**
 * Assigns new rows to the clusters of a fitted model (the hdbscan library's
 * `approximate_predict`): label (-1 noise) and membership strength in [0, 1].
 *
 * @param model - from {@link hdbscan} or `hdbscanFromJSON`.
 * @param X - (m, d) features; for a 'precomputed' model, (m, n) distances from each new row to
 *   the n training rows.
 * @throws SegmintError INVALID_SHAPE for a column mismatch, NON_FINITE_VALUE for NaN/infinities.
 * @example
 * const { labels, strength } = hdbscanPredict(model, newRows);
 */
export function hdbscanPredict(model: HdbscanModel, X: MatrixLike): ClusterAssignment {
  const matrix = toMatrix(X);
  assertFinite('hdbscanPredict', matrix);
  if (model.options.metric === 'precomputed')
    checkPrecomputed('hdbscanPredict', matrix, 'X', model.trainingRows);
  else assertColumns('hdbscanPredict', matrix, model.trainingData!.cols);
  return hdbscanPredictKernel(model, matrix);
}
