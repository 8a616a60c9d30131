/**
 * Options and fitted model of DBSCAN (see `dbscan.ts`): the option types, the one
 * {@link DBSCAN_DEFAULTS} object and the {@link DbscanModel} shape.
 *
 * Notation: X is (n, d); eps the neighbourhood radius; c the number of core points.
 */
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';

/**
 * How distances are given:
 * - `'euclidean'`: X is (n, d) data.
 * - `'precomputed'`: X is a square (n, n) matrix of distances (for example Gower distances of
 *   mixed data); row i holds the distances from point i; values finite and >= 0.
 */
export type DbscanMetric = 'euclidean' | 'precomputed';

/** Hyperparameters of {@link dbscan}. */
export interface DbscanOptions {
  /** Neighbourhood radius, a finite number > 0 (distance <= eps counts). Default 0.5. */
  eps: number;
  /**
   * Points within eps, counting the point itself, that make a core point: an integer >= 1.
   * Default 5 (scikit-learn's `min_samples`).
   */
  minSamples: number;
  /** Default `'euclidean'`. */
  metric: DbscanMetric;
}

/** Defaults of {@link DbscanOptions}: scikit-learn's. */
export const DBSCAN_DEFAULTS: Readonly<DbscanOptions> = Object.freeze({
  eps: 0.5,
  minSamples: 5,
  metric: 'euclidean',
});

/** A fitted DBSCAN model (immutable plain data). */
export interface DbscanModel {
  readonly kind: 'dbscan';
  /**
   * Cluster of each training row, shape (n); -1 for noise. Numbered as scikit-learn does:
   * cluster ids follow the smallest core row of each cluster, and a border point reachable from
   * several clusters gets the smallest id.
   */
  readonly labels: Int32Array;
  /** Clusters found (noise excluded). */
  readonly clusterCount: number;
  /** (c) training rows of the core points, ascending (scikit-learn's `core_sample_indices_`). */
  readonly coreSampleIndices: Int32Array;
  /** (c) cluster of each core point. */
  readonly coreLabels: Int32Array;
  /**
   * (c, d) coordinates of the core points (scikit-learn's `components_`); with the
   * `'precomputed'` metric there are no coordinates and the shape is (c, 0).
   */
  readonly components: Matrix;
  /** n, the number of training rows (the width of a precomputed predict matrix). */
  readonly trainingRows: number;
  /** Soft failures: ALL_NOISE when no point is a core point. */
  readonly warnings: readonly EstimatorWarning[];
  /** The merged options. */
  readonly options: Readonly<DbscanOptions>;
}
