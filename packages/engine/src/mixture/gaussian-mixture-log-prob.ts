/**
 * The E-step of the Gaussian mixture, as scikit-learn 1.2.1's `_estimate_log_gaussian_prob`,
 * `_estimate_weighted_log_prob` and `_estimate_log_prob_resp`.
 *
 * Notation: X is (n, d) row-major, k components, pi the weights, mu the means, U_c the
 * precision Cholesky factors. The log density of x under component c is
 * -(d log(2 pi) + ||x U_c - mu_c U_c||^2) / 2 + sum_j log U_c[j, j] (Bishop 2006, ch. 9); the log
 * responsibilities subtract each row's log-sum-exp.
 */
import type { GaussianMixtureCovariance } from './gaussian-mixture-options.js';

/**
 * log pi_c + log N(x_i | mu_c, Sigma_c) for every row and component into `out` (n * k), as
 * scikit-learn's `_estimate_weighted_log_prob`.
 */
export function weightedLogProb(
  X: Float64Array,
  n: number,
  d: number,
  weights: Float64Array,
  means: Float64Array,
  precisionFactors: Float64Array,
  k: number,
  covariance: GaussianMixtureCovariance,
  out: Float64Array,
): void {
  const constant = d * Math.log(2 * Math.PI);
  if (covariance === 'diag') {
    for (let c = 0; c < k; c++) {
      const mc = c * d;
      let logDet = 0;
      let meanTerm = 0;
      for (let j = 0; j < d; j++) {
        const u = precisionFactors[mc + j]!;
        logDet += Math.log(u);
        meanTerm += means[mc + j]! * means[mc + j]! * (u * u);
      }
      const logWeight = Math.log(weights[c]!);
      for (let i = 0; i < n; i++) {
        const xi = i * d;
        let cross = 0;
        let square = 0;
        for (let j = 0; j < d; j++) {
          const u = precisionFactors[mc + j]!;
          const x = X[xi + j]!;
          cross += x * (means[mc + j]! * u * u);
          square += x * x * (u * u);
        }
        out[i * k + c] = -0.5 * (constant + (meanTerm - 2 * cross + square)) + logDet + logWeight;
      }
    }
    return;
  }
  const meanProjection = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    const mc = c * d;
    const cc = c * d * d;
    let logDet = 0;
    for (let j = 0; j < d; j++) logDet += Math.log(precisionFactors[cc + j * d + j]!);
    // (mu U)_j, subtracted after (x U)_j as scikit-learn does (y = X @ U - mu @ U).
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let a = 0; a <= j; a++) sum += means[mc + a]! * precisionFactors[cc + a * d + j]!;
      meanProjection[j] = sum;
    }
    const logWeight = Math.log(weights[c]!);
    for (let i = 0; i < n; i++) {
      const xi = i * d;
      let quadratic = 0;
      for (let j = 0; j < d; j++) {
        let sum = 0;
        for (let a = 0; a <= j; a++) sum += X[xi + a]! * precisionFactors[cc + a * d + j]!;
        const y = sum - meanProjection[j]!;
        quadratic += y * y;
      }
      out[i * k + c] = -0.5 * (constant + quadratic) + logDet + logWeight;
    }
  }
}

/**
 * Turns the (n, k) weighted log probabilities into log responsibilities in place (subtracting each
 * row's log-sum-exp, computed as scipy's `logsumexp`) and returns the mean log-sum-exp (the
 * per-sample average log-likelihood).
 */
export function normaliseLogProb(logProb: Float64Array, n: number, k: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = i * k;
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (logProb[row + c]! > max) max = logProb[row + c]!;
    if (!Number.isFinite(max)) max = 0;
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(logProb[row + c]! - max);
    const norm = Math.log(sum) + max;
    total += norm;
    for (let c = 0; c < k; c++) logProb[row + c]! -= norm;
  }
  return total / n;
}

/** Index of the largest entry of each row of an (n, k) array (first on ties). */
export function argmaxRows(values: Float64Array, n: number, k: number): Int32Array {
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (values[i * k + c]! > values[i * k + best]!) best = c;
    labels[i] = best;
  }
  return labels;
}
