/**
 * Block kernels of k-means: the block-level entry (`runBlockTask`), assignment plus centroid
 * sums per block, inertia and point distances. The row-level assignment loops (Lloyd, Hamerly,
 * Elkan) live in `kmeans-assign.ts`.
 *
 * Notation: X is (n, d) row-major, C is (k, d), a(i) the label of row i, w(i) its weight.
 *
 * Centroid sums are kept per block and are a deterministic function of the block's label history:
 * with unit weights, rows that change cluster move their coordinates between the block's sums in
 * row order (counts are exact integers, and a block cluster left empty is reset to exact zeros);
 * with sample weights, a block whose labels changed is re-summed from scratch. Either way Lloyd,
 * Hamerly and Elkan, which produce the same labels, produce bit-identical sums, for any thread
 * count.
 *
 * When the task's arrays live in WebAssembly memory (`task.wasm`), the row loops of Lloyd and
 * Hamerly, inertia, point distances and the k-means++ kernels run the WASM SIMD twins (bit-
 * identical, see `assembly/kmeans.ts`); the Elkan filter and the block sums stay in TypeScript,
 * working on views of the same memory.
 */
import type { AssignTask, BlockTask, DistanceTask } from './kmeans-blocks.js';
import {
  elkanRows,
  hamerlyRows,
  lloydRows,
  lloydRowsAllBounds,
  nearestRows,
} from './kmeans-assign.js';
import { squaredDistance } from './squared-distance.js';
import { seedCandidates, seedFirst } from './kmeans-plus-plus-kernel.js';
import { kernelsFor, type KMeansWasmKernels } from '../wasm/kmeans-wasm.js';
import { runBlocksWasm } from '../wasm/kmeans-wasm-blocks.js';

/** Runs `task` over blocks [first, end). The single entry point workers call. */
export function runBlockTask(task: BlockTask, first: number, end: number): void {
  const wasm = task.wasm === null ? null : kernelsFor(task.wasm);
  if (wasm !== null && runBlocksWasm(wasm, task, first, end)) return;
  switch (task.kind) {
    case 'lloyd':
    case 'hamerly':
      for (let b = first; b < end; b++) assignBlock(task, b, wasm);
      return;
    case 'inertia':
    case 'point-distances':
      for (let b = first; b < end; b++) distanceBlock(task, b, wasm);
      return;
    case 'seed-first':
      for (let b = first; b < end; b++) seedFirst(task, b, wasm);
      return;
    case 'seed-candidates':
      for (let b = first; b < end; b++) seedCandidates(task, b, wasm);
      return;
  }
}

/** Labels of the current block before assignment (one buffer per thread). */
let previousLabels = new Int32Array(0);

function assignBlock(task: AssignTask, b: number, wasm: KMeansWasmKernels | null): void {
  const start = b * task.blockRows;
  const end = Math.min(task.n, start + task.blockRows);
  const { X, d, k, centers, labels } = task;
  // Unit weights: centroid sums are updated for the rows that move (exact integer counts make
  // emptiness exact). Weighted: the block is re-summed from scratch when any label changed.
  const incremental = task.accumulate && !task.force && task.weights === null;
  const sumsOffset = b * k * d;
  const weightsOffset = b * k;
  if (wasm !== null && task.centerBounds === null) {
    // The WASM row loops move relabelled rows between the block sums themselves (same order).
    const sums = incremental ? task.blockSums.byteOffset + sumsOffset * 8 : 0;
    const counts = incremental ? task.blockWeights.byteOffset + weightsOffset * 8 : 0;
    const changed = assignRowsWasm(wasm, task, start, end, sums, counts);
    task.blockChanged[b] = changed;
    if (incremental || !task.accumulate || (changed === 0 && !task.force)) return;
    resumBlock(task, start, end, sumsOffset, weightsOffset);
    return;
  }
  if (incremental) {
    if (previousLabels.length < end - start) previousLabels = new Int32Array(task.blockRows);
    previousLabels.set(labels.subarray(start, end));
  }
  let changed: number;
  if (task.kind === 'hamerly' && task.centerBounds !== null) {
    changed = elkanRows(task, start, end);
  } else if (task.kind === 'hamerly') {
    changed = hamerlyRows(
      X,
      d,
      k,
      centers,
      labels,
      task.upper!,
      task.lower!,
      task.shifts!,
      task.halfSeparation!,
      task.maxShift,
      task.maxShiftIndex,
      task.secondMaxShift,
      start,
      end,
    );
  } else if (task.initBounds && task.centerBounds !== null) {
    changed = lloydRowsAllBounds(task, start, end);
  } else if (task.initBounds && task.upper !== null && task.lower !== null) {
    changed = lloydRows(X, d, k, centers, labels, task.upper, task.lower, start, end);
  } else {
    changed = nearestRows(X, d, k, centers, labels, start, end);
  }
  task.blockChanged[b] = changed;
  if (!task.accumulate || (changed === 0 && !task.force)) return;
  if (incremental) {
    moveRows(
      X,
      d,
      labels,
      previousLabels,
      start,
      end,
      task.blockSums,
      sumsOffset,
      task.blockWeights,
      weightsOffset,
    );
    return;
  }
  resumBlock(task, start, end, sumsOffset, weightsOffset);
}

