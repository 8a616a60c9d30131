import { describe, expect, it } from 'vitest';
import { compareMapChart } from './compare-map.js';
import { sampleProjection } from './fixtures/sample-data.js';
import { annotationsOf, subtitleOf } from './fixtures/spec-helpers.js';
import { segmentColor } from './palette.js';

describe('compareMapChart', () => {
  const projection = sampleProjection(300, 3);

  it('draws one panel per algorithm on matching axes, a scattergl trace per segment', () => {
    const spec = compareMapChart([
      { algorithm: 'kmeans', projection },
      {
        algorithm: 'gmm',
        projection: { ...projection, segment: projection.segment?.map((s) => (s + 1) % 3) },
      },
    ]);
    expect(spec.data).toHaveLength(6);
    expect(spec.data.every((trace) => trace.type === 'scattergl')).toBe(true);
    const axes = spec.data.map((trace) => (trace as { xaxis?: string }).xaxis);
    expect(axes).toEqual(['x', 'x', 'x', 'x2', 'x2', 'x2']);
    expect(spec.layout.xaxis2?.matches).toBe('x');
    expect(spec.layout.yaxis2?.matches).toBe('y');
    expect(annotationsOf(spec).map((a) => a.text)).toEqual(['<b>kmeans</b>', '<b>gmm</b>']);
    // Each segment appears once in the legend, with the same colour in every panel.
    const shown = spec.data.filter((trace) => (trace as { showlegend?: boolean }).showlegend);
    expect(shown).toHaveLength(3);
    const first = spec.data[0] as { marker: { color: string } };
    expect(first.marker.color).toBe(segmentColor(0));
    expect(subtitleOf(spec)).toMatch(/Showing 300 of 1,200 points/);
  });

  it('lays out up to three columns and more rows below', () => {
    const panels = ['a', 'b', 'c', 'd'].map((algorithm) => ({ algorithm, projection }));
    const spec = compareMapChart(panels);
    expect(spec.layout.xaxis4?.domain).toEqual(spec.layout.xaxis?.domain);
    expect(spec.layout.yaxis4?.domain?.[1]).toBeLessThan(spec.layout.yaxis?.domain?.[0] ?? 0);
    expect(spec.layout.height).toBe(120 + 2 * 320);
  });

  it('notes panels without points and shows the empty state without panels', () => {
    const empty = { ...projection, x: [], y: [], segment: [], id: [] };
    const spec = compareMapChart([{ algorithm: 'kmeans', projection: empty }]);
    expect(annotationsOf(spec).some((a) => a.text === 'No points')).toBe(true);
    expect(compareMapChart([]).data).toEqual([]);
  });
});
