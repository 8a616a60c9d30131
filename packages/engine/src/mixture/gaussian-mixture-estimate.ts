/**
 * The M-step of the Gaussian mixture, written as scikit-learn 1.2.1's
 * `sklearn/mixture/_gaussian_mixture.py` (`_estimate_gaussian_parameters`,
 * `_compute_precision_cholesky`) so that the same initialisation gives the same fit up to
 * rounding.
 *
 * Notation: X is (n, d) row-major, k components, R the (n, k) responsibilities, N_c = sum_i R_ic
 * + 10 eps, mu the (k, d) means, Sigma_c the covariances (Bishop 2006, ch. 9), L_c the lower
 * Cholesky factor of Sigma_c, U_c = (L_c^-1)^T the upper-triangular precision Cholesky factor
 * (U_c U_c^T = Sigma_c^-1).
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
