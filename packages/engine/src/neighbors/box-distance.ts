/**
 * Squared Euclidean distances between a query point and a kd-tree node's bounding box: the
 * smallest (0 inside the box) and the largest (to the farthest corner). Both sum their terms in
 * dimension order, like the point-to-point distance, so rounding is monotone: a point p in the
 * box never has a computed squared distance above the box's computed maximum, nor below its
 * minimum. That makes whole-node inclusion and pruning exact, not approximately right.
 *
 * Notation: q is a point of d coordinates starting at `q[offset]`; the node's box is
 * [lower, upper] at `node * d` in the tree's node arrays.
 */
import type { KdTree } from './kd-tree.js';

/** Smallest squared distance from q to the box of `node` (0 when q is inside). */
export function minSquaredDistanceToNode(
  tree: KdTree,
  node: number,
  q: ArrayLike<number>,
  offset: number,
): number {
  const d = tree.cols;
  const lower = tree.nodeLower;
  const upper = tree.nodeUpper;
  const base = node * d;
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const x = q[offset + j]!;
    const low = lower[base + j]!;
    if (x < low) {
      const gap = low - x;
      sum += gap * gap;
    } else {
      const high = upper[base + j]!;
      if (x > high) {
        const gap = x - high;
        sum += gap * gap;
      }
    }
  }
  return sum;
}

/** Largest squared distance from q to a point of the box of `node`. */
export function maxSquaredDistanceToNode(
  tree: KdTree,
  node: number,
  q: ArrayLike<number>,
  offset: number,
): number {
  const d = tree.cols;
  const lower = tree.nodeLower;
  const upper = tree.nodeUpper;
  const base = node * d;
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const x = q[offset + j]!;
    const toLow = x - lower[base + j]!;
    const toHigh = upper[base + j]! - x;
    const gap = toLow > toHigh ? toLow : toHigh;
    sum += gap * gap;
  }
  return sum;
}

/** Squared distance between q and the point at tree position p. */
export function squaredDistanceToPosition(
  tree: KdTree,
  p: number,
  q: ArrayLike<number>,
  offset: number,
): number {
  const d = tree.cols;
  const points = tree.points;
  const base = p * d;
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const diff = q[offset + j]! - points[base + j]!;
    sum += diff * diff;
  }
  return sum;
}

/** Smallest squared distance between the boxes of nodes `a` and `b` (0 when they overlap). */
export function minSquaredDistanceBetweenNodes(tree: KdTree, a: number, b: number): number {
  const d = tree.cols;
  const lower = tree.nodeLower;
  const upper = tree.nodeUpper;
  const baseA = a * d;
  const baseB = b * d;
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const above = lower[baseB + j]! - upper[baseA + j]!;
    if (above > 0) sum += above * above;
    else {
      const below = lower[baseA + j]! - upper[baseB + j]!;
      if (below > 0) sum += below * below;
    }
  }
  return sum;
}

/** Largest squared distance between a point of box `a` and a point of box `b`. */
export function maxSquaredDistanceBetweenNodes(tree: KdTree, a: number, b: number): number {
  const d = tree.cols;
  const lower = tree.nodeLower;
  const upper = tree.nodeUpper;
  const baseA = a * d;
  const baseB = b * d;
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const one = upper[baseB + j]! - lower[baseA + j]!;
    const other = upper[baseA + j]! - lower[baseB + j]!;
    const gap = one > other ? one : other;
    sum += gap * gap;
  }
  return sum;
}
