/**
 * Gaussian mixture models fitted by expectation-maximisation (Dempster, Laird & Rubin 1977;
 * Bishop 2006, "Pattern Recognition and Machine Learning", ch. 9), as scikit-learn 1.2.1's
 * `GaussianMixture`: responsibilities initialised from k-means, k-means++ seeds, random values or
 * explicit means; each iteration an E-step (log responsibilities and the per-sample average
 * log-likelihood lower bound) then an M-step (weights, means, covariances with `regCovar` on the
 * diagonal, Cholesky factors of the precisions); stop when the lower bound changes by less than
 * `tolerance`; keep the initialisation with the highest lower bound.
 *
 * Notation: X is (n, d), k components, R the (n, k) responsibilities, pi the weights, mu the
 * means, U the precision Cholesky factors (see `gaussian-mixture-estimate.ts`).
 *
 * Deliberate differences: seeds drive our own generator (and our k-means), not numpy's; a
 * covariance that is not positive definite throws INVALID_PARAMETER on `regCovar` (scikit-learn
 * raises ValueError with the same advice).
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, invalidParameter, mergeOptions } from '../core/params.js';
import { createRandom } from '../core/random.js';
import { warning, type EstimatorWarning } from '../core/warnings.js';
import { toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { estimateGaussianParameters, precisionCholesky } from './gaussian-mixture-estimate.js';
import { initialResponsibilities, validateInit } from './gaussian-mixture-init.js';
import { argmaxRows, normaliseLogProb, weightedLogProb } from './gaussian-mixture-log-prob.js';
import {
  GAUSSIAN_MIXTURE_DEFAULTS,
  type GaussianMixtureModel,
  type GaussianMixtureOptions,
} from './gaussian-mixture-options.js';

export {
  GAUSSIAN_MIXTURE_DEFAULTS,
  type GaussianMixtureCovariance,
  type GaussianMixtureInit,
  type GaussianMixtureModel,
  type GaussianMixtureModelOptions,
  type GaussianMixtureOptions,
} from './gaussian-mixture-options.js';

const OWNER = 'gaussianMixture';

const CONSTRAINTS = {
  clusterCount: { type: 'integer', min: 1, max: 10000 },
  covariance: { type: 'enum', values: ['full', 'diag'] },
  maxIterations: { type: 'integer', min: 1, max: 100000 },
  tolerance: { type: 'number', min: 0 },
  regCovar: { type: 'number', min: 0 },
  nInit: { type: 'integer', min: 1, max: 1000 },
  init: { type: 'any' },
  seed: { type: 'integer' },
} as const;

/** One EM run's result (parameters of the last M-step). */
interface EmRun {
  readonly weights: Float64Array;
  readonly means: Float64Array;
  readonly covariances: Float64Array;
  readonly factors: Float64Array;
  readonly lowerBound: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Fits a Gaussian mixture with `clusterCount` components to the rows of X.
 *
 * @param X - data, shape (n, d): a {@link Matrix} or `number[][]`; finite; not modified.
 * @param options - `clusterCount` (required) and any of {@link GAUSSIAN_MIXTURE_DEFAULTS}
 *   (`covariance` 'full', `maxIterations` 100, `tolerance` 1e-3, `regCovar` 1e-6, `nInit` 1,
 *   `init` 'kmeans', `seed` 0).
 * @returns the fitted {@link GaussianMixtureModel}; `converged: false` plus a
 *   MAX_ITERATIONS_REACHED warning when EM ran out of iterations.
 * @throws SegmintError INVALID_PARAMETER naming the option, rule and value (also when a covariance
 *   is singular: raise `regCovar`); INVALID_SHAPE for an empty X, fewer rows than components or
 *   explicit means of the wrong shape; NON_FINITE_VALUE naming the row and column of a NaN.
 * @example
 * const model = gaussianMixture([[0, 0], [0, 1], [1, 0], [9, 9], [9, 10], [10, 9]], {
 *   clusterCount: 2, covariance: 'diag',
 * });
 * model.means; // (2, 2), near (1/3, 1/3) and (28/3, 28/3)
 */
export function gaussianMixture(
  X: MatrixLike,
  options: Partial<GaussianMixtureOptions> & { clusterCount: number },
): GaussianMixtureModel {
  const merged = mergeOptions<GaussianMixtureOptions>(
    { ...GAUSSIAN_MIXTURE_DEFAULTS, clusterCount: options.clusterCount },
    options,
  );
  checkParams(OWNER, merged, CONSTRAINTS);
  const matrix = toMatrix(X);
  assertNonEmpty(OWNER, matrix);
  assertFinite(OWNER, matrix);
  const { rows: n, cols: d } = matrix;
  const k = merged.clusterCount;
  if (n < k) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${OWNER}: X has ${n} rows but 'clusterCount' is ${k}; need at least as many rows as components.`,
      { rows: n, parameter: 'clusterCount', value: k },
    );
  }
  const explicitMeans = validateInit(OWNER, merged.init, k, d);
  const random = createRandom(merged.seed);
  let best: EmRun | null = null;
  let lastConverged = false;
  for (let run = 0; run < merged.nInit; run++) {
    const responsibilities = initialResponsibilities(matrix, k, merged, explicitMeans, random);
    const result = expectationMaximisation(matrix, responsibilities, explicitMeans, merged);
    lastConverged = result.converged;
    if (best === null || result.lowerBound > best.lowerBound) best = result;
  }
  const kept = best!;
  const logProb = new Float64Array(n * k);
  weightedLogProb(
    matrix.data,
    n,
    d,
    kept.weights,
    kept.means,
    kept.factors,
    k,
    merged.covariance,
    logProb,
  );
  normaliseLogProb(logProb, n, k);
  const labels = argmaxRows(logProb, n, k);
  const warnings: EstimatorWarning[] = [];
  if (!lastConverged) {
    warnings.push(
      warning(
        'MAX_ITERATIONS_REACHED',
        `${OWNER}: EM did not converge in ${merged.maxIterations} iterations; raise 'maxIterations' or 'tolerance'.`,
        { maxIterations: merged.maxIterations },
      ),
    );
  }
  // A component holding less than one row's worth of responsibility has collapsed.
  const empty: number[] = [];
  kept.weights.forEach((weight, c) => {
    if (weight * n < 1) empty.push(c);
  });
  if (empty.length > 0) {
    warnings.push(
      warning(
        'EMPTY_COMPONENT',
        `${OWNER}: component(s) ${empty.join(', ')} hold less than one row's worth of responsibility; try fewer components.`,
        { components: empty },
      ),
    );
  }
  const { init, ...rest } = merged;
  return Object.freeze({
    kind: 'gaussianMixture',
    weights: kept.weights,
    means: Object.freeze({ data: kept.means, rows: k, cols: d }),
    covariances: kept.covariances,
    precisionsCholesky: kept.factors,
    converged: lastConverged,
    iterations: kept.iterations,
    lowerBound: kept.lowerBound,
    labels,
    clusterCount: k,
    warnings: Object.freeze(warnings),
    options: Object.freeze({ ...rest, init: typeof init === 'string' ? init : 'explicit' }),
  });
}

