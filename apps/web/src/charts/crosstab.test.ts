import { describe, expect, it } from 'vitest';
import { crosstabChart } from './crosstab.js';
import { sampleReport } from './fixtures/sample-data.js';
import { annotationsOf, nonFinitePaths, traceAt } from './fixtures/spec-helpers.js';

describe('crosstabChart', () => {
  const crossTab = {
    rows: ['Affluent', 'Families'],
    columns: ['Champions', 'At risk', 'Lost'],
    counts: [
      [1204, 300, 0],
      [0, 0, 0],
    ],
  };

  it('annotates counts with separators and colours by share of the row', () => {
    const spec = crosstabChart({ crossTab });
    const heatmap = traceAt(spec, 0);
    expect(heatmap.type).toBe('heatmap');
    expect(heatmap.x).toEqual(['Champions', 'At risk', 'Lost']);
    expect(heatmap.y).toEqual(['Affluent', 'Families']);
    expect(heatmap.text).toEqual([
      ['1,204', '300', '0'],
      ['0', '0', '0'],
    ]);
    const z = heatmap.z as number[][];
    expect(z[0]![0]).toBeCloseTo(1204 / 1504, 12);
    expect(z[1]).toEqual([0, 0, 0]);
    expect((heatmap.customdata as unknown as string[][])[0]![0]).toContain('80.1% of the segment');
    expect(nonFinitePaths(spec)).toEqual([]);
  });

  it('sizes with the row count and reads report.rfm directly', () => {
    const report = sampleReport(6);
    const spec = crosstabChart(report.rfm);
    expect((traceAt(spec, 0).y as string[]).length).toBe(6);
    expect(spec.layout.height).toBe(160 + 32 * 6);
  });

  it('shows the empty state without RFM', () => {
    const spec = crosstabChart(null);
    expect(spec.data).toEqual([]);
    expect(annotationsOf(spec)[0]!.text).toMatch(/No RFM/);
  });
});
