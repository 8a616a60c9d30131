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
import { type Runs, type SortedFeatures, partitionRuns, presortFeatures } from './presort.js';

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

function bestSplit(
  features: FeatureSet,
  sorted: SortedFeatures,
  runs: Runs,
  target: Uint8Array,
  rows: Int32Array,
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
      const order = sorted.rows[feature]!;
      const values = sorted.values[feature]!;
      const start = runs[2 * feature]!;
      const end = runs[2 * feature + 1]!;
      let pl = 0;
      // The hot loop of the fit: the candidate test and the score are inlined (same arithmetic
      // as gini() and consider(), so ties resolve exactly as there).
      let bestProxy = best === undefined ? -Infinity : best.proxy;
      let bestThreshold = NaN;
      for (let r = start; r < end; r++) {
        const nl = r - start;
        if (nl > 0 && nl >= minLeaf && N - nl >= minLeaf) {
          const a = values[r - 1]!;
          const b = values[r]!;
          if (b > a + FEATURE_THRESHOLD) {
            const nr = N - nl;
            const pr = P - pl;
            const leftNegatives = nl - pl;
            const rightNegatives = nr - pr;
            const leftGini = 1 - (pl * pl + leftNegatives * leftNegatives) / (nl * nl);
            const rightGini = 1 - (pr * pr + rightNegatives * rightNegatives) / (nr * nr);
            const proxy = -(nl * leftGini + nr * rightGini);
            if (proxy > bestProxy) {
              bestProxy = proxy;
              bestThreshold = a / 2 + b / 2;
              if (bestThreshold === b || !Number.isFinite(bestThreshold)) bestThreshold = a;
            }
          }
        }
        pl += target[order[r]!]!;
      }
      if (!Number.isNaN(bestThreshold))
        best = { feature, threshold: bestThreshold, proxy: bestProxy };
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
  presorted: SortedFeatures = presortFeatures(features),
): TreeNode[] {
  // Work on copies: partitioning reorders the runs in place.
  const sorted: SortedFeatures = {
    rows: presorted.rows.map((order) => order?.slice() ?? null),
    values: presorted.values.map((values) => values?.slice() ?? null),
  };
  const n = features.rows;
  const isLeft = new Uint8Array(n);
  const scratchRows = new Int32Array(n);
  const scratchValues = new Float64Array(n);
  const rootRuns = new Int32Array(2 * features.columns.length);
  sorted.rows.forEach((order, f) => (rootRuns[2 * f + 1] = order?.length ?? 0));
  const nodes: TreeNode[] = [];
  const grow = (rows: Int32Array, runs: Runs, depth: number): number => {
    let positives = 0;
    for (const i of rows) positives += target[i]!;
    const impurity = gini(rows.length, positives);
    const id = nodes.length;
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
    const split = bestSplit(features, sorted, runs, target, rows, options.minLeaf);
    if (split === undefined) return id;
    for (const i of rows) isLeft[i] = goesLeft(features, split.feature, split.threshold, i) ? 1 : 0;
    const left = rows.filter((i) => isLeft[i] === 1);
    const right = rows.filter((i) => isLeft[i] === 0);
    const [leftRuns, rightRuns] = partitionRuns(sorted, runs, isLeft, scratchRows, scratchValues);
    const leftId = grow(left, leftRuns, depth + 1);
    const rightId = grow(right, rightRuns, depth + 1);
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
    Int32Array.from({ length: n }, (_, i) => i),
    rootRuns,
    0,
  );
  return nodes;
}
