/**
 * Single linkage from a minimum spanning tree built by Prim's algorithm on the fly (Müllner
 * 2011, "Modern hierarchical, agglomerative clustering algorithms", MST-linkage): O(n) memory
 * beyond the input, O(n^2 d) time. A port of SciPy's `_hierarchy.mst_single_linkage` (same tie
 * rules: the lowest id among equally near rows joins first), with the distance to the tree of
 * every outside row kept in one array and a compact list of the rows still outside.
 *
 * Notation: X is (n, d) features, or D the (n, n) distances; m rows outside the tree.
 */
import { finishLinkage, type LinkageMatrix } from './linkage-matrix.js';

/**
 * Single linkage in SciPy's format.
 * @param X - features (n, d), or when `precomputed` a square (n, n) distance matrix (d = n).
 */
export function singleLinkageKernel(
  X: Float64Array,
  n: number,
  d: number,
  precomputed: boolean,
): LinkageMatrix {
  // Squared distances to the tree for features (sqrt at the end), plain distances otherwise.
  const nearest = new Float64Array(n).fill(Infinity);
  const outside = new Int32Array(n);
  for (let i = 0; i < n; i++) outside[i] = i;
  let m = n;
  const first = new Int32Array(Math.max(0, n - 1));
  const second = new Int32Array(Math.max(0, n - 1));
  const height = new Float64Array(Math.max(0, n - 1));
  let x = 0;
  for (let t = 0; t < n - 1; t++) {
    // x joins the tree: drop it from the outside list.
    let slot = 0;
    while (outside[slot] !== x) slot++;
    outside.copyWithin(slot, slot + 1, m);
    m--;
    let best = Infinity;
    let y = -1;
    const xo = x * d;
    for (slot = 0; slot < m; slot++) {
      const i = outside[slot]!;
      let current = nearest[i]!;
      if (precomputed) {
        // The upper triangle only, as for the other linkages (SciPy reads the condensed form).
        const distance = x < i ? X[xo + i]! : X[i * n + x]!;
        if (distance < current) current = nearest[i] = distance;
      } else {
        // Abandon the sum once it exceeds the row's current distance to the tree.
        const io = i * d;
        let squared = 0;
        let f = 0;
        for (; f < d; f++) {
          const diff = X[xo + f]! - X[io + f]!;
          squared += diff * diff;
          if (squared >= current) break;
        }
        if (f === d && squared < current) current = nearest[i] = squared;
      }
      if (current < best || y < 0) {
        best = current;
        y = i;
      }
    }
    first[t] = x;
    second[t] = y;
    height[t] = precomputed ? best : Math.sqrt(best);
    x = y;
  }
  return finishLinkage(first, second, height);
}
