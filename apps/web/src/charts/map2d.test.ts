import { describe, expect, it } from 'vitest';
import { sampleProjection } from './fixtures/sample-data.js';
import { subtitleOf, traceAt } from './fixtures/spec-helpers.js';
import { map2dChart } from './map2d.js';
import { NOISE_COLOR, segmentColor } from './palette.js';
import { namesOf } from './projection.js';

describe('map2dChart', () => {
  it('draws one WebGL trace per segment, coloured and named, with the sampling statement', () => {
    const projection = sampleProjection(600, 3);
    const names = namesOf([{ segment: 1, name: 'Families' }]);
    const spec = map2dChart(projection, { names });
    expect(spec.data.map((trace) => trace.type)).toEqual(['scattergl', 'scattergl', 'scattergl']);
    expect(spec.data.map((trace) => (trace as { name: string }).name)).toEqual([
      'Segment 0',
      'Families',
      'Segment 2',
    ]);
    expect((traceAt(spec, 1).x as number[]).length).toBe(200);
    expect((traceAt(spec, 0).marker as { color: string }).color).toBe(segmentColor(0));
    expect(subtitleOf(spec)).toBe('Showing 600 of 2,400 points, sampled per segment');
    expect(spec.layout.xaxis?.title).toMatchObject({ text: 'PC1 (41.2% of variance)' });
    expect(spec.layout.yaxis?.title).toMatchObject({ text: 'PC2 (23.1% of variance)' });
  });

  it('stars a predicted point in its segment colour', () => {
    const spec = map2dChart(sampleProjection(30, 3), {
      predicted: { coordinates: [1.5, -2, 0.3], segment: 2, segmentName: 'Lapsed' },
    });
    const star = traceAt(spec, spec.data.length - 1);
    expect(star.x).toEqual([1.5]);
    expect(star.y).toEqual([-2]);
    expect(star.marker).toMatchObject({ symbol: 'star', color: segmentColor(2) });
    expect(star.hovertemplate).toContain('Lapsed');
  });

  it('puts noise last in grey and drops non-finite points', () => {
    const spec = map2dChart({
      method: 'pca',
      explainedVarianceRatio: [0.5, 0.3],
      total: 4,
      sampled: false,
      x: [0, 1, NaN, 3],
      y: [0, 1, 2, 3],
      segment: [-1, 0, 0, 0],
      id: ['a', 'b', 'c', 'd'],
    });
    expect(spec.data.map((trace) => (trace as { name: string }).name)).toEqual([
      'Segment 0',
      'Noise',
    ]);
    expect(traceAt(spec, 0).customdata).toEqual(['b', 'd']);
    expect((traceAt(spec, 1).marker as { color: string }).color).toBe(NOISE_COLOR);
    expect(subtitleOf(spec)).toBe('All 4 points');
  });

  it('names the axes of a UMAP map UMAP 1 and UMAP 2 (no variance shares)', () => {
    const spec = map2dChart(
      {
        method: 'umap',
        explainedVarianceRatio: [],
        total: 3,
        sampled: false,
        x: [0, 1, 2],
        y: [2, 1, 0],
        segment: [0, 1, 1],
        id: ['a', 'b', 'c'],
      },
      { title: 'Segments on a UMAP map' },
    );
    expect(spec.layout.xaxis?.title).toMatchObject({ text: 'UMAP 1' });
    expect(spec.layout.yaxis?.title).toMatchObject({ text: 'UMAP 2' });
  });

  it('reads the older points shape and shrinks markers for many points', () => {
    const spec = map2dChart({
      method: 'pca',
      explainedVarianceRatio: [],
      total: 30000,
      shown: 2,
      sampled: true,
      points: [
        { x: 1, y: 2, segment: 0 },
        { x: 3, y: 4, segment: 0 },
      ],
    });
    expect(traceAt(spec, 0).x).toEqual([1, 3]);
    expect(subtitleOf(spec)).toBe('Showing 2 of 30,000 points (sampled)');
    expect(spec.layout.xaxis?.title).toMatchObject({ text: 'PC1' });
    const many = map2dChart(sampleProjection(30000, 3));
    expect((traceAt(many, 0).marker as { size: number }).size).toBe(3);
  });

  it('handles 30 segments and the empty state', () => {
    const spec = map2dChart(sampleProjection(300, 30));
    expect(spec.data).toHaveLength(30);
    const colors = spec.data.map((trace) => (trace as { marker: { color: string } }).marker.color);
    expect(new Set(colors).size).toBe(30);
    expect(map2dChart(null).data).toEqual([]);
    expect(map2dChart({ ...sampleProjection(3, 1), x: [], y: [], segment: [] }).data).toEqual([]);
  });
});
