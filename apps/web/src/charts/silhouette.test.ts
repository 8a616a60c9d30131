import { describe, expect, it } from 'vitest';
import { sampleSilhouette } from './fixtures/sample-data.js';
import { annotationsOf, shapesOf, subtitleOf, traceAt } from './fixtures/spec-helpers.js';
import { silhouetteChart } from './silhouette.js';

describe('silhouetteChart', () => {
  const response = {
    algorithm: 'kmeans',
    method: 'exact' as const,
    average: 0.5,
    total: 5,
    shown: 5,
    segments: [
      { segment: 0, name: 'A', values: [0.2, 0.9, 0.6] },
      { segment: 1, name: 'B', values: [0.7, -0.1] },
    ],
  };

  it('sorts each segment descending and stacks segments with a gap', () => {
    const spec = silhouetteChart(response);
    expect(traceAt(spec, 0).x).toEqual([0.9, 0.6, 0.2]);
    expect(traceAt(spec, 0).y).toEqual([0, 1, 2]);
    expect(traceAt(spec, 0).fill).toBe('tozerox');
    // Gap of 2 rows between segments.
    expect(traceAt(spec, 1).y).toEqual([5, 6]);
    expect(spec.layout.yaxis?.tickvals).toEqual([1, 5.5]);
    expect(spec.layout.yaxis?.ticktext).toEqual(['A', 'B']);
  });

  it('draws the average as a dashed line with its value', () => {
    const spec = silhouetteChart(response);
    expect(shapesOf(spec)[0]).toMatchObject({ x0: 0.5, x1: 0.5, line: { dash: 'dash' } });
    expect(annotationsOf(spec)[0]!.text).toBe('average 0.500');
    expect(subtitleOf(spec)).toBe('All 5 points');
    expect(spec.layout.xaxis?.range).toEqual([-0.15000000000000002, 1]);
  });

  it('states a sample and handles 30 segments', () => {
    const spec = silhouetteChart(sampleSilhouette(30, 400));
    expect(spec.data).toHaveLength(30);
    expect(subtitleOf(spec)).toMatch(/^Estimated on [\d,]+ of [\d,]+ points \(sample\)$/);
    expect(spec.layout.height).toBe(720);
  });

  it('drops NaN values and empty segments; no values gives the empty state', () => {
    const spec = silhouetteChart({
      ...response,
      average: NaN,
      segments: [
        { segment: 0, name: 'A', values: [0.3, NaN] },
        { segment: 1, name: 'B', values: [] },
      ],
    });
    expect(spec.data).toHaveLength(1);
    expect(traceAt(spec, 0).x).toEqual([0.3]);
    expect(shapesOf(spec)).toEqual([]);
    expect(silhouetteChart({ ...response, segments: [] }).data).toEqual([]);
    expect(silhouetteChart(null).data).toEqual([]);
  });
});
