/**
 * k-means clustering: the public entry, its options and its fitted model.
 *
 * Notation: X is the (n, d) data, k = `clusterCount`, C the (k, d) centroids, w the sample
 * weights. Minimises the inertia sum_i w(i) ||x_i - c_a(i)||^2 by Lloyd's algorithm
 * (Lloyd 1982, "Least squares quantization in PCM"), optionally accelerated with Hamerly's
 * bounds (Hamerly 2010, "Making k-means even faster"), which give the same labels and inertia
 * with far fewer distance computations. Semantics follow scikit-learn 1.2.1's `KMeans`
 * (sklearn/cluster/_kmeans.py): relative tolerance, strict convergence on unchanged labels,
 * relocation of empty clusters, greedy k-means++ seeding, best of `nInit` restarts.
 *
 * The hot loops run as WebAssembly SIMD kernels where the runtime supports them (compiled from
 * `packages/engine/assembly/kmeans.ts`; see `../wasm/`), with bit-identical results to the
 * TypeScript kernels, which remain the fallback (`setKMeansKernel('js')` forces them).
 *
 * Deliberate differences: k = 1 stops after one iteration (the weighted mean is exact; scikit-
 * learn reports 2), and seeds drive our own generator, not numpy's.
 */
import type { MatrixLike } from '../matrix/matrix.js';
import { LOCAL_ALLOCATOR, runStepsLocally } from './kmeans-blocks.js';
import { kmeansFitSteps } from './kmeans-fit.js';
import { runBlockTask } from './kmeans-kernels.js';
import { fitMemory, kmeansLayout } from './kmeans-memory.js';
import type { KMeansModel, KMeansOptions } from './kmeans-options.js';
import { prepareKMeans, withTolerance } from './kmeans-prepare.js';

export {
  KMEANS_DEFAULTS,
  type KMeansAlgorithm,
  type KMeansInit,
  type KMeansModel,
  type KMeansModelOptions,
  type KMeansOptions,
} from './kmeans-options.js';

/**
 * Clusters the rows of X into `clusterCount` groups by k-means.
 *
 * @param X - data, shape (n, d): a {@link Matrix} or `number[][]`; finite; not modified.
 * @param options - `clusterCount` (required) and any of {@link KMEANS_DEFAULTS}.
 * @returns the fitted {@link KMeansModel}; `converged: false` plus a warning when
 *   `maxIterations` ran out.
 * @throws SegmintError INVALID_PARAMETER naming the option, rule and value; INVALID_SHAPE for an
 *   empty X or fewer rows than clusters; NON_FINITE_VALUE naming the row and column of a NaN or
 *   Infinity.
 * @example
 * const model = kmeans([[0, 0], [0, 1], [10, 10], [10, 11]], { clusterCount: 2 });
 * model.labels; // Int32Array [0, 0, 1, 1] (cluster numbering depends on the seed)
 */
export function kmeans(
  X: MatrixLike,
  options: Partial<KMeansOptions> & { clusterCount: number },
): KMeansModel {
  const prepared = prepareKMeans('kmeans', X, options, true);
  const memory = fitMemory(kmeansLayout(prepared), LOCAL_ALLOCATOR);
  try {
    const ready = withTolerance('kmeans', prepared, memory.meanVariance());
    return runStepsLocally(kmeansFitSteps(ready, memory.data, memory.allocator), runBlockTask);
  } finally {
    memory.release();
  }
}
