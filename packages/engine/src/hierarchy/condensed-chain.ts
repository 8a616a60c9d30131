/**
 * Complete and average linkage by the nearest-neighbour chain (Müllner 2011, "Modern
 * hierarchical, agglomerative clustering algorithms", NN-chain-linkage) over the condensed
 * distance matrix, updated in place with the Lance-Williams formulas:
 *
 *   complete: d(i, x + y) = max(d(i, x), d(i, y))
 *   average:  d(i, x + y) = (|x| d(i, x) + |y| d(i, y)) / (|x| + |y|)
 *
 * A port of SciPy's `_hierarchy.nn_chain`, including its tie rules (prefer the chain's previous
 * element, then the lowest id; the merged cluster keeps the larger id), over a compact list of
 * active clusters in increasing id order. Memory: n (n - 1) / 2 float64 values.
 *
 * Notation: n rows; condensed index of (i, j), i < j: n i - i (i + 1) / 2 + j - i - 1; m active
 * clusters.
 */
import { finishLinkage, type LinkageMatrix } from './linkage-matrix.js';

/** The linkages this kernel implements. */
export type CondensedLinkage = 'complete' | 'average';

/** Position of pair (i, j), i != j, in a condensed matrix of n rows. */
export function condensedIndex(n: number, i: number, j: number): number {
  if (i > j) {
    const swap = i;
    i = j;
    j = swap;
  }
  return n * i - (i * (i + 1)) / 2 + j - i - 1;
}

/** Euclidean distances between the rows of X, condensed (SciPy's `pdist`), shape (n (n - 1) / 2). */
export function condensedEuclidean(X: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const io = i * d;
    for (let j = i + 1; j < n; j++) {
      const jo = j * d;
      let squared = 0;
      for (let f = 0; f < d; f++) {
        const diff = X[io + f]! - X[jo + f]!;
        squared += diff * diff;
      }
      out[p++] = Math.sqrt(squared);
    }
  }
  return out;
}

/** The upper triangle of a square (n, n) distance matrix, condensed. */
export function condensedFromSquare(D: Float64Array, n: number): Float64Array {
  const out = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out[p++] = D[i * n + j]!;
  return out;
}

/**
 * Complete or average linkage from a condensed distance matrix, which is overwritten.
 * @param D - condensed distances, shape (n (n - 1) / 2); finite, >= 0. Mutated.
 */
export function condensedChainKernel(
  D: Float64Array,
  n: number,
  method: CondensedLinkage,
): LinkageMatrix {
  const size = new Float64Array(n).fill(1);
  const active = new Int32Array(n);
  for (let i = 0; i < n; i++) active[i] = i;
  let m = n;
  const chain = new Int32Array(n);
  let chainLength = 0;
  const first = new Int32Array(Math.max(0, n - 1));
  const second = new Int32Array(Math.max(0, n - 1));
  const height = new Float64Array(Math.max(0, n - 1));
  const average = method === 'average';

  for (let t = 0; t < n - 1; t++) {
    if (chainLength === 0) {
      chain[0] = active[0]!;
      chainLength = 1;
    }
    let x = 0;
    let y = 0;
    let best = 0;
    for (;;) {
      x = chain[chainLength - 1]!;
      best = Infinity;
      let previous = -1;
      if (chainLength > 1) {
        previous = chain[chainLength - 2]!;
        y = previous;
        best = D[condensedIndex(n, x, previous)]!;
      }
      // Entries (x, i) with i > x are contiguous from rowStart + x + 1.
      const rowStart = n * x - (x * (x + 1)) / 2 - x - 1;
      for (let slot = 0; slot < m; slot++) {
        const i = active[slot]!;
        if (i === x) continue;
        const distance = i < x ? D[n * i - (i * (i + 1)) / 2 + x - i - 1]! : D[rowStart + i]!;
        if (distance < best) {
          best = distance;
          y = i;
        }
      }
      if (chainLength > 1 && y === previous) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    if (x > y) {
      const swap = x;
      x = y;
      y = swap;
    }
    const nx = size[x]!;
    const ny = size[y]!;
    first[t] = x;
    second[t] = y;
    height[t] = best;
    size[x] = 0;
    size[y] = nx + ny;
    for (let slot = 0; slot < m; slot++) {
      const i = active[slot]!;
      if (i === x || i === y) continue;
      const iy = condensedIndex(n, i, y);
      const dx = D[condensedIndex(n, i, x)]!;
      const dy = D[iy]!;
      D[iy] = average ? (nx * dx + ny * dy) / (nx + ny) : Math.max(dx, dy);
    }
    let slot = 0;
    while (active[slot] !== x) slot++;
    active.copyWithin(slot, slot + 1, m);
    m--;
  }
  return finishLinkage(first, second, height);
}
