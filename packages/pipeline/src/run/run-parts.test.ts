import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, fitTransformPipeline, table, type SegmintError } from '@segmint/engine';
import { newRunId } from './manifest.js';
import { StagedOutputs } from './output-files.js';
import { rfmTransform, stepsFromConfig } from './prepare-steps.js';
import { resolveOutputDir } from './run-pipeline.js';
import { selectFeatures } from './select-features.js';
import { temporaryFolder } from './test-utils/run-fixtures.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const defaults = {
  cleaning: {
    dropMissingAbove: 0.5,
    impute: { numeric: 'median', categorical: 'most-frequent' },
    outliers: [],
    varianceThreshold: 0,
  },
  transform: { log1p: [], power: [] },
  encoding: { minFrequency: null, maxCategories: null },
  scaling: 'standard',
} as const;

function thrown(f: () => unknown): SegmintError {
  try {
    f();
  } catch (error) {
    return error as SegmintError;
  }
  throw new Error('expected an error');
}

describe('stepsFromConfig', () => {
  const t = table({
    income: [10, NaN, 30, 40],
    empty: [NaN, NaN, NaN, 1],
    education: ['PhD', null, 'Basic', 'PhD'],
  });

  it('orders the steps and leaves out the columns over the missing share', () => {
    const { steps, dropped } = stepsFromConfig(defaults, t, {
      numeric: ['income', 'empty'],
      categorical: ['education'],
    });
    expect(dropped).toEqual(['empty']);
    expect(steps.map((s) => s.type)).toEqual([
      'drop-missing-columns',
      'impute',
      'impute',
      'scale',
      'one-hot',
      'variance-threshold',
    ]);
    // Only numeric features are scaled: one-hot indicators stay 0/1.
    expect(steps[3]).toEqual({ type: 'scale', method: 'standard', columns: ['income'] });
    expect(steps[1]).toEqual({ type: 'impute', strategy: 'median', columns: ['income'] });
    expect(steps[2]).toEqual({
      type: 'impute',
      strategy: 'most-frequent',
      columns: ['education'],
    });
    // The steps fit: 'empty' dropped, income imputed and scaled, education one-hot encoded.
    const { result } = fitTransformPipeline(t, steps);
    expect(result.featureNames).not.toContain('empty');
    expect(result.X.rows).toBe(4);
    expect(result.featureNames[0]).toBe('income');
    expect(result.featureNames.length).toBe(3);
    for (let j = 1; j < 3; j++) {
      for (let i = 0; i < result.X.rows; i++) expect([0, 1]).toContain(result.X.data[i * 3 + j]);
    }
  });

  it('adds outliers, log1p, power and leaves out scaling and variance when disabled', () => {
    const { steps } = stepsFromConfig(
      {
        ...defaults,
        cleaning: {
          ...defaults.cleaning,
          outliers: [{ rule: 'iqr', k: 3 }],
          varianceThreshold: null,
          impute: { numeric: 'constant', categorical: 'constant', fillValue: 7 },
        },
        transform: { log1p: ['income'], power: ['income'] },
        encoding: { minFrequency: 2, maxCategories: null },
        scaling: 'none',
      },
      t,
      { numeric: ['income'], categorical: ['education'] },
    );
    expect(steps.map((s) => s.type)).toEqual([
      'drop-missing-columns',
      'impute',
      'impute',
      'outliers',
      'log1p',
      'power',
      'one-hot',
    ]);
    expect(steps[1]).toMatchObject({ strategy: 'constant', fillValue: 7 });
    expect(steps[2]).not.toHaveProperty('fillValue');
    expect(steps[6]).toMatchObject({ minFrequency: 2, handleUnknown: 'ignore' });
  });
});

describe('rfmTransform', () => {
  const transactions = { customer: 'c', date: 'd', price: 'p', includeNonPositive: false };
  const none = { log1p: [], power: [] };

  it('log1p-transforms the RFM features of an RFM run without a configured transform', () => {
    expect(rfmTransform({ transform: none, transactions }, ['recency', 'monetary'])).toEqual({
      transform: { log1p: ['recency', 'monetary'], power: [] },
      applied: true,
    });
  });

  it('keeps a configured transform, non-RFM runs and runs with non-positive amounts as they are', () => {
    const configured = { log1p: [], power: ['monetary'] };
    expect(rfmTransform({ transform: configured, transactions }, ['monetary']).applied).toBe(false);
    expect(rfmTransform({ transform: none }, ['monetary']).applied).toBe(false);
    expect(
      rfmTransform(
        { transform: none, transactions: { ...transactions, includeNonPositive: true } },
        ['monetary'],
      ).applied,
    ).toBe(false);
  });
});

