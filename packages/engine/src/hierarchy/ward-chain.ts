/**
 * Ward linkage by the nearest-neighbour chain (Müllner 2011, "Modern hierarchical,
 * agglomerative clustering algorithms", algorithm NN-chain-linkage) without any n x n matrix:
 * each cluster keeps its centroid and size, and the Ward distance between clusters A and B is
 * computed on the fly,
 *
 *   ward(A, B) = sqrt(2 |A| |B| / (|A| + |B|)) ||c_A - c_B||,
 *
 * the height SciPy's `linkage(X, 'ward')` reports. Memory is O(n d); time O(n^2 d).
 *
 * The inner loop (nearest active cluster of the chain's tip) minimises the Ward criterion
 * ||c_A - c_B||^2 / (1/|A| + 1/|B|): the squared distance is accumulated four features at a
 * time and abandoned as soon as it exceeds best * (1/|A| + 1/|B|), so no division is needed for
 * rejected candidates. Active clusters are a compact list kept in increasing row order, so ties
 * resolve as in SciPy's `nn_chain` (prefer the chain's previous element, then the lowest id).
 *
 * Notation: X is (n, d); a cluster is named by one of its rows (the larger of the two merged
 * names survives, as in SciPy); m active clusters.
 */
import { finishLinkage, type LinkageMatrix } from './linkage-matrix.js';

/**
 * ||a - b||^2 accumulated exactly as in the inner loop (four partial sums), so the criterion is
 * symmetric bit for bit: a chain must see d(A, B) = d(B, A) to stop.
 */
function squaredGap(centers: Float64Array, ao: number, bo: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let f = 0;
  for (; f + 3 < d; f += 4) {
    const t0 = centers[ao + f]! - centers[bo + f]!;
    const t1 = centers[ao + f + 1]! - centers[bo + f + 1]!;
    const t2 = centers[ao + f + 2]! - centers[bo + f + 2]!;
    const t3 = centers[ao + f + 3]! - centers[bo + f + 3]!;
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; f < d; f++) {
    const diff = centers[ao + f]! - centers[bo + f]!;
    s0 += diff * diff;
  }
  return s0 + s1 + (s2 + s3);
}

/**
 * Ward linkage of the rows of X (finite, n >= 1) in SciPy's format.
 * @param X - row-major data, shape (n, d).
 */
export function wardChainKernel(X: Float64Array, n: number, d: number): LinkageMatrix {
  const centers = X.slice(0, n * d);
  const size = new Float64Array(n).fill(1);
  const inverseSize = new Float64Array(n).fill(1);
  const active = new Int32Array(n);
  for (let i = 0; i < n; i++) active[i] = i;
  let m = n;
  const chain = new Int32Array(n);
  let chainLength = 0;
  const first = new Int32Array(Math.max(0, n - 1));
  const second = new Int32Array(Math.max(0, n - 1));
  const height = new Float64Array(Math.max(0, n - 1));
  const d4 = d - (d % 4);

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
      const xo = x * d;
      const inverseX = inverseSize[x]!;
      best = Infinity;
      let previous = -1;
      if (chainLength > 1) {
        previous = chain[chainLength - 2]!;
        y = previous;
        best = squaredGap(centers, xo, previous * d, d) / (inverseX + inverseSize[previous]!);
      }
      for (let slot = 0; slot < m; slot++) {
        const i = active[slot]!;
        if (i === x) continue;
        const scale = inverseX + inverseSize[i]!;
        const limit = best * scale;
        const io = i * d;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let f = 0;
        let rejected = false;
        for (; f < d4; f += 4) {
          const t0 = centers[xo + f]! - centers[io + f]!;
          const t1 = centers[xo + f + 1]! - centers[io + f + 1]!;
          const t2 = centers[xo + f + 2]! - centers[io + f + 2]!;
          const t3 = centers[xo + f + 3]! - centers[io + f + 3]!;
          s0 += t0 * t0;
          s1 += t1 * t1;
          s2 += t2 * t2;
          s3 += t3 * t3;
          if (s0 + s1 + (s2 + s3) > limit) {
            rejected = true;
            break;
          }
        }
        if (rejected) continue;
        for (; f < d; f++) {
          const diff = centers[xo + f]! - centers[io + f]!;
          s0 += diff * diff;
        }
        const squared = s0 + s1 + (s2 + s3);
        const criterion = squared / scale;
        if (criterion < best) {
          best = criterion;
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
    // Merge x into y: y's centroid becomes the size-weighted mean, x leaves the active list.
    const nx = size[x]!;
    const ny = size[y]!;
    const total = nx + ny;
    const xo = x * d;
    const yo = y * d;
    for (let f = 0; f < d; f++)
      centers[yo + f] = (nx * centers[xo + f]! + ny * centers[yo + f]!) / total;
    size[y] = total;
    inverseSize[y] = 1 / total;
    size[x] = 0;
    first[t] = x;
    second[t] = y;
    height[t] = Math.sqrt(2 * best);
    let slot = 0;
    while (active[slot] !== x) slot++;
    active.copyWithin(slot, slot + 1, m);
    m--;
  }
  return finishLinkage(first, second, height);
}
