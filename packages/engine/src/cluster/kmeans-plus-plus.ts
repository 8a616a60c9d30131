/**
 * Greedy k-means++ seeding, as scikit-learn's `_kmeans_plusplus`.
 *
 * Arthur & Vassilvitskii (2007), "k-means++: the advantages of careful seeding", SODA; the greedy
 * variant (several candidates per step, keep the one that lowers the potential most) is from the
 * same paper and is what scikit-learn ships.
 *
 * Notation: X is (n, d), k the cluster count, w(i) the sample weights, D(i)^2 the squared distance
 * from x_i to its closest chosen centre, phi = sum_i w(i) D(i)^2 the potential, L the number of
 * local trials (default 2 + floor(ln k)).
 *
 * 1. The first centre is a row drawn with probability proportional to w(i) (uniform without
 *    weights).
 * 2. For each next centre, draw L candidates with probability proportional to w(i) D(i)^2
 *    (inverse CDF: the first row whose cumulative sum reaches u * phi), compute each candidate's
 *    potential, keep the lowest (first on ties), update D^2.
 *
 * Our generator is not numpy's, so a seed does not reproduce scikit-learn's centres; the
 * procedure and its distribution are the same.
 */
import { checkParams, mergeOptions } from '../core/params.js';
import { createRandom, type Random } from '../core/random.js';
import type { Matrix, MatrixLike } from '../matrix/matrix.js';
import {
  blockRowsFor,
  LOCAL_ALLOCATOR,
  runStepsLocally,
  type Allocator,
  type BlockData,
  type BlockSteps,
} from './kmeans-blocks.js';
import { runBlockTask } from './kmeans-kernels.js';
import { fitMemory, type FitLayout } from './kmeans-memory.js';
import { validateClusterData, validateSampleWeight } from './kmeans-validate.js';
import { squaredDistance } from './squared-distance.js';

/** Options of {@link kmeansPlusPlus}. */
export interface KMeansPlusPlusOptions {
  /** Seed of the random draws; default 0. */
  seed?: number;
  /** Non-negative weight per row (n); default all 1. */
  sampleWeight?: Float64Array | number[];
  /** Candidates per step; default 2 + floor(ln k), scikit-learn's choice. */
  localTrials?: number;
}

/** Seeds chosen by k-means++: the centroids (k, d) and the row each one was copied from (k). */
export interface KMeansPlusPlusResult {
  readonly centroids: Matrix;
  readonly indices: Int32Array;
}

const CONSTRAINTS = {
  clusterCount: { type: 'integer', min: 1, max: 10000 },
  seed: { type: 'integer', optional: true },
  sampleWeight: { type: 'any', optional: true },
  localTrials: { type: 'integer', min: 1, max: 1000, optional: true },
} as const;

/**
 * Chooses `clusterCount` initial centroids from the rows of X by greedy k-means++.
 *
 * @param X - data, shape (n, d); finite.
 * @param clusterCount - k, an integer in [1, 10000], at most n.
 * @param options - `seed` (default 0), `sampleWeight` (default unit), `localTrials`
 *   (default 2 + floor(ln k)).
 * @returns `{ centroids, indices }`: centroid c is row `indices[c]` of X.
 * @throws SegmintError INVALID_PARAMETER (bad clusterCount, seed, localTrials, weights),
 *   INVALID_SHAPE (empty X, fewer rows than k), NON_FINITE_VALUE (NaN/Infinity in X).
 * @example
 * const { centroids, indices } = kmeansPlusPlus([[0, 0], [0, 1], [9, 9]], 2, { seed: 1 });
 */
export function kmeansPlusPlus(
  X: MatrixLike,
  clusterCount: number,
  options: KMeansPlusPlusOptions = {},
): KMeansPlusPlusResult {
  const merged = mergeOptions<KMeansPlusPlusOptions & { clusterCount: number }>(
    { clusterCount },
    options,
  );
  checkParams('kmeansPlusPlus', merged, CONSTRAINTS);
  const matrix = validateClusterData('kmeansPlusPlus', X, clusterCount, false);
  const weights = validateSampleWeight('kmeansPlusPlus', merged.sampleWeight, matrix.rows);
  const trials = merged.localTrials ?? defaultLocalTrials(clusterCount);
  const memory = fitMemory(plusPlusLayout(matrix, clusterCount, weights, trials), LOCAL_ALLOCATOR);
  try {
    memory.assertFinite('kmeansPlusPlus');
    const steps = kmeansPlusPlusSteps(
      memory.data,
      clusterCount,
      createRandom(merged.seed ?? 0),
      trials,
      memory.allocator,
    );
    const { centers, indices } = runStepsLocally(steps, runBlockTask);
    return { centroids: { data: centers, rows: clusterCount, cols: matrix.cols }, indices };
  } finally {
    memory.release();
  }
}

