import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './report-html.js';
import { REPORT_FORMAT, REPORT_VERSION, reportToJSONText, type RunReport } from './report-types.js';

const silhouette = [0.5, 0.7, NaN];
const segment = (id: number, name: string) => ({
  segment: id,
  size: 10 * (id + 1),
  share: (id + 1) / 3,
  name,
  description: `Description of <${name}>.`,
  numeric: [
    {
      feature: '<script>',
      mean: id * 10,
      median: id * 10,
      std: 1,
      overallMean: 5,
      overallStd: 5,
      restMean: 0,
      z: 1,
      cohenD: 1,
    },
  ],
  categorical: [],
  topTraits: [
    { feature: '<script>', kind: 'numeric' as const, text: '<script> higher', effect: 1 },
  ],
  rules: id === 0 ? [{ text: '<script> <= 5 and plan = gold', precision: 0.9, coverage: 0.8 }] : [],
});

const report: RunReport = {
  format: REPORT_FORMAT,
  version: REPORT_VERSION,
  runId: 'r1',
  createdAt: '2024-01-01T00:00:00.000Z',
  source: { file: 'a&b.csv', format: 'csv', rows: 30, columns: 2 },
  rows: { input: 30, fitted: 30, outliers: 0 },
  features: { numeric: ['<script>'], categorical: [], derived: [], prepared: ['<script>'] },
  cleaning: ['Filled 1 missing value in numeric "<script>" with 3 (median).'],
  selection: {
    kRange: [2, 4],
    criteria: ['elbow', 'silhouette'],
    curves: {
      k: [2, 3, 4],
      inertia: [10, 4, 3],
      silhouette,
      silhouetteLower: silhouette,
      silhouetteUpper: silhouette,
      calinskiHarabasz: [1, 2, 1.5],
      daviesBouldin: [0.9, 0.5, 0.7],
    },
    knee: 3,
    votes: [
      { criterion: 'elbow', k: 3, score: 4 },
      { criterion: 'silhouette', k: 3, score: 0.7 },
    ],
    recommendation: {
      k: 3,
      verdict: 'clear',
      agreement: { agreeing: 2, total: 2 },
      summary: 'k = 3, 2 of 2 criteria agree',
      reasons: [],
    },
    silhouetteMethod: 'exact',
  },
  k: 2,
  primaryAlgorithm: 'kmeans',
  algorithms: [
    {
      algorithm: 'kmeans',
      k: 2,
      noise: 0,
      inertia: 4,
      iterations: 3,
      converged: true,
      silhouette: 0.7,
      silhouetteLower: 0.7,
      silhouetteUpper: 0.7,
      silhouetteMethod: 'exact',
      calinskiHarabasz: 2,
      daviesBouldin: 0.5,
      sizes: [10, 20],
      warnings: [],
    },
  ],
  agreement: [],
  segments: [segment(0, 'Low <i>'), segment(1, 'High')],
  stability: {
    algorithm: 'kmeans',
    status: 'measured',
    resamples: 10,
    fraction: 0.8,
    meanAdjustedRandIndex: 0.9,
    segments: [
      { segment: 0, size: 3, jaccard: 0.95, dissolved: 0 },
      { segment: 1, size: 3, jaccard: 0.4, dissolved: 0.6 },
    ],
  },
  continuity: null,
  dendrogram: null,
  map: {
    method: 'pca',
    explainedVarianceRatio: [0.8, 0.2],
    x: [0, 1, 2],
    y: [1, 0, 1],
    segment: [0, 1, 1],
    total: 3,
  },
  rfm: {
    customers: 30,
    transactions: 90,
    droppedNoCustomer: 1,
    droppedNonPositive: 2,
    asOf: '2011-12-10',
    warnings: [],
    crossTab: { rows: ['Low <i>', 'High'], columns: ['Champions'], counts: [[3], [7]] },
  },
  warnings: [{ code: 'W', message: '<warn>' }],
};

describe('renderReportHtml', () => {
  const html = renderReportHtml(report);

  it('is one self-contained document with an <svg> per chart', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // k curves, sizes, map, heatmap.
    expect((html.match(/<svg/g) ?? []).length).toBe(4);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import/);
    expect(html).toContain('k = 3, 2 of 2 criteria agree');
    expect(html).toContain('class="verdict clear"');
  });

  it('escapes every user string', () => {
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Low &lt;i&gt;');
    expect(html).toContain('a&amp;b.csv');
    expect(html).toContain('&lt;warn&gt;');
    expect(html).not.toContain('<i>');
  });

  it('shows each segment’s rules with precision and coverage, escaped', () => {
    expect(html).toContain(
      '<li><code>&lt;script&gt; &lt;= 5 and plan = gold</code> (precision 90.0%, coverage 80.0%)</li>',
    );
  });

  it('has a card per segment and the RFM cross-tab', () => {
    expect((html.match(/<article class="card"/g) ?? []).length).toBe(2);
    expect(html).toContain('<th>Champions</th>');
    expect(html).toContain('<td>7</td>');
  });

  it('writes report.json with non-finite numbers as null', () => {
    const json = JSON.parse(reportToJSONText(report)) as RunReport;
    expect(json.selection?.curves.silhouette).toEqual([0.5, 0.7, null]);
    expect(json.k).toBe(2);
  });
});

describe('renderReportHtml: issue 7 sections', () => {
  it('lists segments and noise per algorithm and rates each segment’s stability', () => {
    const html = renderReportHtml(report);
    expect(html).toContain('<th>noise rows</th>');
    expect(html).toContain('<h2>Stability</h2>');
    expect(html).toMatch(/<td>0\.95<\/td><td>0(\.0)?%<\/td><td>stable<\/td>/);
    expect(html).toMatch(/<td>0\.4<\/td><td>60(\.0)?%<\/td><td>unstable<\/td>/);
    const off = renderReportHtml({
      ...report,
      stability: { ...report.stability, status: 'too-many-rows', segments: [] },
    });
    expect(off).toContain("skipped: the data has more rows than 'stability.maxRows'");
  });

  it('draws the dendrogram and the migration table when present', () => {
    const html = renderReportHtml({
      ...report,
      dendrogram: {
        algorithm: 'agglomerative',
        linkage: 'ward',
        rows: 3,
        cutHeight: 1.5,
        truncatedTo: null,
        icoord: [
          [5, 5, 15, 15],
          [10, 10, 25, 25],
        ],
        dcoord: [
          [0, 1, 1, 0],
          [1, 2, 2, 0],
        ],
        colors: [0, -1],
        leaves: [0, 1, 2],
        leafLabels: ['0', '1', '2'],
        leafSizes: [1, 1, 1],
      },
      continuity: {
        previousRun: '/runs/a',
        commonRows: 6,
        moved: 1,
        segments: [
          { segment: 0, previousSegment: 0, sharedRows: 3 },
          { segment: 1, previousSegment: null, sharedRows: 0 },
        ],
        retired: [{ segment: 1, name: 'Gone <b>' }],
        migration: {
          rows: ['Old A', 'Gone <b>'],
          columns: ['A', 'B'],
          counts: [
            [3, 1],
            [0, 2],
          ],
        },
      },
    });
    expect(html.match(/<path class="link"/g)).toHaveLength(2);
    expect(html).toContain('cut at 1.5');
    expect(html).toContain('6 customers are in both runs; 1 changed segment');
    expect(html).toContain('no longer found: Gone &lt;b&gt;');
    expect(html).toContain('<tr><td>Old A</td><td>3</td><td>1</td></tr>');
  });
});
