import { describe, expect, it } from 'vitest';
import { sampleReport, SAMPLE_FEATURES } from './fixtures/sample-data.js';
import {
  minMaxColumns,
  segmentMeansFromFeatures,
  segmentMeansFromReport,
  zScoreColumns,
} from './segment-means.js';

describe('segment means', () => {
  it('reads the report profiles: raw means and z-scores, aligned with the features', () => {
    const report = sampleReport(3);
    const means = segmentMeansFromReport(report);
    expect(means.features).toEqual([...SAMPLE_FEATURES]);
    expect(means.segments.map((row) => row.name)).toEqual(report.segments.map((s) => s.name));
    expect(means.segments[1]!.values[0]).toBe(report.segments[1]!.numeric[0]!.mean);
    expect(means.segments[1]!.z?.[2]).toBe(report.segments[1]!.numeric[2]!.z);
  });

  it('reads the features route, keeping the numeric features only', () => {
    const means = segmentMeansFromFeatures({
      features: [
        { name: 'Income', kind: 'numeric' },
        { name: 'Education', kind: 'categorical' },
        { name: 'Age', kind: 'numeric' },
      ],
      means: [{ segment: 0, name: 'A', values: [50000, null] }],
    });
    expect(means.features).toEqual(['Income', 'Age']);
    expect(means.segments[0]!.values).toEqual([50000, null]);
  });

  it('min-max scales columns, maps flat columns to 0.5 and keeps nulls', () => {
    expect(
      minMaxColumns([
        [1, 5, null],
        [3, 5, 2],
        [2, 5, 4],
      ]),
    ).toEqual([
      [0, 0.5, null],
      [1, 0.5, 0],
      [0.5, 0.5, 1],
    ]);
    expect(minMaxColumns([[7, 8]])).toEqual([[0.5, 0.5]]);
    expect(minMaxColumns([])).toEqual([]);
  });

  it('standardises columns with the population standard deviation', () => {
    expect(
      zScoreColumns([
        [1, 4],
        [3, 4],
      ]),
    ).toEqual([
      [-1, 0],
      [1, 0],
    ]);
    expect(zScoreColumns([[NaN], [2]])).toEqual([[null], [0]]);
  });
});
