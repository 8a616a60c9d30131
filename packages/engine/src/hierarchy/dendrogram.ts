/**
 * Dendrogram geometry for plots, as SciPy's `scipy.cluster.hierarchy.dendrogram(Z, no_plot=True)`
 * computes it: each merge is a U-shaped line with x coordinates `icoord` and heights `dcoord`
 * (leaf j sits at x = 10 j + 5), listed in the order SciPy lists them (post-order: left subtree,
 * right subtree, then the merge), the left-to-right leaf order, and SciPy's colour groups (links
 * below 0.7 * the largest height share a colour per subtree). With `truncate: p` only the last p
 * merges are drawn (SciPy's `truncate_mode='lastp'`): the clusters below them become leaves
 * labelled "(size)".
 *
 * The tree is walked with an explicit stack (a recursive walk overflows on chain-like trees of
 * tens of thousands of rows).
 *
 * Notation: n rows, p leaves shown, merge t creates node n + t.
 */
import { checkParams } from '../core/params.js';
import { checkLinkage, linkageRows, type LinkageMatrix } from './linkage-matrix.js';

/** Options of {@link dendrogram}. */
export interface DendrogramOptions {
  /** Show only the last p merges (p leaves), an integer >= 1; default: every row is a leaf. */
  truncate?: number;
  /** Links below this height get per-subtree colour groups; default 0.7 * the largest height. */
  colorThreshold?: number;
}

/** Line segments and leaf order of a dendrogram (plain JSON-safe data). */
export interface Dendrogram {
  /** x coordinates of each link's 4 points (left foot, left top, right top, right foot). */
  readonly icoord: number[][];
  /** Heights of each link's 4 points. */
  readonly dcoord: number[][];
  /**
   * Colour group of each link: -1 above the threshold (SciPy's 'C0'), else an index in [0, 9)
   * into SciPy's palette 'C1'..'C9'.
   */
  readonly colors: number[];
  /** Node id of each leaf, left to right (ids >= n are truncated clusters). */
  readonly leaves: number[];
  /** SciPy's leaf labels: the row id, or "(size)" for a truncated cluster. */
  readonly leafLabels: string[];
  /** Rows under each leaf. */
  readonly leafSizes: number[];
}

interface Frame {
  node: number;
  x: number;
  phase: number;
  leftCenter: number;
  leftWidth: number;
  leftHeight: number;
  leftMax: number;
  color: number;
}

/** Colours in SciPy's default link palette ('C1'..'C9'). */
const PALETTE_SIZE = 9;

/**
 * Dendrogram segments for a linkage matrix, equal to SciPy's `dendrogram(Z, no_plot=True,
 * truncate_mode='lastp' if truncate else None, p=truncate)` (`icoord`, `dcoord`, `leaves`,
 * `ivl`, colours as palette indices).
 *
 * @param linkage - n - 1 merges in SciPy's format.
 * @param options - `truncate` (p >= 1; p >= n shows every row), `colorThreshold`.
 * @returns lines ready for Plotly: trace i has x = icoord[i], y = dcoord[i].
 * @throws SegmintError INVALID_PARAMETER for a malformed linkage or bad options.
 * @example
 * const { icoord, dcoord } = dendrogram(agglomerative(X, { clusterCount: 3 }).linkage, { truncate: 30 });
 */
export function dendrogram(linkage: LinkageMatrix, options: DendrogramOptions = {}): Dendrogram {
  checkLinkage('dendrogram', linkage);
  checkParams('dendrogram', options, {
    truncate: { type: 'integer', min: 1, optional: true },
    colorThreshold: { type: 'number', min: 0, optional: true },
  });
  const n = linkageRows(linkage);
  const { left, right, distance, size } = linkage;
  const p = options.truncate === undefined || options.truncate > n ? n : options.truncate;
  const icoord: number[][] = [];
  const dcoord: number[][] = [];
  const colors: number[] = [];
  const leaves: number[] = [];
  const leafLabels: string[] = [];
  const leafSizes: number[] = [];
  if (n === 1) return { icoord, dcoord, colors, leaves: [0], leafLabels: ['0'], leafSizes: [1] };
  let maximum = 0;
  for (const height of distance) maximum = Math.max(maximum, height);
  const threshold = options.colorThreshold ?? 0.7 * maximum;
  let currentColor = 0;
  let belowThreshold = false;
  // Return value of the last finished frame: centre, width, height, max height below.
  let center = 0;
  let width = 0;
  let top = 0;
  let below = 0;
  const frame = (node: number, x: number): Frame => ({
    node,
    x,
    phase: 0,
    leftCenter: 0,
    leftWidth: 0,
    leftHeight: 0,
    leftMax: 0,
    color: -1,
  });
  const stack: Frame[] = [frame(2 * n - 2, 0)];
  while (stack.length > 0) {
    const current = stack[stack.length - 1]!;
    const { node } = current;
    if (current.phase === 0) {
      if (node < n || node < 2 * n - p) {
        // A row, or a cluster below the last p merges drawn as one leaf.
        leaves.push(node);
        leafLabels.push(node < n ? String(node) : `(${size[node - n]!})`);
        leafSizes.push(node < n ? 1 : size[node - n]!);
        center = current.x + 5;
        width = 10;
        top = 0;
        below = node < n ? 0 : distance[node - n]!;
        stack.pop();
        continue;
      }
      current.phase = 1;
      stack.push(frame(left[node - n]!, current.x));
      continue;
    }
    const height = distance[node - n]!;
    if (current.phase === 1) {
      current.leftCenter = center;
      current.leftWidth = width;
      current.leftHeight = top;
      current.leftMax = below;
      if (height >= threshold || threshold <= 0) {
        if (belowThreshold) currentColor = (currentColor + 1) % PALETTE_SIZE;
        belowThreshold = false;
        current.color = -1;
      } else {
        belowThreshold = true;
        current.color = currentColor;
      }
      current.phase = 2;
      stack.push(frame(right[node - n]!, current.x + width));
      continue;
    }
    icoord.push([current.leftCenter, current.leftCenter, center, center]);
    dcoord.push([current.leftHeight, height, height, top]);
    colors.push(current.color);
    center = (current.leftCenter + center) / 2;
    width = current.leftWidth + width;
    top = height;
    below = Math.max(current.leftMax, below, height);
    stack.pop();
  }
  return { icoord, dcoord, colors, leaves, leafLabels, leafSizes };
}