describe('selectFeatures', () => {
  const columns = [
    { name: 'CustomerID', kind: 'numeric' },
    { name: 'Age', kind: 'numeric' },
    { name: 'Income', kind: 'numeric' },
    { name: 'Gender', kind: 'categorical' },
    { name: 'Joined', kind: 'other' },
  ] as const;

  it('defaults to numeric columns except the id', () => {
    expect(selectFeatures(columns, { id: 'CustomerID' }, 'c.csv')).toEqual({
      numeric: ['Age', 'Income'],
      categorical: [],
    });
    expect(selectFeatures(columns, {}, 'c.csv').numeric).toEqual(['CustomerID', 'Age', 'Income']);
  });

  it('sends listed text columns to one-hot encoding', () => {
    expect(
      selectFeatures(columns, { features: ['Income', 'Gender'], categorical: [] }, 'c.csv'),
    ).toEqual({ numeric: ['Income'], categorical: ['Gender'] });
  });

  it('names an unknown column, the key and the closest match', () => {
    const error = thrown(() => selectFeatures(columns, { features: ['Incme'] }, 'c.csv'));
    expect(error.code).toBe(ERROR_CODES.INVALID_CONFIG);
    expect(error.message).toContain(
      `'features': no column "Incme" in c.csv; did you mean "Income"?`,
    );
    expect(error.details.key).toBe('features');
    const id = thrown(() => selectFeatures(columns, { id: 'customer_id' }, 'c.csv'));
    expect(id.details.key).toBe('id');
    expect(id.message).toContain('did you mean "CustomerID"');
  });

  it('refuses a table with nothing to cluster on', () => {
    const error = thrown(() =>
      selectFeatures([{ name: 'id', kind: 'numeric' }], { id: 'id' }, 'c.csv'),
    );
    expect(error.code).toBe(ERROR_CODES.INVALID_CONFIG);
    expect(error.message).toContain('no features to cluster on');
  });
});

describe('StagedOutputs', () => {
  it('publishes staged files together, segments.csv included', async () => {
    const outputs = new StagedOutputs(join(folder.dir, 'staged', 'a'));
    await outputs.prepare();
    await outputs.writeText('report.json', '{}');
    await outputs.writeText('segments.csv', 'row,segment\n');
    expect(readdirSync(outputs.dir).every((name) => name.endsWith('.tmp'))).toBe(true);
    await outputs.commit();
    expect(readdirSync(outputs.dir).sort()).toEqual(['report.json', 'segments.csv']);
    expect(readFileSync(join(outputs.dir, 'segments.csv'), 'utf8')).toBe('row,segment\n');
  });

  it('abort removes temporary files and any segments.csv, keeping other files', async () => {
    const outputs = new StagedOutputs(join(folder.dir, 'staged', 'b'));
    await outputs.prepare();
    writeFileSync(join(outputs.dir, 'segments.csv'), 'old');
    writeFileSync(join(outputs.dir, 'notes.txt'), 'mine');
    await outputs.writeText('model.json', '{}');
    await outputs.abort();
    expect(readdirSync(outputs.dir)).toEqual(['notes.txt']);
  });
});

describe('output folder and run id', () => {
  it('resolves the override, then config.output against the config folder, then a run folder', () => {
    expect(resolveOutputDir({ output: 'out/' }, { configDir: '/c', outputDir: 'x' }, 'r')).toBe(
      resolve('x'),
    );
    expect(resolveOutputDir({ output: 'out/' }, { configDir: '/c' }, 'r')).toBe('/c/out');
    expect(resolveOutputDir({ output: '/abs' }, { configDir: '/c' }, 'r')).toBe('/abs');
    expect(resolveOutputDir({}, { configDir: '/c' }, 'r1')).toBe('/c/segmint-out/r1');
  });

  it('run ids are timestamped and distinct', () => {
    const date = new Date('2024-05-01T12:00:00Z');
    const a = newRunId(date);
    expect(a).toMatch(/^20240501-120000-[0-9a-f]{6}$/);
    expect(newRunId(date)).not.toBe(a);
    expect(existsSync(a)).toBe(false);
  });
});
