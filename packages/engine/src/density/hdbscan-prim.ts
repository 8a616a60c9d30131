/**
 * Brute-force pieces of HDBSCAN for small n and for precomputed distances: core distances by
 * selection and Prim's minimum spanning tree of the mutual reachability graph, computed row by
 * row (O(n^2) time, O(n) extra memory; never an n x n matrix for feature input). They follow the
 * hdbscan library's `mst_linkage_core_vector` (features) and `mst_linkage_core` (a distance
 * matrix) step for step, so ties resolve the same way.
 *
 * Notation: X is (n, d) features or D an (n, n) distance matrix; core[i] is the distance from i
 * to its k-th nearest other point; the mutual reachability distance is
 * mr(i, j) = max(core[i], core[j], dist(i, j)) (Campello, Moulavi & Sander 2013).
 */
import type { Matrix } from '../matrix/matrix.js';
import type { EdgeList } from './hdbscan-linkage.js';

/** The k-th smallest of `values` (0-based), by Hoare selection on a copy. */
export function kthSmallest(values: Float64Array, k: number): number {
  const a = values.slice();
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const swap = a[i]!;
        a[i] = a[j]!;
        a[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}

/**
 * Core distances from a distance matrix: for each column j, its k-th smallest entry (0-based,
 * the diagonal zero included), as the library's `np.partition(D, k, axis=0)[k]`.
 */
export function precomputedCoreDistances(D: Matrix, k: number): Float64Array {
  const n = D.rows;
  const core = new Float64Array(n);
  const column = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) column[i] = D.data[i * n + j]!;
    core[j] = kthSmallest(column, k);
  }
  return core;
}

/**
 * Prim's tree over the mutual reachability of a distance matrix (the library's
 * `mst_linkage_core`): each edge is reported as (the node added last, the new node, weight), the
 * MST-linkage-core form of Müllner (2011) that yields the same single-linkage hierarchy.
 */
export function primPrecomputed(D: Matrix, core: Float64Array): EdgeList {
  const n = D.rows;
  const data = D.data;
  const from = new Int32Array(n - 1);
  const to = new Int32Array(n - 1);
  const weight = new Float64Array(n - 1);
  const inTree = new Uint8Array(n);
  const current = new Float64Array(n).fill(Infinity);
  let node = 0;
  for (let e = 0; e < n - 1; e++) {
    inTree[node] = 1;
    const coreNode = core[node]!;
    const row = node * n;
    let best = -1;
    let bestValue = Infinity;
    for (let j = 0; j < n; j++) {
      if (inTree[j] === 1) continue;
      let value = data[row + j]!;
      if (coreNode > value) value = coreNode;
      if (core[j]! > value) value = core[j]!;
      const left = current[j]!;
      const merged = left < value ? left : value;
      current[j] = merged;
      if (best < 0 || merged < bestValue) {
        best = j;
        bestValue = merged;
      }
    }
    from[e] = node;
    to[e] = best;
    weight[e] = bestValue;
    node = best;
  }
  return { from, to, weight };
}

/**
 * Prim's tree over the mutual reachability of Euclidean feature rows, distances computed on the
 * fly (the library's `mst_linkage_core_vector`): edges are (tree endpoint, new node, weight).
 */
export function primFeatures(X: Matrix, core: Float64Array): EdgeList {
  const { data, rows: n, cols: d } = X;
  const from = new Int32Array(n - 1);
  const to = new Int32Array(n - 1);
  const weight = new Float64Array(n - 1);
  const inTree = new Uint8Array(n);
  const current = new Float64Array(n).fill(Infinity);
  const source = new Int32Array(n).fill(1);
  let node = 0;
  for (let e = 0; e < n - 1; e++) {
    inTree[node] = 1;
    const coreNode = core[node]!;
    const base = node * d;
    let newDistance = Number.MAX_VALUE;
    let sourceNode = 0;
    let newNode = 0;
    for (let j = 0; j < n; j++) {
      if (inTree[j] === 1) continue;
      const right = current[j]!;
      const rightSource = source[j]!;
      let sum = 0;
      const other = j * d;
      for (let f = 0; f < d; f++) {
        const diff = data[base + f]! - data[other + f]!;
        sum += diff * diff;
      }
      let left = Math.sqrt(sum);
      const coreOther = core[j]!;
      if (coreNode > right || coreOther > right || left > right) {
        if (right < newDistance) {
          newDistance = right;
          sourceNode = rightSource;
          newNode = j;
        }
        continue;
      }
      if (coreOther > coreNode) {
        if (coreOther > left) left = coreOther;
      } else if (coreNode > left) left = coreNode;
      if (left < right) {
        current[j] = left;
        source[j] = node;
        if (left < newDistance) {
          newDistance = left;
          sourceNode = node;
          newNode = j;
        }
      } else if (right < newDistance) {
        newDistance = right;
        sourceNode = rightSource;
        newNode = j;
      }
    }
    from[e] = sourceNode;
    to[e] = newNode;
    weight[e] = newDistance;
    node = newNode;
  }
  return { from, to, weight };
}
