/**
 * Block layout and block tasks shared by k-means, k-means++ and their multi-threaded twins.
 *
 * Notation: X is the (n, d) data, row-major; k is the cluster count; C the (k, d) centroids.
 *
 * Rows are cut into fixed-size blocks whose size depends only on (n, k, d) and on whether there
 * are sample weights, never on the thread count. Every reduction (centroid sums, inertia, k-means++ potentials) is computed per block and
 * then summed over blocks in block order, so one thread and eight threads produce bit-identical
 * floating-point results. A block task says "run this kernel over blocks [first, end)": the
 * single-threaded path runs it over all blocks inline, the Node path splits the blocks across
 * worker threads over SharedArrayBuffer (see `../node/kmeans.ts`).
 */

import type { WasmHandle } from '../wasm/kmeans-wasm.js';

/** The data every block kernel reads. Arrays may live in a SharedArrayBuffer. */
export interface BlockData {
  /** X, row-major (n * d). */
  readonly X: Float64Array;
  readonly n: number;
  readonly d: number;
  /** Sample weights (n), or null for unit weights (then no multiplication happens at all). */
  readonly weights: Float64Array | null;
  /** Rows per block (the last block may be shorter). */
  readonly blockRows: number;
  readonly blockCount: number;
  /**
   * Set when X, the weights and every array of the fit live in one shared WebAssembly memory (the
   * allocator is that memory's arena, see `../wasm/arena.ts`): block kernels then run the WASM
   * SIMD twins, addressing the arrays by byte offset. Null: TypeScript kernels.
   */
  readonly wasm: WasmHandle | null;
}

/** Lloyd or Hamerly assignment over blocks, accumulating per-block centroid sums. */
export interface AssignTask extends BlockData {
  readonly kind: 'lloyd' | 'hamerly';
  readonly k: number;
  /** C used for assignment (k * d). */
  readonly centers: Float64Array;
  /** Labels (n), updated in place; the previous labels are compared to count changes. */
  readonly labels: Int32Array;
  /** Hamerly bounds (n each): upper on d(x, c_label), lower on the distance to the 2nd closest. */
  readonly upper: Float64Array | null;
  readonly lower: Float64Array | null;
  /** Hamerly: how far each centre moved since the bounds were last valid (k). */
  readonly shifts: Float64Array | null;
  /** Hamerly: half the distance from each centre to its nearest other centre (k). */
  readonly halfSeparation: Float64Array | null;
  readonly maxShift: number;
  readonly maxShiftIndex: number;
  readonly secondMaxShift: number;
  /**
   * Optional Elkan (2003) per-centre lower bounds, used when Hamerly's single bound fails:
   * `centerBounds` (n * k) holds lower bounds on ||x_i - c_j|| valid at iteration `stamps[i]`;
   * `cumulativeShifts` ((iterations + 1) * k) holds each centre's summed shift up to each
   * iteration, so a stale bound is corrected lazily by the shift accumulated since its stamp.
   * `centerDistances` (k * k) are the distances between the current centres.
   */
  readonly centerBounds: Float64Array | null;
  readonly stamps: Int32Array | null;
  readonly cumulativeShifts: Float64Array | null;
  readonly centerDistances: Float64Array | null;
  /** Centre updates so far in this run (row of `cumulativeShifts` describing the current C). */
  readonly iteration: number;
  /** Lloyd: also initialise the Hamerly bounds. */
  readonly initBounds: boolean;
  /**
   * Maintain per-block centroid sums: from scratch for every block when `force` (first
   * iteration), else only for blocks whose labels changed (see `kmeans-kernels.ts`).
   */
  readonly accumulate: boolean;
  readonly force: boolean;
  /** Per-block weighted coordinate sums (blockCount * k * d) and weights (blockCount * k). */
  readonly blockSums: Float64Array;
  readonly blockWeights: Float64Array;
  /** Per-block count of labels that changed (blockCount). */
  readonly blockChanged: Float64Array;
}

/** Per-block weighted inertia, or per-point squared distance to the labelled centre. */
export interface DistanceTask extends BlockData {
  readonly kind: 'inertia' | 'point-distances';
  readonly k: number;
  readonly centers: Float64Array;
  readonly labels: Int32Array;
  /** inertia: blockCount values; point-distances: n values. */
  readonly output: Float64Array;
}

