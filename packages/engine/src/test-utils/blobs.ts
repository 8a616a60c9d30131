/**
 * Seeded synthetic data for tests: isotropic Gaussian blobs (scikit-learn's `make_blobs` idea).
 */
import { createRandom } from '../core/random.js';
import type { Matrix } from '../matrix/matrix.js';

/** Options for {@link makeBlobs}. */
export interface BlobOptions {
  /** Points per blob. */
  readonly perCluster: number;
  /** Number of blobs. */
  readonly clusters: number;
  /** Features. */
  readonly dimensions: number;
  /** Standard deviation of each blob. */
  readonly spread?: number;
  /** Centres are drawn uniformly in [-box, box]^d. */
  readonly box?: number;
  readonly seed?: number;
}

/** Gaussian blobs, rows grouped by blob; returns the matrix and the true labels. */
export function makeBlobs(options: BlobOptions): { X: Matrix; labels: Int32Array } {
  const { perCluster, clusters, dimensions: d, spread = 1, box = 10, seed = 0 } = options;
  const rng = createRandom(seed);
  const centers = Array.from({ length: clusters }, () =>
    Array.from({ length: d }, () => (rng.next() * 2 - 1) * box),
  );
  const n = perCluster * clusters;
  const data = new Float64Array(n * d);
  const labels = new Int32Array(n);
  for (let c = 0; c < clusters; c++) {
    for (let p = 0; p < perCluster; p++) {
      const i = c * perCluster + p;
      labels[i] = c;
      for (let j = 0; j < d; j++) data[i * d + j] = centers[c]![j]! + spread * rng.normal();
    }
  }
  return { X: { data, rows: n, cols: d }, labels };
}
