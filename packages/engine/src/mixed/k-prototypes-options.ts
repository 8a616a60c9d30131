/**
 * Options and fitted model of k-prototypes (see `k-prototypes.ts`): the option types, their one
 * {@link K_PROTOTYPES_DEFAULTS} object and the {@link KPrototypesModel} shape.
 *
 * Notation: X is (n, d) with p numeric and m categorical columns (p + m = d), k = `clusterCount`
 * prototypes, each a numeric centroid (p) and a categorical mode (m); gamma weighs categorical
 * mismatches against squared euclidean numeric distances.
 */
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';

/**
 * How the prototypes start (for 'cao' and 'huang' the numeric centroids start as mean + N(0, 1) *
 * std per column, as the kmodes library does):
 * - `'cao'` (default): Cao, Liang & Bai (2009) density-and-distance seeding (deterministic).
 * - `'huang'`: Huang (1998) frequency-sampled modes, each replaced by its nearest distinct row.
 * - `'random'`: k distinct random rows (numeric and categorical parts).
 */
export type KPrototypesInit = 'cao' | 'huang' | 'random';

/** Hyperparameters of {@link kPrototypes}. */
export interface KPrototypesOptions {
  /** k, an integer in [1, 10000], at most the number of rows. */
  clusterCount: number;
  /** Distinct indices of the columns of X that hold categorical codes (integers >= 0); default none. */
  categoricalColumns: readonly number[];
  /**
   * Weight of one categorical mismatch against squared numeric distance (>= 0). Default
   * (undefined): Huang's heuristic 0.5 * the mean population standard deviation of the numeric
   * columns (kmodes pools all numeric values instead: equal on standardised columns), or 1
   * without numeric columns.
   */
  gamma?: number;
  /** Passes over the data per run, an integer in [1, 100000]; default 100. */
  maxIterations: number;
  /** Runs from different initialisations; the lowest cost is kept. Integer in [1, 1000]; default 10. */
  nInit: number;
  /** Default `'cao'`. */
  init: KPrototypesInit;
  /** Seed of every random choice; default 0. */
  seed: number;
}

/** Defaults of {@link KPrototypesOptions} (every option but `clusterCount`). */
export const K_PROTOTYPES_DEFAULTS: Readonly<Omit<KPrototypesOptions, 'clusterCount'>> =
  Object.freeze({
    categoricalColumns: Object.freeze([]),
    gamma: undefined,
    maxIterations: 100,
    nInit: 10,
    init: 'cao',
    seed: 0,
  });

/** The hyperparameters a model was fitted with (JSON-safe; `gamma` null = Huang's default). */
export interface KPrototypesModelOptions {
  readonly clusterCount: number;
  readonly categoricalColumns: readonly number[];
  readonly gamma: number | null;
  readonly maxIterations: number;
  readonly nInit: number;
  readonly init: KPrototypesInit;
  readonly seed: number;
}

/** Categorical modes: (k, m) category codes, row-major. */
export interface CategoricalModes {
  readonly data: Int32Array;
  readonly rows: number;
  readonly cols: number;
}

/** A fitted k-prototypes model (immutable plain data). */
export interface KPrototypesModel {
  readonly kind: 'kPrototypes';
  /** Column indices of X holding numeric values, ascending (p). */
  readonly numericColumns: readonly number[];
  /** Column indices of X holding categorical codes, as given (m). */
  readonly categoricalColumns: readonly number[];
  /** Numeric centroids, shape (k, p). */
  readonly centroids: Matrix;
  /** Categorical modes, shape (k, m) (the smallest code on ties). */
  readonly modes: CategoricalModes;
  /** The gamma used (given, or Huang's default). */
  readonly gamma: number;
  /** Sum over rows of the cost to the nearest prototype. */
  readonly cost: number;
  /** Nearest prototype of each training row, shape (n). */
  readonly labels: Int32Array;
  /** Rows per cluster, shape (k). */
  readonly clusterSizes: Int32Array;
  /** Passes of the kept run. */
  readonly iterations: number;
  /** True when the kept run stopped with no moves or no cost decrease. */
  readonly converged: boolean;
  readonly clusterCount: number;
  /** Soft failures: MAX_ITERATIONS_REACHED, EMPTY_CLUSTER_RESEEDED. */
  readonly warnings: readonly EstimatorWarning[];
  readonly options: KPrototypesModelOptions;
}
