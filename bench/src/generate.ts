/**
 * Synthetic benchmark data, deterministic from a seed (pure: no I/O).
 *
 * Names: n = rows (samples), d = cols (features), k = clusters. Outputs are row-major Float64Array
 * of length n * d, the layout written to bench/.cache and read by numpy.fromfile.
 *
 * - {@link gaussianBlobs}: k isotropic Gaussian clusters whose centres are drawn N(0, spread^2)
 *   with spread well below the clusters' own standard deviations (0.6 to 1.4), so the clusters
 *   overlap heavily. Heavy overlap is deliberate: Lloyd's algorithm then needs many iterations
 *   from k-means++ seeds (the `kmeans` case's C0: 42 at 100,000 x 16 and 36 at
 *   1,000,000 x 16; 50 to 90 in trials at 300,000 x 16), so a benchmark times the iterations,
 *   not the set-up.
 * - {@link correlatedGaussian}: X = Z diag(sqrt(lambda)) Q^T with Z standard normal, Q a random
 *   orthogonal d x d matrix (Gram-Schmidt on a Gaussian matrix) and a decaying spectrum
 *   lambda_j = decay^j, so the principal axes are known (Q's columns) and PCA is well posed.
 */
import { createBenchRandom } from './random.js';

/** A generated dataset: row-major values plus its shape. */
export interface GeneratedData {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** Options of {@link gaussianBlobs}. */
export interface BlobOptions {
  readonly rows: number;
  readonly cols: number;
  readonly clusterCount: number;
  readonly seed: number;
  /** Standard deviation of the cluster centres around the origin. Default 0.4. */
  readonly centerSpread?: number;
  /** Per-cluster standard deviations are uniform in [min, max]. Default [0.6, 1.4]. */
  readonly scaleRange?: readonly [number, number];
}

/** Blobs plus the generating cluster of each row. */
export interface BlobData extends GeneratedData {
  readonly truth: Int32Array;
}

/**
 * Overlapping Gaussian blobs, shape (rows, cols); row i belongs to cluster `truth[i]`, drawn
 * uniformly. The same options always give the same bytes.
 * @example gaussianBlobs({ rows: 1000, cols: 16, clusterCount: 8, seed: 0 }).data.length // 16000
 */
export function gaussianBlobs(options: BlobOptions): BlobData {
  const { rows: n, cols: d, clusterCount: k, seed } = options;
  const spread = options.centerSpread ?? 0.4;
  const [scaleMin, scaleMax] = options.scaleRange ?? [0.6, 1.4];
  const random = createBenchRandom(seed);
  const centers = new Float64Array(k * d);
  for (let index = 0; index < k * d; index++) centers[index] = spread * random.normal();
  const scales = new Float64Array(k);
  for (let c = 0; c < k; c++) scales[c] = scaleMin + (scaleMax - scaleMin) * random.uniform();
  const data = new Float64Array(n * d);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = random.integer(k);
    truth[i] = c;
    const scale = scales[c]!;
    for (let j = 0; j < d; j++) data[i * d + j] = centers[c * d + j]! + scale * random.normal();
  }
  return { data, rows: n, cols: d, truth };
}

/** Options of {@link correlatedGaussian}. */
export interface CorrelatedOptions {
  readonly rows: number;
  readonly cols: number;
  readonly seed: number;
  /** Ratio between consecutive variances along the principal axes. Default 0.7. */
  readonly decay?: number;
}

/** A random d x d orthogonal matrix (row-major; columns are the axes). */
export function randomOrthogonal(d: number, seed: number): Float64Array {
  const random = createBenchRandom(seed);
  const q = new Float64Array(d * d);
  for (let index = 0; index < d * d; index++) q[index] = random.normal();
  // Modified Gram-Schmidt over the columns.
  for (let column = 0; column < d; column++) {
    for (let previous = 0; previous < column; previous++) {
      let dot = 0;
      for (let row = 0; row < d; row++) dot += q[row * d + column]! * q[row * d + previous]!;
      for (let row = 0; row < d; row++) q[row * d + column]! -= dot * q[row * d + previous]!;
    }
    let norm = 0;
    for (let row = 0; row < d; row++) norm += q[row * d + column]! ** 2;
    norm = Math.sqrt(norm);
    for (let row = 0; row < d; row++) q[row * d + column]! /= norm;
  }
  return q;
}

/**
 * Correlated Gaussian data with variances decay^0, decay^1, ... along random orthogonal axes.
 * The explained variance ratio of the first m components tends to
 * (1 - decay^m) / (1 - decay^d) as rows grows.
 * @example correlatedGaussian({ rows: 1000, cols: 32, seed: 0 }).cols // 32
 */
export function correlatedGaussian(options: CorrelatedOptions): GeneratedData {
  const { rows: n, cols: d, seed } = options;
  const decay = options.decay ?? 0.7;
  const axes = randomOrthogonal(d, seed ^ 0x5eed);
  const deviations = Float64Array.from({ length: d }, (_, j) => Math.sqrt(decay ** j));
  const random = createBenchRandom(seed);
  const data = new Float64Array(n * d);
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) z[j] = deviations[j]! * random.normal();
    for (let j = 0; j < d; j++) {
      let value = 0;
      for (let m = 0; m < d; m++) value += z[m]! * axes[j * d + m]!;
      data[i * d + j] = value;
    }
  }
  return { data, rows: n, cols: d };
}
