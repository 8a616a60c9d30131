/**
 * A realistic run on the Kaggle "Customer Personality Analysis" file (2,240 customers,
 * tab-separated, 24 missing Income values, categorical Education and Marital_Status).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATASETS, hasSharedDatasets } from '../test-utils/data.js';
import { fitTransformPipeline, transformPipeline } from './pipeline.js';
import { pipelineFromJSON, pipelineToJSON } from './pipeline-json.js';
import { table, tableFromRecords, type Table } from './table.js';

const CATEGORICAL = new Set(['Education', 'Marital_Status']);
const SKIP = new Set(['ID', 'Dt_Customer']);

function loadMarketing(): Table {
  const path = join(SHARED_DATASETS, 'customer_personality', 'marketing_campaign.csv');
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split('\t');
  const rows = lines.slice(1).map((line) => line.split('\t'));
  const columns: Record<string, number[] | (string | null)[]> = {};
  header.forEach((name, j) => {
    if (SKIP.has(name)) return;
    columns[name] = CATEGORICAL.has(name)
      ? rows.map((r) => r[j] || null)
      : rows.map((r) => (r[j] === '' ? NaN : Number(r[j])));
  });
  return table(columns);
}

describe.skipIf(!hasSharedDatasets)('marketing_campaign.csv', () => {
  it('impute -> outliers -> one-hot -> scale gives a finite matrix and a sensible report', () => {
    const t = loadMarketing();
    expect(t.rows).toBe(2240);
    const income = t.columns.find((c) => c.name === 'Income')!.values as Float64Array;
    expect(income.filter(Number.isNaN).length).toBe(24);

    const { pipeline, result } = fitTransformPipeline(t, [
      { type: 'drop-missing-columns', maxMissingShare: 0.5 },
      { type: 'impute', strategy: 'median' },
      {
        type: 'outliers',
        rules: [
          { rule: 'iqr', columns: ['Income'] },
          { rule: 'range', column: 'Year_Birth', min: 1920 },
        ],
      },
      { type: 'variance-threshold', threshold: 0 },
      {
        type: 'one-hot',
        columns: ['Education', 'Marital_Status'],
        minFrequency: 10,
        handleUnknown: 'infrequent',
      },
      { type: 'scale', method: 'standard' },
    ]);
    const { X, featureNames, report, keptRows } = result;
    expect(X.data.every(Number.isFinite)).toBe(true);
    expect(X.rows).toBe(keptRows.length);
    expect(X.cols).toBe(featureNames.length);

    // Income: 24 values imputed with the median of the 2,216 observed.
    expect(report[1]!.messages).toContain(
      'Filled 24 missing values in numeric "Income" with 51,381.5 (median).',
    );
    // Tukey fences on imputed Income remove the few very high incomes (666,666 among them);
    // birth years before 1920 (1893, 1899, 1900) are data-entry errors.
    const outliers = report[2]!;
    expect(outliers.outliers.map((o) => `${o.column} ${o.side} ${o.rows}`)).toEqual([
      'Income above 8',
      'Year_Birth below 3',
    ]);
    // numpy on the imputed column: Q1 = 35,538.75, Q3 = 68,289.75 -> upper fence 117,416.25.
    expect(outliers.messages[0]).toBe('8 rows removed: Income > 117,416.25 (IQR rule, k = 1.5)');
    expect(outliers.rowsOut).toBe(2240 - 11);
    // The two constant columns go.
    expect(report[3]!.removedColumns).toEqual(['Z_CostContact', 'Z_Revenue']);
    // Rare marital statuses ("Absurd", "Alone", "YOLO") are grouped.
    expect(featureNames).toContain('Marital_Status=infrequent');
    expect(featureNames).toContain('Education=PhD');
    expect(featureNames).not.toContain('Marital_Status=YOLO');
    expect(featureNames.some((n) => CATEGORICAL.has(n))).toBe(false);
    // Standardised over the kept rows.
    const j = featureNames.indexOf('Income');
    let sum = 0;
    for (let i = 0; i < X.rows; i++) sum += X.data[i * X.cols + j]!;
    expect(Math.abs(sum / X.rows)).toBeLessThan(1e-9);

    // Predict one JSON customer through the reloaded pipeline: outlier flagged, not dropped.
    const reloaded = pipelineFromJSON(JSON.parse(JSON.stringify(pipelineToJSON(pipeline))));
    const customer: Record<string, unknown> = {};
    for (const column of t.columns) customer[column.name] = column.values[0];
    customer.Income = 700000;
    customer.Marital_Status = 'Alone';
    const scored = transformPipeline(reloaded, tableFromRecords([customer], reloaded.input));
    expect(scored.X.rows).toBe(1);
    expect(scored.flags[0]!.outlier).toBe(true);
    expect(scored.flags[0]!.reasons[0]).toMatch(/^Income > 117,416\.25 \(IQR rule/);
    // 'Alone' is infrequent: its (standardised) indicator equals that of training rows with a 1.
    const k = featureNames.indexOf('Marital_Status=infrequent');
    let top = -Infinity;
    for (let i = 0; i < X.rows; i++) top = Math.max(top, X.data[i * X.cols + k]!);
    expect(scored.X.data[k]).toBe(top);
    expect(top).toBeGreaterThan(1);
  });
});
