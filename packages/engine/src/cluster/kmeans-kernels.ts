/**
 * Block kernels of k-means: Lloyd and Hamerly assignment, inertia, point distances.
 *
 * Notation: X is (n, d) row-major, C is (k, d), a(i) the label of row i, u(i) an upper bound on
 * ||x_i - c_a(i)||, l(i) a lower bound on the distance from x_i to its second-closest centre,
 * s(j) half the distance from c_j to its nearest other centre, p(j) the shift of c_j.
 *
 * Distances are computed directly as sum (x - c)^2 (four partial sums to break the add
 * dependency chain), never with the ||x||^2 - 2 x.c + ||c||^2 expansion: that expansion loses
 * digits to cancellation when points sit close to a centre far from the origin, and exact
 * agreement between Lloyd and Hamerly requires one distance function for both.
 *
 * Hamerly (2010), "Making k-means even faster", SIAM SDM: a point keeps its label without
 * computing any distance when u(i) <= max(s(a), l(i)). Bounds move with the centres
 * (u += p(a), l -= max_j p(j)). Pruning here is slightly conservative (a relative margin of
 * 1e-9) so accumulated rounding in the bounds can never keep a label that Lloyd's exact argmin
 * (lowest index on ties) would change: Hamerly gives the same labels as Lloyd, bit for bit.
 */
import type { AssignTask, BlockTask, DistanceTask } from './kmeans-blocks.js';
import { squaredDistance } from './squared-distance.js';
import { seedCandidates, seedUpdate } from './kmeans-plus-plus-kernel.js';

/** Relative safety margin on Hamerly's pruning test. */
const PRUNE_MARGIN = 1e-9;

/** Runs `task` over blocks [first, end). The single entry point workers call. */
export function runBlockTask(task: BlockTask, first: number, end: number): void {
  switch (task.kind) {
    case 'lloyd':
    case 'hamerly':
      for (let b = first; b < end; b++) assignBlock(task, b);
      return;
    case 'inertia':
    case 'point-distances':
      for (let b = first; b < end; b++) distanceBlock(task, b);
      return;
    case 'seed-first':
    case 'seed-update':
      for (let b = first; b < end; b++) seedUpdate(task, b);
      return;
    case 'seed-candidates':
      for (let b = first; b < end; b++) seedCandidates(task, b);
      return;
  }
}

function assignBlock(task: AssignTask, b: number): void {
  const start = b * task.blockRows;
  const end = Math.min(task.n, start + task.blockRows);
  const { X, d, k, centers, labels } = task;
  let changed: number;
  if (task.kind === 'hamerly') {
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
  } else if (task.initBounds && task.upper !== null && task.lower !== null) {
    changed = lloydRows(X, d, k, centers, labels, task.upper, task.lower, start, end);
  } else {
    changed = lloydRows(X, d, k, centers, labels, null, null, start, end);
  }
  task.blockChanged[b] = changed;
  if (task.accumulate && (changed > 0 || task.force)) {
    const sumsOffset = b * k * d;
    const weightsOffset = b * k;
    task.blockSums.fill(0, sumsOffset, sumsOffset + k * d);
    task.blockWeights.fill(0, weightsOffset, weightsOffset + k);
    if (task.weights === null) {
      sumRows(
        X,
        d,
        labels,
        task.blockSums,
        sumsOffset,
        task.blockWeights,
        weightsOffset,
        start,
        end,
      );
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
}

/** Lloyd: labels of rows [start, end) by full scan; optionally Hamerly bounds. Returns changes. */
function lloydRows(
  X: Float64Array,
  d: number,
  k: number,
  centers: Float64Array,
  labels: Int32Array,
  upper: Float64Array | null,
  lower: Float64Array | null,
  start: number,
  end: number,
): number {
  let changed = 0;
  for (let i = start; i < end; i++) {
    const xo = i * d;
    let best = 0;
    let bestDistance = Infinity;
    let second = Infinity;
    for (let j = 0; j < k; j++) {
      const distance = squaredDistance(X, xo, centers, j * d, d);
      if (distance < bestDistance) {
        second = bestDistance;
        bestDistance = distance;
        best = j;
      } else if (distance < second) {
        second = distance;
      }
    }
    if (labels[i] !== best) {
      changed++;
      labels[i] = best;
    }
    if (upper !== null && lower !== null) {
      upper[i] = Math.sqrt(bestDistance);
      lower[i] = Math.sqrt(second);
    }
  }
  return changed;
}

/** Hamerly: labels and bounds of rows [start, end), computing distances only when needed. */
function hamerlyRows(
  X: Float64Array,
  d: number,
  k: number,
  centers: Float64Array,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  shifts: Float64Array,
  halfSeparation: Float64Array,
  maxShift: number,
  maxShiftIndex: number,
  secondMaxShift: number,
  start: number,
  end: number,
): number {
  let changed = 0;
  for (let i = start; i < end; i++) {
    const label = labels[i]!;
    let u = upper[i]! + shifts[label]!;
    let l = lower[i]! - (label === maxShiftIndex ? secondMaxShift : maxShift);
    const s = halfSeparation[label]!;
    const m = s > l ? s : l;
    if (u > m - PRUNE_MARGIN * (u + m)) {
      const xo = i * d;
      u = Math.sqrt(squaredDistance(X, xo, centers, label * d, d));
      if (u > m - PRUNE_MARGIN * (u + m)) {
        let best = 0;
        let bestDistance = Infinity;
        let second = Infinity;
        for (let j = 0; j < k; j++) {
          const distance = squaredDistance(X, xo, centers, j * d, d);
          if (distance < bestDistance) {
            second = bestDistance;
            bestDistance = distance;
            best = j;
          } else if (distance < second) {
            second = distance;
          }
        }
        u = Math.sqrt(bestDistance);
        l = Math.sqrt(second);
        if (best !== label) {
          changed++;
          labels[i] = best;
        }
      }
    }
    upper[i] = u;
    lower[i] = l;
  }
  return changed;
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

function distanceBlock(task: DistanceTask, b: number): void {
  const { X, d, centers, labels, weights, output } = task;
  const start = b * task.blockRows;
  const end = Math.min(task.n, start + task.blockRows);
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
