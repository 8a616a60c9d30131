/**
 * DBSCAN on Euclidean data over a kd-tree, without materialising any neighbourhood. It computes
 * scikit-learn's labels through their characterisation (see `dbscan-kernel.ts`): core points,
 * connected components of the core points, smallest cluster id among a border point's cores.
 *
 * Notation: n points in d dimensions, r2 = eps^2, A and B kd-tree nodes (A a leaf of "query"
 * points), box(A) its bounding box; positions p, q index the tree order.
 *
 * 1. Core points. A leaf whose box has diameter <= eps and at least minSamples points is all
 *    core. Otherwise each point counts its own leaf, then the rest of the tree nearest-first,
 *    stopping as soon as it reaches minSamples (whole boxes inside the ball count at once).
 * 2. Components (union-find with path halving). For each leaf A with core points, the nodes B
 *    with core points and min dist(box(A), box(B)) <= eps are visited. When even the largest
 *    distance between the boxes is <= eps, every core of A is within eps of every core of B, so
 *    all of them form one component: both nodes are "unified" (once each) and their
 *    representatives joined, O(1) per such pair after that. Only the remaining leaf pairs compare
 *    core points one by one, and are skipped when all their cores already share a root. This is
 *    the dual-tree idea (Gray & Moore 2001) applied to connectivity.
 * 3. Labels. Components are numbered by their smallest core row (scikit-learn's outer loop);
 *    each non-core point takes the smallest id among the cores within eps, or -1.
 *
 * All box tests are exact (see `neighbors/box-distance.ts`), so the neighbour relation is the
 * one of `sum_j (x_j - y_j)^2 <= eps^2`, scikit-learn's KD-tree test.
 */
import type { Matrix } from '../matrix/matrix.js';
import { buildKdTreeKernel, type KdTree } from '../neighbors/kd-tree.js';
import {
  maxSquaredDistanceBetweenNodes,
  maxSquaredDistanceToNode,
  minSquaredDistanceBetweenNodes,
  minSquaredDistanceToNode,
  squaredDistanceToPosition,
} from '../neighbors/box-distance.js';
import type { DbscanResult } from './dbscan-kernel.js';

/** Root of p's set, halving the path on the way. */
function find(parent: Int32Array, p: number): number {
  while (parent[p] !== p) {
    const grand = parent[parent[p]!]!;
    parent[p] = grand;
    p = grand;
  }
  return p;
}

/**
 * The nodes near leaf `leaf`: `whole` gets the nodes whose box lies within eps of every point of
 * the leaf's box, `partial` the leaves that are within eps of some of it; nodes without core
 * points are left out when `coreCount` is given. Returns the total size of the `whole` nodes.
 */
