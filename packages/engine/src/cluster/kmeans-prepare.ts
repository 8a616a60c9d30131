/**
 * The public edge of k-means: merge options over {@link KMEANS_DEFAULTS}, check every parameter,
 * check the data, resolve 'auto' choices and the absolute tolerance. Shared by `kmeans` and the
 * Node `kmeansParallel`, so both reject exactly the same inputs with the same messages.
 *
 * Notation: X is (n, d), k = clusterCount, tol = tolerance * mean_f var(X[:, f]) (scikit-learn's
 * `_tolerance`, unweighted population variances).
 */
import { checkParams, invalidParameter, mergeOptions } from '../core/params.js';
import { warning, type EstimatorWarning } from '../core/warnings.js';
import type { Matrix, MatrixLike } from '../matrix/matrix.js';
import { assertFinite } from '../matrix/validate.js';
import { KMEANS_DEFAULTS, type KMeansModelOptions, type KMeansOptions } from './kmeans-options.js';
import { blockRowsFor } from './kmeans-blocks.js';
import { usesElkanFilter } from './kmeans-run.js';
import {
  isExplicitInit,
  validateClusterData,
  validateInitCentroids,
  validateSampleWeight,
} from './kmeans-validate.js';

/** Everything the fit needs, validated. */
export interface PreparedKMeans {
  readonly matrix: Matrix;
  readonly weights: Float64Array | null;
  readonly k: number;
  /** Explicit initial centres (k * d), or the method. */
  readonly init: Float64Array | 'k-means++' | 'random';
  readonly nInit: number;
  readonly maxIterations: number;
  /** Absolute tolerance on the summed squared centre shift (NaN until the variance is known). */
  readonly tolerance: number;
  /** The relative tolerance option (tolerance = relativeTolerance * mean feature variance). */
  readonly relativeTolerance: number;
  readonly hamerly: boolean;
  /** Add the Elkan per-centre bounds (algorithm 'elkan' when the shape allows it). */
  readonly elkan: boolean;
  readonly seed: number;
  readonly blockRows: number;
  readonly modelOptions: KMeansModelOptions;
  /** Warnings raised while preparing (an explicit init with nInit > 1). */
  readonly warnings: readonly EstimatorWarning[];
}

const CONSTRAINTS = {
  clusterCount: { type: 'integer', min: 1, max: 10000 },
  init: { type: 'any' },
  nInit: { type: 'any' },
  maxIterations: { type: 'integer', min: 1, max: 1_000_000 },
  tolerance: { type: 'number', min: 0 },
  algorithm: { type: 'enum', values: ['lloyd', 'hamerly', 'elkan', 'auto'] },
  seed: { type: 'integer' },
  sampleWeight: { type: 'any', optional: true },
} as const;

/**
 * Validates and resolves k-means inputs. `owner` names the function in messages. With
 * `deferVariance`, X's finiteness and the absolute tolerance are left to {@link withTolerance}
 * (the WebAssembly path measures the variance on its own copy of X).
 */
export function prepareKMeans(
  owner: string,
  X: MatrixLike,
  options: Partial<KMeansOptions> & { clusterCount: number },
  deferVariance = false,
): PreparedKMeans {
  const merged = mergeOptions<KMeansOptions>({ ...KMEANS_DEFAULTS, clusterCount: 0 }, options);
  checkParams(owner, merged, CONSTRAINTS);
  const { clusterCount: k, init, nInit } = merged;
  const explicit = isExplicitInit(init);
  if (!explicit && init !== 'k-means++' && init !== 'random') {
    throw invalidParameter(owner, 'init', "'k-means++', 'random' or a (k, d) matrix", init);
  }
  const autoInit = nInit === 'auto';
  if (!autoInit && !(Number.isInteger(nInit) && nInit >= 1 && nInit <= 1000)) {
    throw invalidParameter(owner, 'nInit', "an integer in [1, 1000] or 'auto'", nInit);
  }
  // Finiteness is checked by the variance pass (one pass over X instead of two), now or, when
  // deferred, by `withTolerance` once X sits where the kernels read it.
  const matrix = validateClusterData(owner, X, k, false);
  const variance = deferVariance ? NaN : meanVariance(matrix);
  if (!deferVariance && !Number.isFinite(variance)) assertFinite(owner, matrix);
  const { rows: n, cols: d } = matrix;
  const weights = validateSampleWeight(owner, merged.sampleWeight, n);
  const warnings: EstimatorWarning[] = [];
  let runs = autoInit ? (init === 'random' ? 10 : 1) : nInit;
  if (explicit && runs > 1) {
    warnings.push(
      warning(
        'EXPLICIT_INIT_SINGLE_RUN',
        `${owner}: explicit initial centroids were given, so only one run is made instead of nInit = ${runs}.`,
        { nInit: runs },
      ),
    );
    runs = 1;
  }
  return {
    matrix,
    weights,
    k,
    init: explicit ? validateInitCentroids(owner, init, k, d) : init,
    nInit: runs,
    maxIterations: merged.maxIterations,
    tolerance: merged.tolerance * variance,
    relativeTolerance: merged.tolerance,
    hamerly: merged.algorithm !== 'lloyd' && k > 1,
    elkan: merged.algorithm === 'elkan' && usesElkanFilter(n, k, merged.maxIterations),
    seed: merged.seed,
    blockRows: blockRowsFor(n, k, d, weights !== null),
    modelOptions: {
      clusterCount: k,
      init: explicit ? 'explicit' : init,
      nInit: runs,
      maxIterations: merged.maxIterations,
      tolerance: merged.tolerance,
      algorithm: merged.algorithm,
      seed: merged.seed,
      weighted: weights !== null,
    },
    warnings,
  };
}

/**
 * `prepared` with its absolute tolerance from the mean feature variance `variance` of X.
 * @throws SegmintError NON_FINITE_VALUE naming the row and column when `variance` is not finite.
 */
export function withTolerance(
  owner: string,
  prepared: PreparedKMeans,
  variance: number,
): PreparedKMeans {
  if (!Number.isFinite(variance)) assertFinite(owner, prepared.matrix);
  return { ...prepared, tolerance: prepared.relativeTolerance * variance };
}

/**
 * Mean over features of the population variance (numpy `np.var(X, axis=0).mean()`), two-pass.
 * NaN or Infinity anywhere in X makes it non-finite (so it doubles as the finiteness check).
 */
export function meanVariance(X: Matrix): number {
  const { data, rows: n, cols: d } = X;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let f = 0; f < d; f++) mean[f]! += data[o + f]!;
  }
  for (let f = 0; f < d; f++) mean[f]! /= n;
  const squares = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let f = 0; f < d; f++) {
      const t = data[o + f]! - mean[f]!;
      squares[f]! += t * t;
    }
  }
  let total = 0;
  for (let f = 0; f < d; f++) total += squares[f]! / n;
  return total / d;
}
