import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sample-data.js';
import { nonFinitePaths, traceAt } from './fixtures/spec-helpers.js';
import { segmentColor, withAlpha } from './palette.js';
import { radarChart } from './radar.js';
import type { SegmentMeans } from './segment-means.js';
import { segmentMeansFromReport } from './segment-means.js';

const means: SegmentMeans = {
  features: ['Income', 'Recency', 'Kids'],
  segments: [
    { segment: 0, name: 'Affluent', values: [80000, 10, 0] },
    { segment: 1, name: 'Families', values: [40000, 30, 2] },
    { segment: 2, name: 'Lapsed', values: [60000, 90, 1] },
  ],
};

describe('radarChart', () => {
  it('draws a closed polygon per segment with features min-max scaled over segments', () => {
    const spec = radarChart(means);
    expect(spec.data).toHaveLength(3);
    const affluent = traceAt(spec, 0);
    expect(affluent.type).toBe('scatterpolar');
    expect(affluent.r).toEqual([1, 0, 0, 1]);
    expect(affluent.theta).toEqual(['Income', 'Recency', 'Kids', 'Income']);
    expect(traceAt(spec, 2).r).toEqual([0.5, 1, 0.5, 0.5]);
    expect((affluent.line as { color: string }).color).toBe(segmentColor(0));
  });

  it('puts the raw means in the hover text', () => {
    const spec = radarChart(means);
    expect(traceAt(spec, 0).customdata).toEqual([
      ['Income', '80,000'],
      ['Recency', '10.0'],
      ['Kids', '0'],
      ['Income', '80,000'],
    ]);
    expect(traceAt(spec, 0).hovertemplate).toContain('%{customdata[1]}');
  });

  it('draws a single segment at the middle and keeps unknown means as gaps', () => {
    const one = radarChart({
      features: ['a', 'b'],
      segments: [{ segment: 0, name: 'Only', values: [3, NaN] }],
    });
    expect(traceAt(one, 0).r).toEqual([0.5, null, 0.5]);
    expect(nonFinitePaths(one)).toEqual([]);
  });

  it('keeps the widest-spread features when asked, and the chosen segments', () => {
    const report = sampleReport(5);
    const spec = radarChart(segmentMeansFromReport(report), { maxFeatures: 4, segments: [1, 3] });
    expect(spec.data).toHaveLength(2);
    expect(traceAt(spec, 0).theta).toHaveLength(5);
    expect(traceAt(spec, 0).name).toBe(report.segments[1]!.name);
  });

  it('truncates long names and shows the empty state without features', () => {
    const spec = radarChart({
      features: ['A very long feature name that will not fit'],
      segments: [
        { segment: 0, name: 'A segment name far too long to show in a legend', values: [1] },
      ],
    });
    expect((traceAt(spec, 0).theta as string[])[0]!.length).toBeLessThanOrEqual(18);
    expect((traceAt(spec, 0).name ?? '').length).toBeLessThanOrEqual(28);
    expect(radarChart({ features: [], segments: [] }).data).toEqual([]);
  });

  it('fills each polygon with a transparent version of its segment colour', () => {
    const spec = radarChart(means);
    expect(traceAt(spec, 1).fillcolor).toBe(withAlpha(segmentColor(1), 0.08));
  });
});
