import { describe, expect, it } from 'vitest';
import type { CaseDefinition } from './cases/index.js';
import {
  buildResult,
  formatQuality,
  formatSeconds,
  replaceSection,
  resultsJson,
  mergeResults,
  resultsTable,
  targetText,
  type CaseResult,
} from './report.js';
import type { SideSummary } from './runner.js';

const definition: CaseDefinition = {
  name: 'kmeans',
  measures: 'test',
  quality: 'inertia',
  targetRatio: 1,
  qualityTolerance: 1e-3,
  sizes: { full: { n: 1000, d: 4, k: 2 }, quick: { n: 100, d: 4, k: 2 } },
  prepare: () => Promise.reject(new Error('not used')),
};

const meta = { repetitions: 3, date: '2025-01-01' };

const side = (
  overrides: Partial<SideSummary> & Pick<SideSummary, 'name' | 'kind'>,
): SideSummary => ({
  label: overrides.name,
  rows: 1000,
  times: [1],
  ...overrides,
});

describe('targetText', () => {
  it('states the ratio and, when set, the quality tolerance', () => {
    expect(targetText(definition)).toBe('ratio <= 1.0, inertia within 0.1%');
    expect(targetText({ ...definition, qualityTolerance: 1e-9, quality: 'score' })).toBe(
      'ratio <= 1.0, score within 1e-9',
    );
    expect(targetText({ ...definition, qualityTolerance: undefined })).toBe('ratio <= 1.0');
    expect(targetText({ ...definition, targetRatio: undefined })).toBeNull();
  });
});

describe('buildResult', () => {
  const size = definition.sizes.full;

  it('computes the ratio, the quality difference and whether the target is met', () => {
    const result = buildResult(
      definition,
      size,
      [
        side({
          name: 'segmint',
          kind: 'segmint',
          seconds: 0.8,
          times: [0.8, 0.9, 0.7],
          quality: 100.05,
          iterations: 30,
        }),
        side({ name: 'sklearn', kind: 'sklearn', seconds: 1, quality: 100, iterations: 30 }),
        side({ name: 'skmeans', kind: 'peer', seconds: 5, rows: 100, note: '1 run' }),
      ],
      { ...meta, quick: false, notes: ['a note'] },
    );
    expect(result).toMatchObject({
      case: 'kmeans',
      n: 1000,
      segmint_s: 0.8,
      sklearn_s: 1,
      segmint_runs: 3,
      segmint_iterations: 30,
      status: 'ok',
      target_met: true,
      quick: false,
      notes: ['a note'],
    });
    expect(result.ratio).toBeCloseTo(0.8, 15);
    expect(result.quality_relative_difference).toBeCloseTo(0.05 / 100.05, 15);
    expect(result.peers).toEqual([
      {
        name: 'skmeans',
        seconds: 5,
        runs: 1,
        n: 100,
        quality: null,
        call: 'skmeans',
        note: '1 run',
      },
    ]);
  });

  it('reports the quality ratio and flags too few iterations', () => {
    const result = buildResult(
      { ...definition, minimumIterations: 20 },
      size,
      [
        side({ name: 'segmint', kind: 'segmint', seconds: 1, quality: 110, iterations: 25 }),
        side({ name: 'sklearn', kind: 'sklearn', seconds: 1, quality: 100, iterations: 12 }),
      ],
      { ...meta, quick: false, notes: [] },
    );
    expect(result.quality_ratio).toBeCloseTo(1.1, 15);
    expect(result.notes).toEqual([
      'WARNING: sklearn needed only 12 iterations (the data should need >= 20)',
    ]);
  });

  it('misses the target when slower or when the quality disagrees', () => {
    const sides = (segmintSeconds: number, quality: number) => [
      side({ name: 'segmint', kind: 'segmint', seconds: segmintSeconds, quality }),
      side({ name: 'sklearn', kind: 'sklearn', seconds: 1, quality: 100 }),
    ];
    expect(
      buildResult(definition, size, sides(1.2, 100), { ...meta, quick: true, notes: [] })
        .target_met,
    ).toBe(false);
    expect(
      buildResult(definition, size, sides(0.5, 101), { ...meta, quick: true, notes: [] })
        .target_met,
    ).toBe(false);
  });

  it('reports a missing Segmint function as not implemented, with nulls', () => {
    const result = buildResult(
      definition,
      size,
      [side({ name: 'sklearn', kind: 'sklearn', seconds: 2, quality: 5 })],
      { ...meta, quick: true, notes: [], segmintMissing: 'kmeansParallel / kmeans' },
    );
    expect(result).toMatchObject({
      status: 'not implemented',
      segmint_s: null,
      ratio: null,
      target_met: null,
      sklearn_s: 2,
    });
    expect(result.notes).toEqual(['Segmint: kmeansParallel / kmeans not exported yet']);
  });

  it('records side errors and a failed status', () => {
    const result = buildResult(
      definition,
      size,
      [side({ name: 'segmint', kind: 'segmint', times: [], error: 'boom' })],
      { ...meta, quick: true, notes: [] },
    );
    expect(result.status).toBe('failed');
    expect(result.errors).toEqual({ segmint: 'boom' });
  });
});

