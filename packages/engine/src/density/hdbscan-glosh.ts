/**
 * GLOSH outlier scores (Campello, Moulavi, Zimek & Sander 2015, "Hierarchical density estimates
 * for data clustering, visualization, and outlier detection"), as the hdbscan library's
 * `outlier_scores`: a point's score is (lambdaMax - lambda) / lambdaMax, where lambda is the
 * density at which it left its cluster and lambdaMax the largest density reached anywhere below
 * that cluster.
 *
 * Notation: n points; condensed-tree rows list parents before children.
 */
import type { CondensedTree } from './hdbscan-options.js';
import { maxLambdaByParent } from './hdbscan-select.js';

/**
 * GLOSH scores of the n points of a condensed tree, each in [0, 1] (0 for points that leave at
 * infinite density or from a cluster whose largest lambda is 0).
 */
export function gloshScores(tree: CondensedTree, n: number): Float64Array {
  let last = n;
  for (let r = 0; r < tree.parent.length; r++) if (tree.parent[r]! > last) last = tree.parent[r]!;
  const deaths = maxLambdaByParent(tree, last + 1);
  // Children come after parents, so a reverse pass carries each subtree's maximum upwards.
  for (let r = tree.child.length - 1; r >= 0; r--) {
    const child = tree.child[r]!;
    const parent = tree.parent[r]!;
    if (deaths[child]! > deaths[parent]!) deaths[parent] = deaths[child]!;
  }
  const scores = new Float64Array(n);
  for (let r = 0; r < tree.child.length; r++) {
    const point = tree.child[r]!;
    if (point >= n) continue;
    const lambdaMax = deaths[tree.parent[r]!]!;
    const lambda = tree.lambda[r]!;
    scores[point] =
      lambdaMax === 0 || !Number.isFinite(lambda) ? 0 : (lambdaMax - lambda) / lambdaMax;
  }
  return scores;
}
