/**
 * Step 1 of the Euclidean DBSCAN kernel (`dbscan-euclidean.ts`): which points are core points,
 * and the candidate nodes near a kd-tree leaf that steps 1 and 2 share.
 *
 * Notation: r2 = eps^2; A a kd-tree leaf, B another node, box(.) their bounding boxes; p, q
 * tree positions. A point is a core point when at least minSamples points (itself included)
 * satisfy `sum_j (x_j - y_j)^2 <= r2`.
 */
import type { KdTree } from '../neighbors/kd-tree.js';
import {
  maxSquaredDistanceBetweenNodes,
  maxSquaredDistanceToNode,
  minSquaredDistanceBetweenNodes,
  minSquaredDistanceToNode,
  squaredDistanceToPosition,
} from '../neighbors/box-distance.js';

/**
 * The nodes near leaf `leaf`: `whole` gets the nodes whose box lies within eps of every point of
 * the leaf's box, `partial` the leaves that are within eps of some of it; nodes without core
 * points are left out when `coreCount` is given. Returns the total size of the `whole` nodes.
 */
export function gatherCandidates(
  tree: KdTree,
  leaf: number,
  r2: number,
  coreCount: Int32Array | null,
  stack: Int32Array,
  whole: number[],
  partial: number[],
): number {
  const { nodeStart, nodeEnd, nodeLeft, nodeRight } = tree;
  whole.length = 0;
  partial.length = 0;
  let wholeSize = 0;
  let top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const node = stack[--top]!;
    if (coreCount !== null && coreCount[node] === 0) continue;
    if (minSquaredDistanceBetweenNodes(tree, leaf, node) > r2) continue;
    if (maxSquaredDistanceBetweenNodes(tree, leaf, node) <= r2) {
      whole.push(node);
      wholeSize += nodeEnd[node]! - nodeStart[node]!;
      continue;
    }
    const left = nodeLeft[node]!;
    if (left < 0) partial.push(node);
    else {
      stack[top++] = nodeRight[node]!;
      stack[top++] = left;
    }
  }
  return wholeSize;
}

/**
 * Step 1: the core flag of every tree position. A point counts its own leaf first, then the other
 * nodes nearest-first, and stops at minSamples (for most core points the own leaf suffices).
 */
export function markCorePositions(tree: KdTree, r2: number, minSamples: number): Uint8Array {
  const { rows: n, cols: d, points, nodeCount, nodeStart, nodeEnd, nodeLeft, nodeRight } = tree;
  const isCore = new Uint8Array(n);
  const stack = new Int32Array(128);
  const stackBound = new Float64Array(128);
  for (let leaf = 0; leaf < nodeCount; leaf++) {
    if (nodeLeft[leaf]! >= 0) continue;
    const start = nodeStart[leaf]!;
    const end = nodeEnd[leaf]!;
    if (end - start >= minSamples && maxSquaredDistanceBetweenNodes(tree, leaf, leaf) <= r2) {
      isCore.fill(1, start, end);
      continue;
    }
    for (let p = start; p < end; p++) {
      const offset = p * d;
      let count = 0;
      for (let q = start; q < end; q++)
        if (squaredDistanceToPosition(tree, q, points, offset) <= r2) count++;
      let top = 0;
      stack[top] = 0;
      stackBound[top++] = 0;
      while (top > 0 && count < minSamples) {
        const node = stack[--top]!;
        if (node === leaf || stackBound[top]! > r2) continue;
        const nodeFirst = nodeStart[node]!;
        const nodeStop = nodeEnd[node]!;
        if (maxSquaredDistanceToNode(tree, node, points, offset) <= r2) {
          // An ancestor of the own leaf holds it, and the leaf was counted point by point.
          const holdsLeaf = start >= nodeFirst && end <= nodeStop;
          count += nodeStop - nodeFirst - (holdsLeaf ? end - start : 0);
          continue;
        }
        const left = nodeLeft[node]!;
        if (left < 0) {
          for (let q = nodeFirst; q < nodeStop; q++)
            if (squaredDistanceToPosition(tree, q, points, offset) <= r2) count++;
          continue;
        }
        const right = nodeRight[node]!;
        const leftBound = minSquaredDistanceToNode(tree, left, points, offset);
        const rightBound = minSquaredDistanceToNode(tree, right, points, offset);
        const leftFirst = leftBound <= rightBound;
        stack[top] = leftFirst ? right : left;
        stackBound[top++] = leftFirst ? rightBound : leftBound;
        stack[top] = leftFirst ? left : right;
        stackBound[top++] = leftFirst ? leftBound : rightBound;
      }
      if (count >= minSamples) isCore[p] = 1;
    }
  }
  return isCore;
}