describe('formatting', () => {
  it('formats seconds and quality values', () => {
    expect(formatSeconds(null)).toBe('–');
    expect(formatSeconds(0.12345)).toBe('0.123');
    expect(formatSeconds(12.345)).toBe('12.3');
    expect(formatQuality(0.123456789012345)).toBe('0.123456789');
    expect(formatQuality(null)).toBe('–');
  });

  it('writes one table row per case with status, peers and target', () => {
    const result = buildResult(
      definition,
      { n: 1_000_000, d: 16, k: 8 },
      [
        side({ name: 'segmint', kind: 'segmint', seconds: 2, quality: 10, iterations: 21 }),
        side({ name: 'sklearn', kind: 'sklearn', seconds: 4, quality: 10, iterations: 21 }),
        side({
          name: 'ml-kmeans',
          kind: 'peer',
          seconds: 30,
          rows: 100_000,
          times: [30],
          iterations: 40,
        }),
      ],
      { ...meta, quick: false, notes: [] },
    );
    const table = resultsTable([result]).split('\n');
    expect(table).toHaveLength(3);
    expect(table[2]).toBe(
      '| kmeans | 1,000,000 | 16 | 8 | 2.000 | 4.000 | 0.50 | ml-kmeans 30.0 s (n=100,000, 40 it, 1 run) | 10 / 10 (0.0e+0) | 21 / 21 | ratio <= 1.0, inertia within 0.1%: met |',
    );
  });

  it('writes JSON that parses back to the same records', () => {
    const result = buildResult(
      definition,
      definition.sizes.quick,
      [side({ name: 'sklearn', kind: 'sklearn', seconds: 2, quality: 5 })],
      { ...meta, quick: true, notes: [] },
    );
    const text = resultsJson([result]);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual([result]);
  });
});

describe('replaceSection', () => {
  it('replaces only the named section', () => {
    const readme = [
      '# Title',
      '<!-- bench:full:start -->',
      'old full',
      '<!-- bench:full:end -->',
      '<!-- bench:quick:start -->',
      'old quick',
      '<!-- bench:quick:end -->',
      'tail',
    ].join('\n');
    const updated = replaceSection(readme, 'quick', 'new quick');
    expect(updated).toContain('old full');
    expect(updated).toContain('<!-- bench:quick:start -->\nnew quick\n<!-- bench:quick:end -->');
    expect(updated).not.toContain('old quick');
    expect(updated.endsWith('tail')).toBe(true);
  });

  it('appends the section when its markers are missing', () => {
    expect(replaceSection('# Title\n', 'full', 'body')).toBe(
      '# Title\n\n<!-- bench:full:start -->\nbody\n<!-- bench:full:end -->\n',
    );
  });
});

describe('mergeResults', () => {
  const record = (name: string, date: string) => ({ case: name, date }) as unknown as CaseResult;

  it('replaces the cases that ran, keeps the others and follows the case order', () => {
    const merged = mergeResults(
      [record('kmeans', 'old'), record('pca', 'old'), record('silhouette', 'old')],
      [record('pca', 'new'), record('kmeans++', 'new')],
      ['kmeans', 'kmeans++', 'pca', 'silhouette'],
    );
    expect(merged.map((result) => `${result.case}:${result.date}`)).toEqual([
      'kmeans:old',
      'kmeans++:new',
      'pca:new',
      'silhouette:old',
    ]);
  });
});
