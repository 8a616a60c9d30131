/**
 * Dendrogram of a hierarchical run, drawn from SciPy-style `icoord`/`dcoord` (each link i is the
 * 4-point path (icoord[i][j], dcoord[i][j]): up from the left child, across, down to the right
 * child; leaves sit at x = 5, 15, 25, ...). Links below the cut are coloured by the cluster they
 * belong to (left to right, like SciPy's `color_threshold`), links above it grey, and the cut is a
 * dashed line labelled with k.
 *
 * Clusters are found by rebuilding the tree: a link's children are the links whose top
 * (x centre, height) equals one of its feet; walking down from the root, the first link under the
 * cut starts a cluster. The cut is `cutHeight` when the server sends it, else halfway between the
 * (k-1)-th and k-th highest merges (k = `clusterCount`).
 */
import type { Data } from 'plotly.js';
import type { DendrogramResponse } from '../api/types.js';
import { formatInteger, truncateLabel } from './format.js';
import { NOISE_COLOR, segmentColor } from './palette.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { axis, baseConfig, baseLayout, COLORS, emptySpec, isFiniteNumber } from './spec.js';

/** Options of {@link dendrogramChart}. */
export interface DendrogramOptions extends BaseChartOptions {
  /** The number of segments the tree was cut into (used when the response has no `cutHeight`). */
  readonly clusterCount?: number;
}

const FILE = 'segmint-dendrogram';
const ABOVE_CUT = -1;

function key(x: number, height: number): string {
  return `${x.toFixed(6)}|${height.toFixed(9)}`;
}

/**
 * The cut height: the response's, else between the (k-1)-th and k-th highest merge heights;
 * null when neither is known.
 * @example cutHeightOf({ icoord: [...], dcoord: [[0, 1, 1, 0], [0, 3, 3, 1]], leaves: [] }, 2) // 2
 */
export function cutHeightOf(response: DendrogramResponse, clusterCount?: number): number | null {
  if (isFiniteNumber(response.cutHeight)) return response.cutHeight;
  if (clusterCount === undefined || clusterCount < 2) return null;
  const heights = response.dcoord.map((link) => link[1] ?? 0).sort((a, b) => b - a);
  const upper = heights[clusterCount - 2];
  if (upper === undefined) return null;
  const lower = heights[clusterCount - 1] ?? 0;
  return (upper + lower) / 2;
}

/**
 * The cluster of every link (0, 1, ... left to right below the cut; -1 above it). Without a cut,
 * every link is -1.
 */
export function linkClusters(response: DendrogramResponse, cutHeight: number | null): number[] {
  const count = response.icoord.length;
  const clusters = new Array<number>(count).fill(ABOVE_CUT);
  if (cutHeight === null || count === 0) return clusters;
  const byTop = new Map<string, number>();
  const tops: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const xs = response.icoord[i]!;
    const hs = response.dcoord[i]!;
    byTop.set(key(((xs[1] ?? 0) + (xs[2] ?? 0)) / 2, hs[1] ?? 0), i);
    tops.push(hs[1] ?? 0);
  }
  const children = (i: number): number[] => {
    const xs = response.icoord[i]!;
    const hs = response.dcoord[i]!;
    const result: number[] = [];
    for (const [x, h] of [
      [xs[0], hs[0]],
      [xs[3], hs[3]],
    ] as const) {
      if (x === undefined || h === undefined || h === 0) continue;
      const child = byTop.get(key(x, h));
      if (child !== undefined) result.push(child);
    }
    return result;
  };
  // The root is the highest link; walk down, left child first, so clusters number left to right.
  let root = 0;
  tops.forEach((top, i) => {
    if (top > tops[root]!) root = i;
  });
  let next = 0;
  const paint = (i: number, cluster: number): void => {
    clusters[i] = cluster;
    for (const child of children(i)) paint(child, cluster);
  };
  const walk = (i: number): void => {
    if (tops[i]! <= cutHeight) {
      paint(i, next);
      next += 1;
      return;
    }
    const xs = response.icoord[i]!;
    const hs = response.dcoord[i]!;
    const kids = children(i);
    // A leaf foot (height 0) directly under an above-cut link is a singleton cluster: count it.
    const feet = [
      { x: xs[0] ?? 0, h: hs[0] ?? 0 },
      { x: xs[3] ?? 0, h: hs[3] ?? 0 },
    ];
    for (const foot of feet) {
      const child = kids.find(
        (c) =>
          Math.abs(((response.icoord[c]![1] ?? 0) + (response.icoord[c]![2] ?? 0)) / 2 - foot.x) <
          1e-6,
      );
      if (child !== undefined) walk(child);
      else if (foot.h === 0) next += 1;
    }
  };
  walk(root);
  return clusters;
}

