/**
 * Cutting a linkage tree into flat clusters, numbered exactly as scikit-learn's
 * AgglomerativeClustering numbers them (`sklearn.cluster._agglomerative._hc_cut`): starting from
 * the root, the highest merge is split k - 1 times, the open nodes kept in a Python `heapq` of
 * negated ids; cluster i is the i-th node of the final heap array (not sorted order), so the
 * heap operations are replicated exactly here.
 *
 * A cut by distance keeps 1 + (number of merges at a height >= threshold) clusters, as
 * scikit-learn's `distance_threshold` does.
 *
 * Notation: n rows, k clusters, merge t creates node n + t.
 */
import { checkParams, invalidParameter } from '../core/params.js';
import { checkLinkage, linkageRows, type LinkageMatrix } from './linkage-matrix.js';

/** How to cut: into a number of clusters, or at a height. */
export type CutOptions = { clusterCount: number } | { distanceThreshold: number };

/** heapq._siftdown: moves heap[position] up towards `start` while it is smaller than its parent. */
function siftDown(heap: number[], start: number, position: number): void {
  const item = heap[position]!;
  while (position > start) {
    const parentPosition = (position - 1) >> 1;
    const parent = heap[parentPosition]!;
    if (item < parent) {
      heap[position] = parent;
      position = parentPosition;
      continue;
    }
    break;
  }
  heap[position] = item;
}

/** heapq._siftup: moves the smaller child up until a leaf, then sifts the item down. */
function siftUp(heap: number[], position: number): void {
  const end = heap.length;
  const start = position;
  const item = heap[position]!;
  let child = 2 * position + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !(heap[child]! < heap[right]!)) child = right;
    heap[position] = heap[child]!;
    position = child;
    child = 2 * position + 1;
  }
  heap[position] = item;
  siftDown(heap, start, position);
}

/** Clusters a distance cut keeps: 1 + merges at a height >= threshold. */
export function clustersAtThreshold(linkage: LinkageMatrix, threshold: number): number {
  let count = 1;
  for (const height of linkage.distance) if (height >= threshold) count++;
  return count;
}

/**
 * Unchecked cut into k clusters (1 <= k <= n), scikit-learn's numbering.
 * @returns labels, shape (n).
 */
export function cutTreeKernel(linkage: LinkageMatrix, k: number): Int32Array {
  const n = linkageRows(linkage);
  const labels = new Int32Array(n);
  if (n === 1) return labels;
  const { left, right } = linkage;
  const last = n - 2;
  const heap = [-(Math.max(left[last]!, right[last]!) + 1)];
  for (let step = 0; step < k - 1; step++) {
    const t = -heap[0]! - n;
    heap.push(-left[t]!);
    siftDown(heap, 0, heap.length - 1);
    // heappushpop: the pushed item replaces the smallest (the largest id) unless it is smaller.
    const item = -right[t]!;
    if (heap[0]! < item) {
      heap[0] = item;
      siftUp(heap, 0);
    }
  }
  const stack: number[] = [];
  heap.forEach((negated, cluster) => {
    stack.push(-negated);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node < n) labels[node] = cluster;
      else stack.push(left[node - n]!, right[node - n]!);
    }
  });
  return labels;
}

/**
 * Flat clusters from a linkage matrix, numbered as scikit-learn's AgglomerativeClustering
 * numbers them (labels equal scikit-learn's for the same tree).
 *
 * @param linkage - n - 1 merges in SciPy's format (from `agglomerative(...).linkage`).
 * @param cut - `{ clusterCount }` (an integer in [1, n]) or `{ distanceThreshold }` (>= 0).
 * @returns labels in [0, k), shape (n).
 * @throws SegmintError INVALID_PARAMETER for a malformed linkage or a bad cut.
 * @example
 * const model = agglomerative(X, { clusterCount: 2 });
 * cutTree(model.linkage, { clusterCount: 5 }); // Int32Array (n), labels 0..4
 * cutTree(model.linkage, { distanceThreshold: 3.5 });
 */
export function cutTree(linkage: LinkageMatrix, cut: CutOptions): Int32Array {
  checkLinkage('cutTree', linkage);
  const n = linkageRows(linkage);
  checkParams('cutTree', cut as { clusterCount?: number; distanceThreshold?: number }, {
    clusterCount: { type: 'integer', min: 1, max: n, optional: true },
    distanceThreshold: { type: 'number', min: 0, optional: true },
  });
  const { clusterCount, distanceThreshold } = cut as {
    clusterCount?: number;
    distanceThreshold?: number;
  };
  if ((clusterCount === undefined) === (distanceThreshold === undefined))
    throw invalidParameter('cutTree', 'clusterCount', 'given alone (or distanceThreshold)', cut);
  return cutTreeKernel(linkage, clusterCount ?? clustersAtThreshold(linkage, distanceThreshold!));
}
