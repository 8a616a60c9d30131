/**
 * Row-level assignment loops of k-means: each labels rows [start, end) and returns how many
 * labels changed.
 *
 * Notation: X is (n, d) row-major, C is (k, d), a(i) the label of row i, u(i) an upper bound on
 * ||x_i - c_a(i)||, l(i) a lower bound on the distance from x_i to its second-closest centre,
 * s(j) half the distance from c_j to its nearest other centre, p(j) the shift of c_j.
 *
 * - Lloyd: all k distances; the lowest index wins ties.
 * - Hamerly (2010), "Making k-means even faster", SIAM SDM: a row keeps its label without any
 *   distance when u(i) <= max(s(a), l(i)); bounds move with the centres (u += p(a),
 *   l -= max_j p(j)).
 * - Elkan (2003), "Using the triangle inequality to accelerate k-means", ICML: per-centre lower
 *   bounds skip the centres that cannot be closer.
 *
 * Pruning is slightly conservative (relative margin 1e-9) so accumulated rounding in the bounds
 * can never keep a label that Lloyd's exact argmin would change: all three give the same labels,
 * bit for bit (tested).
 */
import type { AssignTask } from './kmeans-blocks.js';
import { squaredDistance } from './squared-distance.js';

/** Relative safety margin on the pruning tests. */
const PRUNE_MARGIN = 1e-9;

/** Lloyd without bounds: only the nearest centre (one comparison per centre). */
export function nearestRows(
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
export function lloydRows(
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
export function hamerlyRows(
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
      const own = squaredDistance(X, xo, centers, label * d, d);
      u = Math.sqrt(own);
      if (u > m - PRUNE_MARGIN * (u + m)) {
        let best = 0;
        let bestDistance = Infinity;
        let second = Infinity;
        for (let j = 0; j < k; j++) {
          // The label's distance was just computed (same function, same value).
          const distance = j === label ? own : squaredDistance(X, xo, centers, j * d, d);
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
export function lloydRowsAllBounds(task: AssignTask, start: number, end: number): number {
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
export function elkanRows(task: AssignTask, start: number, end: number): number {
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
