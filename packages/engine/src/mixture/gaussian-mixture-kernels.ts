/**
 * Unchecked EM kernels of the Gaussian mixture, written as scikit-learn 1.2.1's
 * `sklearn/mixture/_gaussian_mixture.py` (`_estimate_gaussian_parameters`,
 * `_compute_precision_cholesky`, `_estimate_log_gaussian_prob`) so that the same initialisation
 * gives the same fit up to rounding.
 *
 * Notation: X is (n, d) row-major, k components, R the (n, k) responsibilities, N_c = sum_i R_ic
 * + 10 eps, mu the (k, d) means, Sigma_c the covariances, U_c the upper-triangular precision
 * Cholesky factor (U_c U_c^T = Sigma_c^-1). The log density of x under component c is
 * -(d log(2 pi) + ||(x - mu_c) U_c||^2) / 2 + sum_j log U_c[j, j] (Bishop 2006, ch. 9).
 */
import type { GaussianMixtureCovariance } from './gaussian-mixture-options.js';

/** float64 machine epsilon, as numpy's `np.finfo(float).eps`. */
const EPS = 2.220446049250313e-16;

/** Weights (unnormalised N_c), means and covariances from responsibilities (the M-step). */
export interface GaussianParameters {
  /** N_c, shape (k). */
  readonly counts: Float64Array;
  /** mu, shape (k * d). */
  readonly means: Float64Array;
  /** (k * d * d) for 'full', (k * d) for 'diag'. */
  readonly covariances: Float64Array;
}

/**
 * scikit-learn's `_estimate_gaussian_parameters`: N_c, mu_c = R^T X / N_c and the covariances
 * with `regCovar` on the diagonal ('diag' uses the moment form E[x^2] - 2 mu E[x] + mu^2).
 */
export function estimateGaussianParameters(
  X: Float64Array,
  n: number,
  d: number,
  R: Float64Array,
  k: number,
  regCovar: number,
  covariance: GaussianMixtureCovariance,
): GaussianParameters {
  const counts = new Float64Array(k);
  const sums = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const xi = i * d;
    for (let c = 0; c < k; c++) {
      const r = R[i * k + c]!;
      counts[c]! += r;
      if (r === 0) continue;
      const mc = c * d;
      for (let j = 0; j < d; j++) sums[mc + j]! += r * X[xi + j]!;
    }
  }
  for (let c = 0; c < k; c++) counts[c]! += 10 * EPS;
  const means = new Float64Array(k * d);
  for (let c = 0; c < k; c++)
    for (let j = 0; j < d; j++) means[c * d + j] = sums[c * d + j]! / counts[c]!;

  if (covariance === 'diag') {
    const squares = new Float64Array(k * d);
    for (let i = 0; i < n; i++) {
      const xi = i * d;
      for (let c = 0; c < k; c++) {
        const r = R[i * k + c]!;
        if (r === 0) continue;
        for (let j = 0; j < d; j++) squares[c * d + j]! += r * X[xi + j]! * X[xi + j]!;
      }
    }
    const covariances = new Float64Array(k * d);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        const p = c * d + j;
        const mean = means[p]!;
        const avgX2 = squares[p]! / counts[c]!;
        const avgXMeans = (mean * sums[p]!) / counts[c]!;
        covariances[p] = avgX2 - 2 * avgXMeans + mean * mean + regCovar;
      }
    }
    return { counts, means, covariances };
  }

  const covariances = new Float64Array(k * d * d);
  const diff = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    const mc = c * d;
    const cc = c * d * d;
    for (let i = 0; i < n; i++) {
      const r = R[i * k + c]!;
      if (r === 0) continue;
      for (let j = 0; j < d; j++) diff[j] = X[i * d + j]! - means[mc + j]!;
      // Lower triangle only; mirrored below.
      for (let a = 0; a < d; a++) {
        const ra = r * diff[a]!;
        for (let b = 0; b <= a; b++) covariances[cc + a * d + b]! += ra * diff[b]!;
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = 0; b <= a; b++) {
        const value = covariances[cc + a * d + b]! / counts[c]!;
        covariances[cc + a * d + b] = value;
        covariances[cc + b * d + a] = value;
      }
      covariances[cc + a * d + a]! += regCovar;
    }
  }
  return { counts, means, covariances };
}

/**
 * scikit-learn's `_compute_precision_cholesky`: for 'full', U_c = (L_c^-1)^T with L_c the lower
 * Cholesky factor of Sigma_c; for 'diag', 1/sqrt(Sigma_c). Returns the component whose covariance
 * is not positive definite instead of the factors when there is one.
 */
export function precisionCholesky(
  covariances: Float64Array,
  k: number,
  d: number,
  covariance: GaussianMixtureCovariance,
): Float64Array | { readonly singularComponent: number } {
  if (covariance === 'diag') {
    const out = new Float64Array(k * d);
    for (let p = 0; p < k * d; p++) {
      const value = covariances[p]!;
      if (!(value > 0)) return { singularComponent: Math.floor(p / d) };
      out[p] = 1 / Math.sqrt(value);
    }
    return out;
  }
  const out = new Float64Array(k * d * d);
  const L = new Float64Array(d * d);
  const inverse = new Float64Array(d * d);
  for (let c = 0; c < k; c++) {
    const cc = c * d * d;
    // Cholesky-Banachiewicz: Sigma = L L^T.
    L.fill(0);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b <= a; b++) {
        let sum = covariances[cc + a * d + b]!;
        for (let m = 0; m < b; m++) sum -= L[a * d + m]! * L[b * d + m]!;
        if (a === b) {
          if (!(sum > 0)) return { singularComponent: c };
          L[a * d + a] = Math.sqrt(sum);
        } else {
          L[a * d + b] = sum / L[b * d + b]!;
        }
      }
    }
    // Forward substitution, column by column: L * inverse = I (inverse is lower triangular).
    inverse.fill(0);
    for (let col = 0; col < d; col++) {
      for (let a = col; a < d; a++) {
        let sum = a === col ? 1 : 0;
        for (let m = col; m < a; m++) sum -= L[a * d + m]! * inverse[m * d + col]!;
        inverse[a * d + col] = sum / L[a * d + a]!;
      }
    }
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) out[cc + a * d + b] = inverse[b * d + a]!;
  }
  return out;
}

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
