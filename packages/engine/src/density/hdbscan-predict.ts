/**
 * Approximate prediction for HDBSCAN (the hdbscan library's `approximate_predict`, McInnes,
 * Healy & Astels 2017): a new point joins the condensed tree through its nearest training point
 * in mutual reachability, at lambda = 1 / that distance, without re-clustering. Its label is the
 * selected cluster that owns the tree node it lands in (noise above the selected clusters), and
 * its strength min(lambda, lambdaMax) / lambdaMax, lambdaMax being the largest lambda in that
 * selected cluster.
 *
 * Two deliberate differences from the library, where it contradicts its own fit: the selected
 * clusters are the ones the fit selected (the library guesses them from the labels, as the
 * smallest parent id among each label's points, which picks other clusters after a large
 * clusterSelectionEpsilon), and a model whose only cluster is the root (allowSingleCluster, no
 * split) still predicts that cluster (the library predicts noise for every row).
 *
 * Notation: n training rows, m new rows; s = minSamples; each new row looks at its 2s nearest
 * training rows; the new row's own core distance is the distance to the (s + 1)-th of them, and
 * the training core distances are the model's `predictionCoreDistances` (the library's
 * conventions, kept for identical results).
 */
import type { ClusterAssignment } from '../cluster/assignment.js';
import type { Matrix } from '../matrix/matrix.js';
import { buildKdTreeKernel, type KdTree } from '../neighbors/kd-tree.js';
import { kNearestKernel } from '../neighbors/k-nearest.js';
import type { HdbscanModel } from './hdbscan-options.js';
import { maxLambdaByParent } from './hdbscan-select.js';

/** What prediction derives once per model from its condensed tree. */
interface PredictionIndex {
  /** (n) condensed-tree row of each training point. */
  readonly pointRow: Int32Array;
  /** (clusters) parent of each cluster id - n (-1 for the root). */
  readonly clusterParent: Int32Array;
  /** (clusters) birth lambda of each cluster id - n. */
  readonly clusterBirth: Float64Array;
  /** (clusters) label of the selected cluster at or above each cluster, -1 if none. */
  readonly clusterLabel: Int32Array;
  /** (clusters) largest lambda of that selected cluster. */
  readonly clusterMaxLambda: Float64Array;
  readonly tree: KdTree | null;
}

const cache = new WeakMap<HdbscanModel, PredictionIndex>();

function buildIndex(model: HdbscanModel): PredictionIndex {
  const n = model.trainingRows;
  const { parent, child, lambda } = model.condensedTree;
  let last = n;
  for (let r = 0; r < parent.length; r++) if (parent[r]! > last) last = parent[r]!;
  const count = last - n + 1;
  const pointRow = new Int32Array(n).fill(-1);
  const clusterParent = new Int32Array(count).fill(-1);
  const clusterBirth = new Float64Array(count);
  for (let r = 0; r < child.length; r++) {
    const c = child[r]!;
    if (c < n) {
      if (pointRow[c]! < 0) pointRow[c] = r;
    } else {
      clusterParent[c - n] = parent[r]! - n;
      clusterBirth[c - n] = lambda[r]!;
    }
  }
  const deaths = maxLambdaByParent(model.condensedTree, last + 1);
  const clusterLabel = new Int32Array(count).fill(-1);
  const clusterMaxLambda = new Float64Array(count);
  model.selectedClusters.forEach((id, label) => {
    clusterLabel[id - n] = label;
    clusterMaxLambda[id - n] = deaths[id]!;
  });
  // Ids are topologically ordered: a cluster below a selected one inherits its label.
  for (let c = 1; c < count; c++) {
    const p = clusterParent[c]!;
    if (clusterLabel[c]! < 0 && p >= 0 && clusterLabel[p]! >= 0) {
      clusterLabel[c] = clusterLabel[p]!;
      clusterMaxLambda[c] = clusterMaxLambda[p]!;
    }
  }
  const tree =
    model.trainingData === null
      ? null
      : buildKdTreeKernel(model.trainingData, model.options.leafSize);
  return { pointRow, clusterParent, clusterBirth, clusterLabel, clusterMaxLambda, tree };
}

function indexOf(model: HdbscanModel): PredictionIndex {
  let index = cache.get(model);
  if (index === undefined) {
    index = buildIndex(model);
    cache.set(model, index);
  }
  return index;
}

/** True when (da, ia) ranks after (db, ib): farther, or as far with a larger index. */
const after = (da: number, ia: number, db: number, ib: number): boolean =>
  da > db || (da === db && ia > ib);

