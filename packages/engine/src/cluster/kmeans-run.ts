/**
 * One k-means run from given initial centres, as scikit-learn 1.2.1's `_kmeans_single_lloyd`
 * (and `_kmeans_single_elkan`, with Hamerly bounds instead of Elkan's), expressed as block steps.
 *
 * Notation: X is (n, d), k the cluster count, C the (k, d) centres, w the sample weights, tol the
 * absolute tolerance (relative tolerance * mean per-feature variance).
 *
 * Each iteration: assign every row to its nearest centre (Lloyd: all k distances; Hamerly 2010,
 * optionally with Elkan 2003 per-centre bounds: only where the bounds cannot prove the label; see
 * `kmeans-assign.ts`), recompute C as weighted means (per-block sums
 * reduced in block order), relocate empty clusters, measure the centre shift. Stop when labels did
 * not change (strict convergence) or when sum_j ||c_j(new) - c_j(old)||^2 <= tol. Without strict
 * convergence, a final assignment makes the labels match the returned centres. Inertia is
 * sum_i w(i) ||x_i - c_a(i)||^2.
 *
 * Blocks whose labels did not change keep their partial sums from the previous iteration (see
 * `kmeans-kernels.ts` for how changed blocks are updated), so late Hamerly iterations barely touch
 * X. Elkan bounds are corrected lazily: `cumulativeShifts` row t holds each centre's summed shift
 * after t updates, and a bound stamped at iteration s is lowered by the shift since s when read.
 */
import type { Allocator, AssignTask, BlockData, BlockSteps } from './kmeans-blocks.js';
import { sumInOrder } from './kmeans-blocks.js';
import { squaredDistance } from './squared-distance.js';
import { kernelsFor } from '../wasm/kmeans-wasm.js';

/** Buffers reused across the restarts of one fit. */
export interface RunBuffers {
  readonly labels: Int32Array;
  readonly upper: Float64Array | null;
  readonly lower: Float64Array | null;
  readonly blockSums: Float64Array;
  readonly blockWeights: Float64Array;
  readonly blockChanged: Float64Array;
  readonly blockOutput: Float64Array;
  readonly centers: Float64Array;
  readonly nextCenters: Float64Array;
  readonly shifts: Float64Array;
  readonly halfSeparation: Float64Array;
  /** Elkan filter (null when disabled): see `AssignTask`. */
  readonly centerBounds: Float64Array | null;
  readonly stamps: Int32Array | null;
  readonly cumulativeShifts: Float64Array | null;
  readonly centerDistances: Float64Array | null;
}

/** Largest n * k for which the Elkan per-centre bounds are kept (128 MB of float64). */
const ELKAN_BUDGET = 1 << 24;
/** Above this k the k * k centre distances cost more than the filter saves. */
const ELKAN_MAX_CLUSTERS = 64;

/** Cap on the shift history ((maxIterations + 1) * k doubles, 32 MB). */
const HISTORY_BUDGET = 1 << 22;

/** True when the per-centre (Elkan) bounds fit this shape (else 'elkan' runs as 'hamerly'). */
export function usesElkanFilter(n: number, k: number, maxIterations: number): boolean {
  return (
    k > 2 &&
    k <= ELKAN_MAX_CLUSTERS &&
    n * k <= ELKAN_BUDGET &&
    (maxIterations + 1) * k <= HISTORY_BUDGET
  );
}

/** Allocates {@link RunBuffers} for data of this layout and k clusters. */
export function allocateRunBuffers(
  data: BlockData,
  k: number,
  hamerly: boolean,
  elkan: boolean,
  maxIterations: number,
  allocator: Allocator,
): RunBuffers {
  const { n, d, blockCount } = data;
  return {
    centerBounds: elkan ? allocator.float64(n * k) : null,
    stamps: elkan ? allocator.int32(n) : null,
    cumulativeShifts: elkan ? allocator.float64((maxIterations + 1) * k) : null,
    centerDistances: elkan ? allocator.float64(k * k) : null,
    labels: allocator.int32(n),
    upper: hamerly ? allocator.float64(n) : null,
    lower: hamerly ? allocator.float64(n) : null,
    blockSums: allocator.float64(blockCount * k * d),
    blockWeights: allocator.float64(blockCount * k),
    blockChanged: allocator.float64(blockCount),
    blockOutput: allocator.float64(blockCount),
    centers: allocator.float64(k * d),
    nextCenters: allocator.float64(k * d),
    shifts: allocator.float64(k),
    halfSeparation: allocator.float64(k),
  };
}

