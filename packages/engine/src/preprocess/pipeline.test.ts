import { describe, expect, it } from 'vitest';
import type { SegmintError } from '../core/errors.js';
import { ERROR_CODES } from '../core/errors.js';
import {
  fitPipeline,
  fitTransformPipeline,
  pipelineInputSchema,
  transformPipeline,
} from './pipeline.js';
import { pipelineFromJSON, pipelineToJSON } from './pipeline-json.js';
import { fitStep, runStep, stepFromJSON, stepToJSON, type StepSpec } from './steps.js';
import { table, tableFromRecords, type Table } from './table.js';

function customers(): Table {
  return table({
    Income: [40000, NaN, 52000, 61000, 45000, 990000, 58000, NaN, 49000, 55000],
    Spend: [100, 250, 0, 900, 40, 300, 75, 20, 610, 5],
    Kids: [0, 1, 2, 0, 1, 0, 1, 2, 0, 1],
    Constant: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    Education: [
      'PhD',
      'Master',
      null,
      'PhD',
      'Basic',
      'Master',
      'PhD',
      'Graduation',
      'Graduation',
      'PhD',
    ],
  });
}

const STEPS: StepSpec[] = [
  { type: 'drop-missing-columns', maxMissingShare: 0.5 },
  { type: 'impute', strategy: 'median' },
  { type: 'impute', strategy: 'most-frequent', columns: ['Education'] },
  { type: 'outliers', rules: [{ rule: 'iqr', columns: ['Income'], k: 1.5 }] },
  { type: 'log1p', columns: ['Spend'] },
  { type: 'variance-threshold', threshold: 0 },
  { type: 'one-hot', columns: ['Education'], minFrequency: 2, handleUnknown: 'infrequent' },
  { type: 'power', columns: ['Kids'], standardize: false },
  { type: 'scale', method: 'standard', columns: ['Income', 'Spend'] },
];

function snapshot(t: Table): unknown[] {
  return t.columns.map((c) => Array.from(c.values as ArrayLike<unknown>));
}

