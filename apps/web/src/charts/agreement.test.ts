import { describe, expect, it } from 'vitest';
import { agreementChart, agreementMatrix } from './agreement.js';
import { sampleReport } from './fixtures/sample-data.js';
import { annotationsOf, nonFinitePaths, traceAt } from './fixtures/spec-helpers.js';

describe('agreementMatrix', () => {
  it('is square and symmetric with 1 on the diagonal', () => {
    const matrix = agreementMatrix(
      ['a', 'b', 'c'],
      [
        { a: 'a', b: 'b', adjustedRandIndex: 0.8 },
        { a: 'c', b: 'a', adjustedRandIndex: -0.1 },
      ],
    );
    expect(matrix.values).toEqual([
      [1, 0.8, -0.1],
      [0.8, 1, null],
      [-0.1, null, 1],
    ]);
  });
});

describe('agreementChart', () => {
  it('draws the ARI heatmap between algorithms with every cell annotated', () => {
    const spec = agreementChart(sampleReport());
    const heatmap = traceAt(spec, 0);
    expect(heatmap.type).toBe('heatmap');
    expect(heatmap.x).toEqual(['kmeans', 'gmm', 'agglomerative']);
    expect(heatmap.z).toEqual([
      [1, 0.81, 0.74],
      [0.81, 1, 0.69],
      [0.74, 0.69, 1],
    ]);
    expect(heatmap.text).toEqual([
      ['1.00', '0.81', '0.74'],
      ['0.81', '1.00', '0.69'],
      ['0.74', '0.69', '1.00'],
    ]);
    expect(heatmap.texttemplate).toBe('%{text}');
    expect(heatmap.zmin).toBe(0);
    expect(heatmap.zmax).toBe(1);
  });

  it('extends the colour range below 0 for worse-than-chance pairs and dashes missing ones', () => {
    const report = sampleReport();
    const spec = agreementChart({
      algorithms: report.algorithms,
      agreement: [
        { a: 'kmeans', b: 'gmm', adjustedRandIndex: -0.2 },
        { a: 'kmeans', b: 'agglomerative', adjustedRandIndex: null },
      ],
    });
    expect(traceAt(spec, 0).zmin).toBe(-0.2);
    expect((traceAt(spec, 0).text as unknown as string[][])[0]![2]).toBe('—');
    expect(nonFinitePaths(spec)).toEqual([]);
  });

  it('shows the empty state with a single algorithm', () => {
    const report = sampleReport();
    const spec = agreementChart({ algorithms: report.algorithms.slice(0, 1), agreement: [] });
    expect(spec.data).toEqual([]);
    expect(annotationsOf(spec)[0]!.text).toMatch(/Only one algorithm/);
  });
});
