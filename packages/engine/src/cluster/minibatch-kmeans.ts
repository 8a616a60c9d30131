/**
 * Mini-batch k-means (Sculley 2010, "Web-scale k-means clustering", WWW) with scikit-learn
 * 1.2.1 `MiniBatchKMeans` semantics: k-means++ on a random subset, online centre updates with
 * per-centre counts, re-seeding of starved centres, early stopping on the smoothed inertia.
 * Much faster than full k-means on large n, at the price of a slightly higher inertia.
 *
 * Notation: X is (n, d) = (samples, features), k the cluster count, b the batch size.
 * The loop lives in `minibatch-kmeans-kernel.ts`, one step in `minibatch-kmeans-step.ts`.
 */
import { checkParams, invalidParameter, mergeOptions } from '../core/params.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix, MatrixLike } from '../matrix/matrix.js';
import {
  isExplicitInit,
  validateClusterData,
  validateInitCentroids,
  validateSampleWeight,
} from './kmeans-validate.js';
import { miniBatchKMeansKernel } from './minibatch-kmeans-kernel.js';

/** Options of {@link miniBatchKMeans}. */
export interface MiniBatchKMeansOptions {
  /** k, the number of clusters, integer in [1, 10000]. Required. */
  clusterCount: number;
  /** `'k-means++'` (default), `'random'` rows, or explicit (k, d) centroids. */
  init: 'k-means++' | 'random' | MatrixLike;
  /** Initialisations tried (best inertia on a validation sample wins). Default 3. */
  nInit: number;
  /** Rows per batch b, >= 1 (capped at n). Default 1024. */
  batchSize: number;
  /** Rows sampled for initialisation; null = 3 * b (at least 3k), capped at n. Default null. */
  initSize: number | null;
  /** Epochs: the fit runs at most floor(maxIterations * n / b) steps. Default 100. */
  maxIterations: number;
  /**
   * Stop when the squared centre shift of a step is <= tolerance * mean column variance.
   * Default 0 (off), as scikit-learn.
   */
  tolerance: number;
  /** Stop after this many steps without a new minimum smoothed inertia; null = off. Default 10. */
  maxNoImprovement: number | null;
  /** Re-seed centres whose count is below this fraction of the largest count. Default 0.01. */
  reassignmentRatio: number;
  /** Seed of every random choice. Default 0. */
  seed: number;
  /** Optional non-negative weight per row (length n). */
  sampleWeight?: Float64Array | readonly number[];
}

/** Defaults of {@link miniBatchKMeans} (scikit-learn 1.2.1's, with nInit = 3). */
export const MINI_BATCH_KMEANS_DEFAULTS: Readonly<Omit<MiniBatchKMeansOptions, 'clusterCount'>> =
  Object.freeze({
    init: 'k-means++',
    nInit: 3,
    batchSize: 1024,
    initSize: null,
    maxIterations: 100,
    tolerance: 0,
    maxNoImprovement: 10,
    reassignmentRatio: 0.01,
    seed: 0,
  });

/** The options a model records (JSON-safe: explicit centroids become `'explicit'`). */
export type MiniBatchKMeansRecordedOptions = Omit<
  MiniBatchKMeansOptions,
  'init' | 'sampleWeight'
> & {
  readonly init: 'k-means++' | 'random' | 'explicit';
  readonly weighted: boolean;
};

/** A fitted mini-batch k-means model (immutable plain data). */
export interface MiniBatchKMeansModel {
  readonly kind: 'minibatch-kmeans';
  /** Label per training row in [0, k), from the final centroids on the full data. */
  readonly labels: Int32Array;
  /** (k, d) centroids. */
  readonly centroids: Matrix;
  /** Weighted sum of squared distances of the training rows to their centroid. */
  readonly inertia: number;
  /** Epochs run: ceil(steps * b / n). */
  readonly iterations: number;
  /** Mini-batch steps run. */
  readonly steps: number;
  /** True when an early-stopping rule fired before the step budget ran out. */
  readonly converged: boolean;
  /** Training rows per cluster, length k. */
  readonly clusterSizes: Int32Array;
  readonly warnings: readonly EstimatorWarning[];
  readonly options: Readonly<MiniBatchKMeansRecordedOptions>;
}