describe('pipeline', () => {
  it('fits steps in order; outlier rows are removed before later steps are fitted', () => {
    const t = customers();
    const { pipeline, result } = fitTransformPipeline(t, STEPS);
    // Income after median imputation: the 990,000 row (5) is beyond Q3 + 1.5 IQR.
    expect(Array.from(result.keptRows)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
    expect(result.featureNames).toEqual([
      'Income',
      'Spend',
      'Kids',
      'Education=Graduation',
      'Education=PhD',
      'Education=infrequent',
    ]);
    expect(pipeline.featureNames).toEqual(result.featureNames);
    expect(result.X.rows).toBe(9);
    expect(result.X.cols).toBe(6);
    // The scaler was fitted on the kept rows only: Income has mean 0 and std 1 over them.
    const income = Array.from({ length: 9 }, (_, i) => result.X.data[i * 6]!);
    const mean = income.reduce((a, b) => a + b, 0) / 9;
    expect(Math.abs(mean)).toBeLessThan(1e-12);
    expect(income.reduce((a, b) => a + (b - mean) ** 2, 0) / 9).toBeCloseTo(1, 12);
    // 'Constant' removed by the variance threshold, with a report line.
    const variance = result.report[5]!;
    expect(variance.removedColumns).toEqual(['Constant']);
    expect(variance.messages).toEqual(['Removed "Constant": variance 0 <= 0.']);
    const outliers = result.report[3]!;
    expect(outliers.rowsIn).toBe(10);
    expect(outliers.rowsOut).toBe(9);
    // Imputed Income sorted: 40k 45k 49k 52k 53.5k 53.5k 55k 58k 61k 990k -> Q1 = 49,750,
    // Q3 = 57,250, IQR = 7,500, upper fence 57,250 + 1.5 * 7,500 = 68,500.
    expect(outliers.messages).toEqual([
      '1 row removed: Income > 68,500 (IQR rule, k = 1.5)',
      '1 of 10 rows removed as outliers.',
    ]);
    expect(result.report[1]!.messages).toContain(
      'Filled 2 missing values in numeric "Income" with 53,500 (median).',
    );
    // "Master" occurs twice, but once in the removed outlier row: the encoder, fitted after the
    // outlier step, sees it once and groups it (minFrequency 2).
    expect(result.report[6]!.messages).toEqual([
      'Encoded "Education" into 3 columns (infrequent: "Basic", "Master").',
    ]);
  });

  it("transform in mode 'fit' reproduces the fit output; 'predict' keeps and flags outliers", () => {
    const t = customers();
    const { pipeline, result } = fitTransformPipeline(t, STEPS);
    const again = transformPipeline(pipeline, t, { mode: 'fit' });
    expect(Array.from(again.X.data)).toEqual(Array.from(result.X.data));
    const predicted = transformPipeline(pipeline, t);
    expect(predicted.X.rows).toBe(10);
    expect(Array.from(predicted.keptRows)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(predicted.flags[5]!.outlier).toBe(true);
    expect(predicted.flags[5]!.reasons[0]).toMatch(/^Income > .* \(IQR rule, k = 1\.5\)$/);
    expect(predicted.flags.filter((f) => f.outlier)).toHaveLength(1);
    // Non-outlier rows are transformed identically in both modes.
    const d = result.X.cols;
    for (const [r, i] of [0, 1, 2, 3, 4, 6, 7, 8, 9].entries()) {
      expect(Array.from(predicted.X.data.subarray(i * d, i * d + d))).toEqual(
        Array.from(result.X.data.subarray(r * d, r * d + d)),
      );
    }
  });

  it('scores one JSON record at predict time (unknown category -> infrequent)', () => {
    const pipeline = fitPipeline(customers(), STEPS);
    const record = {
      Income: null,
      Spend: 120,
      Kids: 3,
      Constant: 3,
      Education: 'Doctorate',
      ID: 17,
    };
    const one = transformPipeline(
      pipeline,
      tableFromRecords([record], pipelineInputSchema(pipeline)),
    );
    expect(one.X.rows).toBe(1);
    expect(Array.from(one.X.data.subarray(3))).toEqual([0, 0, 1]);
    expect(one.X.data.every(Number.isFinite)).toBe(true);
  });

  it('JSON round trip of the whole pipeline gives identical transforms', () => {
    const t = customers();
    const pipeline = fitPipeline(t, STEPS);
    const json = pipelineToJSON(pipeline);
    expect(json.format).toBe('segmint.pipeline');
    expect(json.version).toBe(1);
    const back = pipelineFromJSON(JSON.parse(JSON.stringify(json)));
    expect(back).toEqual(pipeline);
    for (const mode of ['fit', 'predict'] as const) {
      const a = transformPipeline(pipeline, t, { mode });
      const b = transformPipeline(back, t, { mode });
      expect(Array.from(b.X.data)).toEqual(Array.from(a.X.data));
      expect(b.featureNames).toEqual(a.featureNames);
    }
  });

  it('JSON round trip of every step type gives identical transforms', () => {
    let current = customers();
    const extra: StepSpec[] = [
      { type: 'scale', method: 'min-max', columns: ['Spend'], featureRange: [-1, 1], clip: true },
      { type: 'scale', method: 'robust', columns: ['Income'] },
      { type: 'impute', strategy: 'constant', fillValue: 0 },
    ];
    const seen = new Set<string>();
    for (const spec of [...STEPS.slice(0, 8), ...extra]) {
      const step = fitStep(current, spec);
      const back = stepFromJSON(JSON.parse(JSON.stringify(stepToJSON(step))));
      expect(back).toEqual(step);
      const a = runStep(step, current, 'predict').table;
      const b = runStep(back, current, 'predict').table;
      expect(snapshot(b)).toEqual(snapshot(a));
      seen.add(step.type);
      current = runStep(step, current, 'fit').table;
    }
    expect(seen.size).toBe(8);
  });

  it('never mutates the input table', () => {
    const t = customers();
    const before = snapshot(t);
    const pipeline = fitPipeline(t, STEPS);
    transformPipeline(pipeline, t, { mode: 'fit' });
    transformPipeline(pipeline, t, { mode: 'predict' });
    expect(snapshot(t)).toEqual(before);
  });
});

describe('pipeline errors', () => {
  const t = customers();

  it('unknown column in a step, naming it and the step', () => {
    expect(() => fitPipeline(t, [{ type: 'scale', columns: ['Incme'] }])).toThrow(
      /pipeline step 0: scale: 'columns\[0\]' must be a column of the table .*; got "Incme"/,
    );
  });

  it('log1p of -2 names the column and the row', () => {
    const negative = table({ Spend: [1, 5, -2, 3] });
    expect(() => fitPipeline(negative, [{ type: 'log1p', columns: ['Spend'] }])).toThrow(
      /log1p: column "Spend" has -2 at row 2; log1p needs values > -1/,
    );
  });

  it('a categorical column left at the end is named', () => {
    expect(() => fitPipeline(t, [{ type: 'impute', strategy: 'median' }])).toThrow(
      /column "Education" is still categorical at the end of the pipeline; add a 'one-hot' step/,
    );
  });

  it('NaN reaching a scaler without an imputer names the column and row', () => {
    const err = (() => {
      try {
        fitPipeline(t, [{ type: 'scale' }]);
      } catch (error) {
        return error as SegmintError;
      }
      return undefined;
    })();
    expect(err?.code).toBe(ERROR_CODES.NON_FINITE_VALUE);
    expect(err?.message).toMatch(
      /scale: column "Income" has a missing value \(NaN\) at row 1; add an 'impute' step/,
    );
  });

  it('wrong column count, a missing column and a changed kind at transform time', () => {
    const pipeline = fitPipeline(t, STEPS);
    const withExtra: Table = {
      rows: t.rows,
      columns: [...t.columns, { name: 'ID', kind: 'numeric', values: new Float64Array(10) }],
    };
    expect(() => transformPipeline(pipeline, withExtra)).toThrow(
      /the table has 6 columns but the pipeline was fitted on 5; unexpected: "ID"/,
    );
    const without: Table = { rows: t.rows, columns: t.columns.filter((c) => c.name !== 'Kids') };
    expect(() => transformPipeline(pipeline, without)).toThrow(/unknown column "Kids"/);
    const retyped: Table = {
      rows: t.rows,
      columns: t.columns.map((c) =>
        c.name === 'Kids'
          ? { name: 'Kids', kind: 'categorical', values: new Array<string>(10).fill('a') }
          : c,
      ),
    };
    expect(() => transformPipeline(pipeline, retyped)).toThrow(
      /column "Kids" is categorical but the pipeline was fitted with it numeric/,
    );
  });

  it('bad step specs', () => {
    expect(() => fitPipeline(t, [{ type: 'normalize' } as never])).toThrow(
      /step 'type' must be one of 'impute'/,
    );
    expect(() =>
      fitPipeline(t, [{ type: 'impute', strategy: 'mean', columns: ['Education'] }]),
    ).toThrow(
      /'columns\[0\]' must be a numeric column|'strategy' must be 'most-frequent' or 'constant' for categorical column "Education"/,
    );
    expect(() => fitPipeline(t, [{ type: 'scale', method: 'zscore' } as never])).toThrow(
      /'method' must be one of 'standard', 'min-max', 'robust'; got "zscore"/,
    );
    expect(() => fitPipeline(t, [{ type: 'one-hot', minFrequency: 2.5 }])).toThrow(
      /'minFrequency' must be an integer count/,
    );
  });

  it('pipelineFromJSON names the bad field', () => {
    const json = JSON.parse(JSON.stringify(pipelineToJSON(fitPipeline(t, STEPS)))) as Record<
      string,
      unknown
    >;
    expect(() => pipelineFromJSON({ ...json, format: 'segmint.model' })).toThrow(
      /'pipeline\.format' must be 'segmint\.pipeline'/,
    );
    expect(() => pipelineFromJSON({ ...json, version: 2 })).toThrow(
      /'pipeline\.version' must be 1/,
    );
    const steps = json.steps as Record<string, unknown>[];
    const badScale = steps.map((s, i) => (i === 8 ? { ...s, scale: ['x', 1] } : s));
    expect(() => pipelineFromJSON({ ...json, steps: badScale })).toThrow(
      /'pipeline\.steps\[8\]\.scale\[0\]' must be a finite number; got "x"/,
    );
    const badType = steps.map((s, i) => (i === 2 ? { ...s, type: 'magic' } : s));
    expect(() => pipelineFromJSON({ ...json, steps: badType })).toThrow(
      /'pipeline\.steps\[2\]\.type' must be one of/,
    );
    expect(() => pipelineFromJSON(null)).toThrow(/'pipeline' must be an object; got null/);
  });
});
