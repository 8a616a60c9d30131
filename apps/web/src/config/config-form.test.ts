import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../api/types.js';
import {
  DEFAULT_FORM,
  DEFAULT_PARAMS,
  algorithmParams,
  buildConfig,
  configYaml,
  guessRoles,
  guessTransactions,
} from './config-form.js';

function column(name: string, role: ColumnProfile['role'], distinct: number): ColumnProfile {
  return {
    name,
    type: role === 'numeric' ? 'DOUBLE' : 'VARCHAR',
    role,
    count: 10,
    missing: 0,
    missingShare: 0,
    distinct,
    min: null,
    max: null,
    mean: null,
    std: null,
    quantiles: null,
    top: [],
    histogram: null,
  };
}

describe('guessRoles', () => {
  it('picks the id, keeps numerics, low-cardinality categories, ignores constants and text', () => {
    const guess = guessRoles([
      column('ID', 'id', 10),
      column('Income', 'numeric', 9),
      column('Constant', 'numeric', 1),
      column('Education', 'categorical', 5),
      column('Comment', 'text', 10),
    ]);
    expect(guess.idColumn).toBe('ID');
    expect(guess.roles).toEqual({
      ID: 'ignore',
      Income: 'numeric',
      Constant: 'ignore',
      Education: 'categorical',
      Comment: 'ignore',
    });
  });
});

describe('buildConfig', () => {
  it('writes defaults with a k range and no feature list when no roles are set', () => {
    const config = buildConfig(DEFAULT_FORM);
    expect(config.features).toBeUndefined();
    expect(config.clustering).toEqual({ algorithm: 'kmeans', k: { min: 2, max: 8 } });
    expect(config.reduction).toEqual({ method: 'none' });
    expect(config.seed).toBe(0);
  });

  it('writes the selected algorithms’ params that differ from the defaults, and no others', () => {
    const params = { ...DEFAULT_PARAMS, eps: 0.3, minClusterSize: 12, linkage: 'average' as const };
    expect(
      buildConfig({ ...DEFAULT_FORM, algorithms: ['dbscan', 'kmeans'], params }).clustering,
    ).toEqual({
      algorithm: ['dbscan', 'kmeans'],
      k: { min: 2, max: 8 },
      params: { eps: 0.3 },
    });
    expect(
      buildConfig({ ...DEFAULT_FORM, algorithms: ['hdbscan', 'agglomerative', 'gmm'], params })
        .clustering,
    ).toMatchObject({ params: { minClusterSize: 12, linkage: 'average' } });
    expect(algorithmParams(['gmm'], { ...DEFAULT_PARAMS, covariance: 'diag' })).toEqual({
      covariance: 'diag',
    });
    expect(algorithmParams(['kmeans'], params)).toEqual({});
    expect(algorithmParams(['hdbscan'], { ...DEFAULT_PARAMS, metric: 'gower' })).toEqual({
      metric: 'gower',
    });
  });

  it('lists roles, derived features, algorithms and a fixed k', () => {
    const config = buildConfig({
      ...DEFAULT_FORM,
      idColumn: 'ID',
      roles: { ID: 'numeric', Income: 'numeric', Education: 'categorical', Note: 'ignore' },
      derive: [{ type: 'age', column: 'Year_Birth', name: 'Age' }],
      algorithms: ['kmeans', 'minibatch-kmeans'],
      kMin: 4,
      kMax: 4,
      reduction: 'pca',
      components: 3,
      outliers: 'iqr',
    });
    expect(config.id).toBe('ID');
    expect(config.features).toEqual(['Income', 'Age']);
    expect(config.categorical).toEqual(['Education']);
    expect(config.clustering).toEqual({ algorithm: ['kmeans', 'minibatch-kmeans'], k: 4 });
    expect(config.reduction).toEqual({ method: 'pca', components: 3 });
    expect((config.cleaning as { outliers: unknown }).outliers).toEqual([{ rule: 'iqr', k: 1.5 }]);
  });

  it('writes a transactions block instead of id and features for RFM', () => {
    const config = buildConfig({
      ...DEFAULT_FORM,
      idColumn: 'x',
      roles: { a: 'numeric' },
      transactions: { customer: 'C', date: 'D', price: 'P', quantity: '', invoice: 'I' },
    });
    expect(config.transactions).toEqual({ customer: 'C', date: 'D', price: 'P', invoice: 'I' });
    expect(config.id).toBeUndefined();
    expect(config.features).toBeUndefined();
  });
});

describe('configYaml', () => {
  it('parses back to the same config, with the source first when given', () => {
    const form = { ...DEFAULT_FORM, seed: 7, log1p: ['Income'] };
    const parsed = parse(configYaml(form, 'customers.csv')) as Record<string, unknown>;
    expect(Object.keys(parsed)[0]).toBe('source');
    expect(parsed).toEqual({ source: 'customers.csv', ...buildConfig(form) });
  });
});

describe('guessTransactions', () => {
  it('finds the usual column names', () => {
    expect(
      guessTransactions([
        'InvoiceNo',
        'StockCode',
        'Quantity',
        'InvoiceDate',
        'UnitPrice',
        'CustomerID',
      ]),
    ).toEqual({
      customer: 'CustomerID',
      date: 'InvoiceDate',
      price: 'UnitPrice',
      quantity: 'Quantity',
      invoice: 'InvoiceNo',
    });
  });
});
