/**
 * A kd-tree over cluster centroids for the Ward chain's nearest-neighbour search (Bentley 1975,
 * "Multidimensional binary search trees used for associative searching"): rebuilt from scratch
 * every few hundred merges, and in between a merged cluster's new centroid goes to a short
 * "loose" list scanned linearly while its old slot (and the absorbed cluster's) is marked dead.
 *
 * Slots [0, treeCount) are the tree's leaves in tree order (each node owns a contiguous range);
 * slots [treeCount, slotCount) are loose. Each node keeps its bounding box and the largest
 * 1 / size of its slots (sizes of slots in the tree never change, so the bound stays valid).
 *
 * Notation: d features, m live clusters, slot = one centroid row in `centers`.
 */

/** Rows per leaf. */
const LEAF_SIZE = 16;

/** The packed centroids and the tree over them (mutable kernel state). */
export interface CentroidTree {
  d: number;
  /** Centroid rows, (capacity, d). */
  centers: Float64Array;
  /** 1 / cluster size per slot. */
  inverseSize: Float64Array;
  /** Cluster id per slot, -1 for a dead slot. */
  slotId: Int32Array;
  /** Slot of each cluster id. */
  position: Int32Array;
  slotCount: number;
  treeCount: number;
  nodeCount: number;
  /** Leaf: first and end slot; inner: left child in nodeLeft (right = nodeRight). */
  nodeStart: Int32Array;
  nodeEnd: Int32Array;
  nodeLeft: Int32Array;
  nodeRight: Int32Array;
  /** Bounding boxes, (nodes, d) each. */
  boxLow: Float64Array;
  boxHigh: Float64Array;
  nodeMaxInverse: Float64Array;
  /** Scratch for rebuilds. */
  spareCenters: Float64Array;
  spareInverse: Float64Array;
  spareId: Int32Array;
  order: Int32Array;
}

/** A tree over n singleton rows of X (copied), with room for `capacity` slots. */
export function createCentroidTree(X: Float64Array, n: number, d: number): CentroidTree {
  const capacity = 2 * n + 8;
  const nodes = 4 * Math.ceil(n / LEAF_SIZE) + 8;
  const tree: CentroidTree = {
    d,
    centers: new Float64Array(capacity * d),
    inverseSize: new Float64Array(capacity),
    slotId: new Int32Array(capacity).fill(-1),
    position: new Int32Array(n),
    slotCount: n,
    treeCount: 0,
    nodeCount: 0,
    nodeStart: new Int32Array(nodes),
    nodeEnd: new Int32Array(nodes),
    nodeLeft: new Int32Array(nodes),
    nodeRight: new Int32Array(nodes),
    boxLow: new Float64Array(nodes * d),
    boxHigh: new Float64Array(nodes * d),
    nodeMaxInverse: new Float64Array(nodes),
    spareCenters: new Float64Array(capacity * d),
    spareInverse: new Float64Array(capacity),
    spareId: new Int32Array(capacity).fill(-1),
    order: new Int32Array(capacity),
  };
  tree.centers.set(X.subarray(0, n * d));
  tree.inverseSize.fill(1, 0, n);
  for (let i = 0; i < n; i++) {
    tree.slotId[i] = i;
    tree.position[i] = i;
  }
  rebuildCentroidTree(tree);
  return tree;
}

/** Moves the smallest-key half of order[lo, hi) before `middle` (Hoare quickselect). */
function select(
  order: Int32Array,
  centers: Float64Array,
  d: number,
  dim: number,
  lo: number,
  hi: number,
  middle: number,
): void {
  let left = lo;
  let right = hi - 1;
  while (right > left) {
    const pivot = centers[order[(left + right) >> 1]! * d + dim]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (centers[order[i]! * d + dim]! < pivot) i++;
      while (centers[order[j]! * d + dim]! > pivot) j--;
      if (i <= j) {
        const swap = order[i]!;
        order[i] = order[j]!;
        order[j] = swap;
        i++;
        j--;
      }
    }
    if (middle <= j) right = j;
    else if (middle >= i) left = i;
    else break;
  }
}

/** Builds node `node` over order[lo, hi) (slots of the old layout); returns the node id. */
function build(tree: CentroidTree, lo: number, hi: number): number {
  const { d, centers, inverseSize, order, boxLow, boxHigh } = tree;
  const node = tree.nodeCount++;
  const bo = node * d;
  let maxInverse = 0;
  for (let f = 0; f < d; f++) {
    boxLow[bo + f] = Infinity;
    boxHigh[bo + f] = -Infinity;
  }
  for (let r = lo; r < hi; r++) {
    const so = order[r]! * d;
    for (let f = 0; f < d; f++) {
      const value = centers[so + f]!;
      if (value < boxLow[bo + f]!) boxLow[bo + f] = value;
      if (value > boxHigh[bo + f]!) boxHigh[bo + f] = value;
    }
    maxInverse = Math.max(maxInverse, inverseSize[order[r]!]!);
  }
  tree.nodeMaxInverse[node] = maxInverse;
  tree.nodeStart[node] = lo;
  tree.nodeEnd[node] = hi;
  if (hi - lo <= LEAF_SIZE) {
    tree.nodeLeft[node] = -1;
    return node;
  }
  let dim = 0;
  let widest = -1;
  for (let f = 0; f < d; f++) {
    const width = boxHigh[bo + f]! - boxLow[bo + f]!;
    if (width > widest) {
      widest = width;
      dim = f;
    }
  }
  const middle = (lo + hi) >> 1;
  select(order, centers, d, dim, lo, hi, middle);
  tree.nodeLeft[node] = build(tree, lo, middle);
  tree.nodeRight[node] = build(tree, middle, hi);
  return node;
}

/** Rebuilds the tree over every live slot (tree and loose), packing them in tree order. */
export function rebuildCentroidTree(tree: CentroidTree): void {
  const { d, order, slotId } = tree;
  let live = 0;
  for (let s = 0; s < tree.slotCount; s++) if (slotId[s]! >= 0) order[live++] = s;
  tree.nodeCount = 0;
  build(tree, 0, live);
  const { centers, inverseSize, spareCenters, spareInverse, spareId, position } = tree;
  for (let r = 0; r < live; r++) {
    const s = order[r]!;
    spareCenters.set(centers.subarray(s * d, s * d + d), r * d);
    spareInverse[r] = inverseSize[s]!;
    const id = slotId[s]!;
    spareId[r] = id;
    position[id] = r;
  }
  tree.centers = spareCenters;
  tree.spareCenters = centers;
  tree.inverseSize = spareInverse;
  tree.spareInverse = inverseSize;
  tree.slotId = spareId;
  tree.spareId = slotId;
  tree.slotCount = live;
  tree.treeCount = live;
}

/** Marks cluster `id`'s slot dead. */
export function removeCluster(tree: CentroidTree, id: number): void {
  tree.slotId[tree.position[id]!] = -1;
}

/** Appends cluster `id` as a loose slot with centroid `center` and size `size`. */
export function appendCluster(
  tree: CentroidTree,
  id: number,
  center: Float64Array,
  size: number,
): void {
  const s = tree.slotCount++;
  tree.centers.set(center, s * tree.d);
  tree.inverseSize[s] = 1 / size;
  tree.slotId[s] = id;
  tree.position[id] = s;
}

/** Loose slots allowed before a rebuild pays off (rebuild O(m log m) vs scans of the list). */
export function looseLimit(live: number): number {
  return Math.max(32, 2 * Math.ceil(Math.sqrt(live)));
}
