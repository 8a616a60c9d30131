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
import { seedCandidates, seedFirst } from './kmeans-plus-plus-kernel.js';

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
      for (let b = first; b < end; b++) seedFirst(task, b);
      return;
    case 'seed-candidates':
      for (let b = first; b < end; b++) seedCandidates(task, b);
      return;
  }
}

/** Labels of the current block before assignment (one buffer per thread). */
let previousLabels = new Int32Array(0);

function assignBlock(task: AssignTask, b: number): void {
  const start = b * task.blockRows;
  const end = Math.min(task.n, start + task.blockRows);
  const { X, d, k, centers, labels } = task;
  // Unit weights: centroid sums are updated for the rows that move (exact integer counts make
  // emptiness exact). Weighted: the block is re-summed from scratch when any label changed.
  const incremental = task.accumulate && !task.force && task.weights === null;
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
  const sumsOffset = b * k * d;
  const weightsOffset = b * k;
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

/** Lloyd without bounds: only the nearest centre (one comparison per centre). */
function nearestRows(
  X: Float64Array,
  d: number,
  k: number,
  centers: Float64Array,
  labels: Int32Array,
  start: number,
  end: number,
): number {
  let changed = 0;
  for (let i = start; i < end; i++) {
    const xo = i * d;
    let best = 0;
    let bestDistance = Infinity;
    for (let j = 0; j < k; j++) {
      const distance = squaredDistance(X, xo, centers, j * d, d);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = j;
      }
    }
    if (labels[i] !== best) {
      changed++;
      labels[i] = best;
    }
  }
  return changed;
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

/** Lloyd that also writes every per-centre bound (exact distances) for the Elkan filter. */
function lloydRowsAllBounds(task: AssignTask, start: number, end: number): number {
  const { X, d, k, centers, labels } = task;
  const upper = task.upper!;
  const lower = task.lower!;
  const bounds = task.centerBounds!;
  const stamps = task.stamps!;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const xo = i * d;
    const bo = i * k;
    let best = 0;
    let bestDistance = Infinity;
    let second = Infinity;
    for (let j = 0; j < k; j++) {
      const distance = squaredDistance(X, xo, centers, j * d, d);
      bounds[bo + j] = Math.sqrt(distance);
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
    upper[i] = Math.sqrt(bestDistance);
    lower[i] = Math.sqrt(second);
    stamps[i] = task.iteration;
  }
  return changed;
}

/**
 * Hamerly's test first; when it fails, Elkan's per-centre filter: centre j is skipped when its
 * lazily corrected lower bound, or its distance to the current best centre minus the best
 * distance, already exceeds the best distance (Elkan 2003, lemmas 1 and 2). The upper bound is
 * made exact only when some centre survives the filter, and only centres that could be strictly
 * closer are measured; ties go to the lowest index as in Lloyd.
 */
function elkanRows(task: AssignTask, start: number, end: number): number {
  const { X, d, k, centers, labels, iteration } = task;
  const upper = task.upper!;
  const lower = task.lower!;
  const shifts = task.shifts!;
  const halfSeparation = task.halfSeparation!;
  const bounds = task.centerBounds!;
  const stamps = task.stamps!;
  const cumulative = task.cumulativeShifts!;
  const centerDistances = task.centerDistances!;
  const { maxShift, maxShiftIndex, secondMaxShift } = task;
  const now = iteration * k;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const label = labels[i]!;
    let u = upper[i]! + shifts[label]!;
    let l = lower[i]! - (label === maxShiftIndex ? secondMaxShift : maxShift);
    const s = halfSeparation[label]!;
    const m = s > l ? s : l;
    if (u <= m - PRUNE_MARGIN * (u + m)) {
      upper[i] = u;
      lower[i] = l;
      continue;
    }
    const xo = i * d;
    const bo = i * k;
    const then = stamps[i]! * k;
    let best = label;
    let bestDistance2 = -1;
    // The two smallest per-centre bounds (and the index of the smallest) give the new l.
    let min1 = Infinity;
    let min1Index = -1;
    let min2 = Infinity;
    for (let j = 0; j < k; j++) {
      if (j === label) continue;
      let bound = bounds[bo + j]! - (cumulative[now + j]! - cumulative[then + j]!);
      if (u < bound - PRUNE_MARGIN * (u + bound)) {
        bounds[bo + j] = bound;
        if (bound < min2) {
          if (bound < min1) {
            min2 = min1;
            min1 = bound;
            min1Index = j;
          } else min2 = bound;
        }
        continue;
      }
      if (bestDistance2 < 0) {
        bestDistance2 = squaredDistance(X, xo, centers, best * d, d);
        u = Math.sqrt(bestDistance2);
        bounds[bo + best] = u;
      }
      const separation = centerDistances[best * k + j]! - u;
      if (separation > bound) bound = separation;
      if (u < bound - PRUNE_MARGIN * (u + bound)) {
        bounds[bo + j] = bound;
        if (bound < min2) {
          if (bound < min1) {
            min2 = min1;
            min1 = bound;
            min1Index = j;
          } else min2 = bound;
        }
        continue;
      }
      const distance2 = squaredDistance(X, xo, centers, j * d, d);
      const distance = Math.sqrt(distance2);
      bounds[bo + j] = distance;
      if (distance < min2) {
        if (distance < min1) {
          min2 = min1;
          min1 = distance;
          min1Index = j;
        } else min2 = distance;
      }
      if (distance2 < bestDistance2 || (distance2 === bestDistance2 && j < best)) {
        best = j;
        bestDistance2 = distance2;
        u = distance;
      }
    }
    // Untightened: the label's own stored bound stays valid once corrected to this iteration.
    if (bestDistance2 < 0)
      bounds[bo + label]! -= cumulative[now + label]! - cumulative[then + label]!;
    const own = bounds[bo + label]!;
    if (own < min2) {
      if (own < min1) {
        min2 = min1;
        min1 = own;
        min1Index = label;
      } else min2 = own;
    }
    l = min1Index === best ? min2 : min1;
    stamps[i] = iteration;
    if (best !== label) {
      changed++;
      labels[i] = best;
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
