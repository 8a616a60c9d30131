/**
 * Multi-threaded metrics entry points (Node only): the same kernels as `@segmint/engine`'s
 * metrics, run on worker threads over SharedArrayBuffer views.
 */
import type { Labels } from '../metrics/labels.js';
import {
  type SilhouetteEstimate,
  type SilhouetteEstimateOptions,
  checkEstimateOptions,
  finishEstimate,
  planEstimate,
} from '../metrics/silhouette-estimate.js';
import { type SilhouetteInput, identityRows, prepareSilhouette } from '../metrics/silhouette.js';
import type { MatrixLike } from '../matrix/matrix.js';
import {
  type ThreadPool,
  sharedFloat64,
  sharedInt32,
  sharedPool,
  splitRange,
  toShared,
} from './pool.js';
import { planSegments, reduceTiles } from '../metrics/silhouette-tiles.js';
import type { SilhouetteRowsPayload, SilhouetteTilesPayload } from './tasks/metrics.js';

/** Options of the threaded entry points. */
export interface ParallelOptions {
  /** Number of row ranges run concurrently; defaults to the pool's size. */
  threads?: number;
  /** The pool to run on; defaults to the process-wide {@link sharedPool}. */
  pool?: ThreadPool;
}

/**
 * Runs `task` once per item with at most `lanes` in flight: each lane takes the next item when
 * its previous one finishes, so a lane slowed by a busy core does not hold up the others.
 */
export async function runInLanes<T>(
  items: readonly T[],
  lanes: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}

function shareInt32(values: Int32Array): Int32Array {
  const out = sharedInt32(values.length);
  out.set(values);
  return out;
}

/**
 * {@link silhouetteSamples} on worker threads: the same segment tiles (each distance computed
 * once) are spread over `threads` lanes, then reduced in a fixed order, so the values are
 * bit-identical to the serial function for any thread count (beyond the tiles' memory budget,
 * row chunks of the row kernel, likewise identical).
 *
 * @param X - data, shape (n, d).
 * @param labels - one non-negative integer cluster label per row.
 * @param options - `threads` (pool size), `pool` (shared pool).
 * @returns Float64Array of length n (backed by a SharedArrayBuffer).
 * @throws SegmintError as `silhouetteSamples` (validation happens on the calling thread).
 * @example const s = await silhouetteSamplesParallel(X, model.labels, { threads: 2 });
 */
export async function silhouetteSamplesParallel(
  X: MatrixLike,
  labels: Labels,
  options: ParallelOptions = {},
): Promise<Float64Array> {
  const input = prepareSilhouette('silhouetteSamplesParallel', X, labels, sharedFloat64);
  const pool = options.pool ?? sharedPool();
  const threads = Math.max(1, Math.floor(options.threads ?? pool.size));
  return silhouetteAllParallel(input, pool, threads);
}

/** Silhouette of every row of a prepared input (sorted copy in shared memory) on the pool. */
async function silhouetteAllParallel(
  input: SilhouetteInput,
  pool: ThreadPool,
  threads: number,
): Promise<Float64Array> {
  const n = input.X.rows;
  const out = sharedFloat64(n);
  const plan = planSegments(input.sorted.offsets);
  if (plan !== null) {
    // Tile row A costs ~ (G - A) tiles: pairing A with G - 1 - A gives equal-cost items.
    const G = plan.count;
    const items: number[][] = [];
    for (let A = 0; A < G - 1 - A; A++) items.push([A, G - 1 - A]);
    if (G % 2 === 1) items.push([(G - 1) / 2]);
    const partial = sharedFloat64(n * G);
    const base = {
      sortedData: input.sorted.data,
      offsets: input.sorted.offsets,
      cols: input.X.cols,
      starts: plan.starts,
      ends: plan.ends,
      clusters: plan.clusters,
      partial,
    };
    await runInLanes(items, threads, (tileRows) =>
      pool.run<null>('metrics.silhouetteTiles', {
        ...base,
        tileRows,
      } satisfies SilhouetteTilesPayload),
    );
    reduceTiles(plan, partial, input.labels.counts, input.sorted.order!, 0, n, out);
    return out;
  }
  await silhouetteRowsParallel(input, identityRows(n), out, pool, threads);
  return out;
}

/** Silhouettes of the given rows (row kernel: each against all n rows) into `out`. */
async function silhouetteRowsParallel(
  input: SilhouetteInput,
  rows: Int32Array,
  out: Float64Array,
  pool: ThreadPool,
  threads: number,
): Promise<void> {
  const base = {
    data: toShared(input.X).data,
    sortedData: input.sorted.data,
    offsets: input.sorted.offsets,
    cols: input.X.cols,
    codes: shareInt32(input.labels.codes),
    counts: input.labels.counts,
    rows: shareInt32(rows),
    out,
  };
  // Every row costs the same (a pass over all n rows); four chunks per lane balance the load.
  await runInLanes(splitRange(rows.length, threads * 4), threads, ([start, end]) =>
    pool.run<null>('metrics.silhouetteRows', {
      ...base,
      start,
      end,
    } satisfies SilhouetteRowsPayload),
  );
}

/**
 * {@link silhouetteEstimate} with the sampled rows (or, when exact, all rows) scored on worker
 * threads; the result is identical to the serial function for the same seed.
 *
 * @param X - data, shape (n, d).
 * @param labels - one non-negative integer cluster label per row.
 * @param options - `sampleSize` (2000), `seed` (0), `confidence` (0.95), `threads`, `pool`.
 * @throws SegmintError as `silhouetteEstimate` (validation happens on the calling thread).
 * @example const { score, lower, upper } = await silhouetteEstimateParallel(X, labels, { threads: 2 });
 */
export async function silhouetteEstimateParallel(
  X: MatrixLike,
  labels: Labels,
  options: Partial<SilhouetteEstimateOptions> & ParallelOptions = {},
): Promise<SilhouetteEstimate> {
  const { threads: threadOption, pool: poolOption, ...estimateOptions } = options;
  const owner = 'silhouetteEstimateParallel';
  const settings = checkEstimateOptions(owner, estimateOptions);
  const input = prepareSilhouette(owner, X, labels, sharedFloat64);
  const pool = poolOption ?? sharedPool();
  const threads = Math.max(1, Math.floor(threadOption ?? pool.size));
  const plan = planEstimate(input, settings);
  let silhouettes: Float64Array;
  if (plan.exact) {
    silhouettes = await silhouetteAllParallel(input, pool, threads);
  } else {
    silhouettes = sharedFloat64(plan.rows.length);
    await silhouetteRowsParallel(input, plan.rows, silhouettes, pool, threads);
  }
  return finishEstimate(input, settings, plan, silhouettes);
}
