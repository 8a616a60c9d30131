/**
 * Multi-threaded k-means and k-means++ (Node only): the same block steps as `kmeans` and
 * `kmeansPlusPlus`, with each step's blocks split across worker threads over SharedArrayBuffer.
 *
 * Notation: X is (n, d), k the cluster count. Blocks have a size fixed by (n, k, d) and every
 * reduction sums per-block partials in block order, so the result is bit-identical to the
 * single-threaded functions for any thread count. X is copied once into the shared WebAssembly
 * memory the WASM SIMD kernels run on (see `../cluster/kmeans-memory.ts`); on the TypeScript path
 * it is copied into a SharedArrayBuffer unless it already lives in one (a Matrix from `toShared`).
 */
import { checkParams } from '../core/params.js';
import { createRandom } from '../core/random.js';
import type { Allocator, BlockSteps } from '../cluster/kmeans-blocks.js';
import { kmeansFitSteps } from '../cluster/kmeans-fit.js';
import { fitMemory, kmeansLayout, type FitMemory } from '../cluster/kmeans-memory.js';
import type { KMeansModel, KMeansOptions } from '../cluster/kmeans-options.js';
import {
  defaultLocalTrials,
  kmeansPlusPlusSteps,
  plusPlusLayout,
  type KMeansPlusPlusOptions,
  type KMeansPlusPlusResult,
} from '../cluster/kmeans-plus-plus.js';
import { prepareKMeans, withTolerance, type PreparedKMeans } from '../cluster/kmeans-prepare.js';
import { validateClusterData, validateSampleWeight } from '../cluster/kmeans-validate.js';
import type { MatrixLike } from '../matrix/matrix.js';
import {
  isShared,
  sharedFloat64,
  sharedInt32,
  sharedPool,
  splitRange,
  type ThreadPool,
} from './pool.js';
import type { ParallelOptions } from './metrics.js';

const SHARED: Allocator = { float64: sharedFloat64, int32: sharedInt32 };

const THREAD_CONSTRAINTS = {
  threads: { type: 'integer', min: 1, max: 256, optional: true },
  pool: { type: 'any', optional: true },
} as const;

/** Runs block steps with each step's blocks split into `threads` contiguous ranges on `pool`. */
export async function runStepsOnPool<R>(
  steps: BlockSteps<R>,
  pool: ThreadPool,
  threads: number,
): Promise<R> {
  let next = steps.next();
  while (next.done !== true) {
    const task = next.value;
    await Promise.all(
      splitRange(task.blockCount, threads).map(([first, end]) =>
        pool.run('kmeans.blocks', { task, first, end }),
      ),
    );
    next = steps.next();
  }
  return next.value;
}

function splitThreading<T extends ParallelOptions>(
  owner: string,
  options: T,
): [Omit<T, keyof ParallelOptions>, ThreadPool, number] {
  const { threads, pool, ...rest } = options;
  checkParams(owner, { threads, pool }, THREAD_CONSTRAINTS);
  const chosen = pool ?? sharedPool();
  return [rest, chosen, threads ?? chosen.size];
}

/** `array` itself when it already lives in a SharedArrayBuffer, else a shared copy. */
function shareArray(array: Float64Array): Float64Array {
  if (isShared(array)) return array;
  const out = sharedFloat64(array.length);
  out.set(array);
  return out;
}

/** Runs `steps` on the pool, then frees the fit's memory (also when a step throws). */
async function runAndRelease<R>(
  memory: FitMemory,
  steps: BlockSteps<R>,
  pool: ThreadPool,
  threads: number,
): Promise<R> {
  try {
    return await runStepsOnPool(steps, pool, threads);
  } finally {
    memory.release();
  }
}

/**
 * {@link kmeans} on worker threads: same validation, same messages, same model (labels
 * bit-identical, inertia identical) for every `threads`.
 *
 * @param X - data, shape (n, d); a Matrix over a SharedArrayBuffer avoids one copy.
 * @param options - k-means options plus `threads` and `pool` ({@link ParallelOptions}).
 * @throws SegmintError as {@link kmeans}, and INVALID_PARAMETER for a bad `threads`.
 * @example const model = await kmeansParallel(X, { clusterCount: 8, threads: 2 });
 */
export async function kmeansParallel(
  X: MatrixLike,
  options: Partial<KMeansOptions> & { clusterCount: number } & ParallelOptions,
): Promise<KMeansModel> {
  const [rest, pool, threads] = splitThreading('kmeans', options);
  const prepared = prepareKMeans('kmeans', X, rest, true);
  const memory = fitMemory(kmeansLayout(prepared), SHARED, shareArray);
  let ready: PreparedKMeans;
  try {
    ready = withTolerance('kmeans', prepared, memory.meanVariance());
  } catch (error) {
    memory.release();
    throw error;
  }
  const steps = kmeansFitSteps(ready, memory.data, memory.allocator);
  return runAndRelease(memory, steps, pool, threads);
}

/**
 * {@link kmeansPlusPlus} on worker threads; identical centres for every `threads`.
 * @throws SegmintError as {@link kmeansPlusPlus}, and INVALID_PARAMETER for a bad `threads`.
 * @example const { centroids } = await kmeansPlusPlusParallel(X, 8, { seed: 1, threads: 2 });
 */
export async function kmeansPlusPlusParallel(
  X: MatrixLike,
  clusterCount: number,
  options: KMeansPlusPlusOptions & ParallelOptions = {},
): Promise<KMeansPlusPlusResult> {
  const [rest, pool, threads] = splitThreading('kmeansPlusPlus', options);
  checkParams(
    'kmeansPlusPlus',
    { clusterCount, ...rest },
    {
      clusterCount: { type: 'integer', min: 1, max: 10000 },
      seed: { type: 'integer', optional: true },
      sampleWeight: { type: 'any', optional: true },
      localTrials: { type: 'integer', min: 1, max: 1000, optional: true },
    },
  );
  const matrix = validateClusterData('kmeansPlusPlus', X, clusterCount, false);
  const weights = validateSampleWeight('kmeansPlusPlus', rest.sampleWeight, matrix.rows);
  const trials = rest.localTrials ?? defaultLocalTrials(clusterCount);
  const layout = plusPlusLayout(matrix, clusterCount, weights, trials);
  const memory = fitMemory(layout, SHARED, shareArray);
  try {
    memory.assertFinite('kmeansPlusPlus');
  } catch (error) {
    memory.release();
    throw error;
  }
  const random = createRandom(rest.seed ?? 0);
  const steps = kmeansPlusPlusSteps(memory.data, clusterCount, random, trials, memory.allocator);
  const { centers, indices } = await runAndRelease(memory, steps, pool, threads);
  return { centroids: { data: centers, rows: clusterCount, cols: matrix.cols }, indices };
}
