/**
 * A kd-tree over the rows of a matrix (Bentley 1975; Friedman, Bentley & Finkel 1977), laid out
 * as flat typed arrays so that queries and dual-tree walks (HDBSCAN's Borůvka, McInnes & Healy
 * 2017) touch no per-node objects.
 *
 * Notation: X is (n, d); a node owns the tree positions [start, end) of `indices`/`points`; its
 * bounding box is the tight box [lower, upper] of those points. Each split is at the median of
 * the widest dimension of the node's box, as in scikit-learn's `KDTree`, so the tree is balanced:
 * its depth is about log2(n / leafSize).
 */
import { checkParams, mergeOptions } from '../core/params.js';
import type { Matrix } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';

/**
 * A built kd-tree: immutable plain data. Node 0 is the root; nodes are numbered in depth-first
 * pre-order, so a left child is always `node + 1`.
 *
 * Tree positions p in [0, n) index `indices` and `points`; a node's points are the contiguous
 * positions [nodeStart, nodeEnd). Query results report original row numbers (`indices[p]`).
 */
export interface KdTree {
  /** n, the number of points (rows of the X the tree was built on). */
  readonly rows: number;
  /** d, the number of features. */
  readonly cols: number;
  /** The largest number of points in a leaf. */
  readonly leafSize: number;
  /** (n) original row of the point at each tree position. */
  readonly indices: Int32Array;
  /** (n, d) row-major coordinates in tree order: row p is X row `indices[p]` (a copy, for locality). */
  readonly points: Float64Array;
  /** Number of nodes. */
  readonly nodeCount: number;
  /** (nodeCount) first tree position of each node's points. */
  readonly nodeStart: Int32Array;
  /** (nodeCount) one past the last tree position of each node's points. */
  readonly nodeEnd: Int32Array;
  /** (nodeCount) left child, or -1 for a leaf (then `nodeRight` is -1 too). Equals node + 1 when present. */
  readonly nodeLeft: Int32Array;
  /** (nodeCount) right child, or -1 for a leaf. */
  readonly nodeRight: Int32Array;
  /** (nodeCount, d) row-major lower corner of each node's tight bounding box. */
  readonly nodeLower: Float64Array;
  /** (nodeCount, d) row-major upper corner of each node's tight bounding box. */
  readonly nodeUpper: Float64Array;
}

/** Options of {@link buildKdTree}. */
export interface KdTreeOptions {
  /** Most points in a leaf, an integer in [1, 100000]; default 40 (scikit-learn's default). */
  leafSize: number;
}

/** Defaults of {@link KdTreeOptions}. */
export const KD_TREE_DEFAULTS: Readonly<KdTreeOptions> = Object.freeze({ leafSize: 40 });

const CONSTRAINTS = { leafSize: { type: 'integer', min: 1, max: 100000 } } as const;

/**
 * Builds a kd-tree over the rows of `X` (X is not modified; the tree keeps a reordered copy).
 *
 * @param X - (n, d) finite data, n >= 1, d >= 1.
 * @param options - `leafSize` (default 40).
 * @returns the tree; building costs O(n d log n) time and O(n d) memory.
 * @throws SegmintError INVALID_PARAMETER for a bad `leafSize`, INVALID_SHAPE for an empty X,
 *   NON_FINITE_VALUE for NaN or infinities.
 * @example
 * const tree = buildKdTree({ data: Float64Array.of(0, 0, 1, 1, 5, 5), rows: 3, cols: 2 });
 * kNearest(tree, { data: Float64Array.of(0.9, 0.9), rows: 1, cols: 2 }, 1).indices // [1]
 */
export function buildKdTree(X: Matrix, options?: Partial<KdTreeOptions>): KdTree {
  const merged = mergeOptions<KdTreeOptions>(KD_TREE_DEFAULTS, options);
  checkParams('buildKdTree', merged, CONSTRAINTS);
  assertNonEmpty('buildKdTree', X);
  assertFinite('buildKdTree', X);
  return buildKdTreeKernel(X, merged.leafSize);
}

