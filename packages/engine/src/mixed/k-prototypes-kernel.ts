/**
 * One k-prototypes run (Huang 1997, 1998), as the kmodes library's `_k_prototypes_single`:
 * assign every row to its nearest initial prototype and recompute the prototypes; then pass over
 * the rows, moving each to its nearest prototype and updating the two prototypes involved at once
 * (numeric means from running sums, modes from running frequencies, smallest code on ties); an
 * empty cluster (after the initial assignment, or emptied by a move) takes a random row of the
 * largest one. After each pass the labels and cost are
 * recomputed; stop when a pass moves nothing or the cost does not decrease.
 *
 * Notation: Xn (n, p), Xc (n, m) dense levels, k prototypes: centroids C (k, p), modes Q (k, m);
 * S (k, p) numeric sums, N (k) sizes, F (k, L) level frequencies (L levels over all columns).
 */
import type { Random } from '../core/random.js';
import { nearestFrom, nearestPrototype } from './k-prototypes-cost.js';
import type { MixedData } from './k-prototypes-data.js';
import type { InitialPrototypes } from './k-prototypes-init.js';

/** The result of one run. */
export interface PrototypeRun {
  readonly centroids: Float64Array;
  /** Dense levels (k * m). */
  readonly modes: Int32Array;
  readonly labels: Int32Array;
  readonly cost: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Clusters emptied and reseeded during the run. */
  readonly reseeded: number;
}

/** Runs k-prototypes from the given initial prototypes (which it does not modify). */
export function kPrototypesRun(
  data: MixedData,
  k: number,
  gamma: number,
  initial: InitialPrototypes,
  maxIterations: number,
  random: Random,
): PrototypeRun {
  const { numeric: Xn, categorical: Xc, n, p, m, levelOffsets } = data;
  const L = levelOffsets[m]!;
  const C = initial.centroids.slice();
  const Q = initial.modes.slice();
  const S = new Float64Array(k * p);
  const N = new Int32Array(k);
  const F = new Int32Array(k * L);
  const membership = new Int32Array(n);
  const best = new Float64Array(2);

  const add = (i: number, c: number, sign: 1 | -1): void => {
    N[c]! += sign;
    for (let f = 0; f < p; f++) S[c * p + f]! += sign * Xn[i * p + f]!;
    for (let g = 0; g < m; g++) F[c * L + levelOffsets[g]! + Xc[i * m + g]!]! += sign;
  };
  const updateCentroid = (c: number): void => {
    for (let f = 0; f < p; f++) C[c * p + f] = N[c]! > 0 ? S[c * p + f]! / N[c]! : 0;
  };
  // Mode of column g in cluster c: the most frequent level, the smallest on ties.
  const updateMode = (c: number, g: number): void => {
    const start = c * L + levelOffsets[g]!;
    const count = levelOffsets[g + 1]! - levelOffsets[g]!;
    let mode = 0;
    for (let l = 1; l < count; l++) if (F[start + l]! > F[start + mode]!) mode = l;
    Q[c * m + g] = mode;
  };
  const move = (i: number, from: number, to: number): void => {
    add(i, from, -1);
    add(i, to, 1);
    membership[i] = to;
    updateCentroid(to);
    updateCentroid(from);
    for (let g = 0; g < m; g++) {
      updateMode(to, g);
      updateMode(from, g);
    }
  };

  let reseeded = 0;
  // An empty cluster takes a random member of the largest cluster.
  const reseed = (empty: number): void => {
    let largest = 0;
    for (let o = 1; o < k; o++) if (N[o]! > N[largest]!) largest = o;
    let pick = random.int(N[largest]!);
    let row = 0;
    for (; row < n; row++) if (membership[row] === largest && pick-- === 0) break;
    move(row, largest, empty);
    reseeded++;
  };

  // Initial assignment against the fixed initial prototypes, then one prototype update.
  for (let i = 0; i < n; i++) {
    const c = nearestPrototype(
      Xn,
      i * p,
      p,
      Xc,
      i * m,
      m,
      initial.centroids,
      initial.modes,
      k,
      gamma,
      best,
    );
    membership[i] = c;
    add(i, c, 1);
  }
  for (let c = 0; c < k; c++) {
    if (N[c] === 0) continue;
    updateCentroid(c);
    for (let g = 0; g < m; g++) updateMode(c, g);
  }
  // kmodes redraws the whole init (20 tries, then random) while a prototype attracts no row;
  // we give such a prototype a random row of the largest cluster instead.
  for (let c = 0; c < k; c++) if (N[c] === 0) reseed(c);

  // The cost of the initial prototypes: a first pass that does not lower it stops the run.
  const costPass = (): { labels: Int32Array; cost: number } => {
    const next = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      next[i] = nearestFrom(Xn, i * p, p, Xc, i * m, m, C, Q, k, gamma, membership[i]!, best);
      total += best[0]!;
    }
    return { labels: next, cost: total };
  };
  let { labels, cost } = costPass();
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    let moves = 0;
    for (let i = 0; i < n; i++) {
      const old = membership[i]!;
      const c = nearestFrom(Xn, i * p, p, Xc, i * m, m, C, Q, k, gamma, old, best);
      if (c === old) continue;
      moves++;
      move(i, old, c);
      if (N[old] === 0) reseed(old);
    }
    const { labels: next, cost: nextCost } = costPass();
    converged = moves === 0 || nextCost >= cost;
    labels = next;
    cost = nextCost;
  }
  return { centroids: C, modes: Q, labels, cost, iterations, converged, reseeded };
}
