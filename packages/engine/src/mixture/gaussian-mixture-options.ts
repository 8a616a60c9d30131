/**
 * Options and fitted model of the Gaussian mixture (see `gaussian-mixture.ts`): the option types,
 * their one {@link GAUSSIAN_MIXTURE_DEFAULTS} object and the {@link GaussianMixtureModel} shape.
 *
 * Notation: X is (n, d), k = `clusterCount` components, pi the (k) weights, mu the (k, d) means,
 * Sigma_c the covariance of component c: (d, d) for 'full', its diagonal (d) for 'diag'.
 */
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';

/** Covariance form: one full (d, d) matrix per component, or a diagonal (d) per component. */
export type GaussianMixtureCovariance = 'full' | 'diag';

/**
 * Initial responsibilities (scikit-learn's `init_params`), or explicit initial means (k, d)
 * (scikit-learn's `means_init`):
 * - `'kmeans'` (default): one-hot responsibilities from one k-means run.
 * - `'k-means++'`: responsibility 1 for each k-means++ seed row only.
 * - `'random'`: uniform random responsibilities, normalised per row.
 * - explicit means: one-hot responsibilities from the nearest given mean; the initial weights and
 *   covariances are estimated from them, then the means are replaced by the given ones.
 */
export type GaussianMixtureInit = 'kmeans' | 'k-means++' | 'random' | Matrix | number[][];

/** Hyperparameters of {@link gaussianMixture}. */
export interface GaussianMixtureOptions {
  /** k, the number of components: an integer in [1, 10000], at most the number of rows. */
  clusterCount: number;
  /** Default `'full'`. */
  covariance: GaussianMixtureCovariance;
  /** EM iterations per initialisation, an integer in [1, 100000]; default 100. */
  maxIterations: number;
  /** Stop when the change of the mean log-likelihood lower bound is below this (>= 0); default 1e-3. */
  tolerance: number;
  /** Added to the covariance diagonals so they stay positive definite (>= 0); default 1e-6. */
  regCovar: number;
  /** Initialisations; the one with the highest lower bound is kept. Integer in [1, 1000]; default 1. */
  nInit: number;
  /** Default `'kmeans'`. */
  init: GaussianMixtureInit;
  /** Seed of every random choice; default 0. */
  seed: number;
}

/** Defaults of {@link GaussianMixtureOptions} (every option but `clusterCount`). */
export const GAUSSIAN_MIXTURE_DEFAULTS: Readonly<Omit<GaussianMixtureOptions, 'clusterCount'>> =
  Object.freeze({
    covariance: 'full',
    maxIterations: 100,
    tolerance: 1e-3,
    regCovar: 1e-6,
    nInit: 1,
    init: 'kmeans',
    seed: 0,
  });

/** The hyperparameters a model was fitted with (JSON-safe: explicit means become `'explicit'`). */
export interface GaussianMixtureModelOptions {
  readonly clusterCount: number;
  readonly covariance: GaussianMixtureCovariance;
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly regCovar: number;
  readonly nInit: number;
  readonly init: 'kmeans' | 'k-means++' | 'random' | 'explicit';
  readonly seed: number;
}

/** A fitted Gaussian mixture (immutable plain data). */
export interface GaussianMixtureModel {
  readonly kind: 'gaussianMixture';
  /** Mixing weights pi, shape (k), summing to 1. */
  readonly weights: Float64Array;
  /** Component means mu, shape (k, d). */
  readonly means: Matrix;
  /** Covariances, row-major: (k, d, d) for 'full', (k, d) for 'diag'. */
  readonly covariances: Float64Array;
  /**
   * Cholesky factors of the precision matrices, as scikit-learn's `precisions_cholesky_`:
   * (k, d, d) upper-triangular U_c with U_c U_c^T = Sigma_c^-1 for 'full'; (k, d) 1/sqrt(Sigma_c)
   * for 'diag'.
   */
  readonly precisionsCholesky: Float64Array;
  /** True when the last initialisation reached the tolerance (scikit-learn's `converged_`). */
  readonly converged: boolean;
  /** EM iterations of the kept initialisation. */
  readonly iterations: number;
  /** Mean log-likelihood lower bound of the kept initialisation (scikit-learn's `lower_bound_`). */
  readonly lowerBound: number;
  /** Most probable component of each training row, shape (n). */
  readonly labels: Int32Array;
  /** k (every component counts as a cluster). */
  readonly clusterCount: number;
  /** Soft failures: MAX_ITERATIONS_REACHED, EMPTY_COMPONENT. */
  readonly warnings: readonly EstimatorWarning[];
  readonly options: GaussianMixtureModelOptions;
}
