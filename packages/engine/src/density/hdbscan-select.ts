/**
 * Reading flat clusters off a condensed tree, as the hdbscan library's `compute_stability`,
 * `get_clusters`, `do_labelling` and `get_probabilities` (Campello, Moulavi & Sander 2013;
 * cluster_selection_epsilon from Malzer & Baum 2019).
 *
 * Notation: n points; cluster ids run from the root n to the largest parent; a cluster's
 * stability is sum over its rows of (lambda - birth) * size; 'eom' keeps a cluster when its
 * stability beats the sum of its children's (computed in single precision, as the library's
 * `cdef float subtree_stability`), 'leaf' keeps the leaves of the cluster tree.
 */
import type { CondensedTree, HdbscanSelectionMethod } from './hdbscan-options.js';

/** What selection needs besides the tree. */
export interface SelectionSettings {
  readonly method: HdbscanSelectionMethod;
  readonly allowSingleCluster: boolean;
  readonly epsilon: number;
}

/** The flat clustering read off a condensed tree. */
export interface Selection {
  /** (n) labels, -1 noise. */
  readonly labels: Int32Array;
  /** (n) membership strengths. */
  readonly probabilities: Float64Array;
  /** (c) selected condensed-tree cluster ids, ascending (label l is selected[l]). */
  readonly selected: Int32Array;
  /** (c) stability of each selected cluster (after the excess-of-mass pass). */
  readonly stability: Float64Array;
  /** (c) stability / (cluster size * largest lambda), the library's `cluster_persistence_`. */
  readonly persistence: Float64Array;
}

/** Largest lambda among the rows whose parent is each cluster (0 where none), by id. */
export function maxLambdaByParent(tree: CondensedTree, length: number): Float64Array {
  const deaths = new Float64Array(length);
  for (let r = 0; r < tree.parent.length; r++) {
    const p = tree.parent[r]!;
    if (tree.lambda[r]! > deaths[p]!) deaths[p] = tree.lambda[r]!;
  }
  return deaths;
}

/** Stability of every cluster id in [root, largest parent], indexed by id - root. */
export function clusterStabilities(tree: CondensedTree, root: number, last: number): Float64Array {
  const births = new Float64Array(last + 1);
  for (let r = 0; r < tree.child.length; r++) {
    const c = tree.child[r]!;
    if (c >= root) births[c] = tree.lambda[r]!;
  }
  births[root] = 0;
  const stability = new Float64Array(last - root + 1);
  for (let r = 0; r < tree.parent.length; r++) {
    const p = tree.parent[r]!;
    stability[p - root] = stability[p - root]! + (tree.lambda[r]! - births[p]!) * tree.size[r]!;
  }
  return stability;
}

/** Children clusters of each cluster (ids relative to root), in row order. */
function clusterChildren(tree: CondensedTree, root: number, count: number): number[][] {
  const children: number[][] = Array.from({ length: count }, () => []);
  for (let r = 0; r < tree.child.length; r++) {
    if (tree.size[r]! > 1) children[tree.parent[r]! - root]!.push(tree.child[r]! - root);
  }
  return children;
}

/**
 * Epsilon search (the library's `epsilon_search`): a cluster born below distance epsilon is
 * replaced by its lowest ancestor born above epsilon.
 */
function epsilonSearch(
  candidates: number[],
  parentOf: Int32Array,
  birth: Float64Array,
  children: number[][],
  epsilon: number,
  allowSingleCluster: boolean,
): Set<number> {
  const selected = new Set<number>();
  const processed = new Set<number>();
  for (const leaf of [...candidates].sort((a, b) => a - b)) {
    if (1 / birth[leaf]! < epsilon) {
      if (processed.has(leaf)) continue;
      let node = leaf;
      for (;;) {
        const parent = parentOf[node]!;
        if (parent === 0) {
          if (allowSingleCluster) node = parent;
          break;
        }
        if (1 / birth[parent]! > epsilon) {
          node = parent;
          break;
        }
        node = parent;
      }
      selected.add(node);
      const stack = [...children[node]!];
      while (stack.length > 0) {
        const sub = stack.pop()!;
        processed.add(sub);
        stack.push(...children[sub]!);
      }
    } else {
      selected.add(leaf);
    }
  }
  return selected;
}

/**
 * Selects clusters, labels points and computes membership strengths.
 *
 * @param tree - condensed tree over n points (root n).
 * @param n - points.
 */