/** k-means++: squared distances to the first centre and the block potentials. */
export interface SeedFirstTask extends BlockData {
  readonly kind: 'seed-first';
  /** The centre (d). */
  readonly center: Float64Array;
  /** Closest squared distance per row (n), written in place. */
  readonly closest: Float64Array;
  /** Weighted potential per block (blockCount). */
  readonly blockPotential: Float64Array;
}

/**
 * k-means++: first fold the previously chosen centre `pending` into `closest` (the lazy update:
 * it is applied while the row is in cache anyway), then write the weighted potential per block
 * for each candidate centre.
 */
export interface SeedCandidatesTask extends BlockData {
  readonly kind: 'seed-candidates';
  /** The centre chosen at the previous step (d), or null right after `seed-first`. */
  readonly pending: Float64Array | null;
  /** Candidate centres (trials * d). */
  readonly candidates: Float64Array;
  readonly trials: number;
  readonly closest: Float64Array;
  /** Potential per block and candidate (blockCount * trials). */
  readonly blockPotential: Float64Array;
}

/** Any task a block runner executes. Plain data: structured-clonable to workers. */
export type BlockTask = AssignTask | DistanceTask | SeedFirstTask | SeedCandidatesTask;

/** Typed-array allocation: plain for one thread, SharedArrayBuffer-backed for workers. */
export interface Allocator {
  float64(length: number): Float64Array;
  int32(length: number): Int32Array;
}

/** Ordinary (unshared) typed arrays. */
export const LOCAL_ALLOCATOR: Allocator = {
  float64: (length) => new Float64Array(length),
  int32: (length) => new Int32Array(length),
};

/**
 * Smallest block. With sample weights a block whose labels changed is re-summed, so blocks are
 * small (64 rows) to keep unchanged blocks common in late iterations; with unit weights sums are
 * updated row by row, so blocks are larger (256 rows) to keep the per-iteration reduction over
 * blocks cheap.
 */
const MIN_BLOCK_ROWS_WEIGHTED = 64;
const MIN_BLOCK_ROWS = 256;
/** Cap on the per-block partial sums (doubles), so huge k * d does not explode memory. */
const PARTIAL_BUDGET = 1 << 21;

/**
 * Rows per block for (n, k, d): 256 (64 with sample weights), or more when
 * blockCount * (k * d + k) would exceed ~2M doubles (16 MB). A function of the shape and of
 * `weighted` only, so results never depend on the thread count.
 */
export function blockRowsFor(n: number, k: number, d: number, weighted = false): number {
  const perBlock = k * d + k + 2;
  const maxBlocks = Math.max(1, Math.floor(PARTIAL_BUDGET / perBlock));
  return Math.max(weighted ? MIN_BLOCK_ROWS_WEIGHTED : MIN_BLOCK_ROWS, Math.ceil(n / maxBlocks));
}

/**
 * The {@link BlockData} for X with the given layout; `wasm` when X and weights were copied into a
 * WebAssembly arena (then pass that arena as the fit's allocator).
 */
export function blockData(
  X: Float64Array,
  n: number,
  d: number,
  weights: Float64Array | null,
  blockRows: number,
  wasm: WasmHandle | null = null,
): BlockData {
  const blockCount = Math.max(1, Math.ceil(n / blockRows));
  return { X, n, d, weights, blockRows, blockCount, wasm };
}

/** Sum of `values[0..count)` in index order (the block-order reduction). */
export function sumInOrder(values: Float64Array, count: number): number {
  let total = 0;
  for (let b = 0; b < count; b++) total += values[b]!;
  return total;
}

/** A computation expressed as block tasks: yields a task, resumes when it ran over all blocks. */
export type BlockSteps<R> = Generator<BlockTask, R, void>;

/**
 * Drives `steps` on this thread: each yielded task runs over all its blocks with `run`
 * (`runBlockTask` from `kmeans-kernels.ts`). The Node entry drives the same generators on workers.
 */
export function runStepsLocally<R>(
  steps: BlockSteps<R>,
  run: (task: BlockTask, first: number, end: number) => void,
): R {
  let next = steps.next();
  while (next.done !== true) {
    run(next.value, 0, next.value.blockCount);
    next = steps.next();
  }
  return next.value;
}