const CONSTRAINTS = {
  clusterCount: { type: 'integer', min: 1, max: 10000 },
  init: { type: 'any' },
  nInit: { type: 'integer', min: 1, max: 1000 },
  batchSize: { type: 'integer', min: 1 },
  initSize: { type: 'any' },
  maxIterations: { type: 'integer', min: 1 },
  tolerance: { type: 'number', min: 0 },
  maxNoImprovement: { type: 'any' },
  reassignmentRatio: { type: 'number', min: 0 },
  seed: { type: 'integer', min: 0 },
  sampleWeight: { type: 'any', optional: true },
} as const;

const OWNER = 'miniBatchKMeans';

/**
 * Clusters X with mini-batch k-means.
 *
 * @param X - (n, d) finite data, n >= clusterCount. Never mutated.
 * @param options - `clusterCount` plus any of {@link MiniBatchKMeansOptions}; defaults
 *   {@link MINI_BATCH_KMEANS_DEFAULTS}.
 * @returns a {@link MiniBatchKMeansModel}; `converged: false` plus a `MAX_ITERATIONS_REACHED`
 *   warning when no stopping rule fired, an `EMPTY_CLUSTER` warning per empty cluster.
 * @throws SegmintError INVALID_PARAMETER naming the bad option and value; INVALID_SHAPE for
 *   empty/ragged X or fewer rows than clusters; NON_FINITE_VALUE naming the row and column.
 * @example
 * const model = miniBatchKMeans(rows, { clusterCount: 20, batchSize: 512, seed: 1 });
 * model.labels; model.centroids; model.inertia;
 */
export function miniBatchKMeans(
  X: MatrixLike,
  options: Partial<MiniBatchKMeansOptions> & { clusterCount: number },
): MiniBatchKMeansModel {
  const merged = mergeOptions<MiniBatchKMeansOptions>(
    { ...MINI_BATCH_KMEANS_DEFAULTS, clusterCount: options.clusterCount },
    options,
  );
  checkParams(OWNER, merged, CONSTRAINTS);
  const { init, initSize, maxNoImprovement } = merged;
  if (initSize !== null && !(Number.isInteger(initSize) && initSize >= 1))
    throw invalidParameter(OWNER, 'initSize', 'null or an integer >= 1', initSize);
  if (maxNoImprovement !== null && !(Number.isInteger(maxNoImprovement) && maxNoImprovement >= 0))
    throw invalidParameter(OWNER, 'maxNoImprovement', 'null or an integer >= 0', maxNoImprovement);
  const explicit = isExplicitInit(init);
  if (!explicit && init !== 'k-means++' && init !== 'random')
    throw invalidParameter(OWNER, 'init', "'k-means++', 'random' or a (k, d) matrix", init);
  const data = validateClusterData(OWNER, X, merged.clusterCount);
  const weights = validateSampleWeight(OWNER, merged.sampleWeight, data.rows);
  const initCenters = explicit
    ? validateInitCentroids(OWNER, init, merged.clusterCount, data.cols)
    : init;

  const fit = miniBatchKMeansKernel(data, weights, {
    clusterCount: merged.clusterCount,
    init: initCenters,
    nInit: merged.nInit,
    batchSize: merged.batchSize,
    initSize,
    maxIterations: merged.maxIterations,
    tolerance: merged.tolerance,
    maxNoImprovement,
    reassignmentRatio: merged.reassignmentRatio,
    seed: merged.seed,
  });
  return {
    kind: 'minibatch-kmeans',
    labels: fit.labels,
    centroids: { data: fit.centroids, rows: merged.clusterCount, cols: data.cols },
    inertia: fit.inertia,
    iterations: fit.iterations,
    steps: fit.steps,
    converged: fit.converged,
    clusterSizes: fit.clusterSizes,
    warnings: fit.warnings,
    options: {
      clusterCount: merged.clusterCount,
      init: explicit ? 'explicit' : init,
      nInit: merged.nInit,
      batchSize: merged.batchSize,
      initSize,
      maxIterations: merged.maxIterations,
      tolerance: merged.tolerance,
      maxNoImprovement,
      reassignmentRatio: merged.reassignmentRatio,
      seed: merged.seed,
      weighted: weights !== null,
    },
  };
}
