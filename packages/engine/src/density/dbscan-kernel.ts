/**
 * DBSCAN kernels (Ester, Kriegel, Sander & Xu 1996) with scikit-learn's labelling, for valid
 * input (checked by `dbscan.ts`).
 *
 * Notation: n points; N(i) = { j : dist(i, j) <= eps }, which contains i itself; i is a core point
 * when |N(i)| >= minSamples. scikit-learn's `dbscan_inner` starts a cluster at every unlabelled
 * core point in row order and grows it completely (a stack of neighbours, expanding only core
 * points) before the next one starts. Hence its labels are a function of the neighbourhood graph
 * alone: clusters are the connected components of the core points (core-core edges), numbered by
 * their smallest core row; a non-core point within eps of core points of several clusters takes
 * the smallest of their ids; other points are noise (-1).
 *
 * - `dbscanPrecomputedKernel` runs `dbscan_inner` literally on the rows of a distance matrix
 *   (which may even be asymmetric), querying a row when a core point is expanded: O(n^2) time,
 *   O(n) memory besides the matrix.
 * - `dbscanEuclideanKernel` (`dbscan-euclidean.ts`) uses the characterisation above, which holds
 *   because the Euclidean relation is symmetric bit for bit, over a kd-tree.
 */
import type { Matrix } from '../matrix/matrix.js';

/** Labels (n, -1 for noise) and core flags (n) of the training rows. */
export interface DbscanResult {
  readonly labels: Int32Array;
  readonly isCore: Uint8Array;
  readonly clusterCount: number;
}

/** DBSCAN on a square (n, n) distance matrix D, following `dbscan_inner` step by step. */
export function dbscanPrecomputedKernel(D: Matrix, eps: number, minSamples: number): DbscanResult {
  const n = D.rows;
  const data = D.data;
  const isCore = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let j = 0, base = i * n; j < n; j++) if (data[base + j]! <= eps) count++;
    if (count >= minSamples) isCore[i] = 1;
  }
  const labels = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let clusterCount = 0;
  for (let start = 0; start < n; start++) {
    if (labels[start] !== -1 || isCore[start] === 0) continue;
    let i = start;
    for (;;) {
      if (labels[i] === -1) {
        labels[i] = clusterCount;
        if (isCore[i] === 1) {
          for (let j = 0, base = i * n; j < n; j++)
            if (data[base + j]! <= eps && labels[j] === -1) stack.push(j);
        }
      }
      if (stack.length === 0) break;
      i = stack.pop()!;
    }
    clusterCount++;
  }
  return { labels, isCore, clusterCount };
}
