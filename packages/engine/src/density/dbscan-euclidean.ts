/**
 * DBSCAN on Euclidean data over a kd-tree, without materialising any neighbourhood. It computes
 * scikit-learn's labels through their characterisation (see `dbscan-kernel.ts`): core points,
 * connected components of the core points, smallest cluster id among a border point's cores.
 *
 * Notation: n points in d dimensions, r2 = eps^2, A and B kd-tree nodes (A a leaf of "query"
 * points), box(A) its bounding box; positions p, q index the tree order.
 *
 * 1. Core points (`dbscan-core-points.ts`), counting with early exit at minSamples.
 * 2. Components (union-find with path halving). First the core points of each leaf are joined
 *    among themselves, which "settles" most leaves (all their cores share one root). Then for
 *    each leaf A with core points, the nodes B with core points and min dist(box(A), box(B)) <=
 *    eps are visited. When even the largest distance between the boxes is <= eps, every core of
 *    A is within eps of every core of B, so all of them form one component: both nodes are
 *    "unified" (once each) and their representatives joined, O(1) per such pair after that. The
 *    remaining leaf pairs (each unordered pair once) compare core points one by one; against a
 *    settled leaf, a core point p needs no comparison when it already shares the leaf's root, and
 *    stops at the first core within eps otherwise. This is the dual-tree idea (Gray & Moore 2001)
 *    applied to connectivity.
 * 3. Labels. Components are numbered by their smallest core row (scikit-learn's outer loop);
 *    each non-core point takes the smallest id among the cores within eps, or -1.
 *
 * All box tests are exact (see `neighbors/box-distance.ts`), so the neighbour relation is the
 * one of `sum_j (x_j - y_j)^2 <= eps^2`, scikit-learn's KD-tree test.
 */
import type { Matrix } from '../matrix/matrix.js';
import { buildKdTreeKernel, type KdTree } from '../neighbors/kd-tree.js';
import { minSquaredDistanceToNode, squaredDistanceToPosition } from '../neighbors/box-distance.js';
import { gatherCandidates, markCorePositions } from './dbscan-core-points.js';
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

/** Union-find over tree positions with per-leaf "settled" flags (all cores share one root). */
class CoreComponents {
  readonly parent: Int32Array;
  /** Successful unions so far: a leaf found unsettled stays so until this changes. */
  private unions = 0;
  private readonly settled: Uint8Array;
  private readonly checkedAt: Float64Array;

  constructor(
    private readonly tree: KdTree,
    private readonly isCore: Uint8Array,
    private readonly representative: Int32Array,
  ) {
    this.parent = new Int32Array(tree.rows);
    for (let p = 0; p < tree.rows; p++) this.parent[p] = p;
    this.settled = new Uint8Array(tree.nodeCount);
    this.checkedAt = new Float64Array(tree.nodeCount).fill(-1);
  }

  join(p: number, q: number): void {
    const a = find(this.parent, p);
    const b = find(this.parent, q);
    if (a === b) return;
    if (a < b) this.parent[b] = a;
    else this.parent[a] = b;
    this.unions++;
  }

  sameSet(p: number, q: number): boolean {
    return find(this.parent, p) === find(this.parent, q);
  }

  /** Joins every core of `node` to its representative (they are known to be connected). */
  unify(node: number): void {
    if (this.settled[node] === 1) return;
    const root = this.representative[node]!;
    for (let p = this.tree.nodeStart[node]!, end = this.tree.nodeEnd[node]!; p < end; p++)
      if (this.isCore[p] === 1) this.join(root, p);
    this.settled[node] = 1;
  }

  /** True when all cores of `leaf` share one root; remembered once true (sets only merge). */
  isSettled(leaf: number): boolean {
    if (this.settled[leaf] === 1) return true;
    if (this.checkedAt[leaf] === this.unions) return false;
    const root = find(this.parent, this.representative[leaf]!);
    for (let p = this.tree.nodeStart[leaf]!, end = this.tree.nodeEnd[leaf]!; p < end; p++) {
      if (this.isCore[p] === 1 && find(this.parent, p) !== root) {
        this.checkedAt[leaf] = this.unions;
        return false;
      }
    }
    this.settled[leaf] = 1;
    return true;
  }
}

