/**
 * Borůvka's minimum spanning tree of the mutual reachability graph over a kd-tree (McInnes &
 * Healy 2017, "Accelerated hierarchical density clustering"), never forming an n x n matrix.
 *
 * Each round finds, for every component of the forest so far, its lightest outgoing edge and adds
 * them all (a union-find skips an edge whose ends were already joined this round; such cycles
 * can only hold equal weights, so the result is still a minimum spanning tree). The lightest
 * edge of a point p is searched with component-aware pruning:
 * - every edge of p weighs at least core[p], so p is skipped when core[p] already reaches its
 *   component's best edge, and its k nearest neighbours (known from the core distances) settle p
 *   at once when one of them lies in another component with core <= core[p];
 * - a kd-tree node is skipped when all its points are in p's component, or when the bound
 *   max(core[p], smallest core in the node, distance from p to the node's box) reaches the
 *   component's best edge so far (the bound is shared by all points of the component).
 *
 * Notation: n points of d features; positions p are kd-tree positions (the tree's `points`
 * order, for locality); core[p] the core distance; mr(p, q) = max(core[p], core[q], |p - q|).
 */
import { minSquaredDistanceToNode } from '../neighbors/box-distance.js';
import type { KdTree } from '../neighbors/kd-tree.js';
import type { EdgeList } from './hdbscan-linkage.js';

/** Nearest-neighbour lists from the core-distance query: k per row, by original row. */
export interface NeighbourLists {
  readonly k: number;
  /** (n, k) original rows, nearest first. */
  readonly indices: Int32Array;
  /** (n, k) distances. */
  readonly distances: Float64Array;
}

/**
 * The minimum spanning tree of the mutual reachability graph of the tree's points.
 *
 * @param tree - kd-tree over the n >= 2 rows.
 * @param core - (n) core distances by original row.
 * @param neighbours - the k nearest neighbours of every row (self included), k >= 1.
 * @returns n - 1 edges (original rows), each reported as (point of the searching component,
 *   point outside it, weight).
 */
