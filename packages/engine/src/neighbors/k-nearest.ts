/**
 * k nearest neighbours of query rows in a {@link KdTree}: a depth-first branch-and-bound search
 * that visits the nearer child first and prunes a node once its box is farther than the current
 * k-th neighbour (Friedman, Bentley & Finkel 1977).
 *
 * Notation: Q is (q, d) queries, k the neighbour count; the candidates of one query live in a
 * max-heap ordered by (squared distance, index) so that ties are broken by the smaller original
 * row, and results are exact: the same as a brute-force sort by (distance, index).
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { invalidParameter } from '../core/params.js';
import type { Matrix } from '../matrix/matrix.js';
import { assertFinite } from '../matrix/validate.js';
import { minSquaredDistanceToNode, squaredDistanceToPosition } from './box-distance.js';
import type { KdTree } from './kd-tree.js';

/** Options of {@link kNearest}. */
export interface KNearestOptions {
  /**
   * Q is the tree's own data: skip, for query row i, the training row i itself (scikit-learn's
   * `kneighbors()` without X). Needs Q.rows equal to the tree's n. Default false.
   */
  excludeSelf: boolean;
}

/** Neighbours of each query row, (q, k) row-major, nearest first. */
export interface KNearestResult {
  /** (q, k) original rows of the tree's data. */
  readonly indices: Int32Array;
  /** (q, k) Euclidean distances, ascending per row (ties by index). */
  readonly distances: Float64Array;
}

/**
 * The k nearest tree points of every row of Q (exact, Euclidean).
 *
 * @param tree - from `buildKdTree`.
 * @param Q - (q, d) finite queries, d equal to the tree's.
 * @param k - an integer in [1, n] (n - 1 with `excludeSelf`).
 * @returns (q, k) indices and distances, ascending by (distance, index).
 * @throws SegmintError INVALID_PARAMETER for a bad k, INVALID_SHAPE for a column mismatch (or a
 *   row mismatch with `excludeSelf`), NON_FINITE_VALUE for NaN or infinities in Q.
 * @example
 * const { indices, distances } = kNearest(tree, X, 5, { excludeSelf: true });
 */
export function kNearest(
  tree: KdTree,
  Q: Matrix,
  k: number,
  options?: Partial<KNearestOptions>,
): KNearestResult {
  const excludeSelf = options?.excludeSelf ?? false;
  if (typeof excludeSelf !== 'boolean')
    throw invalidParameter('kNearest', 'excludeSelf', 'a boolean', excludeSelf);
  const available = tree.rows - (excludeSelf ? 1 : 0);
  if (!Number.isInteger(k) || k < 1 || k > available)
    throw invalidParameter('kNearest', 'k', `an integer in [1, ${available}]`, k);
  if (Q.cols !== tree.cols || (excludeSelf && Q.rows !== tree.rows)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `kNearest: Q has shape (${Q.rows}, ${Q.cols}); expected ` +
        `(${excludeSelf ? tree.rows : 'any'}, ${tree.cols}) for this tree.`,
      { rows: Q.rows, cols: Q.cols },
    );
  }
  assertFinite('kNearest', Q, 'Q');
  return kNearestKernel(tree, Q, k, excludeSelf);
}

/** True when candidate (da, ia) ranks after (db, ib): farther, or as far with a larger index. */
function after(da: number, ia: number, db: number, ib: number): boolean {
  return da > db || (da === db && ia > ib);
}

/** {@link kNearest} without checks. */
export function kNearestKernel(
  tree: KdTree,
  Q: Matrix,
  k: number,
  excludeSelf: boolean,
): KNearestResult {
  const { indices: order, nodeStart, nodeEnd, nodeLeft, nodeRight } = tree;
  const q = Q.rows;
  const d = Q.cols;
  const outIndices = new Int32Array(q * k);
  const outDistances = new Float64Array(q * k);
  const heapDistance = new Float64Array(k);
  const heapIndex = new Int32Array(k);
  // Depth-first stack: at most two entries per level are pending at once.
  const stack = new Int32Array(2 * 64 + 2);
  const stackBound = new Float64Array(stack.length);

  for (let row = 0; row < q; row++) {
    const offset = row * d;
    const self = excludeSelf ? row : -1;
    let size = 0;
    let top = 0;
    stack[0] = 0;
    stackBound[0] = minSquaredDistanceToNode(tree, 0, Q.data, offset);
    top = 1;
    while (top > 0) {
      top--;
      const node = stack[top]!;
      if (size === k && stackBound[top]! > heapDistance[0]!) continue;
      const left = nodeLeft[node]!;
      if (left < 0) {
        for (let p = nodeStart[node]!, end = nodeEnd[node]!; p < end; p++) {
          const index = order[p]!;
          if (index === self) continue;
          const dist = squaredDistanceToPosition(tree, p, Q.data, offset);
          if (size < k) {
            // Sift up into the max-heap.
            let c = size++;
            while (c > 0) {
              const parent = (c - 1) >> 1;
              if (!after(dist, index, heapDistance[parent]!, heapIndex[parent]!)) break;
              heapDistance[c] = heapDistance[parent]!;
              heapIndex[c] = heapIndex[parent]!;
              c = parent;
            }
            heapDistance[c] = dist;
            heapIndex[c] = index;
          } else if (after(heapDistance[0]!, heapIndex[0]!, dist, index)) {
            siftDown(heapDistance, heapIndex, k, dist, index);
          }
        }
        continue;
      }
      const right = nodeRight[node]!;
      const leftBound = minSquaredDistanceToNode(tree, left, Q.data, offset);
      const rightBound = minSquaredDistanceToNode(tree, right, Q.data, offset);
      // Push the farther child first so the nearer one is searched first.
      if (leftBound <= rightBound) {
        stack[top] = right;
        stackBound[top++] = rightBound;
        stack[top] = left;
        stackBound[top++] = leftBound;
      } else {
        stack[top] = left;
        stackBound[top++] = leftBound;
        stack[top] = right;
        stackBound[top++] = rightBound;
      }
    }
    // Pop the heap from the largest down to fill the row in ascending order.
    for (let r = k - 1; r >= 0; r--) {
      outIndices[row * k + r] = heapIndex[0]!;
      outDistances[row * k + r] = Math.sqrt(heapDistance[0]!);
      const lastDistance = heapDistance[r]!;
      const lastIndex = heapIndex[r]!;
      siftDown(heapDistance, heapIndex, r, lastDistance, lastIndex);
    }
  }
  return { indices: outIndices, distances: outDistances };
}

/** Replaces the heap's root by (dist, index) and restores the max-heap over its first `size` slots. */
function siftDown(
  heapDistance: Float64Array,
  heapIndex: Int32Array,
  size: number,
  dist: number,
  index: number,
): void {
  let c = 0;
  for (;;) {
    const left = 2 * c + 1;
    if (left >= size) break;
    let child = left;
    const right = left + 1;
    if (
      right < size &&
      after(heapDistance[right]!, heapIndex[right]!, heapDistance[left]!, heapIndex[left]!)
    )
      child = right;
    if (!after(heapDistance[child]!, heapIndex[child]!, dist, index)) break;
    heapDistance[c] = heapDistance[child]!;
    heapIndex[c] = heapIndex[child]!;
    c = child;
  }
  if (size > 0) {
    heapDistance[c] = dist;
    heapIndex[c] = index;
  }
}