/** Settings of one run. */
export interface RunSettings {
  readonly k: number;
  readonly maxIterations: number;
  /** Absolute tolerance on the summed squared centre shift. */
  readonly tolerance: number;
  readonly hamerly: boolean;
}

/** The outcome of one run (fresh arrays, safe to keep after the buffers are reused). */
export interface RunResult {
  readonly labels: Int32Array;
  readonly centers: Float64Array;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Iterations at which empty clusters were reseeded, and how many. */
  readonly reseeds: ReadonlyArray<{ iteration: number; clusters: number[] }>;
}

/** The unchecked run as block steps. `init` is (k * d) and is not modified. */
export function* kmeansRunSteps(
  data: BlockData,
  init: Float64Array,
  settings: RunSettings,
  buffers: RunBuffers,
  allocator: Allocator,
): BlockSteps<RunResult> {
  const { k, maxIterations, tolerance, hamerly } = settings;
  const { d, blockCount } = data;
  const { labels, shifts, halfSeparation } = buffers;
  let centers = buffers.centers;
  let nextCenters = buffers.nextCenters;
  centers.set(init);
  labels.fill(-1);
  // In the fit's memory, so the WebAssembly reduction can write them.
  const sums = allocator.float64(k * d);
  const weightInClusters = allocator.float64(k);
  const wasm = data.wasm === null ? null : kernelsFor(data.wasm);
  let distances: Float64Array | undefined;
  const reseeds: Array<{ iteration: number; clusters: number[] }> = [];
  let strict = false;
  let converged = false;
  let iterations = 0;
  const assign = (kind: 'lloyd' | 'hamerly', accumulate: boolean): AssignTask => {
    let maxShift = 0;
    let maxShiftIndex = -1;
    let secondMaxShift = 0;
    if (kind === 'hamerly') {
      computeSeparation(centers, k, d, halfSeparation, buffers.centerDistances);
      for (let j = 0; j < k; j++) {
        const s = shifts[j]!;
        if (s > maxShift) {
          secondMaxShift = maxShift;
          maxShift = s;
          maxShiftIndex = j;
        } else if (s > secondMaxShift) secondMaxShift = s;
      }
    }
    return {
      ...data,
      kind,
      k,
      centers,
      labels,
      upper: buffers.upper,
      lower: buffers.lower,
      shifts,
      halfSeparation,
      maxShift,
      maxShiftIndex,
      secondMaxShift,
      initBounds: hamerly,
      centerBounds: buffers.centerBounds,
      stamps: buffers.stamps,
      cumulativeShifts: buffers.cumulativeShifts,
      centerDistances: buffers.centerDistances,
      iteration: iterations,
      accumulate,
      force: iterations === 0,
      blockSums: buffers.blockSums,
      blockWeights: buffers.blockWeights,
      blockChanged: buffers.blockChanged,
    };
  };

  while (iterations < maxIterations) {
    yield assign(hamerly && iterations > 0 ? 'hamerly' : 'lloyd', true);
    if (wasm === null) reduceBlocks(buffers, blockCount, k, d, sums, weightInClusters);
    else {
      const { blockSums, blockWeights } = buffers;
      const [to, weightsTo] = [sums.byteOffset, weightInClusters.byteOffset];
      wasm.reduceBlocks(
        blockSums.byteOffset,
        blockWeights.byteOffset,
        blockCount,
        k,
        d,
        to,
        weightsTo,
      );
    }
    const changed = sumInOrder(buffers.blockChanged, blockCount);
    const empty: number[] = [];
    for (let j = 0; j < k; j++) if (weightInClusters[j] === 0) empty.push(j);
    if (empty.length > 0) {
      // One buffer per run however many reseeds (the WebAssembly arena never frees).
      distances ??= allocator.float64(data.n);
      yield { ...data, kind: 'point-distances', k, centers, labels, output: distances };
      relocateEmptyClusters(data, labels, distances, empty, sums, weightInClusters);
      reseeds.push({ iteration: iterations, clusters: empty });
    }
    let shiftTotal = 0;
    const cumulative = buffers.cumulativeShifts;
    for (let j = 0; j < k; j++) {
      const weight = weightInClusters[j]!;
      const alpha = weight > 0 ? 1 / weight : 1;
      for (let f = 0; f < d; f++) nextCenters[j * d + f] = sums[j * d + f]! * alpha;
      const shift = Math.sqrt(squaredDistance(nextCenters, j * d, centers, j * d, d));
      shifts[j] = shift;
      shiftTotal += shift * shift;
      if (cumulative !== null)
        cumulative[(iterations + 1) * k + j] = cumulative[iterations * k + j]! + shift;
    }
    [centers, nextCenters] = [nextCenters, centers];
    iterations++;
    // k = 1: the weighted mean is the exact optimum after one step.
    if (changed === 0 || k === 1) {
      strict = true;
      converged = true;
      break;
    }
    if (shiftTotal <= tolerance) {
      converged = true;
      break;
    }
  }
  if (!strict) yield assign(hamerly ? 'hamerly' : 'lloyd', false);
  yield { ...data, kind: 'inertia', k, centers, labels, output: buffers.blockOutput };
  return {
    labels: labels.slice(),
    centers: centers.slice(),
    inertia: sumInOrder(buffers.blockOutput, blockCount),
    iterations,
    converged,
    reseeds,
  };
}