export function boruvkaSpanningTree(
  tree: KdTree,
  core: Float64Array,
  neighbours: NeighbourLists,
): EdgeList {
  const n = tree.rows;
  const d = tree.cols;
  const { indices: order, points, nodeStart, nodeEnd, nodeLeft, nodeRight, nodeCount } = tree;
  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[order[p]!] = p;
  const corePos = new Float64Array(n);
  for (let p = 0; p < n; p++) corePos[p] = core[order[p]!]!;

  // Smallest core distance under each node (children have larger ids than their parent).
  const nodeMinCore = new Float64Array(nodeCount);
  for (let node = nodeCount - 1; node >= 0; node--) {
    const left = nodeLeft[node]!;
    if (left < 0) {
      let low = Infinity;
      for (let p = nodeStart[node]!; p < nodeEnd[node]!; p++)
        if (corePos[p]! < low) low = corePos[p]!;
      nodeMinCore[node] = low;
    } else {
      const a = nodeMinCore[left]!;
      const b = nodeMinCore[nodeRight[node]!]!;
      nodeMinCore[node] = a < b ? a : b;
    }
  }

  const parent = new Int32Array(n);
  for (let p = 0; p < n; p++) parent[p] = p;
  const find = (x: number): number => {
    let root = x;
    while (parent[root]! !== root) root = parent[root]!;
    while (parent[x]! !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };

  const component = new Int32Array(n);
  const nodeComponent = new Int32Array(nodeCount);
  const best = new Float64Array(n);
  const bestFrom = new Int32Array(n);
  const bestTo = new Int32Array(n);
  const settled = new Uint8Array(n);
  const stack = new Int32Array(2 * 64 + 2);
  const k = neighbours.k;

  const from = new Int32Array(n - 1);
  const to = new Int32Array(n - 1);
  const weight = new Float64Array(n - 1);
  let edges = 0;
  const lastEndpoints: number[] = [];
  const leaves: number[] = [];
  for (let node = 0; node < nodeCount; node++) if (nodeLeft[node]! < 0) leaves.push(node);
  const candidates = new Int32Array(leaves.length);

  /** Offers p's edges to the points of leaf `node` (other components only). */
  const scanLeaf = (p: number, c: number, node: number): void => {
    const offset = p * d;
    const coreP = corePos[p]!;
    let bound = best[c]!;
    for (let q = nodeStart[node]!, end = nodeEnd[node]!; q < end; q++) {
      if (component[q]! === c) continue;
      const coreQ = corePos[q]!;
      if (coreQ >= bound) continue;
      let sum = 0;
      const other = q * d;
      for (let f = 0; f < d; f++) {
        const diff = points[offset + f]! - points[other + f]!;
        sum += diff * diff;
      }
      let w = Math.sqrt(sum);
      if (coreP > w) w = coreP;
      if (coreQ > w) w = coreQ;
      if (w < bound) {
        bound = w;
        best[c] = w;
        bestFrom[c] = p;
        bestTo[c] = q;
      }
    }
  };

  /** p's lightest edge to another component, by a depth-first search from the root. */
  const searchFromRoot = (p: number): void => {
    if (settled[p] === 1) return;
    settled[p] = 1;
    const c = component[p]!;
    const coreP = corePos[p]!;
    const offset = p * d;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top]!;
      if (nodeComponent[node]! === c) continue;
      const bound = best[c]!;
      if (nodeMinCore[node]! >= bound || coreP >= bound) continue;
      if (Math.sqrt(minSquaredDistanceToNode(tree, node, points, offset)) >= bound) continue;
      const left = nodeLeft[node]!;
      if (left < 0) {
        scanLeaf(p, c, node);
        continue;
      }
      const right = nodeRight[node]!;
      if (
        minSquaredDistanceToNode(tree, left, points, offset) <=
        minSquaredDistanceToNode(tree, right, points, offset)
      ) {
        stack[top++] = right;
        stack[top++] = left;
      } else {
        stack[top++] = left;
        stack[top++] = right;
      }
    }
  };

  while (edges < n - 1) {
    for (let p = 0; p < n; p++) component[p] = find(p);
    for (let node = nodeCount - 1; node >= 0; node--) {
      const left = nodeLeft[node]!;
      if (left < 0) {
        const first = component[nodeStart[node]!]!;
        let same = first;
        for (let p = nodeStart[node]! + 1; p < nodeEnd[node]!; p++) {
          if (component[p]! !== first) {
            same = -1;
            break;
          }
        }
        nodeComponent[node] = same;
      } else {
        const a = nodeComponent[left]!;
        nodeComponent[node] = a >= 0 && a === nodeComponent[nodeRight[node]!]! ? a : -1;
      }
    }
    best.fill(Infinity);
    settled.fill(0);

    // Candidates from the nearest-neighbour lists: all within core[p] of p, so mr = max(cores).
    for (let p = 0; p < n; p++) {
      const c = component[p]!;
      const coreP = corePos[p]!;
      if (coreP >= best[c]!) {
        settled[p] = 1;
        continue;
      }
      const base = order[p]! * k;
      for (let r = 0; r < k; r++) {
        const q = position[neighbours.indices[base + r]!]!;
        if (component[q]! === c) continue;
        const coreQ = corePos[q]!;
        let w = coreP > coreQ ? coreP : coreQ;
        const distance = neighbours.distances[base + r]!;
        if (distance > w) w = distance;
        if (w < best[c]!) {
          best[c] = w;
          bestFrom[c] = p;
          bestTo[c] = q;
        }
        if (w <= coreP) {
          settled[p] = 1;
          break;
        }
      }
    }

    // Tree searches for the points not settled by their neighbour lists. The endpoints of the
    // previous round's edges go first: they lie between components, so they tighten the
    // components' bounds early. Then leaf by leaf: a leaf inside one component collects its
    // candidate leaves once (box-to-box pruning), and each of its points scans only those.
    for (const p of lastEndpoints) searchFromRoot(p);
    for (const leaf of leaves) {
      const c = nodeComponent[leaf]!;
      let pending = 0;
      for (let p = nodeStart[leaf]!; p < nodeEnd[leaf]!; p++) {
        if (settled[p] === 0 && corePos[p]! < best[component[p]!]!) pending++;
      }
      if (pending === 0) continue;
      if (c < 0 || pending < 4) {
        for (let p = nodeStart[leaf]!; p < nodeEnd[leaf]!; p++) searchFromRoot(p);
        continue;
      }
      let candidateCount = 0;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const node = stack[--top]!;
        if (nodeComponent[node]! === c) continue;
        const bound = best[c]!;
        if (nodeMinCore[node]! >= bound || nodeMinCore[leaf]! >= bound) continue;
        if (Math.sqrt(boxToBox(tree, leaf, node)) >= bound) continue;
        const left = nodeLeft[node]!;
        if (left < 0) {
          candidates[candidateCount++] = node;
          continue;
        }
        const right = nodeRight[node]!;
        if (boxToBox(tree, leaf, left) <= boxToBox(tree, leaf, right)) {
          stack[top++] = right;
          stack[top++] = left;
        } else {
          stack[top++] = left;
          stack[top++] = right;
        }
      }
      for (let p = nodeStart[leaf]!; p < nodeEnd[leaf]!; p++) {
        if (settled[p] === 1) continue;
        settled[p] = 1;
        const offset = p * d;
        for (let index = 0; index < candidateCount; index++) {
          const node = candidates[index]!;
          const bound = best[c]!;
          if (corePos[p]! >= bound) break;
          if (nodeMinCore[node]! >= bound) continue;
          if (Math.sqrt(minSquaredDistanceToNode(tree, node, points, offset)) >= bound) continue;
          scanLeaf(p, c, node);
        }
      }
    }

    let added = 0;
    lastEndpoints.length = 0;
    for (let c = 0; c < n; c++) {
      if (component[c]! !== c || best[c]! === Infinity) continue;
      const a = find(bestFrom[c]!);
      const b = find(bestTo[c]!);
      if (a === b) continue;
      parent[a] = b;
      from[edges] = order[bestFrom[c]!]!;
      to[edges] = order[bestTo[c]!]!;
      weight[edges] = best[c]!;
      lastEndpoints.push(bestFrom[c]!, bestTo[c]!);
      edges++;
      added++;
    }
    if (added === 0) throw new Error('boruvkaSpanningTree: no edge added in a round (bug).');
  }
  return { from, to, weight };
}

/** Squared distance between the boxes of nodes a and b (0 when they overlap). */
function boxToBox(tree: KdTree, a: number, b: number): number {
  const d = tree.cols;
  const lower = tree.nodeLower;
  const upper = tree.nodeUpper;
  const baseA = a * d;
  const baseB = b * d;
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const gapAB = lower[baseB + j]! - upper[baseA + j]!;
    const gapBA = lower[baseA + j]! - upper[baseB + j]!;
    const gap = gapAB > gapBA ? gapAB : gapBA;
    if (gap > 0) sum += gap * gap;
  }
  return sum;
}
