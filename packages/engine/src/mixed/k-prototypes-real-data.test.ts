/**
 * k-prototypes on a real mixed dataset: UCI Bank Marketing (bank.csv, 4,521 clients; README in
 * ../shared/datasets/bank_marketing). Numeric: age, balance, day, campaign, pdays, previous
 * (standardised; `duration` left out as it leaks the outcome); categorical: job, marital,
 * education, default, housing, loan, contact, month, poutcome. Sanity thresholds: the cost falls
 * with k and k = 4 removes over a quarter of the one-prototype cost; gamma is Huang's 0.5 on
 * standardised columns; and one segment responds at least 1.5 times the base rate (11.5%; with
 * these settings about 20%, the previously contacted clients).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSharedDatasets, SHARED_DATASETS } from '../test-utils/data.js';
import { kPrototypes } from './k-prototypes.js';
import { kPrototypesPredict } from './k-prototypes-predict.js';

const NUMERIC = ['age', 'balance', 'day', 'campaign', 'pdays', 'previous'];
const CATEGORICAL = [
  'job',
  'marital',
  'education',
  'default',
  'housing',
  'loan',
  'contact',
  'month',
  'poutcome',
];

function loadBank() {
  const lines = readFileSync(join(SHARED_DATASETS, 'bank_marketing', 'bank.csv'), 'utf8')
    .trim()
    .split('\n');
  const header = lines[0]!.split(';').map((name) => name.replace(/"/g, ''));
  const rows = lines
    .slice(1)
    .map((line) => line.split(';').map((value) => value.replace(/"/g, '')));
  const n = rows.length;
  const d = NUMERIC.length + CATEGORICAL.length;
  const data = new Float64Array(n * d);
  NUMERIC.forEach((name, f) => {
    const j = header.indexOf(name);
    const values = rows.map((row) => Number(row[j]));
    const mean = values.reduce((a, b) => a + b) / n;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    values.forEach((x, i) => (data[i * d + f] = (x - mean) / sd));
  });
  CATEGORICAL.forEach((name, g) => {
    const j = header.indexOf(name);
    const codes = new Map<string, number>();
    rows.forEach((row, i) => {
      if (!codes.has(row[j]!)) codes.set(row[j]!, codes.size);
      data[i * d + NUMERIC.length + g] = codes.get(row[j]!)!;
    });
  });
  const response = rows.map((row) => row[header.indexOf('y')] === 'yes');
  return { X: { data, rows: n, cols: d }, response };
}

describe.runIf(hasSharedDatasets)('kPrototypes on bank marketing', () => {
  it('finds segments with a falling cost and one that responds well above the base rate', () => {
    const { X, response } = loadBank();
    expect(X.rows).toBe(4521);
    const categoricalColumns = CATEGORICAL.map((_, g) => NUMERIC.length + g);
    const fit = (clusterCount: number) =>
      kPrototypes(X, { clusterCount, categoricalColumns, nInit: 4, seed: 1 });
    const [one, two, four] = [fit(1), fit(2), fit(4)];
    expect(four.gamma).toBeCloseTo(0.5, 12);
    expect(two.cost).toBeLessThan(one.cost);
    expect(four.cost).toBeLessThan(two.cost);
    expect(four.cost).toBeLessThan(0.75 * one.cost);
    for (const size of four.clusterSizes) expect(size).toBeGreaterThan(0);
    const base = response.filter(Boolean).length / X.rows;
    const rates = Array.from({ length: 4 }, (_, c) => {
      let members = 0;
      let yes = 0;
      four.labels.forEach((label, i) => {
        if (label !== c) return;
        members++;
        if (response[i]) yes++;
      });
      return yes / members;
    });
    expect(Math.max(...rates)).toBeGreaterThan(1.5 * base);
    expect(Array.from(kPrototypesPredict(four, X).labels)).toEqual(Array.from(four.labels));
  });
});
