import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_METRICS, distributionChart, metricBySegment } from './distribution.js';
import {
  sampleCategoricalDistribution,
  sampleNumericDistribution,
} from './fixtures/sample-data.js';
import { nonFinitePaths, titleOf, traceAt } from './fixtures/spec-helpers.js';
import type { NumericDistribution } from '../api/types.js';

const numeric: NumericDistribution = {
  feature: 'Income',
  kind: 'numeric',
  segments: [
    {
      segment: 0,
      name: 'A',
      values: [1, 2, 3, 4, 100],
      min: 1,
      q1: 2,
      median: 3,
      q3: 4,
      max: 100,
      mean: 22,
    },
    { segment: 1, name: 'B', values: [], min: 5, q1: 6, median: 7, q3: 8, max: 9, mean: 7 },
  ],
};

describe('distributionChart (numeric)', () => {
  it('draws a box per segment from the sample, with the mean, in raw units', () => {
    const spec = distributionChart(numeric);
    const box = traceAt(spec, 0);
    expect(box.type).toBe('box');
    expect(box.y).toEqual([1, 2, 3, 4, 100]);
    expect(box.boxmean).toBe(true);
    expect(titleOf(spec)).toBe('Distribution of Income by segment');
    expect(spec.layout.yaxis?.title).toMatchObject({ text: 'Income' });
  });

  it('falls back to the five-number summary when a segment has no sample', () => {
    const box = traceAt(distributionChart(numeric), 1) as Record<string, unknown>;
    expect(box).toMatchObject({
      q1: [6],
      median: [7],
      q3: [8],
      lowerfence: [5],
      upperfence: [9],
      mean: [7],
    });
  });

  it('draws violins with an inner box and mean line', () => {
    const spec = distributionChart(sampleNumericDistribution(3), { style: 'violin' });
    expect(spec.data.map((trace) => trace.type)).toEqual(['violin', 'violin', 'violin']);
    expect(traceAt(spec, 0).box).toMatchObject({ visible: true });
    expect(spec.layout).toHaveProperty('violinmode', 'overlay');
  });

  it('overlays the picked metric per segment, labelled', () => {
    const spec = distributionChart(numeric, { metric: 'median' });
    const overlay = traceAt(spec, 2);
    expect(overlay.y).toEqual([3, 7]);
    expect(overlay.text).toEqual(['3.00', '7.00']);
    expect(overlay.name).toBe('Median');
  });

  it('computes every picker metric, the IQR included', () => {
    expect(DISTRIBUTION_METRICS.map((m) => m.value)).toEqual([
      'mean',
      'median',
      'min',
      'q1',
      'q3',
      'max',
      'iqr',
    ]);
    expect(metricBySegment(numeric, 'iqr').map((row) => row.value)).toEqual([2, 2]);
    expect(metricBySegment(numeric, 'mean')[0]).toEqual({
      segment: 0,
      name: 'A',
      value: 22,
      text: '22.0',
    });
    const broken = { ...numeric, segments: [{ ...numeric.segments[0]!, mean: NaN }] };
    expect(metricBySegment(broken, 'mean')[0]!.text).toBe('—');
  });

  it('drops NaN sample values', () => {
    const spec = distributionChart({
      ...numeric,
      segments: [{ ...numeric.segments[0]!, values: [1, NaN, 3] }],
    });
    expect(traceAt(spec, 0).y).toEqual([1, 3]);
    expect(nonFinitePaths(spec)).toEqual([]);
  });
});

describe('distributionChart (categorical)', () => {
  it('stacks the share of each category within each segment', () => {
    const spec = distributionChart({
      feature: 'Education',
      kind: 'categorical',
      categories: ['PhD', 'Basic'],
      segments: [
        { segment: 0, name: 'A', counts: [3, 1] },
        { segment: 1, name: 'B', counts: [0, 0] },
      ],
    });
    expect(spec.layout.barmode).toBe('stack');
    expect(traceAt(spec, 0).name).toBe('PhD');
    expect(traceAt(spec, 0).y).toEqual([0.75, 0]);
    expect(traceAt(spec, 1).y).toEqual([0.25, 0]);
    expect(traceAt(spec, 0).text).toEqual(['75%', '']);
    expect(spec.layout.yaxis?.tickformat).toBe('.0%');
  });

  it('keeps the most common categories and folds the rest into Other', () => {
    const sample = sampleCategoricalDistribution(4);
    const spec = distributionChart(sample, { maxCategories: 2 });
    expect(spec.data).toHaveLength(3);
    expect(traceAt(spec, 0).name).toBe('Graduation');
    expect(traceAt(spec, 2).name).toBe('Other (3)');
    const sums = (traceAt(spec, 0).y as number[]).map((_, i) =>
      spec.data.reduce((sum, trace) => sum + ((trace as { y: number[] }).y[i] ?? 0), 0),
    );
    for (const sum of sums) expect(sum).toBeCloseTo(1, 12);
  });

  it('shows the empty state without segments', () => {
    expect(distributionChart(null).data).toEqual([]);
    expect(distributionChart({ ...numeric, segments: [] }).data).toEqual([]);
  });
});

describe('distribution axis labels', () => {
  it('tilts long segment names and keeps short ones level', () => {
    const long = distributionChart(sampleNumericDistribution(5));
    expect(long.layout.xaxis?.tickangle).toBe(-30);
    const short = distributionChart(numeric);
    expect(short.layout.xaxis?.tickangle).toBe(0);
  });
});

describe('distribution segments without values', () => {
  it('keeps an empty segment on the axis without drawing or computing anything', () => {
    const spec = distributionChart(
      {
        ...numeric,
        segments: [
          numeric.segments[0]!,
          {
            segment: 1,
            name: 'Empty',
            values: [],
            min: null,
            q1: null,
            median: null,
            q3: null,
            max: null,
            mean: null,
          },
        ],
      },
      { metric: 'iqr' },
    );
    expect(traceAt(spec, 1)).toMatchObject({ type: 'box', x: ['Empty'], y: [null] });
    expect(traceAt(spec, 2).y).toEqual([2, null]);
    expect(traceAt(spec, 2).text).toEqual(['2.00', '—']);
  });
});
