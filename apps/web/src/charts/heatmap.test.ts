import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sample-data.js';
import { nonFinitePaths, subtitleOf, traceAt } from './fixtures/spec-helpers.js';
import { heatmapChart, heatmapColors } from './heatmap.js';
import type { SegmentMeans } from './segment-means.js';
import { segmentMeansFromReport } from './segment-means.js';

const means: SegmentMeans = {
  features: ['Income', 'Recency'],
  segments: [
    { segment: 0, name: 'Affluent', values: [82345.6, 12.34], z: [1.5, -0.8] },
    { segment: 1, name: 'Families', values: [41000, 0.0456], z: [-0.9, 4.2] },
  ],
};

describe('heatmapChart', () => {
  it('colours by z-score and writes the raw means, readably formatted, in the cells', () => {
    const spec = heatmapChart(means);
    const heatmap = traceAt(spec, 0);
    expect(heatmap.type).toBe('heatmap');
    expect(heatmap.y).toEqual(['Affluent', 'Families']);
    expect(heatmap.x).toEqual(['Income', 'Recency']);
    expect(heatmap.z).toEqual([
      [1.5, -0.8],
      [-0.9, 4.2],
    ]);
    expect(heatmap.text).toEqual([
      ['82,346', '12.3'],
      ['41,000', '0.0456'],
    ]);
    expect(heatmap.texttemplate).toBe('%{text}');
    expect(heatmap.zmin).toBe(-3);
    expect(heatmap.zmax).toBe(3);
    expect(heatmap.zmid).toBe(0);
    expect(subtitleOf(spec)).toMatch(/z-score/);
    expect((heatmap.customdata as unknown as string[][])[1]![1]).toContain('z = 4.20');
  });

  it('colours by min-max over segments when asked, and computes z-scores without the report', () => {
    const normalised = heatmapChart(means, { scale: 'normalised' });
    expect(traceAt(normalised, 0).z).toEqual([
      [1, 1],
      [0, 0],
    ]);
    const withoutZ: SegmentMeans = {
      features: means.features,
      segments: means.segments.map(({ segment, name, values }) => ({ segment, name, values })),
    };
    expect(heatmapColors(withoutZ, 'zscore')).toEqual([
      [1, 1],
      [-1, -1],
    ]);
  });

  it('dashes unknown means and never emits NaN', () => {
    const spec = heatmapChart({
      features: ['a'],
      segments: [{ segment: 0, name: 'One', values: [NaN], z: [null] }],
    });
    expect(traceAt(spec, 0).text).toEqual([['—']]);
    expect(nonFinitePaths(spec)).toEqual([]);
  });

  it('grows with 30 segments, keeps rows unique when long names truncate alike', () => {
    const report = sampleReport(30);
    const spec = heatmapChart(segmentMeansFromReport(report));
    const rows = traceAt(spec, 0).y as string[];
    expect(rows).toHaveLength(30);
    expect(new Set(rows).size).toBe(30);
    expect(spec.layout.height).toBe(180 + 32 * 30);
    const long = heatmapChart({
      features: ['x'],
      segments: [
        { segment: 0, name: 'Customers who buy a lot of wine online', values: [1] },
        { segment: 1, name: 'Customers who buy a lot of wine in stores', values: [2] },
      ],
    });
    const labels = traceAt(long, 0).y as string[];
    expect(new Set(labels).size).toBe(2);
    expect(labels[0]!.length).toBeLessThanOrEqual(26);
  });

  it('shows the empty state without segments', () => {
    expect(heatmapChart({ features: ['a'], segments: [] }).data).toEqual([]);
  });
});