/**
 * Builds the dendrogram.
 * @param response - `GET /api/runs/:id/dendrogram`.
 * @returns One line trace per cluster (links joined with null gaps) and one grey trace for the
 *   links above the cut; the cut as a dashed line shape with a "cut: k = …" annotation; leaf
 *   labels as x ticks when there are at most 60 leaves.
 * @example dendrogramChart(response, { clusterCount: 3 }).data.length // 4 (3 clusters + above)
 */
export function dendrogramChart(
  response: DendrogramResponse | null,
  options: DendrogramOptions = {},
): ChartSpec {
  const title = options.title ?? 'Dendrogram (hierarchical merges)';
  if (response === null || response.icoord.length === 0) {
    return emptySpec(title, 'No dendrogram: this run is not hierarchical.', FILE);
  }
  const cut = cutHeightOf(response, options.clusterCount);
  const aligned = (values: readonly number[] | undefined): values is readonly number[] =>
    values !== undefined && values.length === response.icoord.length;
  // Prefer the server's per-link segments, then our own walk at the cut, then the engine's
  // SciPy colour groups (which wrap after 9 clusters).
  const clusters = aligned(response.linkSegments)
    ? [...response.linkSegments]
    : cut !== null || !aligned(response.colors)
      ? linkClusters(response, cut)
      : [...response.colors];
  const groups = new Map<number, { x: (number | null)[]; y: (number | null)[] }>();
  response.icoord.forEach((xs, i) => {
    const cluster = clusters[i] ?? ABOVE_CUT;
    let group = groups.get(cluster);
    if (group === undefined) {
      group = { x: [], y: [] };
      groups.set(cluster, group);
    }
    group.x.push(...xs, null);
    group.y.push(...(response.dcoord[i] ?? []), null);
  });
  const ordered = [...groups.entries()].sort(([a], [b]) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
  const data: Data[] = ordered.map(([cluster, group]) => ({
    type: 'scatter',
    mode: 'lines',
    name: cluster < 0 ? 'Above the cut' : `Cluster ${cluster + 1}`,
    x: group.x,
    y: group.y,
    line: { color: cluster < 0 ? NOISE_COLOR : segmentColor(cluster), width: 1.5 },
    hoverinfo: 'skip',
    connectgaps: false,
  }));
  const leafCount = response.leaves.length;
  const labels = response.leafLabels ?? response.labels ?? response.leaves.map(String);
  const showLeaves = leafCount > 0 && leafCount <= 60;
  // Cutting at height h leaves one cluster per merge above h, plus one.
  const k =
    options.clusterCount ??
    (cut === null ? undefined : response.dcoord.filter((link) => (link[1] ?? 0) > cut).length + 1);
  const truncated = isFiniteNumber(response.truncatedTo) && isFiniteNumber(response.rows);
  const subtitle = truncated
    ? `Top of the tree: ${formatInteger(leafCount)} leaves for ${formatInteger(response.rows)} rows; "(n)" is a leaf grouping n rows`
    : undefined;
  return {
    data,
    layout: baseLayout(
      title,
      {
        height: options.height ?? 420,
        showlegend: false,
        xaxis: axis(showLeaves ? '' : `${formatInteger(leafCount)} leaves`, {
          showgrid: false,
          zeroline: false,
          ...(showLeaves
            ? {
                tickmode: 'array',
                tickvals: labels.map((_, i) => 5 + 10 * i),
                ticktext: labels.map((l) => truncateLabel(l, 12)),
                tickangle: -60,
              }
            : { showticklabels: false }),
        }),
        yaxis: axis('Merge height (distance)', { rangemode: 'tozero', zeroline: false }),
        shapes:
          cut === null
            ? []
            : [
                {
                  type: 'line',
                  xref: 'paper',
                  yref: 'y',
                  x0: 0,
                  x1: 1,
                  y0: cut,
                  y1: cut,
                  line: { color: COLORS.accent, width: 1.5, dash: 'dash' },
                },
              ],
        annotations:
          cut === null
            ? []
            : [
                {
                  xref: 'paper',
                  yref: 'y',
                  x: 1,
                  y: cut,
                  xanchor: 'right',
                  yanchor: 'bottom',
                  showarrow: false,
                  text: k === undefined ? 'cut' : `cut: k = ${k}`,
                  font: { color: COLORS.accent, size: 12 },
                },
              ],
      },
      subtitle,
    ),
    config: baseConfig(FILE),
  };
}