/**
 * The k nearest training rows of each row of a (m, n) distance matrix, ascending by (distance,
 * index): a bounded max-heap per row, O(n log k).
 */
function nearestFromDistances(
  D: Matrix,
  k: number,
): { indices: Int32Array; distances: Float64Array } {
  const { rows: m, cols: n, data } = D;
  const indices = new Int32Array(m * k);
  const distances = new Float64Array(m * k);
  const heapDistance = new Float64Array(k);
  const heapIndex = new Int32Array(k);
  const siftDown = (size: number, dist: number, index: number): void => {
    let c = 0;
    for (;;) {
      const left = 2 * c + 1;
      if (left >= size) break;
      let child = left;
      if (
        left + 1 < size &&
        after(heapDistance[left + 1]!, heapIndex[left + 1]!, heapDistance[left]!, heapIndex[left]!)
      )
        child = left + 1;
      if (!after(heapDistance[child]!, heapIndex[child]!, dist, index)) break;
      heapDistance[c] = heapDistance[child]!;
      heapIndex[c] = heapIndex[child]!;
      c = child;
    }
    heapDistance[c] = dist;
    heapIndex[c] = index;
  };
  for (let i = 0; i < m; i++) {
    const base = i * n;
    let size = 0;
    for (let j = 0; j < n; j++) {
      const dist = data[base + j]!;
      if (size < k) {
        let c = size++;
        while (c > 0) {
          const parent = (c - 1) >> 1;
          if (!after(dist, j, heapDistance[parent]!, heapIndex[parent]!)) break;
          heapDistance[c] = heapDistance[parent]!;
          heapIndex[c] = heapIndex[parent]!;
          c = parent;
        }
        heapDistance[c] = dist;
        heapIndex[c] = j;
      } else if (after(heapDistance[0]!, heapIndex[0]!, dist, j)) {
        siftDown(k, dist, j);
      }
    }
    // Pop the largest first to fill the row from its end.
    for (let r = k - 1; r >= 0; r--) {
      indices[i * k + r] = heapIndex[0]!;
      distances[i * k + r] = heapDistance[0]!;
      if (r > 0) siftDown(r, heapDistance[r]!, heapIndex[r]!);
    }
  }
  return { indices, distances };
}

/**
 * {@link hdbscanPredict} without checks: X is (m, d) features, or (m, n) distances to the
 * training rows for a 'precomputed' model.
 */
export function hdbscanPredictKernel(model: HdbscanModel, X: Matrix): ClusterAssignment {
  const m = X.rows;
  const n = model.trainingRows;
  const labels = new Int32Array(m).fill(-1);
  const strength = new Float64Array(m);
  if (m === 0 || model.selectedClusters.length === 0) return { labels, strength };
  const index = indexOf(model);
  const s = model.options.minSamples;
  const k = Math.min(2 * s, n);
  const neighbours =
    index.tree === null ? nearestFromDistances(X, k) : kNearestKernel(index.tree, X, k, false);
  const core = model.predictionCoreDistances;
  const { lambda, parent } = model.condensedTree;
  for (let i = 0; i < m; i++) {
    const base = i * k;
    const ownCore = neighbours.distances[base + Math.min(s, k - 1)]!;
    let nearest = -1;
    let nearestDistance = Infinity;
    for (let r = 0; r < k; r++) {
      const j = neighbours.indices[base + r]!;
      let mr = neighbours.distances[base + r]!;
      if (ownCore > mr) mr = ownCore;
      if (core[j]! > mr) mr = core[j]!;
      if (nearest < 0 || mr < nearestDistance) {
        nearest = j;
        nearestDistance = mr;
      }
    }
    let pointLambda = nearestDistance > 0 ? 1 / nearestDistance : Number.MAX_VALUE;
    const row = index.pointRow[nearest]!;
    let cluster = parent[row]! - n;
    if (lambda[row]! > pointLambda) {
      while (cluster > 0 && index.clusterBirth[cluster]! >= pointLambda)
        cluster = index.clusterParent[cluster]!;
    }
    const label = index.clusterLabel[cluster]!;
    if (label < 0) continue;
    labels[i] = label;
    const maxLambda = index.clusterMaxLambda[cluster]!;
    if (maxLambda > 0) {
      pointLambda = Math.min(maxLambda, pointLambda);
      strength[i] = pointLambda / maxLambda;
    } else strength[i] = 1;
  }
  return { labels, strength };
}
