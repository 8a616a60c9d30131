/**
 * Fixed-radius neighbour queries on a {@link KdTree}: every tree point within distance r of a
 * query point (closed ball, `distance <= r`, as scikit-learn's `radius_neighbors`).
 *
 * The test is on squared distances, `sum_j (q_j - x_j)^2 <= r^2`, summed in dimension order like
 * scikit-learn's KD-tree (its "reduced distance"), so boundary decisions match it. A node whose
 * box lies wholly inside the ball is taken without per-point tests, one wholly outside is skipped;
 * both decisions are exact (see `box-distance.ts`). The relation is symmetric bit for bit:
 * (a - b)^2 === (b - a)^2 in floating point.
 *
 * Notation: q a query point of d coordinates, r the radius, p a tree position.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { invalidParameter } from '../core/params.js';
import {
  maxSquaredDistanceToNode,
  minSquaredDistanceToNode,
  squaredDistanceToPosition,
} from './box-distance.js';
import type { KdTree } from './kd-tree.js';

// Depth-first stack shared by the kernels below (never re-entered; a tree's depth is < 64).
const STACK = new Int32Array(128);

function checkQuery(owner: string, tree: KdTree, point: ArrayLike<number>, radius: number): void {
  if (typeof radius !== 'number' || !(radius >= 0) || !Number.isFinite(radius))
    throw invalidParameter(owner, 'radius', 'a finite number >= 0', radius);
  if (point.length !== tree.cols) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: 'point' has ${point.length} coordinates; the tree has ${tree.cols}.`,
      { parameter: 'point', value: point.length },
    );
  }
  for (let j = 0; j < point.length; j++) {
    if (!Number.isFinite(point[j]))
      throw new SegmintError(
        ERROR_CODES.NON_FINITE_VALUE,
        `${owner}: 'point' has a non-finite value at coordinate ${j}.`,
        { column: j, value: point[j] },
      );
  }
}

/**
 * The original rows of all tree points within `radius` of `point` (distance <= radius).
 *
 * @param tree - from `buildKdTree`.
 * @param point - d finite coordinates.
 * @param radius - a finite number >= 0.
 * @param out - cleared, then filled with the rows, in tree order (not sorted); reuse it across
 *   calls to avoid allocation.
 * @returns the number of rows written (`out.length`).
 * @throws SegmintError INVALID_PARAMETER for a bad radius, INVALID_SHAPE for a wrong point
 *   length, NON_FINITE_VALUE for NaN or infinities in the point.
 * @example
 * const found: number[] = [];
 * radiusNeighbors(tree, [0, 0], 1.5, found); // found holds the rows within 1.5 of the origin
 */
export function radiusNeighbors(
  tree: KdTree,
  point: Float64Array | readonly number[],
  radius: number,
  out: number[],
): number {
  checkQuery('radiusNeighbors', tree, point, radius);
  out.length = 0;
  const r2 = radius * radius;
  const { indices, nodeStart, nodeEnd, nodeLeft, nodeRight } = tree;
  let top = 0;
  STACK[top++] = 0;
  while (top > 0) {
    const node = STACK[--top]!;
    if (minSquaredDistanceToNode(tree, node, point, 0) > r2) continue;
    const start = nodeStart[node]!;
    const end = nodeEnd[node]!;
    if (maxSquaredDistanceToNode(tree, node, point, 0) <= r2) {
      for (let p = start; p < end; p++) out.push(indices[p]!);
      continue;
    }
    const left = nodeLeft[node]!;
    if (left < 0) {
      for (let p = start; p < end; p++)
        if (squaredDistanceToPosition(tree, p, point, 0) <= r2) out.push(indices[p]!);
      continue;
    }
    STACK[top++] = nodeRight[node]!;
    STACK[top++] = left;
  }
  return out.length;
}

/**
 * The number of tree points within `radius` of `point` (distance <= radius), without listing
 * them: whole nodes inside the ball add their size at once.
 *
 * @throws as {@link radiusNeighbors}.
 * @example radiusCount(tree, [0, 0], 1.5) // 3
 */
export function radiusCount(
  tree: KdTree,
  point: Float64Array | readonly number[],
  radius: number,
): number {
  checkQuery('radiusCount', tree, point, radius);
  const r2 = radius * radius;
  const { nodeStart, nodeEnd, nodeLeft, nodeRight } = tree;
  let count = 0;
  let top = 0;
  STACK[top++] = 0;
  while (top > 0) {
    const node = STACK[--top]!;
    if (minSquaredDistanceToNode(tree, node, point, 0) > r2) continue;
    const start = nodeStart[node]!;
    const end = nodeEnd[node]!;
    if (maxSquaredDistanceToNode(tree, node, point, 0) <= r2) {
      count += end - start;
      continue;
    }
    const left = nodeLeft[node]!;
    if (left < 0) {
      for (let p = start; p < end; p++)
        if (squaredDistanceToPosition(tree, p, point, 0) <= r2) count++;
      continue;
    }
    STACK[top++] = nodeRight[node]!;
    STACK[top++] = left;
  }
  return count;
}