function factorsOrThrow(
  covariances: Float64Array,
  k: number,
  d: number,
  options: GaussianMixtureOptions,
): Float64Array {
  const factors = precisionCholesky(covariances, k, d, options.covariance);
  if (factors instanceof Float64Array) return factors;
  throw invalidParameter(
    OWNER,
    'regCovar',
    `large enough to keep every covariance positive definite (component ${factors.singularComponent} is singular: collapsed samples or too many components)`,
    options.regCovar,
  );
}

/** scikit-learn's `_initialize` then the EM loop of `fit_predict` for one initialisation. */
function expectationMaximisation(
  X: Matrix,
  R: Float64Array,
  explicitMeans: Float64Array | null,
  options: GaussianMixtureOptions,
): EmRun {
  const { data, rows: n, cols: d } = X;
  const k = options.clusterCount;
  const { covariance, regCovar } = options;
  const initial = estimateGaussianParameters(data, n, d, R, k, regCovar, covariance);
  let weights = initial.counts.map((count) => count / n);
  let means = explicitMeans ?? initial.means;
  let covariances = initial.covariances;
  let factors = factorsOrThrow(covariances, k, d, options);
  let lowerBound = -Infinity;
  let converged = false;
  let iterations = 0;
  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    iterations = iteration;
    const previous = lowerBound;
    weightedLogProb(data, n, d, weights, means, factors, k, covariance, R);
    lowerBound = normaliseLogProb(R, n, k);
    for (let p = 0; p < n * k; p++) R[p] = Math.exp(R[p]!);
    const next = estimateGaussianParameters(data, n, d, R, k, regCovar, covariance);
    let total = 0;
    for (let c = 0; c < k; c++) total += next.counts[c]!;
    weights = next.counts.map((count) => count / total);
    means = next.means;
    covariances = next.covariances;
    factors = factorsOrThrow(covariances, k, d, options);
    if (Math.abs(lowerBound - previous) < options.tolerance) {
      converged = true;
      break;
    }
  }
  return { weights, means, covariances, factors, lowerBound, iterations, converged };
}
