/**
 * Options and fitted model of k-means (see `kmeans.ts`): the option types, their one
 * {@link KMEANS_DEFAULTS} object, and the {@link KMeansModel} shape.
 *
 * Notation: X is (n, d), k = `clusterCount`, w the sample weights.
 */
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';

/**
 * All give the same labels, centroids and inertia from the same init:
 * - `'lloyd'`: all k distances per row and iteration.
 * - `'hamerly'`: Hamerly (2010) bounds (2 per row) skip most distance computations.
 * - `'elkan'`: Hamerly's bounds plus Elkan (2003) per-centre lower bounds (n * k extra doubles),
 *   fewer distances again but more memory traffic; used for 2 < k <= 64, n * k <= 2^24 and
 *   (maxIterations + 1) * k <= 2^22, else it runs as 'hamerly'.
 * - `'auto'` (default): 'hamerly', the fastest in our measurements (memory-bound machines favour
 *   its small state).
 */
export type KMeansAlgorithm = 'lloyd' | 'hamerly' | 'elkan' | 'auto';

/** How to choose initial centroids: greedy k-means++, k random distinct rows, or explicit (k, d) centroids. */
export type KMeansInit = 'k-means++' | 'random' | Matrix | number[][];

/** Hyperparameters of {@link kmeans}. */
export interface KMeansOptions {
  /** k, an integer in [1, 10000] and at most the number of rows. */
  clusterCount: number;
  /** Initial centroids; default `'k-means++'`. */
  init: KMeansInit;
  /**
   * Restarts, keeping the lowest inertia: an integer in [1, 1000], or `'auto'` (default):
   * 1 for k-means++ and explicit centroids, 10 for random (scikit-learn 1.4's rule).
   */
  nInit: number | 'auto';
  /** Lloyd iterations per run, an integer in [1, 1000000]; default 300. */
  maxIterations: number;
  /** Relative tolerance (>= 0): stop when the summed squared centre shift <= tolerance * mean feature variance; default 1e-4. */
  tolerance: number;
  /** Default `'auto'`. */
  algorithm: KMeansAlgorithm;
  /** Seed of every random choice; default 0. */
  seed: number;
  /** One finite weight >= 0 per row (not all zero); default unit weights. */
  sampleWeight?: Float64Array | number[];
}

/** Defaults of {@link KMeansOptions} (every option but `clusterCount`). */
export const KMEANS_DEFAULTS: Readonly<Omit<KMeansOptions, 'clusterCount'>> = Object.freeze({
  init: 'k-means++',
  nInit: 'auto',
  maxIterations: 300,
  tolerance: 1e-4,
  algorithm: 'auto',
  seed: 0,
  sampleWeight: undefined,
});

/** The hyperparameters a model was fitted with (no data: explicit centroids become `'explicit'`). */
export interface KMeansModelOptions {
  readonly clusterCount: number;
  readonly init: 'k-means++' | 'random' | 'explicit';
  /** Restarts actually run ('auto' resolved). */
  readonly nInit: number;
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly algorithm: KMeansAlgorithm;
  readonly seed: number;
  /** True when sample weights were given. */
  readonly weighted: boolean;
}

/** A fitted k-means model (immutable plain data). */
export interface KMeansModel {
  readonly kind: 'kmeans';
  /** Cluster of each training row, shape (n). */
  readonly labels: Int32Array;
  /** Centroids, shape (k, d). */
  readonly centroids: Matrix;
  /** Weighted sum of squared distances of the rows to their centroid. */
  readonly inertia: number;
  /** Lloyd iterations of the kept run. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Rows per cluster, shape (k). */
  readonly clusterSizes: Int32Array;
  /** Soft failures: MAX_ITERATIONS_REACHED, EMPTY_CLUSTER_RESEEDED, FEWER_DISTINCT_POINTS_THAN_CLUSTERS, ... */
  readonly warnings: readonly EstimatorWarning[];
  readonly options: KMeansModelOptions;
}