export function selectClusters(
  tree: CondensedTree,
  n: number,
  settings: SelectionSettings,
): Selection {
  const root = n;
  let last = root;
  for (let r = 0; r < tree.parent.length; r++) if (tree.parent[r]! > last) last = tree.parent[r]!;
  const count = last - root + 1;
  const stability = clusterStabilities(tree, root, last);
  const children = clusterChildren(tree, root, count);
  const parentOf = new Int32Array(count);
  const birth = new Float64Array(count);
  for (let r = 0; r < tree.child.length; r++) {
    if (tree.size[r]! > 1) {
      parentOf[tree.child[r]! - root] = tree.parent[r]! - root;
      birth[tree.child[r]! - root] = tree.lambda[r]!;
    }
  }
  const hasClusterTree = count > 1;
  const isCluster = new Uint8Array(count);
  const lowest = settings.allowSingleCluster ? 0 : 1;
  for (let c = lowest; c < count; c++) isCluster[c] = 1;

  if (settings.method === 'eom') {
    // Ids are a topological order (children after parents): visit them from the largest down.
    for (let c = count - 1; c >= lowest; c--) {
      let subtree = 0;
      for (const sub of children[c]!) subtree += stability[sub]!;
      const single = Math.fround(subtree);
      if (single > stability[c]!) {
        isCluster[c] = 0;
        stability[c] = single;
      } else {
        const stack = [...children[c]!];
        while (stack.length > 0) {
          const sub = stack.pop()!;
          isCluster[sub] = 0;
          stack.push(...children[sub]!);
        }
      }
    }
    if (settings.epsilon !== 0 && hasClusterTree) {
      const eom: number[] = [];
      for (let c = count - 1; c >= lowest; c--) if (isCluster[c] === 1) eom.push(c);
      let chosen = new Set<number>();
      if (eom.length === 1 && eom[0] === 0) {
        if (settings.allowSingleCluster) chosen = new Set(eom);
      } else {
        chosen = epsilonSearch(
          eom,
          parentOf,
          birth,
          children,
          settings.epsilon,
          settings.allowSingleCluster,
        );
      }
      for (let c = lowest; c < count; c++) isCluster[c] = chosen.has(c) ? 1 : 0;
    }
  } else {
    const leaves: number[] = [];
    if (hasClusterTree) {
      for (let c = 0; c < count; c++) if (children[c]!.length === 0) leaves.push(c);
    }
    const chosen =
      settings.epsilon !== 0
        ? epsilonSearch(
            leaves,
            parentOf,
            birth,
            children,
            settings.epsilon,
            settings.allowSingleCluster,
          )
        : new Set(leaves);
    isCluster.fill(0);
    for (const c of chosen) if (c >= lowest) isCluster[c] = 1;
  }

  const selectedRelative: number[] = [];
  for (let c = 0; c < count; c++) if (isCluster[c] === 1) selectedRelative.push(c);
  const labelOf = new Int32Array(count).fill(-1);
  selectedRelative.forEach((c, label) => (labelOf[c] = label));
  const { labels, probabilities } = labelPoints(tree, n, labelOf, selectedRelative, settings);

  const maxLambda = tree.lambda.reduce((a, b) => (b > a ? b : a), 0);
  const sizes = new Int32Array(selectedRelative.length);
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (label >= 0) sizes[label] = sizes[label]! + 1;
  }
  const persistence = new Float64Array(selectedRelative.length);
  selectedRelative.forEach((c, label) => {
    const clusterSize = sizes[label]!;
    persistence[label] =
      !Number.isFinite(maxLambda) || maxLambda === 0 || clusterSize === 0
        ? 1
        : stability[c]! / (clusterSize * maxLambda);
  });
  return {
    labels,
    probabilities,
    selected: Int32Array.from(selectedRelative, (c) => c + root),
    stability: Float64Array.from(selectedRelative, (c) => stability[c]!),
    persistence,
  };
}

/**
 * Labels (the library's `do_labelling`, without `match_reference_implementation`) and
 * probabilities (`get_probabilities`). A point's label is the selected cluster it reaches by
 * walking up unselected clusters; points of an allowed single root cluster are kept only when
 * they persist to its last lambda (or past 1 / epsilon).
 */
function labelPoints(
  tree: CondensedTree,
  n: number,
  labelOf: Int32Array,
  selected: number[],
  settings: SelectionSettings,
): { labels: Int32Array; probabilities: Float64Array } {
  const root = n;
  const count = labelOf.length;
  // Rows list parents before children, so one pass finds each node's selected ancestor.
  const top = new Int32Array(count);
  top[0] = 0;
  const labels = new Int32Array(n).fill(-1);
  const pointLambda = new Float64Array(n);
  const pointTop = new Int32Array(n);
  let rootMax = 0;
  for (let r = 0; r < tree.child.length; r++) {
    const p = tree.parent[r]! - root;
    const c = tree.child[r]!;
    if (p === 0 && tree.lambda[r]! > rootMax) rootMax = tree.lambda[r]!;
    if (c >= root) top[c - root] = labelOf[c - root]! >= 0 ? c - root : top[p]!;
    else {
      pointTop[c] = labelOf[p]! >= 0 ? p : top[p]!;
      pointLambda[c] = tree.lambda[r]!;
    }
  }
  const rootSelected = selected.length === 1 && settings.allowSingleCluster && labelOf[0]! >= 0;
  for (let i = 0; i < n; i++) {
    const t = pointTop[i]!;
    if (t !== 0) labels[i] = labelOf[t]!;
    else if (rootSelected) {
      const keep =
        settings.epsilon !== 0
          ? pointLambda[i]! >= 1 / settings.epsilon
          : pointLambda[i]! >= rootMax;
      labels[i] = keep ? labelOf[0]! : -1;
    }
  }
  const deaths = maxLambdaByParent(tree, count + root);
  const probabilities = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (label < 0) continue;
    const maxLambda = deaths[selected[label]! + root]!;
    const l = pointLambda[i]!;
    probabilities[i] =
      maxLambda === 0 || !Number.isFinite(l) ? 1 : Math.min(l, maxLambda) / maxLambda;
  }
  return { labels, probabilities };
}