function reduceBlocks(
  buffers: RunBuffers,
  blockCount: number,
  k: number,
  d: number,
  sums: Float64Array,
  weightInClusters: Float64Array,
): void {
  const { blockSums, blockWeights } = buffers;
  const kd = k * d;
  sums.fill(0);
  weightInClusters.fill(0);
  for (let b = 0; b < blockCount; b++) {
    const so = b * kd;
    for (let p = 0; p < kd; p++) sums[p]! += blockSums[so + p]!;
    const wo = b * k;
    for (let j = 0; j < k; j++) weightInClusters[j]! += blockWeights[wo + j]!;
  }
}

/**
 * s(j) = min over j' != j of ||c_j - c_j'|| / 2 (Hamerly's separation test), and the full
 * (k, k) centre distance matrix when the Elkan filter needs it.
 */
function computeSeparation(
  centers: Float64Array,
  k: number,
  d: number,
  out: Float64Array,
  distances: Float64Array | null,
): void {
  out.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const distance = Math.sqrt(squaredDistance(centers, a * d, centers, b * d, d));
      const half = distance / 2;
      if (half < out[a]!) out[a] = half;
      if (half < out[b]!) out[b] = half;
      if (distances !== null) {
        distances[a * k + b] = distance;
        distances[b * k + a] = distance;
      }
    }
  }
}

/**
 * scikit-learn's `_relocate_empty_clusters_dense`: each empty cluster takes the point farthest
 * from its assigned (old) centre, farthest first (ties: lower row). The point's weighted
 * coordinates move from its cluster's sum to the empty cluster's; labels are left as they are.
 */
function relocateEmptyClusters(
  data: BlockData,
  labels: Int32Array,
  distances: Float64Array,
  empty: readonly number[],
  sums: Float64Array,
  weightInClusters: Float64Array,
): void {
  const { X, d, n, weights } = data;
  const count = Math.min(empty.length, n);
  const far: number[] = [];
  for (let i = 0; i < n; i++) {
    const distance = distances[i]!;
    if (far.length === count && distance <= distances[far[count - 1]!]!) continue;
    let p = far.length === count ? count - 1 : far.length;
    far[p] = i;
    while (p > 0 && distances[far[p - 1]!]! < distance) {
      far[p] = far[p - 1]!;
      far[--p] = i;
    }
  }
  for (let e = 0; e < count; e++) {
    const target = empty[e]!;
    const row = far[e]!;
    const w = weights === null ? 1 : weights[row]!;
    const source = labels[row]!;
    for (let f = 0; f < d; f++) {
      const value = X[row * d + f]! * w;
      sums[source * d + f]! -= value;
      sums[target * d + f] = value;
    }
    weightInClusters[target] = w;
    weightInClusters[source]! -= w;
  }
}
