/**
 * Ward linkage by the nearest-neighbour chain (Müllner 2011, "Modern hierarchical,
 * agglomerative clustering algorithms", algorithm NN-chain-linkage) without any n x n matrix:
 * each cluster keeps its centroid and size, and the Ward distance between clusters A and B is
 * computed on the fly,
 *
 *   ward(A, B) = sqrt(2 |A| |B| / (|A| + |B|)) ||c_A - c_B||,
 *
 * the height SciPy's `linkage(X, 'ward')` reports. Memory is O(n d).
 *
 * The inner loop (nearest active cluster of the chain's tip x) minimises the Ward criterion
 * ||c_x - c_i||^2 / (1/|x| + 1/|i|) over a kd-tree of centroids (`centroid-tree.ts`): a node is
 * skipped when (distance from c_x to its box)^2 / (1/|x| + its largest 1/|i|) exceeds the best
 * criterion, and a candidate's squared distance is accumulated four features at a time and
 * abandoned once it exceeds best * (1/|x| + 1/|i|) (no division for rejected candidates). Ties
 * resolve as in SciPy's `nn_chain`: prefer the chain's previous element, then the lowest id.
 *
 * Notation: X is (n, d); a cluster is named by one of its rows (the larger of the two merged
 * names survives, as in SciPy); m active clusters.
 */
import {
  appendCluster,
  createCentroidTree,
  looseLimit,
  rebuildCentroidTree,
  removeCluster,
} from './centroid-tree.js';
import { finishLinkage, type LinkageMatrix } from './linkage-matrix.js';
// Four partial sums, as the chain's inner loop adds them: d(A, B) = d(B, A) bit for bit, which a
// chain needs to stop.
import { squaredDistance } from '../cluster/squared-distance.js';

/**
 * Ward linkage of the rows of X (finite, n >= 1) in SciPy's format.
 * @param X - row-major data, shape (n, d).
 */
export function wardChainKernel(X: Float64Array, n: number, d: number): LinkageMatrix {
  const first = new Int32Array(Math.max(0, n - 1));
  const second = new Int32Array(Math.max(0, n - 1));
  const height = new Float64Array(Math.max(0, n - 1));
  if (n < 2) return finishLinkage(first, second, height);
  const tree = createCentroidTree(X, n, d);
  const size = new Float64Array(n).fill(1);
  const chain = new Int32Array(n);
  let chainLength = 0;
  let lowest = 0;
  let live = n;
  const d4 = d - (d % 4);
  const stack = new Int32Array(4096);
  const merged = new Float64Array(d);

  // Search state shared with `scan` (closures over locals keep the hot loop monomorphic).
  let x = 0;
  let xo = 0;
  let inverseX = 0;
  let best = Infinity;
  let y = -1;
  let previous = -1;

  const scan = (start: number, end: number): void => {
    const { centers, inverseSize, slotId } = tree;
    for (let s = start; s < end; s++) {
      const i = slotId[s]!;
      if (i < 0 || i === x) continue;
      const scale = inverseX + inverseSize[s]!;
      const limit = best * scale;
      const io = s * d;
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
      const criterion = (s0 + s1 + (s2 + s3)) / scale;
      if (criterion < best || (criterion === best && y !== previous && i < y)) {
        best = criterion;
        y = i;
      }
    }
  };

  /** Squared distance from centroid x to node's box. */
  const boxGap = (node: number): number => {
    const { centers, boxLow, boxHigh } = tree;
    const bo = node * d;
    let total = 0;
    for (let f = 0; f < d; f++) {
      const value = centers[xo + f]!;
      const below = boxLow[bo + f]! - value;
      const above = value - boxHigh[bo + f]!;
      const gap = below > 0 ? below : above > 0 ? above : 0;
      total += gap * gap;
    }
    return total;
  };

  for (let t = 0; t < n - 1; t++) {
    if (chainLength === 0) {
      while (size[lowest] === 0) lowest++;
      chain[0] = lowest;
      chainLength = 1;
    }
    for (;;) {
      x = chain[chainLength - 1]!;
      const px = tree.position[x]!;
      xo = px * d;
      inverseX = tree.inverseSize[px]!;
      best = Infinity;
      y = -1;
      previous = -1;
      if (chainLength > 1) {
        previous = chain[chainLength - 2]!;
        const pp = tree.position[previous]!;
        y = previous;
        best =
          squaredDistance(tree.centers, xo, tree.centers, pp * d, d) /
          (inverseX + tree.inverseSize[pp]!);
      }
      scan(tree.treeCount, tree.slotCount);
      if (tree.treeCount > 0) {
        const { nodeLeft, nodeRight, nodeStart, nodeEnd, nodeMaxInverse } = tree;
        let top = 0;
        stack[top++] = 0;
        while (top > 0) {
          const node = stack[--top]!;
          // Rounding: a box gap never exceeds the true distance by more than an ulp or so, and
          // the strict > keeps exact ties; the 1e-12 margin covers the rest.
          if (boxGap(node) * (1 - 1e-12) > best * (inverseX + nodeMaxInverse[node]!)) continue;
          const left = nodeLeft[node]!;
          if (left < 0) {
            scan(nodeStart[node]!, nodeEnd[node]!);
            continue;
          }
          const right = nodeRight[node]!;
          // Visit the nearer child first (pushed last).
          if (boxGap(left) <= boxGap(right)) {
            stack[top++] = right;
            stack[top++] = left;
          } else {
            stack[top++] = left;
            stack[top++] = right;
          }
        }
      }
      if (chainLength > 1 && y === previous) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    let a = x;
    let b = y;
    if (a > b) {
      a = y;
      b = x;
    }
    first[t] = a;
    second[t] = b;
    height[t] = Math.sqrt(2 * best);

    // Merge a into b: b's centroid becomes the size-weighted mean and moves to a loose slot.
    const na = size[a]!;
    const nb = size[b]!;
    const total = na + nb;
    const ao = tree.position[a]! * d;
    const bo = tree.position[b]! * d;
    for (let f = 0; f < d; f++)
      merged[f] = (na * tree.centers[ao + f]! + nb * tree.centers[bo + f]!) / total;
    size[a] = 0;
    size[b] = total;
    removeCluster(tree, a);
    removeCluster(tree, b);
    appendCluster(tree, b, merged, total);
    live--;
    if (tree.slotCount - tree.treeCount > looseLimit(live)) rebuildCentroidTree(tree);
  }
  return finishLinkage(first, second, height);
}