/** Recomputes a block's centroid sums and weights from scratch, in row order. */
function resumBlock(
  task: AssignTask,
  start: number,
  end: number,
  sumsOffset: number,
  weightsOffset: number,
): void {
  const { X, d, k, labels } = task;
  task.blockSums.fill(0, sumsOffset, sumsOffset + k * d);
  task.blockWeights.fill(0, weightsOffset, weightsOffset + k);
  if (task.weights === null) {
    sumRows(X, d, labels, task.blockSums, sumsOffset, task.blockWeights, weightsOffset, start, end);
  } else {
    sumWeightedRows(
      X,
      d,
      labels,
      task.weights,
      task.blockSums,
      sumsOffset,
      task.blockWeights,
      weightsOffset,
      start,
      end,
    );
  }
}

/**
 * Lloyd or Hamerly rows [start, end) in WebAssembly (arrays addressed by byte offset); `sums` and
 * `counts` (byte offsets of the block's unit-weight sums, or 0) are updated for relabelled rows.
 */
function assignRowsWasm(
  wasm: KMeansWasmKernels,
  task: AssignTask,
  start: number,
  end: number,
  sums: number,
  counts: number,
): number {
  const { X, d, k, centers, labels, upper, lower } = task;
  if (task.kind === 'hamerly') {
    return wasm.hamerlyRows(
      X.byteOffset,
      d,
      k,
      centers.byteOffset,
      labels.byteOffset,
      upper!.byteOffset,
      lower!.byteOffset,
      task.shifts!.byteOffset,
      task.halfSeparation!.byteOffset,
      task.maxShift,
      task.maxShiftIndex,
      task.secondMaxShift,
      sums,
      counts,
      start,
      end,
    );
  }
  const bounds = task.initBounds && upper !== null && lower !== null;
  return wasm.lloydRows(
    X.byteOffset,
    d,
    k,
    centers.byteOffset,
    labels.byteOffset,
    bounds ? upper.byteOffset : 0,
    bounds ? lower.byteOffset : 0,
    sums,
    counts,
    start,
    end,
  );
}

/**
 * Moves each relabelled row's coordinates from its old cluster's block sum to its new one, in
 * row order. A block cluster left with no rows is reset to exact zeros, so rounding residue
 * never outlives its members.
 */
function moveRows(
  X: Float64Array,
  d: number,
  labels: Int32Array,
  previous: Int32Array,
  start: number,
  end: number,
  sums: Float64Array,
  sumsOffset: number,
  counts: Float64Array,
  countsOffset: number,
): void {
  for (let i = start; i < end; i++) {
    const to = labels[i]!;
    const from = previous[i - start]!;
    if (to === from) continue;
    const xo = i * d;
    const fromOffset = sumsOffset + from * d;
    const toOffset = sumsOffset + to * d;
    if (--counts[countsOffset + from]! === 0) sums.fill(0, fromOffset, fromOffset + d);
    else for (let f = 0; f < d; f++) sums[fromOffset + f]! -= X[xo + f]!;
    counts[countsOffset + to]!++;
    for (let f = 0; f < d; f++) sums[toOffset + f]! += X[xo + f]!;
  }
}

/** Unit-weight centroid sums of rows [start, end), in row order. */
function sumRows(
  X: Float64Array,
  d: number,
  labels: Int32Array,
  sums: Float64Array,
  sumsOffset: number,
  weights: Float64Array,
  weightsOffset: number,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) {
    const label = labels[i]!;
    const so = sumsOffset + label * d;
    const xo = i * d;
    for (let f = 0; f < d; f++) sums[so + f]! += X[xo + f]!;
    weights[weightsOffset + label]! += 1;
  }
}

/** Weighted centroid sums of rows [start, end), in row order. */
function sumWeightedRows(
  X: Float64Array,
  d: number,
  labels: Int32Array,
  sampleWeight: Float64Array,
  sums: Float64Array,
  sumsOffset: number,
  weights: Float64Array,
  weightsOffset: number,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) {
    const label = labels[i]!;
    const w = sampleWeight[i]!;
    const so = sumsOffset + label * d;
    const xo = i * d;
    for (let f = 0; f < d; f++) sums[so + f]! += X[xo + f]! * w;
    weights[weightsOffset + label]! += w;
  }
}

function distanceBlock(task: DistanceTask, b: number, wasm: KMeansWasmKernels | null): void {
  const { X, d, centers, labels, weights, output } = task;
  const start = b * task.blockRows;
  const end = Math.min(task.n, start + task.blockRows);
  if (wasm !== null) {
    const [x, c, a] = [X.byteOffset, centers.byteOffset, labels.byteOffset];
    if (task.kind === 'point-distances')
      wasm.pointDistanceRows(x, d, c, a, output.byteOffset, start, end);
    else output[b] = wasm.inertiaRows(x, d, c, a, weights?.byteOffset ?? 0, start, end);
    return;
  }
  if (task.kind === 'point-distances') {
    for (let i = start; i < end; i++)
      output[i] = squaredDistance(X, i * d, centers, labels[i]! * d, d);
    return;
  }
  let total = 0;
  for (let i = start; i < end; i++) {
    const distance = squaredDistance(X, i * d, centers, labels[i]! * d, d);
    total += weights === null ? distance : distance * weights[i]!;
  }
  output[b] = total;
}
