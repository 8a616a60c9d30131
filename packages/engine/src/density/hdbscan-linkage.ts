/**
 * From a minimum spanning tree of the mutual reachability graph to a single-linkage hierarchy in
 * scipy's linkage layout (the hdbscan library's `label`): edges are sorted by weight with numpy's
 * default argsort (so equal weights are ordered as the library orders them) and merged with a
 * union-find whose merge nodes are numbered n, n + 1, ... in merge order.
 *
 * Notation: n points, n - 1 edges (a, b, w); node ids < n are points, >= n are merges.
 */
import { numpyArgsort } from './hdbscan-argsort.js';

/** A single-linkage hierarchy: merge m (node n + m) joins `left[m]` and `right[m]`. */
export interface SingleLinkage {
  /** (n - 1) first merged node (the component of the edge's first endpoint). */
  readonly left: Int32Array;
  /** (n - 1) second merged node. */
  readonly right: Int32Array;
  /** (n - 1) merge distance, non-decreasing. */
  readonly distance: Float64Array;
  /** (n - 1) points under the merge. */
  readonly size: Int32Array;
}

/** An edge list: edge e joins `from[e]` and `to[e]` at `weight[e]`. */
export interface EdgeList {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
}

/**
 * Sorts the n - 1 spanning-tree edges by weight (stable) and labels the merges.
 *
 * @param edges - a spanning tree of n points (n - 1 edges, any order).
 * @param n - number of points, >= 1.
 * @returns the hierarchy; merge m creates node n + m.
 */
export function linkageFromSpanningTree(edges: EdgeList, n: number): SingleLinkage {
  const m = n - 1;
  const weight = edges.weight;
  // numpy's unstable argsort, as the library: it decides the order of equal-weight merges.
  const order = numpyArgsort(weight);

  const left = new Int32Array(m);
  const right = new Int32Array(m);
  const distance = new Float64Array(m);
  const size = new Int32Array(m);
  const parent = new Int32Array(2 * n - 1).fill(-1);
  const nodeSize = new Int32Array(2 * n - 1);
  for (let i = 0; i < n; i++) nodeSize[i] = 1;

  const find = (x: number): number => {
    let root = x;
    while (parent[root]! !== -1) root = parent[root]!;
    while (x !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };

  for (let index = 0; index < m; index++) {
    const e = order[index]!;
    const a = find(edges.from[e]!);
    const b = find(edges.to[e]!);
    const merged = n + index;
    left[index] = a;
    right[index] = b;
    distance[index] = weight[e]!;
    const total = nodeSize[a]! + nodeSize[b]!;
    size[index] = total;
    nodeSize[merged] = total;
    parent[a] = merged;
    parent[b] = merged;
  }
  return { left, right, distance, size };
}