function gatherCandidates(
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

/** DBSCAN on (n, d) data with Euclidean distances; `leafSize` of the kd-tree. */
export function dbscanEuclideanKernel(
  X: Matrix,
  eps: number,
  minSamples: number,
  leafSize = 16,
): DbscanResult {
  const n = X.rows;
  const d = X.cols;
  const tree = buildKdTreeKernel(X, leafSize);
  const { indices, points, nodeCount, nodeStart, nodeEnd, nodeLeft, nodeRight } = tree;
  const r2 = eps * eps;
  const isCorePosition = markCorePositions(tree, r2, minSamples);

  // Per node: number of core points and one of them (its representative), children first.
  const coreCount = new Int32Array(nodeCount);
  const representative = new Int32Array(nodeCount).fill(-1);
  for (let node = nodeCount - 1; node >= 0; node--) {
    const left = nodeLeft[node]!;
    if (left < 0) {
      for (let p = nodeStart[node]!, end = nodeEnd[node]!; p < end; p++) {
        if (isCorePosition[p] === 0) continue;
        if (coreCount[node] === 0) representative[node] = p;
        coreCount[node] = coreCount[node]! + 1;
      }
    } else {
      const right = nodeRight[node]!;
      coreCount[node] = coreCount[left]! + coreCount[right]!;
      representative[node] =
        representative[left]! >= 0 ? representative[left]! : representative[right]!;
    }
  }

  // Step 2: components of the core points.
  const parent = new Int32Array(n);
  for (let p = 0; p < n; p++) parent[p] = p;
  let unions = 0;
  const join = (p: number, q: number): void => {
    const a = find(parent, p);
    const b = find(parent, q);
    if (a === b) return;
    if (a < b) parent[b] = a;
    else parent[a] = b;
    unions++;
  };
  // settled[node]: all cores of the node share one root (stays true: sets only merge).
  const settled = new Uint8Array(nodeCount);
  // Unions done when a leaf was last found unsettled: no union since means still unsettled.
  const checkedAt = new Float64Array(nodeCount).fill(-1);
  const unify = (node: number): void => {
    if (settled[node] === 1) return;
    const root = representative[node]!;
    for (let p = nodeStart[node]!, end = nodeEnd[node]!; p < end; p++)
      if (isCorePosition[p] === 1) join(root, p);
    settled[node] = 1;
  };
  const isSettled = (leaf: number): boolean => {
    if (settled[leaf] === 1) return true;
    if (checkedAt[leaf] === unions) return false;
    const root = find(parent, representative[leaf]!);
    for (let p = nodeStart[leaf]!, end = nodeEnd[leaf]!; p < end; p++) {
      if (isCorePosition[p] === 1 && find(parent, p) !== root) {
        checkedAt[leaf] = unions;
        return false;
      }
    }
    settled[leaf] = 1;
    return true;
  };
  const stack = new Int32Array(128);
  const whole: number[] = [];
  const partial: number[] = [];
  for (let leaf = 0; leaf < nodeCount; leaf++) {
    if (nodeLeft[leaf]! >= 0 || coreCount[leaf] === 0) continue;
    gatherCandidates(tree, leaf, r2, coreCount, stack, whole, partial);
    // Every core of the leaf is within eps of every core of a whole node: one component.
    for (const node of whole) {
      unify(leaf);
      unify(node);
      join(representative[leaf]!, representative[node]!);
    }
    const start = nodeStart[leaf]!;
    const end = nodeEnd[leaf]!;
    for (const node of partial) {
      // Each unordered pair of leaves once.
      if (node < leaf) continue;
      const otherStart = nodeStart[node]!;
      const otherEnd = nodeEnd[node]!;
      for (let p = start; p < end; p++) {
        if (isCorePosition[p] === 0) continue;
        const offset = p * d;
        if (minSquaredDistanceToNode(tree, node, points, offset) > r2) continue;
        if (isSettled(node)) {
          // One edge to any core of the node joins p to all of them.
          if (find(parent, p) === find(parent, representative[node]!)) continue;
          for (let q = otherStart; q < otherEnd; q++) {
            if (
              isCorePosition[q] === 1 &&
              squaredDistanceToPosition(tree, q, points, offset) <= r2
            ) {
              join(p, q);
              break;
            }
          }
          continue;
        }
        for (let q = otherStart; q < otherEnd; q++) {
          if (isCorePosition[q] === 1 && squaredDistanceToPosition(tree, q, points, offset) <= r2)
            join(p, q);
        }
      }
    }
  }

  // Step 3: labels in scikit-learn's numbering.
  const positionOf = new Int32Array(n);
  for (let p = 0; p < n; p++) positionOf[indices[p]!] = p;
  const labels = new Int32Array(n).fill(-1);
  const isCore = new Uint8Array(n);
  const clusterOfRoot = new Int32Array(n).fill(-1);
  let clusterCount = 0;
  for (let i = 0; i < n; i++) {
    const p = positionOf[i]!;
    if (isCorePosition[p] === 0) continue;
    isCore[i] = 1;
    const root = find(parent, p);
    if (clusterOfRoot[root]! < 0) clusterOfRoot[root] = clusterCount++;
    labels[i] = clusterOfRoot[root]!;
  }
  for (let p = 0; p < n; p++) {
    if (isCorePosition[p] === 1) continue;
    const offset = p * d;
    let best = -1;
    let top = 0;
    stack[top++] = 0;
    while (top > 0 && best !== 0) {
      const node = stack[--top]!;
      if (coreCount[node] === 0 || minSquaredDistanceToNode(tree, node, points, offset) > r2)
        continue;
      const left = nodeLeft[node]!;
      if (left >= 0) {
        stack[top++] = nodeRight[node]!;
        stack[top++] = left;
        continue;
      }
      for (let q = nodeStart[node]!, end = nodeEnd[node]!; q < end; q++) {
        if (isCorePosition[q] === 0) continue;
        const label = labels[indices[q]!]!;
        if ((best < 0 || label < best) && squaredDistanceToPosition(tree, q, points, offset) <= r2)
          best = label;
      }
    }
    labels[indices[p]!] = best;
  }
  return { labels, isCore, clusterCount };
}
