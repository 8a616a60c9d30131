/**
 * A small binary CART tree (Breiman, Friedman, Olshen & Stone 1984) with the Gini criterion,
 * grown like scikit-learn 1.2.1's `DecisionTreeClassifier` (best splitter, every feature):
 * numeric splits `x <= t` with t the midpoint a/2 + b/2 of consecutive distinct values, and
 * categorical one-vs-rest splits `x == c` (the split scikit-learn makes on a one-hot column).
 *
 * Notation: a node holds N rows, P of them positive; a split sends Nl rows (Pl positive) left and
 * Nr right. gini = 1 - (P^2 + (N - P)^2) / N^2. The best split minimises Nl gini_l + Nr gini_r
 * (scikit-learn's proxy improvement); the first best in feature order wins ties. A node is a leaf
 * at maxDepth, when pure, when N < 2 * minLeaf, or when no split leaves minLeaf rows on each side.
 * Missing values (NaN, missing category) go right on numeric splits and left (not c) on
 * categorical ones.
 */
import type { FeatureSet } from './features.js';

/** A node of a fitted tree; leaves have `feature === -1`. */
export interface TreeNode {
  /** Feature index, or -1 for a leaf. */
  readonly feature: number;
  /** Numeric: left when x <= threshold. Categorical: the category code c (right when x == c). */
  readonly threshold: number;
  readonly left: number;
  readonly right: number;
  readonly depth: number;
  /** Rows reaching the node. */
  readonly samples: number;
  /** Positive rows reaching the node. */
  readonly positives: number;
  readonly impurity: number;
}

/** Options of {@link decisionTreeKernel}. */
export interface TreeOptions {
  readonly maxDepth: number;
  /** Minimum rows in a leaf (scikit-learn: ceil(min_samples_leaf * n) for a share). */
  readonly minLeaf: number;
}

function gini(samples: number, positives: number): number {
  const negatives = samples - positives;
  return 1 - (positives * positives + negatives * negatives) / (samples * samples);
}

interface Split {
  readonly feature: number;
  readonly threshold: number;
  readonly proxy: number;
}

// scikit-learn treats values closer than this as equal (FEATURE_THRESHOLD in _splitter.pyx).
const FEATURE_THRESHOLD = 1e-7;

/**
 * Each numeric feature's rows in ascending value order (NaN left out), or null for categorical
 * features. Sorting once and scanning the order per node, skipping rows of other nodes, makes a
 * node cost O(n d) instead of O(n d log n) (scikit-learn re-sorts per node; the splits are the
 * same because only positions where the value changes are candidates).
 */
export function presortFeatures(features: FeatureSet): Array<Int32Array | null> {
  return features.columns.map((column) => {
    if (column.kind !== 'numeric') return null;
    const values = column.values;
    // A plain array sorts with a comparator far faster than a typed array does in V8.
    const order: number[] = [];
    for (let i = 0; i < features.rows; i++) if (!Number.isNaN(values[i]!)) order.push(i);
    order.sort((a, b) => values[a]! - values[b]! || a - b);
    return Int32Array.from(order);
  });
}

function bestSplit(
  features: FeatureSet,
  orders: ReadonlyArray<Int32Array | null>,
  target: Uint8Array,
  rows: Int32Array,
  nodeOf: Int32Array,
  node: number,
  minLeaf: number,
): Split | undefined {
  const N = rows.length;
  let P = 0;
  for (const i of rows) P += target[i]!;
  let best: Split | undefined;
  const consider = (feature: number, threshold: number, nl: number, pl: number) => {
    const nr = N - nl;
    if (nl < minLeaf || nr < minLeaf) return;
    const proxy = -(nl * gini(nl, pl) + nr * gini(nr, P - pl));
    if (best === undefined || proxy > best.proxy) best = { feature, threshold, proxy };
  };
  features.columns.forEach((column, feature) => {
    if (column.kind === 'numeric') {
      const values = column.values;
      const order = orders[feature]!;
      let nl = 0;
      let pl = 0;
      let previous = -1;
      for (let r = 0; r < order.length; r++) {
        const i = order[r]!;
        if (nodeOf[i] !== node) continue;
        if (previous >= 0) {
          const a = values[previous]!;
          const b = values[i]!;
          if (b > a + FEATURE_THRESHOLD) {
            let threshold = a / 2 + b / 2;
            if (threshold === b || !Number.isFinite(threshold)) threshold = a;
            consider(feature, threshold, nl, pl);
          }
        }
        nl++;
        pl += target[i]!;
        previous = i;
      }
    } else {
      const count = new Float64Array(column.categories.length);
      const positive = new Float64Array(column.categories.length);
      for (const i of rows) {
        const c = column.codes[i]!;
        if (c < 0) continue;
        count[c]!++;
        positive[c]! += target[i]!;
      }
      for (let c = 0; c < count.length; c++) {
        if (count[c] === 0 || count[c] === N) continue;
        // Left: not c (like a one-hot column <= 0.5); right: c.
        consider(feature, c, N - count[c]!, P - positive[c]!);
      }
    }
  });
  return best;
}

function goesLeft(features: FeatureSet, feature: number, threshold: number, row: number): boolean {
  const column = features.columns[feature]!;
  if (column.kind === 'numeric') return column.values[row]! <= threshold;
  return column.codes[row] !== threshold;
}

/**
 * Grows a tree on a binary target (unchecked: target holds 0/1, one per row, n >= 1). Nodes are
 * numbered depth-first, left before right, like scikit-learn's `tree_` arrays.
 */
export function decisionTreeKernel(
  features: FeatureSet,
  target: Uint8Array,
  options: TreeOptions,
  orders: ReadonlyArray<Int32Array | null> = presortFeatures(features),
): TreeNode[] {
  const nodes: TreeNode[] = [];
  // nodeOf[i]: the node row i currently sits in (rows move down as nodes split).
  const nodeOf = new Int32Array(features.rows);
  const grow = (rows: Int32Array, depth: number): number => {
    let positives = 0;
    for (const i of rows) positives += target[i]!;
    const impurity = gini(rows.length, positives);
    const id = nodes.length;
    for (const i of rows) nodeOf[i] = id;
    const leaf: TreeNode = {
      feature: -1,
      threshold: NaN,
      left: -1,
      right: -1,
      depth,
      samples: rows.length,
      positives,
      impurity,
    };
    nodes.push(leaf);
    if (
      depth >= options.maxDepth ||
      impurity <= Number.EPSILON ||
      rows.length < 2 * options.minLeaf
    )
      return id;
    const split = bestSplit(features, orders, target, rows, nodeOf, id, options.minLeaf);
    if (split === undefined) return id;
    const left = rows.filter((i) => goesLeft(features, split.feature, split.threshold, i));
    const right = rows.filter((i) => !goesLeft(features, split.feature, split.threshold, i));
    const leftId = grow(left, depth + 1);
    const rightId = grow(right, depth + 1);
    nodes[id] = {
      ...leaf,
      feature: split.feature,
      threshold: split.threshold,
      left: leftId,
      right: rightId,
    };
    return id;
  };
  grow(
    Int32Array.from({ length: features.rows }, (_, i) => i),
    0,
  );
  return nodes;
}