/** Per node: the number of core points and one of them (-1 when none), children first. */
function coreSummary(
  tree: KdTree,
  isCore: Uint8Array,
): { count: Int32Array; representative: Int32Array } {
  const { nodeCount, nodeStart, nodeEnd, nodeLeft, nodeRight } = tree;
  const count = new Int32Array(nodeCount);
  const representative = new Int32Array(nodeCount).fill(-1);
  for (let node = nodeCount - 1; node >= 0; node--) {
    const left = nodeLeft[node]!;
    if (left < 0) {
      for (let p = nodeStart[node]!, end = nodeEnd[node]!; p < end; p++) {
        if (isCore[p] === 0) continue;
        if (count[node] === 0) representative[node] = p;
        count[node] = count[node]! + 1;
      }
    } else {
      const right = nodeRight[node]!;
      count[node] = count[left]! + count[right]!;
      representative[node] =
        representative[left]! >= 0 ? representative[left]! : representative[right]!;
    }
  }
  return { count, representative };
}

/** Step 2: the components of the core points, as a union-find forest over tree positions. */
function connectCores(tree: KdTree, r2: number, isCore: Uint8Array): CoreComponents {
  const { cols: d, points, nodeCount, nodeStart, nodeEnd, nodeLeft } = tree;
  const { count: coreCount, representative } = coreSummary(tree, isCore);
  const components = new CoreComponents(tree, isCore, representative);
  // Within each leaf first, so that most leaves are settled before the pairs between leaves.
  for (let leaf = 0; leaf < nodeCount; leaf++) {
    if (nodeLeft[leaf]! >= 0 || coreCount[leaf] === 0) continue;
    const end = nodeEnd[leaf]!;
    for (let p = nodeStart[leaf]!; p < end; p++) {
      if (isCore[p] === 0) continue;
      const offset = p * d;
      for (let q = p + 1; q < end; q++)
        if (isCore[q] === 1 && squaredDistanceToPosition(tree, q, points, offset) <= r2)
          components.join(p, q);
    }
  }
  const stack = new Int32Array(128);
  const whole: number[] = [];
  const partial: number[] = [];
  for (let leaf = 0; leaf < nodeCount; leaf++) {
    if (nodeLeft[leaf]! >= 0 || coreCount[leaf] === 0) continue;
    gatherCandidates(tree, leaf, r2, coreCount, stack, whole, partial);
    // Every core of the leaf is within eps of every core of a whole node: one component.
    for (const node of whole) {
      components.unify(leaf);
      components.unify(node);
      components.join(representative[leaf]!, representative[node]!);
    }
    const start = nodeStart[leaf]!;
    const end = nodeEnd[leaf]!;
    for (const node of partial) {
      if (node <= leaf) continue; // each unordered pair of distinct leaves once
      const otherStart = nodeStart[node]!;
      const otherEnd = nodeEnd[node]!;
      for (let p = start; p < end; p++) {
        if (isCore[p] === 0) continue;
        const offset = p * d;
        if (minSquaredDistanceToNode(tree, node, points, offset) > r2) continue;
        const settled = components.isSettled(node);
        // One edge to any core of a settled leaf joins p to all of them.
        if (settled && components.sameSet(p, representative[node]!)) continue;
        for (let q = otherStart; q < otherEnd; q++) {
          if (isCore[q] === 1 && squaredDistanceToPosition(tree, q, points, offset) <= r2) {
            components.join(p, q);
            if (settled) break;
          }
        }
      }
    }
  }
  return components;
}

/** DBSCAN on (n, d) data with Euclidean distances; `leafSize` of the kd-tree. */
export function dbscanEuclideanKernel(
  X: Matrix,
  eps: number,
  minSamples: number,
  leafSize = 32,
): DbscanResult {
  const n = X.rows;
  const d = X.cols;
  const tree = buildKdTreeKernel(X, leafSize);
  const { indices, points, nodeStart, nodeEnd, nodeLeft, nodeRight } = tree;
  const r2 = eps * eps;
  const isCorePosition = markCorePositions(tree, r2, minSamples);
  const { parent } = connectCores(tree, r2, isCorePosition);

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
  // A non-core point takes the smallest id among the cores within eps (the first to reach it).
  const stack = new Int32Array(128);
  for (let p = 0; p < n; p++) {
    if (isCorePosition[p] === 1) continue;
    const offset = p * d;
    let best = -1;
    let top = 0;
    stack[top++] = 0;
    while (top > 0 && best !== 0) {
      const node = stack[--top]!;
      if (minSquaredDistanceToNode(tree, node, points, offset) > r2) continue;
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
