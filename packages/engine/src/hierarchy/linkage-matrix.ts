/**
 * The linkage matrix in SciPy's format (`scipy.cluster.hierarchy.linkage`), stored as four
 * columns: merge t (0 <= t < n - 1) joins clusters `left[t] < right[t]` at height `distance[t]`
 * into cluster n + t of `size[t]` rows; ids < n are the rows themselves.
 *
 * `finishLinkage` turns the raw merges of a nearest-neighbour chain or of Prim's algorithm
 * (clusters named by a representative row, in discovery order) into that format exactly as
 * SciPy does: a stable sort by distance, then a union-find pass that renames the clusters
 * (SciPy's `_hierarchy.label`, after Müllner 2011, "Modern hierarchical, agglomerative
 * clustering algorithms", section 2.3).
 *
 * Notation: n rows, t a merge index.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';

/** n - 1 merges in SciPy's linkage format (see the file header). */
export interface LinkageMatrix {
  /** Smaller id of the two merged clusters, shape (n - 1). */
  readonly left: Int32Array;
  /** Larger id of the two merged clusters, shape (n - 1). */
  readonly right: Int32Array;
  /** Merge heights, non-decreasing, shape (n - 1). */
  readonly distance: Float64Array;
  /** Rows under each merge, shape (n - 1). */
  readonly size: Int32Array;
}

/**
 * Sorts raw merges by distance (stable) and renames them with a union-find (SciPy's `label`).
 * Raw merge t joins the clusters holding rows `first[t]` and `second[t]`.
 *
 * @param first - a row of one merged cluster per merge, shape (n - 1).
 * @param second - a row of the other merged cluster, shape (n - 1).
 * @param distance - merge heights in discovery order, shape (n - 1).
 */
export function finishLinkage(
  first: Int32Array,
  second: Int32Array,
  distance: Float64Array,
): LinkageMatrix {
  const merges = distance.length;
  const n = merges + 1;
  const order = new Int32Array(merges);
  for (let t = 0; t < merges; t++) order[t] = t;
  order.sort((a, b) => distance[a]! - distance[b]! || a - b);
  const parent = new Int32Array(2 * n - 1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const clusterSize = new Int32Array(2 * n - 1).fill(1);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const left = new Int32Array(merges);
  const right = new Int32Array(merges);
  const sorted = new Float64Array(merges);
  const size = new Int32Array(merges);
  for (let t = 0; t < merges; t++) {
    const raw = order[t]!;
    const a = find(first[raw]!);
    const b = find(second[raw]!);
    left[t] = Math.min(a, b);
    right[t] = Math.max(a, b);
    sorted[t] = distance[raw]!;
    const id = n + t;
    parent[a] = id;
    parent[b] = id;
    clusterSize[id] = clusterSize[a]! + clusterSize[b]!;
    size[t] = clusterSize[id]!;
  }
  return { left, right, distance: sorted, size };
}

/** Rows n of a linkage matrix (its merge count plus one). */
export function linkageRows(linkage: LinkageMatrix): number {
  return linkage.distance.length + 1;
}

/**
 * Throws INVALID_PARAMETER unless `linkage` is a well-formed linkage matrix: four columns of
 * equal length, each merge joining two distinct existing clusters once, sizes adding up,
 * finite non-negative non-decreasing distances.
 *
 * @param owner - the caller's name for the message (`'cutTree'`).
 */
export function checkLinkage(owner: string, linkage: LinkageMatrix): void {
  const fail = (rule: string): never => {
    throw new SegmintError(ERROR_CODES.INVALID_PARAMETER, `${owner}: 'linkage' ${rule}.`, {
      parameter: 'linkage',
    });
  };
  if (typeof linkage !== 'object' || linkage === null) fail('must be an object');
  const { left, right, distance, size } = linkage;
  if (
    !(left instanceof Int32Array) ||
    !(right instanceof Int32Array) ||
    !(distance instanceof Float64Array) ||
    !(size instanceof Int32Array)
  )
    fail('must hold Int32Array left, right, size and Float64Array distance');
  const merges = distance.length;
  if (left.length !== merges || right.length !== merges || size.length !== merges)
    fail('columns must have the same length');
  const n = merges + 1;
  const used = new Uint8Array(2 * n - 1);
  const sizes = new Int32Array(2 * n - 1).fill(1);
  for (let t = 0; t < merges; t++) {
    const a = left[t]!;
    const b = right[t]!;
    const id = n + t;
    if (a < 0 || b < 0 || a >= id || b >= id || a === b)
      fail(`merge ${t} must join two distinct earlier clusters; got ${a} and ${b}`);
    if (used[a] === 1 || used[b] === 1) fail(`merge ${t} reuses a merged cluster`);
    used[a] = 1;
    used[b] = 1;
    sizes[id] = sizes[a]! + sizes[b]!;
    if (size[t] !== sizes[id]) fail(`size[${t}] must be ${sizes[id]}; got ${size[t]}`);
    const height = distance[t]!;
    if (!Number.isFinite(height) || height < 0)
      fail(`distance[${t}] must be finite and >= 0; got ${height}`);
    if (t > 0 && height < distance[t - 1]!) fail(`distances must be non-decreasing (merge ${t})`);
  }
}