function countNodes(size: number, leafSize: number): number {
  if (size <= leafSize) return 1;
  const half = size >> 1;
  return 1 + countNodes(half, leafSize) + countNodes(size - half, leafSize);
}

/** {@link buildKdTree} without checks: X finite and non-empty, leafSize >= 1. */
export function buildKdTreeKernel(X: Matrix, leafSize: number): KdTree {
  const { rows: n, cols: d } = X;
  const nodeCount = countNodes(n, leafSize);
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  // Rows move with their indices while the tree is built, so every scan is sequential and
  // `points` ends in tree order without a final permutation.
  const points = X.data.slice(0, n * d);
  const nodeStart = new Int32Array(nodeCount);
  const nodeEnd = new Int32Array(nodeCount);
  const nodeLeft = new Int32Array(nodeCount);
  const nodeRight = new Int32Array(nodeCount);
  const nodeLower = new Float64Array(nodeCount * d);
  const nodeUpper = new Float64Array(nodeCount * d);
  let nextNode = 0;

  const build = (start: number, end: number): number => {
    const node = nextNode++;
    nodeStart[node] = start;
    nodeEnd[node] = end;
    const base = node * d;
    for (let j = 0; j < d; j++) {
      nodeLower[base + j] = Infinity;
      nodeUpper[base + j] = -Infinity;
    }
    for (let p = start; p < end; p++) {
      const row = p * d;
      for (let j = 0; j < d; j++) {
        const x = points[row + j]!;
        if (x < nodeLower[base + j]!) nodeLower[base + j] = x;
        if (x > nodeUpper[base + j]!) nodeUpper[base + j] = x;
      }
    }
    if (end - start <= leafSize) {
      nodeLeft[node] = -1;
      nodeRight[node] = -1;
      return node;
    }
    let widest = 0;
    let spread = -1;
    for (let j = 0; j < d; j++) {
      const width = nodeUpper[base + j]! - nodeLower[base + j]!;
      if (width > spread) {
        spread = width;
        widest = j;
      }
    }
    const middle = start + ((end - start) >> 1);
    selectNth(indices, points, d, widest, start, end - 1, middle);
    nodeLeft[node] = build(start, middle);
    nodeRight[node] = build(middle, end);
    return node;
  };
  build(0, n);
  return Object.freeze({
    rows: n,
    cols: d,
    leafSize,
    indices,
    points,
    nodeCount,
    nodeStart,
    nodeEnd,
    nodeLeft,
    nodeRight,
    nodeLower,
    nodeUpper,
  });
}

/**
 * Reorders positions left..right (inclusive) of `points` (rows of d values) and `indices`
 * together so that position `nth` holds the row that would be there if sorted by coordinate
 * `dim`, smaller-or-equal ones before it and larger-or-equal after (Hoare's selection with a
 * median-of-three pivot; equal keys are swapped across the pivot, so runs of duplicates split
 * evenly instead of degrading to O(n^2)).
 */
function selectNth(
  indices: Int32Array,
  points: Float64Array,
  d: number,
  dim: number,
  left: number,
  right: number,
  nth: number,
): void {
  while (right > left) {
    const middle = (left + right) >> 1;
    const a = points[left * d + dim]!;
    const b = points[middle * d + dim]!;
    const c = points[right * d + dim]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (points[i * d + dim]! < pivot) i++;
      while (points[j * d + dim]! > pivot) j--;
      if (i <= j) {
        const swap = indices[i]!;
        indices[i] = indices[j]!;
        indices[j] = swap;
        for (let t = 0, rowI = i * d, rowJ = j * d; t < d; t++) {
          const value = points[rowI + t]!;
          points[rowI + t] = points[rowJ + t]!;
          points[rowJ + t] = value;
        }
        i++;
        j--;
      }
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else return;
  }
}
