/**
 * HDBSCAN options, defaults, constraints and the fitted model type (Campello, Moulavi & Sander
 * 2013; McInnes, Healy & Astels 2017, the hdbscan library whose semantics are followed here).
 *
 * Notation: n training rows, d features; the condensed tree has t rows (one per point leaving a
 * cluster and one per child cluster born); c clusters are selected.
 */
import type { Constraints } from '../core/params.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';

/** How flat clusters are read off the condensed tree. */
export type HdbscanSelectionMethod = 'eom' | 'leaf';

/** What X holds: feature rows, or a square matrix of pairwise distances. */
export type HdbscanMetric = 'euclidean' | 'precomputed';

/** Options of {@link hdbscan}. */
export interface HdbscanOptions {
  /** Smallest group of points that counts as a cluster, an integer in [2, 1e9]; default 5. */
  minClusterSize: number;
  /**
   * Neighbours defining a point's core distance (the distance to its minSamples-th nearest
   * other point); default undefined = minClusterSize. Clamped to n - 1 as the hdbscan library.
   */
  minSamples: number | undefined;
  /** 'eom' (excess of mass, default) or 'leaf' (the leaves of the condensed tree). */
  clusterSelectionMethod: HdbscanSelectionMethod;
  /** Clusters split below this distance are merged back (Malzer & Baum 2019); default 0. */
  clusterSelectionEpsilon: number;
  /** Let 'eom' return the root as one cluster; default false. */
  allowSingleCluster: boolean;
  /** 'euclidean' (default) or 'precomputed' (X is a square (n, n) distance matrix). */
  metric: HdbscanMetric;
  /** Points per kd-tree leaf for the euclidean path, an integer in [1, 10000]; default 40. */
  leafSize: number;
}

/** Defaults of {@link HdbscanOptions}. */
export const HDBSCAN_DEFAULTS: Readonly<HdbscanOptions> = Object.freeze({
  minClusterSize: 5,
  minSamples: undefined,
  clusterSelectionMethod: 'eom',
  clusterSelectionEpsilon: 0,
  allowSingleCluster: false,
  metric: 'euclidean',
  leafSize: 40,
});

/** Parameter constraints of {@link HdbscanOptions}. */
export const HDBSCAN_CONSTRAINTS: Constraints<HdbscanOptions> = {
  minClusterSize: { type: 'integer', min: 2, max: 1e9 },
  minSamples: { type: 'integer', min: 1, max: 1e9, optional: true },
  clusterSelectionMethod: { type: 'enum', values: ['eom', 'leaf'] },
  clusterSelectionEpsilon: { type: 'number', min: 0 },
  allowSingleCluster: { type: 'boolean' },
  metric: { type: 'enum', values: ['euclidean', 'precomputed'] },
  leafSize: { type: 'integer', min: 1, max: 10000 },
};

/**
 * The condensed cluster tree as parallel arrays (the hdbscan library's `_raw_tree`): row r says
 * that `child[r]` (a point < n, or a cluster >= n) left cluster `parent[r]` at density
 * `lambda[r]` = 1 / distance, carrying `size[r]` points. The root cluster is n.
 */
export interface CondensedTree {
  /** (t) parent cluster ids (>= n). */
  readonly parent: Int32Array;
  /** (t) child: a point (< n) or a cluster (>= n). */
  readonly child: Int32Array;
  /** (t) lambda = 1 / distance at which the child leaves (Infinity for distance 0). */
  readonly lambda: Float64Array;
  /** (t) points carried by the child (1 for a point). */
  readonly size: Int32Array;
}

/** A fitted HDBSCAN model (immutable plain data). */
export interface HdbscanModel {
  readonly kind: 'hdbscan';
  /** (n) cluster of each training row, -1 for noise; clusters ordered by condensed-tree id. */
  readonly labels: Int32Array;
  /** Clusters found (noise excluded). */
  readonly clusterCount: number;
  /** (n) membership strength in [0, 1] (0 for noise). */
  readonly probabilities: Float64Array;
  /**
   * (n) GLOSH outlier scores in [0, 1] (Campello et al. 2015); larger is more outlying. As in the
   * hdbscan library, NaN for a point whose cluster reaches infinite density (exact duplicates)
   * while the point itself leaves at a finite one.
   */
  readonly outlierScores: Float64Array;
  /** The condensed tree. */
  readonly condensedTree: CondensedTree;
  /** (c) condensed-tree cluster id of each label. */
  readonly selectedClusters: Int32Array;
  /** (c) excess-of-mass stability of each selected cluster. */
  readonly clusterStability: Float64Array;
  /** (c) the library's `cluster_persistence_`: stability / (size * largest lambda), in [0, 1]. */
  readonly clusterPersistence: Float64Array;
  /**
   * (n) core distances used by prediction: the distance to the (minSamples - 1)-th nearest other
   * point, the hdbscan library's `prediction_data_.core_distances` convention.
   */
  readonly predictionCoreDistances: Float64Array;
  /** Training rows (n, d) for 'euclidean' (prediction searches them); null for 'precomputed'. */
  readonly trainingData: Matrix | null;
  /** n, training rows. */
  readonly trainingRows: number;
  readonly warnings: readonly EstimatorWarning[];
  /** Merged options (minSamples resolved to a number). */
  readonly options: Readonly<HdbscanModelOptions>;
}

/** Options as stored in a model: JSON-safe, minSamples resolved. */
export interface HdbscanModelOptions extends Omit<HdbscanOptions, 'minSamples'> {
  readonly minSamples: number;
}
