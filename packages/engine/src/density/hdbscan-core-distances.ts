/**
 * Core distances for HDBSCAN: the k nearest neighbours (self included) of every point of a
 * kd-tree, by a depth-first branch-and-bound search per point (Friedman, Bentley & Finkel 1977)
 * tuned for the all-points, moderate-k case: queries run in tree order (neighbouring queries
 * touch the same nodes), the search descends to the query's own leaf first, and the candidate
 * max-heap compares squared distances only (ties by original index, so results equal a brute
 * force sort by (distance, index)).
 *
 * Notation: n points of d features; k neighbours per point, 1 <= k <= n; the core distance of a
 * point is its k-th neighbour distance.
 */
import { minSquaredDistanceToNode } from '../neighbors/box-distance.js';
import type { KdTree } from '../neighbors/kd-tree.js';

/** The k nearest neighbours of every tree point, by original row. */
export interface AllNeighbours {
  readonly k: number;
  /** (n, k) original rows, nearest first (the point itself, at distance 0, among them). */
  readonly indices: Int32Array;
  /** (n, k) Euclidean distances, ascending per row. */
  readonly distances: Float64Array;
}

/** k nearest neighbours of all n points of `tree` (self included), exact. */
export function allNearestNeighbours(tree: KdTree, k: number): AllNeighbours {
  const {
    rows: n,
    cols: d,
    points,
    indices: order,
    nodeStart,
    nodeEnd,
    nodeLeft,
    nodeRight,
  } = tree;
  const outIndices = new Int32Array(n * k);
  const outDistances = new Float64Array(n * k);
  const heapDistance = new Float64Array(k);
  const heapIndex = new Int32Array(k);
  const stack = new Int32Array(2 * 64 + 2);
  const stackBound = new Float64Array(stack.length);

  const boxDistance = (node: number, offset: number): number =>
    minSquaredDistanceToNode(tree, node, points, offset);

  for (let p = 0; p < n; p++) {
    const offset = p * d;
    let size = 0;
    let top = 0;
    stack[top] = 0;
    stackBound[top++] = 0;
    while (top > 0) {
      top--;
      const node = stack[top]!;
      if (size === k && stackBound[top]! > heapDistance[0]!) continue;
      const left = nodeLeft[node]!;
      if (left >= 0) {
        const right = nodeRight[node]!;
        const leftBound = boxDistance(left, offset);
        const rightBound = boxDistance(right, offset);
        const worst = size === k ? heapDistance[0]! : Infinity;
        if (leftBound <= rightBound) {
          if (rightBound <= worst) {
            stack[top] = right;
            stackBound[top++] = rightBound;
          }
          stack[top] = left;
          stackBound[top++] = leftBound;
        } else {
          if (leftBound <= worst) {
            stack[top] = left;
            stackBound[top++] = leftBound;
          }
          stack[top] = right;
          stackBound[top++] = rightBound;
        }
        continue;
      }
      for (let q = nodeStart[node]!, end = nodeEnd[node]!; q < end; q++) {
        const other = q * d;
        let dist = 0;
        for (let j = 0; j < d; j++) {
          const diff = points[offset + j]! - points[other + j]!;
          dist += diff * diff;
        }
        const index = order[q]!;
        if (size < k) {
          let c = size++;
          while (c > 0) {
            const parent = (c - 1) >> 1;
            const pd = heapDistance[parent]!;
            if (pd > dist || (pd === dist && heapIndex[parent]! > index)) break;
            heapDistance[c] = pd;
            heapIndex[c] = heapIndex[parent]!;
            c = parent;
          }
          heapDistance[c] = dist;
          heapIndex[c] = index;
        } else {
          const rootDistance = heapDistance[0]!;
          if (dist > rootDistance || (dist === rootDistance && index > heapIndex[0]!)) continue;
          siftDown(heapDistance, heapIndex, k, dist, index);
        }
      }
    }
    const row = order[p]! * k;
    for (let r = k - 1; r >= 0; r--) {
      outIndices[row + r] = heapIndex[0]!;
      outDistances[row + r] = Math.sqrt(heapDistance[0]!);
      siftDown(heapDistance, heapIndex, r, heapDistance[r]!, heapIndex[r]!);
    }
  }
  return { k, indices: outIndices, distances: outDistances };
}

/** Replaces the root of the max-heap (first `size` slots) by (dist, index) and restores it. */
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
    if (right < size) {
      const ld = heapDistance[left]!;
      const rd = heapDistance[right]!;
      if (rd > ld || (rd === ld && heapIndex[right]! > heapIndex[left]!)) child = right;
    }
    const cd = heapDistance[child]!;
    if (cd < dist || (cd === dist && heapIndex[child]! < index)) break;
    heapDistance[c] = cd;
    heapIndex[c] = heapIndex[child]!;
    c = child;
  }
  if (size > 0) {
    heapDistance[c] = dist;
    heapIndex[c] = index;
  }
}
