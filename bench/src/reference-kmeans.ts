/**
 * Reference k-means helpers for the harness (pure): the shared initial centroids C0 of the
 * `kmeans` case, the fixed labels of the `silhouette` case (plain Lloyd, Lloyd 1982), and the
 * quality measures computed outside the timed region.
 *
 * Names: X is row-major (n, d); C is row-major (k, d). The potential of C is
 * phi(C) = sum_i min_c ||x_i - C_c||^2 (Arthur & Vassilvitskii 2007), which is also the inertia
 * of the labelling that assigns each row to its nearest centroid.
 */
import { createBenchRandom } from './random.js';

/**
 * Plain k-means++ seeding (one candidate per step, D^2 sampling; Arthur & Vassilvitskii 2007).
 * Returns the k chosen rows as a row-major (k, d) array. Deterministic from `seed`.
 * @example kmeansPlusPlusSeeds(new Float64Array([0, 0, 10, 10]), 2, 2, 2, 0) // both rows
 */
export function kmeansPlusPlusSeeds(
  X: Float64Array,
  n: number,
  d: number,
  k: number,
  seed: number,
): Float64Array {
  const random = createBenchRandom(seed);
  const C = new Float64Array(k * d);
  const closest = new Float64Array(n).fill(Infinity);
  let chosen = random.integer(n);
  for (let c = 0; c < k; c++) {
    C.set(X.subarray(chosen * d, chosen * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let distance = 0;
      for (let j = 0; j < d; j++) distance += (X[i * d + j]! - C[c * d + j]!) ** 2;
      if (distance < closest[i]!) closest[i] = distance;
      total += closest[i]!;
    }
    if (c === k - 1) break;
    let target = random.uniform() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= closest[i]!;
      if (target < 0) {
        chosen = i;
        break;
      }
    }
  }
  return C;
}

/**
 * The potential (equivalently, nearest-centroid inertia) of centroids C on X.
 * @example potential(new Float64Array([0, 2]), 2, 1, new Float64Array([1]), 1) // 2
 */
export function potential(
  X: Float64Array,
  n: number,
  d: number,
  C: Float64Array,
  k: number,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      let distance = 0;
      for (let j = 0; j < d; j++) distance += (X[i * d + j]! - C[c * d + j]!) ** 2;
      if (distance < best) best = distance;
    }
    total += best;
  }
  return total;
}

/**
 * Plain Lloyd iterations from centroids `initial` until no label changes (or `maxIterations`);
 * returns the final labels. Used only to make the silhouette case's labels, so that they do not
 * depend on which implementation is being measured.
 * @example lloydLabels(new Float64Array([0, 1, 10, 11]), 4, 1, new Float64Array([0, 10]), 2, 10)
 * // Int32Array [0, 0, 1, 1]
 */
export function lloydLabels(
  X: Float64Array,
  n: number,
  d: number,
  initial: Float64Array,
  k: number,
  maxIterations: number,
): Int32Array {
  const C = Float64Array.from(initial);
  const labels = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        let distance = 0;
        for (let j = 0; j < d; j++) distance += (X[i * d + j]! - C[c * d + j]!) ** 2;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
      if (labels[i] !== best) changed = true;
      labels[i] = best;
      counts[best]!++;
      for (let j = 0; j < d; j++) sums[best * d + j]! += X[i * d + j]!;
    }
    if (!changed) break;
    // An empty cluster keeps its centroid: acceptable for fixed benchmark labels.
    for (let c = 0; c < k; c++) {
      if (counts[c]! > 0) for (let j = 0; j < d; j++) C[c * d + j] = sums[c * d + j]! / counts[c]!;
    }
  }
  return labels;
}
