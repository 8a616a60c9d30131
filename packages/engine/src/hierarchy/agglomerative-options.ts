/**
 * Options and fitted model of agglomerative clustering (see `agglomerative.ts`): the option
 * types, their one {@link AGGLOMERATIVE_DEFAULTS} object, the parameter constraints, the
 * condensed-matrix size limit and the {@link AgglomerativeModel} shape.
 *
 * Notation: X is (n, d) (or (n, n) distances when `metric` is `'precomputed'`), k final clusters.
 */
import type { Constraints } from '../core/params.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';
import type { LinkageMatrix } from './linkage-matrix.js';

/**
 * How the distance between two clusters is defined:
 * - `'ward'`: increase of the within-cluster sum of squares (euclidean input only);
 * - `'complete'`: largest distance between their members;
 * - `'average'`: mean distance between their members (UPGMA);
 * - `'single'`: smallest distance between their members.
 */
export type Linkage = 'ward' | 'complete' | 'average' | 'single';

/** `'euclidean'`: X holds features; `'precomputed'`: X is a square (n, n) distance matrix. */
export type HierarchyMetric = 'euclidean' | 'precomputed';

/** Hyperparameters of {@link agglomerative}. Exactly one of clusterCount / distanceThreshold. */
export interface AgglomerativeOptions {
  /** Clusters to cut the tree into, an integer in [1, 1000000] and at most n. */
  clusterCount?: number;
  /**
   * Cut height (>= 0): merges at a distance >= the threshold are undone, so the cluster count is
   * 1 + the number of such merges (scikit-learn's `distance_threshold`).
   */
  distanceThreshold?: number;
  /** Default `'ward'`. */
  linkage: Linkage;
  /** Default `'euclidean'`. `'precomputed'` works with complete, average and single. */
  metric: HierarchyMetric;
}

/** Defaults of {@link AgglomerativeOptions}. */
export const AGGLOMERATIVE_DEFAULTS: Readonly<AgglomerativeOptions> = Object.freeze({
  clusterCount: undefined,
  distanceThreshold: undefined,
  linkage: 'ward',
  metric: 'euclidean',
});

/** Parameter constraints (checkParams writes every message from these). */
export const AGGLOMERATIVE_CONSTRAINTS: Constraints<AgglomerativeOptions> = {
  clusterCount: { type: 'integer', min: 1, max: 1_000_000, optional: true },
  distanceThreshold: { type: 'number', min: 0, optional: true },
  linkage: { type: 'enum', values: ['ward', 'complete', 'average', 'single'] },
  metric: { type: 'enum', values: ['euclidean', 'precomputed'] },
};

/**
 * Largest n for linkages that keep the condensed distance matrix (complete and average, and any
 * linkage on precomputed distances): n (n - 1) / 2 float64 values, 1.6 GB at n = 20,000. Ward
 * (centroids) and single (Prim's minimum spanning tree) on features need only O(n d) memory.
 */
export const CONDENSED_MAX_ROWS = 20_000;

/** The merged options a model records (JSON-safe; the unused cut option is absent). */
export interface AgglomerativeModelOptions {
  readonly clusterCount?: number;
  readonly distanceThreshold?: number;
  readonly linkage: Linkage;
  readonly metric: HierarchyMetric;
}

/** A fitted agglomerative clustering (immutable plain data). */
export interface AgglomerativeModel {
  readonly kind: 'agglomerative';
  /** Cluster of each training row, shape (n), numbered as scikit-learn numbers them. */
  readonly labels: Int32Array;
  /** Clusters after the cut (k). */
  readonly clusterCount: number;
  /** The n - 1 merges in SciPy's format (ids >= n are merges). */
  readonly linkage: LinkageMatrix;
  /**
   * Mean of each final cluster's rows, shape (k, d), used by `agglomerativePredict`; `null` for
   * precomputed distances (predict then uses the mean distance to each cluster's rows).
   */
  readonly centroids: Matrix | null;
  readonly warnings: readonly EstimatorWarning[];
  readonly options: AgglomerativeModelOptions;
}
