/**
 * Information-criterion curves for choosing the number of Gaussian mixture components: fit one
 * mixture per candidate k and record its BIC and AIC on the training data (Schwarz 1978; Akaike
 * 1974; the model-selection example of scikit-learn's documentation). The k with the lowest BIC is
 * the usual choice; AIC favours more components.
 *
 * Notation: X is (n, d), k a candidate component count.
 */
import { invalidParameter } from '../core/params.js';
import { toMatrix, type MatrixLike } from '../matrix/matrix.js';
import { gaussianMixture } from './gaussian-mixture.js';
import type { GaussianMixtureOptions } from './gaussian-mixture-options.js';
import { gaussianMixtureAic, gaussianMixtureBic } from './gaussian-mixture-predict.js';

/** BIC and AIC per candidate component count (all arrays aligned with `clusterCounts`). */
export interface GaussianMixtureCurves {
  /** The candidate k values, in the order given. */
  readonly clusterCounts: readonly number[];
  readonly bic: readonly number[];
  readonly aic: readonly number[];
  /** The fitted mean log-likelihood lower bound per k. */
  readonly lowerBound: readonly number[];
  /** Whether each fit converged. */
  readonly converged: readonly boolean[];
  /** The candidate k with the lowest BIC (the first on ties). */
  readonly bestByBic: number;
  /** The candidate k with the lowest AIC (the first on ties). */
  readonly bestByAic: number;
}

/**
 * Fits a Gaussian mixture for each k of `clusterCounts` (same other options) and returns the BIC
 * and AIC curves.
 *
 * @param X - data, shape (n, d); finite; not modified.
 * @param clusterCounts - candidate k values: a non-empty list of integers in [1, n].
 * @param options - any {@link GaussianMixtureOptions} but `clusterCount` (explicit means are
 *   rejected: their shape fixes k).
 * @returns {@link GaussianMixtureCurves}.
 * @throws SegmintError INVALID_PARAMETER (empty or non-integer `clusterCounts`, explicit `init`,
 *   any invalid option), and whatever {@link gaussianMixture} throws.
 * @example
 * const curves = gaussianMixtureCurves(X, [1, 2, 3, 4, 5], { covariance: 'diag' });
 * curves.bestByBic; // e.g. 3
 */
export function gaussianMixtureCurves(
  X: MatrixLike,
  clusterCounts: readonly number[],
  options: Partial<Omit<GaussianMixtureOptions, 'clusterCount'>> = {},
): GaussianMixtureCurves {
  const candidates: unknown[] = Array.isArray(clusterCounts) ? (clusterCounts as unknown[]) : [];
  if (candidates.length === 0 || candidates.some((k) => !Number.isInteger(k) || (k as number) < 1))
    throw invalidParameter(
      'gaussianMixtureCurves',
      'clusterCounts',
      'a non-empty array of integers >= 1',
      clusterCounts,
    );
  if (options.init !== undefined && typeof options.init !== 'string')
    throw invalidParameter(
      'gaussianMixtureCurves',
      'init',
      "'kmeans', 'k-means++' or 'random' (explicit means fix k)",
      options.init,
    );
  const matrix = toMatrix(X);
  const bic: number[] = [];
  const aic: number[] = [];
  const lowerBound: number[] = [];
  const converged: boolean[] = [];
  const counts = candidates as number[];
  for (const k of counts) {
    const model = gaussianMixture(matrix, { ...options, clusterCount: k });
    bic.push(gaussianMixtureBic(model, matrix));
    aic.push(gaussianMixtureAic(model, matrix));
    lowerBound.push(model.lowerBound);
    converged.push(model.converged);
  }
  const argmin = (values: number[]) =>
    values.reduce((best, value, index) => (value < values[best]! ? index : best), 0);
  return {
    clusterCounts: [...counts],
    bic,
    aic,
    lowerBound,
    converged,
    bestByBic: counts[argmin(bic)]!,
    bestByAic: counts[argmin(aic)]!,
  };
}