/** The memory layout of a seeding of X (n, d) into k centres with `trials` candidates per step. */
export function plusPlusLayout(
  matrix: Matrix,
  k: number,
  weights: Float64Array | null,
  trials: number,
): FitLayout {
  const { data: X, rows: n, cols: d } = matrix;
  const blockRows = blockRowsFor(n, k, d, weights !== null);
  return { X, n, d, weights, blockRows, k, trials, elkan: false };
}

/** scikit-learn's number of candidates per step: 2 + floor(ln k). */
export function defaultLocalTrials(clusterCount: number): number {
  return 2 + Math.floor(Math.log(clusterCount));
}

/**
 * The unchecked seeding as block steps (run locally or on workers). Returns the centres (k * d)
 * and their row indices.
 */
export function* kmeansPlusPlusSteps(
  data: BlockData,
  k: number,
  random: Random,
  trials: number,
  allocator: Allocator,
): BlockSteps<{ centers: Float64Array; indices: Int32Array }> {
  const { X, n, d, weights, blockCount } = data;
  const centers = new Float64Array(k * d);
  const indices = new Int32Array(k);
  const closest = allocator.float64(n);
  const firstPotential = allocator.float64(blockCount);
  const blockPotential = allocator.float64(blockCount * trials);
  // Two centre buffers: the one being folded into `closest` by the running task, and the next.
  const chosen = [allocator.float64(d), allocator.float64(d)] as const;
  const candidates = allocator.float64(trials * d);
  const prefix = new Float64Array(blockCount + 1);
  const candidateRows = new Int32Array(trials);
  const candidatePotential = new Float64Array(trials);

  const first = weights === null ? random.int(n) : firstWeightedRow(weights, random.next());
  indices[0] = first;
  const firstCenter = chosen[0];
  firstCenter.set(X.subarray(first * d, first * d + d));
  centers.set(firstCenter, 0);
  yield {
    ...data,
    kind: 'seed-first',
    center: firstCenter,
    closest,
    blockPotential: firstPotential,
  };
  for (let b = 0; b < blockCount; b++) prefix[b + 1] = prefix[b]! + firstPotential[b]!;
  // The centre chosen at the previous step, not yet folded into `closest`.
  let pending: Float64Array | null = null;

  for (let c = 1; c < k; c++) {
    const potential = prefix[blockCount]!;
    for (let t = 0; t < trials; t++) {
      const row = sampleRow(data, closest, pending, prefix, random.next() * potential);
      candidateRows[t] = row;
      candidates.set(X.subarray(row * d, row * d + d), t * d);
    }
    yield {
      ...data,
      kind: 'seed-candidates',
      pending,
      candidates,
      trials,
      closest,
      blockPotential,
    };
    candidatePotential.fill(0);
    for (let b = 0; b < blockCount; b++)
      for (let t = 0; t < trials; t++) candidatePotential[t]! += blockPotential[b * trials + t]!;
    let best = 0;
    for (let t = 1; t < trials; t++)
      if (candidatePotential[t]! < candidatePotential[best]!) best = t;
    const row = candidateRows[best]!;
    indices[c] = row;
    const next = chosen[c % 2]!;
    next.set(X.subarray(row * d, row * d + d));
    centers.set(next, c * d);
    pending = next;
    // The chosen candidate's block potentials are the potentials after folding it in.
    for (let b = 0; b < blockCount; b++)
      prefix[b + 1] = prefix[b]! + blockPotential[b * trials + best]!;
  }
  return { centers, indices };
}

/** numpy `choice(p=w/sum(w))`: the first row whose cumulative weight exceeds u * sum(w). */
function firstWeightedRow(weights: Float64Array, u: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  const target = u * total;
  let running = 0;
  let last = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w > 0) last = i;
    running += w;
    if (running > target && w > 0) return i;
  }
  return last;
}

/**
 * numpy `searchsorted(cumsum(w D^2), target)` (side 'left'): the first row whose cumulative
 * weighted D^2 reaches `target`. Finds the block from the block prefix sums, then scans it,
 * folding the `pending` centre into D^2 on the fly exactly as the next block task will.
 */
function sampleRow(
  data: BlockData,
  closest: Float64Array,
  pending: Float64Array | null,
  prefix: Float64Array,
  target: number,
): number {
  const { X, d, blockCount, blockRows, n, weights } = data;
  let lo = 0;
  let hi = blockCount - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (prefix[mid + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  const start = lo * blockRows;
  const end = Math.min(n, start + blockRows);
  let running = prefix[lo]!;
  for (let i = start; i < end; i++) {
    let distance = closest[i]!;
    if (pending !== null) {
      const candidate = squaredDistance(X, i * d, pending, 0, d);
      if (candidate < distance) distance = candidate;
    }
    running += weights === null ? distance : distance * weights[i]!;
    if (running >= target) return i;
  }
  return end - 1;
}
