/**
 * Initial responsibilities of the Gaussian mixture, as scikit-learn 1.2.1's
 * `BaseMixture._initialize_parameters`: one-hot from a k-means run ('kmeans'), 1 on each
 * k-means++ seed row only ('k-means++', Arthur & Vassilvitskii 2007), uniform random values
 * normalised per row ('random'), or one-hot from the nearest explicit mean (our counterpart of
 * `means_init`: the weights and covariances then come from these responsibilities).
 *
 * Notation: X is (n, d), k components, R the (n, k) responsibilities.
 */
import { kmeans } from '../cluster/kmeans.js';
import { kmeansPlusPlus } from '../cluster/kmeans-plus-plus.js';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { invalidParameter } from '../core/params.js';
import type { Random } from '../core/random.js';
import { isMatrix, toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertFinite } from '../matrix/validate.js';
import type { GaussianMixtureOptions } from './gaussian-mixture-options.js';

/**
 * Explicit initial means (k * d) from `init`, or null for the named modes.
 * @throws SegmintError INVALID_PARAMETER (neither a mode nor a matrix), INVALID_SHAPE (not
 *   (k, d)), NON_FINITE_VALUE.
 */
export function validateInit(
  owner: string,
  init: unknown,
  k: number,
  d: number,
): Float64Array | null {
  if (init === 'kmeans' || init === 'k-means++' || init === 'random') return null;
  if (!isMatrix(init) && !Array.isArray(init))
    throw invalidParameter(owner, 'init', "'kmeans', 'k-means++', 'random' or (k, d) means", init);
  const means = toMatrix(init as MatrixLike, 'init');
  if (means.rows !== k || means.cols !== d) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: 'init' means have shape (${means.rows}, ${means.cols}) but must be (${k}, ${d}).`,
      { parameter: 'init', rows: means.rows, cols: means.cols },
    );
  }
  assertFinite(owner, means, 'init');
  return means.data.slice();
}

/** The (n, k) initial responsibilities (scikit-learn's `_initialize_parameters`). */
export function initialResponsibilities(
  X: Matrix,
  k: number,
  options: GaussianMixtureOptions,
  explicitMeans: Float64Array | null,
  random: Random,
): Float64Array {
  const { rows: n, cols: d } = X;
  const R = new Float64Array(n * k);
  if (explicitMeans !== null) {
    for (let i = 0; i < n; i++) R[i * k + nearest(X.data, i * d, explicitMeans, k, d)] = 1;
  } else if (options.init === 'kmeans') {
    const labels = kmeans(X, { clusterCount: k, nInit: 1, seed: random.seed() }).labels;
    for (let i = 0; i < n; i++) R[i * k + labels[i]!] = 1;
  } else if (options.init === 'k-means++') {
    const { indices } = kmeansPlusPlus(X, k, { seed: random.seed() });
    for (let c = 0; c < k; c++) R[indices[c]! * k + c] = 1;
  } else {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += R[i * k + c] = random.next();
      for (let c = 0; c < k; c++) R[i * k + c]! /= sum;
    }
  }
  return R;
}

function nearest(
  X: Float64Array,
  offset: number,
  means: Float64Array,
  k: number,
  d: number,
): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < k; c++) {
    let distance = 0;
    for (let j = 0; j < d; j++) {
      const diff = X[offset + j]! - means[c * d + j]!;
      distance += diff * diff;
    }
    if (distance < bestDistance) {
      bestDistance = distance;
      best = c;
    }
  }
  return best;
}
