import { describe, expect, it } from 'vitest';
import type { DendrogramResponse } from '../api/types.js';
import { cutHeightOf, dendrogramChart, linkClusters } from './dendrogram.js';
import { SCIPY_DENDROGRAM } from './fixtures/scipy-dendrogram.js';
import { annotationsOf, shapesOf, traceAt } from './fixtures/spec-helpers.js';
import { NOISE_COLOR, segmentColor } from './palette.js';

const scipy: DendrogramResponse = {
  icoord: SCIPY_DENDROGRAM.icoord,
  dcoord: SCIPY_DENDROGRAM.dcoord,
  leaves: SCIPY_DENDROGRAM.leaves,
};

describe('dendrogram clusters', () => {
  it("colours links like SciPy's color_threshold at the k = 3 cut", () => {
    const cut = cutHeightOf(scipy, 3);
    expect(cut).toBeCloseTo(SCIPY_DENDROGRAM.cutHeight, 12);
    const clusters = linkClusters(scipy, cut);
    // SciPy: C1, C2, C3 below the cut (left to right), C0 above it.
    const expected = SCIPY_DENDROGRAM.colorList.map((name) =>
      name === 'C0' ? -1 : Number(name.slice(1)) - 1,
    );
    expect(clusters).toEqual(expected);
  });

  it('counts a leaf joined above the cut as its own cluster', () => {
    // Leaves at 5, 15, 25: (15, 25) merge at 1, then leaf 5 joins at 3. Cut at 2 -> {5} {15, 25}.
    const tree: DendrogramResponse = {
      icoord: [
        [15, 15, 25, 25],
        [5, 5, 20, 20],
      ],
      dcoord: [
        [0, 1, 1, 0],
        [0, 3, 3, 1],
      ],
      leaves: [0, 1, 2],
    };
    expect(cutHeightOf(tree, 2)).toBe(2);
    expect(linkClusters(tree, 2)).toEqual([1, -1]);
    expect(linkClusters(tree, null)).toEqual([-1, -1]);
    expect(cutHeightOf(tree)).toBeNull();
    expect(cutHeightOf({ ...tree, cutHeight: 2.5 }, 2)).toBe(2.5);
  });
});

describe('dendrogramChart', () => {
  it('draws one line trace per cluster plus the grey links above the cut, and the cut line', () => {
    const spec = dendrogramChart(scipy, { clusterCount: 3 });
    expect(spec.data).toHaveLength(4);
    expect((traceAt(spec, 0).line as { color: string }).color).toBe(segmentColor(0));
    expect((traceAt(spec, 3).line as { color: string }).color).toBe(NOISE_COLOR);
    // Each link is 4 points then a null gap.
    const first = traceAt(spec, 0).x as (number | null)[];
    expect(first.slice(0, 5)).toEqual([15, 15, 25, 25, null]);
    expect(shapesOf(spec)[0]!.y0).toBeCloseTo(SCIPY_DENDROGRAM.cutHeight, 12);
    expect(annotationsOf(spec)[0]!.text).toBe('cut: k = 3');
    expect(spec.layout.xaxis?.tickvals).toHaveLength(14);
    expect(spec.layout.xaxis?.tickvals?.[0]).toBe(5);
  });

  it('uses the server link segments when given, and hides leaf labels for large trees', () => {
    const spec = dendrogramChart({
      ...scipy,
      linkSegments: scipy.icoord.map(() => 0),
      leaves: new Array(100).fill(0),
    });
    expect(spec.data).toHaveLength(1);
    expect(spec.layout.xaxis?.showticklabels).toBe(false);
  });

  it('draws all links grey without a cut, and shows the empty state', () => {
    const spec = dendrogramChart(scipy);
    expect(spec.data).toHaveLength(1);
    expect(shapesOf(spec)).toEqual([]);
    expect(dendrogramChart(null).data).toEqual([]);
  });
});

describe('dendrogramChart with the engine shape (report.dendrogram)', () => {
  it('labels leaves with leafLabels, reads k from the cut and states a truncation', () => {
    const spec = dendrogramChart({
      ...scipy,
      leafLabels: scipy.leaves.map((leaf) => `(${leaf + 1})`),
      cutHeight: SCIPY_DENDROGRAM.cutHeight,
      truncatedTo: 14,
      rows: 2240,
    });
    expect(spec.layout.xaxis?.ticktext?.[0]).toBe(`(${scipy.leaves[0]! + 1})`);
    expect(annotationsOf(spec)[0]!.text).toBe('cut: k = 3');
    expect(spec.data).toHaveLength(4);
    const title = spec.layout.title as { subtitle?: { text?: string } };
    expect(title.subtitle?.text).toBe(
      'Top of the tree: 14 leaves for 2,240 rows; "(n)" is a leaf grouping n rows',
    );
  });

  it("falls back to the engine's colour groups when there is no cut", () => {
    const colors = SCIPY_DENDROGRAM.colorList.map((name) =>
      name === 'C0' ? -1 : Number(name.slice(1)) - 1,
    );
    const spec = dendrogramChart({ ...scipy, cutHeight: null, colors });
    expect(spec.data).toHaveLength(4);
    expect(shapesOf(spec)).toEqual([]);
  });
});
