/**
 * One mini-batch k-means step (Sculley 2010, "Web-scale k-means clustering", WWW), exactly as
 * scikit-learn 1.2.1's `_mini_batch_step` with `_minibatch_update_dense`.
 *
 * Notation: the batch B is (b, d) row-major with weights w; C_old, C_new are (k, d) centres;
 * W(c) the total weight a centre has absorbed so far (its "count"). Each centre moves to the
 * weighted mean of everything it has absorbed:
 *   C_new(c) = (C_old(c) * W(c) + sum_{i in B, label i = c} w_i x_i) / (W(c) + sum w_i),
 * a per-centre learning rate that decays as 1 / W(c).
 */
import type { Random } from '../core/random.js';
import { nearestCenter, squaredDistance } from './squared-distance.js';

/** Mutable state of the online update (kernel-internal). */
export interface MiniBatchState {
  /** Current centres, (k, d). Replaced (not mutated) by each step. */
  centers: Float64Array;
  /** W(c): weight absorbed per centre, length k. Mutated in place. */
  readonly weightSums: Float64Array;
}

/**
 * Labels each batch row with its nearest centre, moves the centres (into `centersNew`), and
 * when `randomReassign` re-seeds centres whose W(c) < ratio * max W on random batch rows.
 * Returns the batch inertia sum_i w_i ||x_i - C_old(label i)||^2 (before the update).
 *
 * @param batch - (b, d) rows of the batch, contiguous.
 * @param weights - length b, or null for unit weights.
 * @param centersOld - (k, d), read only.
 * @param centersNew - (k, d), written.
 * @param weightSums - W(c), length k, updated in place.
 */
export function minibatchStep(
  batch: Float64Array,
  weights: Float64Array | null,
  b: number,
  d: number,
  k: number,
  centersOld: Float64Array,
  centersNew: Float64Array,
  weightSums: Float64Array,
  random: Random,
  randomReassign: boolean,
  reassignmentRatio: number,
): number {
  const labels = new Int32Array(b);
  let inertia = 0;
  for (let i = 0; i < b; i++) {
    const c = nearestCenter(batch, i * d, centersOld, k, d);
    labels[i] = c;
    const w = weights === null ? 1 : weights[i]!;
    inertia += w * squaredDistance(batch, i * d, centersOld, c * d, d);
  }

  // Same operation order as scikit-learn: C_old(c) * W(c), plus each member's w_i x_i in row
  // order, times 1 / (W(c) + sum w_i). Centres without members are copied.
  const batchWeight = new Float64Array(k);
  for (let i = 0; i < b; i++) batchWeight[labels[i]!]! += weights === null ? 1 : weights[i]!;
  for (let c = 0; c < k; c++) {
    const scale = batchWeight[c]! > 0 ? weightSums[c]! : 1;
    for (let f = 0; f < d; f++) centersNew[c * d + f] = centersOld[c * d + f]! * scale;
  }
  for (let i = 0; i < b; i++) {
    const c = labels[i]!;
    const w = weights === null ? 1 : weights[i]!;
    for (let f = 0; f < d; f++) centersNew[c * d + f]! += batch[i * d + f]! * w;
  }
  for (let c = 0; c < k; c++) {
    if (!(batchWeight[c]! > 0)) continue;
    weightSums[c]! += batchWeight[c]!;
    const alpha = 1 / weightSums[c]!;
    for (let f = 0; f < d; f++) centersNew[c * d + f]! *= alpha;
  }

  if (randomReassign && reassignmentRatio > 0)
    reassign(batch, b, d, k, centersNew, weightSums, random, reassignmentRatio);
  return inertia;
}

/**
 * Re-seeds low-weight centres on random batch rows (scikit-learn's "dirty hack"): centres with
 * W(c) < ratio * max W, at most b / 2 of them (the lightest), move to distinct random rows, and
 * their W is reset to the smallest W among the kept centres so they are not re-seeded at once.
 * Returns how many centres moved.
 */
export function reassign(
  batch: Float64Array,
  b: number,
  d: number,
  k: number,
  centers: Float64Array,
  weightSums: Float64Array,
  random: Random,
  ratio: number,
): number {
  let maxWeight = -Infinity;
  for (let c = 0; c < k; c++) if (weightSums[c]! > maxWeight) maxWeight = weightSums[c]!;
  const limit = ratio * maxWeight;
  const toReassign: number[] = [];
  for (let c = 0; c < k; c++) if (weightSums[c]! < limit) toReassign.push(c);
  const cap = Math.floor(0.5 * b);
  if (toReassign.length > 0.5 * b) {
    // Keep only the `cap` lightest (stable order by weight, then index, as a stable argsort).
    toReassign.sort((p, q) => weightSums[p]! - weightSums[q]! || p - q);
    toReassign.length = cap;
    toReassign.sort((p, q) => p - q);
  }
  if (toReassign.length === 0) return 0;
  const chosen = sampleWithoutReplacement(b, toReassign.length, random);
  for (let r = 0; r < toReassign.length; r++) {
    const c = toReassign[r]!;
    centers.set(batch.subarray(chosen[r]! * d, (chosen[r]! + 1) * d), c * d);
  }
  const moved = new Uint8Array(k);
  for (const c of toReassign) moved[c] = 1;
  let minKept = Infinity;
  for (let c = 0; c < k; c++)
    if (moved[c] === 0 && weightSums[c]! < minKept) minKept = weightSums[c]!;
  // Every centre re-seeded (only possible with ratio > 1): scikit-learn fails here; keep W.
  if (minKept < Infinity) for (const c of toReassign) weightSums[c] = minKept;
  return toReassign.length;
}

/** `count` distinct integers from [0, n) in random order (partial Fisher-Yates, O(n)). */
function sampleWithoutReplacement(n: number, count: number, random: Random): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + random.int(n - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, count);
}
