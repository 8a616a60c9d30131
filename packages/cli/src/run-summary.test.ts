import type { RunResult } from '@segmint/pipeline';
import { describe, expect, it } from 'vitest';
import { formatRunSummary, summarizeRun } from './run-summary.js';

function fakeResult(selection: boolean): RunResult {
  const segment = (index: number, name: string, size: number) => ({
    segment: index,
    size,
    share: size / 150,
    name,
    description: '',
    numeric: [],
    categorical: [],
    topTraits: [],
  });
  const report = {
    rows: { input: 150, fitted: 150, outliers: 0 },
    k: 3,
    primaryAlgorithm: 'kmeans',
    selection: selection
      ? {
          recommendation: {
            k: 3,
            verdict: 'clear',
            agreement: { agreeing: 3, total: 4 },
            summary: 'k = 3, 3 of 4 criteria agree',
            reasons: [],
          },
        }
      : null,
    segments: [
      segment(0, 'Small petals', 50),
      segment(1, 'Large petals', 38),
      segment(2, 'Medium', 62),
    ],
    warnings: [{ code: 'SOME_WARNING', message: 'something to know' }],
  };
  return {
    runId: 'r1',
    outputDir: '/tmp/out',
    files: {
      segmentsCsv: '/tmp/out/segments.csv',
      segmentsParquet: '/tmp/out/segments.parquet',
      model: '/tmp/out/model.json',
      report: '/tmp/out/report.json',
      reportHtml: '/tmp/out/report.html',
      manifest: '/tmp/out/manifest.json',
    },
    report,
  } as unknown as RunResult;
}

describe('run summary', () => {
  it('condenses the result for --json', () => {
    const summary = summarizeRun(fakeResult(true));
    expect(summary).toMatchObject({
      runId: 'r1',
      outputDir: '/tmp/out',
      rows: 150,
      k: 3,
      algorithm: 'kmeans',
      selection: { k: 3, verdict: 'clear', summary: 'k = 3, 3 of 4 criteria agree' },
      warnings: [{ code: 'SOME_WARNING', message: 'something to know' }],
    });
    expect(summary.segments).toEqual([
      { segment: 0, name: 'Small petals', size: 50, share: 50 / 150 },
      { segment: 1, name: 'Large petals', size: 38, share: 38 / 150 },
      { segment: 2, name: 'Medium', size: 62, share: 62 / 150 },
    ]);
    expect(summarizeRun(fakeResult(false)).selection).toBeNull();
  });

  it('prints the segments, k, warnings, report and the folder last', () => {
    const text = formatRunSummary(summarizeRun(fakeResult(true)));
    expect(text).toContain(
      '3 segments from 150 rows (kmeans, chosen: k = 3, 3 of 4 criteria agree; clear)',
    );
    expect(text).toMatch(/\n\s+1\s+Large petals\s+38\s+25\.3%\n/);
    expect(text).toContain('warning: something to know\n');
    expect(text).toContain('Report: /tmp/out/report.html\n');
    expect(text.endsWith('Output: /tmp/out\n')).toBe(true);
    expect(formatRunSummary(summarizeRun(fakeResult(false)))).toContain('k as configured');
  });
});
