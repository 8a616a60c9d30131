/**
 * Condensing a single-linkage hierarchy by a minimum cluster size (Campello, Moulavi & Sander
 * 2013; the hdbscan library's `condense_tree`, akin to Stuetzle's runt pruning): walking the
 * hierarchy breadth-first from the root, a split where both sides hold at least minClusterSize
 * points births two child clusters; otherwise the small side's points fall out of the cluster at
 * that density and the large side keeps the parent's id.
 *
 * Notation: n points; hierarchy node ids < n are points, n + m is merge m; lambda = 1 / distance.
 * Rows are emitted in exactly the library's order (parents before children), which the
 * selection, labelling and GLOSH passes rely on.
 */
import type { CondensedTree } from './hdbscan-options.js';
import type { SingleLinkage } from './hdbscan-linkage.js';

/**
 * Breadth-first order of the hierarchy below `root`, appended to `out` from `count`; returns the
 * new count. `queue` is scratch of length >= 2n - 1.
 */
function breadthFirst(
  hierarchy: SingleLinkage,
  n: number,
  root: number,
  out: Int32Array,
  count: number,
): number {
  let head = count;
  out[count++] = root;
  while (head < count) {
    const node = out[head++]!;
    if (node >= n) {
      out[count++] = hierarchy.left[node - n]!;
      out[count++] = hierarchy.right[node - n]!;
    }
  }
  return count;
}

/**
 * The condensed tree of a hierarchy over n >= 2 points.
 *
 * @param hierarchy - from `linkageFromSpanningTree`.
 * @param n - points.
 * @param minClusterSize - smallest cluster, >= 2.
 */
export function condenseTree(
  hierarchy: SingleLinkage,
  n: number,
  minClusterSize: number,
): CondensedTree {
  const root = 2 * n - 2;
  const nodeCount = 2 * n - 1;
  const nodeList = new Int32Array(nodeCount);
  breadthFirst(hierarchy, n, root, nodeList, 0);
  const scratch = new Int32Array(nodeCount);
  const relabel = new Int32Array(nodeCount);
  relabel[root] = n;
  let nextLabel = n + 1;
  const ignore = new Uint8Array(nodeCount);

  // At most n point rows plus two rows per split (fewer than n splits).
  let capacity = 3 * n;
  let parent = new Int32Array(capacity);
  let child = new Int32Array(capacity);
  let lambda = new Float64Array(capacity);
  let size = new Int32Array(capacity);
  let rows = 0;
  const push = (p: number, c: number, l: number, s: number): void => {
    if (rows === capacity) {
      capacity *= 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
        const b = make(capacity);
        b.set(a);
        return b;
      };
      parent = grow(parent, (k) => new Int32Array(k));
      child = grow(child, (k) => new Int32Array(k));
      lambda = grow(lambda, (k) => new Float64Array(k));
      size = grow(size, (k) => new Int32Array(k));
    }
    parent[rows] = p;
    child[rows] = c;
    lambda[rows] = l;
    size[rows] = s;
    rows++;
  };
  const fallOut = (from: number, owner: number, l: number): void => {
    const count = breadthFirst(hierarchy, n, from, scratch, 0);
    for (let s = 0; s < count; s++) {
      const sub = scratch[s]!;
      if (sub < n) push(owner, sub, l, 1);
      ignore[sub] = 1;
    }
  };

  for (let index = 0; index < nodeCount; index++) {
    const node = nodeList[index]!;
    if (ignore[node] === 1 || node < n) continue;
    const m = node - n;
    const left = hierarchy.left[m]!;
    const right = hierarchy.right[m]!;
    const distance = hierarchy.distance[m]!;
    const l = distance > 0 ? 1 / distance : Infinity;
    const leftCount = left >= n ? hierarchy.size[left - n]! : 1;
    const rightCount = right >= n ? hierarchy.size[right - n]! : 1;
    const owner = relabel[node]!;
    if (leftCount >= minClusterSize && rightCount >= minClusterSize) {
      relabel[left] = nextLabel++;
      push(owner, relabel[left], l, leftCount);
      relabel[right] = nextLabel++;
      push(owner, relabel[right], l, rightCount);
    } else if (leftCount < minClusterSize && rightCount < minClusterSize) {
      fallOut(left, owner, l);
      fallOut(right, owner, l);
    } else if (leftCount < minClusterSize) {
      relabel[right] = owner;
      fallOut(left, owner, l);
    } else {
      relabel[left] = owner;
      fallOut(right, owner, l);
    }
  }
  return {
    parent: parent.slice(0, rows),
    child: child.slice(0, rows),
    lambda: lambda.slice(0, rows),
    size: size.slice(0, rows),
  };
}
