import { describe, expect, test } from 'vitest';
import { parseConfig, validateConfig } from './parse.js';
import { RFM_FEATURES } from './schema.js';

/** The contract's smallest config (issue 4), as written there. */
const CONTRACT_MINIMAL = `source: path/to/customers.csv      # csv, tsv, csv.gz, xlsx, parquet, json
id: CustomerID                     # optional; default: row number
features: [Age, Income]            # optional; default: every numeric column except the id
clustering:
  algorithm: kmeans                # or a list to compare, e.g. [kmeans, agglomerative]
  k: 5                             # or a range: { min: 2, max: 10 }
output: out/                       # optional; default: ./segmint-out/<run id>/
`;

/** The contract's RFM config (issue 4). */
const CONTRACT_RFM = `source: sales.csv.gz
transactions:
  customer: CustomerID             # rows with no customer are dropped and counted in the report
  date: InvoiceDate
  price: UnitPrice                 # amount = quantity x price when quantity is given, else price
  quantity: Quantity               # optional
  invoice: InvoiceNo               # optional: frequency counts distinct invoices, else rows
features: [recency, frequency, monetary]   # the default when transactions is given
clustering: { algorithm: kmeans, k: { min: 2, max: 8 } }
`;

/** Every default, as documented in the config brief. */
const DEFAULTS = {
  categorical: [],
  derive: [],
  cleaning: {
    dropMissingAbove: 0.5,
    impute: { numeric: 'median', categorical: 'most-frequent' },
    outliers: [],
    varianceThreshold: 0,
  },
  transform: { log1p: [], power: [] },
  encoding: { minFrequency: null, maxCategories: null },
  scaling: 'standard',
  reduction: { method: 'none', components: 2 },
  selection: {
    criteria: ['elbow', 'silhouette', 'calinski-harabasz', 'davies-bouldin'],
    silhouetteSampleSize: 2000,
  },
  stability: { resamples: 10, fraction: 0.8, maxRows: 100_000 },
  profiling: { topTraits: 5 },
  seed: 0,
};

describe('parseConfig: the contract configs', () => {
  test('the smallest config parses as written, with every default filled', () => {
    expect(parseConfig(CONTRACT_MINIMAL, { file: 'segmint.yaml' })).toEqual({
      ...DEFAULTS,
      source: { path: 'path/to/customers.csv' },
      id: 'CustomerID',
      features: ['Age', 'Income'],
      clustering: { algorithm: ['kmeans'], k: 5, params: {}, seed: 0 },
      output: 'out/',
    });
  });

  test('the RFM config parses; transactions keep their columns and includeNonPositive = false', () => {
    expect(parseConfig(CONTRACT_RFM)).toEqual({
      ...DEFAULTS,
      source: { path: 'sales.csv.gz' },
      transactions: {
        customer: 'CustomerID',
        date: 'InvoiceDate',
        price: 'UnitPrice',
        quantity: 'Quantity',
        invoice: 'InvoiceNo',
        includeNonPositive: false,
      },
      features: ['recency', 'frequency', 'monetary'],
      clustering: { algorithm: ['kmeans'], k: { min: 2, max: 8 }, params: {}, seed: 0 },
    });
  });

  test("RFM features default to recency, frequency, monetary when 'features' is left out", () => {
    const config = parseConfig(CONTRACT_RFM.replace(/^features:.*\n/m, ''));
    expect(config.features).toEqual(RFM_FEATURES);
    expect(config.features).toEqual(['recency', 'frequency', 'monetary']);
  });

  test('without transactions, features stay undefined (= every numeric column) and output too', () => {
    const config = parseConfig('source: customers.csv\n');
    expect(config.features).toBeUndefined();
    expect(config.output).toBeUndefined();
    expect(config.id).toBeUndefined();
    expect(config.clustering).toEqual({ algorithm: ['kmeans'], k: 5, params: {}, seed: 0 });
  });

  test('the contract check configs (iris, mall customers) parse', () => {
    const iris = parseConfig(
      'source: iris.csv\nclustering:\n  algorithm: kmeans\n  k: 3\noutput: out/\n',
    );
    expect(iris.clustering.k).toBe(3);
    const mall = parseConfig(
      'source: mall.csv\nid: CustomerID\nfeatures: ["Annual Income (k$)", "Spending Score (1-100)"]\nclustering:\n  algorithm: kmeans\n  k: { min: 2, max: 10 }\noutput: mall-out/\n',
    );
    expect(mall.features).toEqual(['Annual Income (k$)', 'Spending Score (1-100)']);
    expect(mall.clustering.k).toEqual({ min: 2, max: 10 });
  });
});

describe('parseConfig: normalisation and full configs', () => {
  test('a source mapping is kept; a list of algorithms is kept in order', () => {
    const config = parseConfig(
      [
        'source: { path: data.txt, format: csv, delimiter: ";", header: true, dateFormat: "%d-%m-%Y" }',
        'clustering: { algorithm: [minibatch-kmeans, kmeans], params: { batchSize: 256, nInit: auto } }',
      ].join('\n'),
    );
    expect(config.source).toEqual({
      path: 'data.txt',
      format: 'csv',
      delimiter: ';',
      header: true,
      dateFormat: '%d-%m-%Y',
    });
    expect(config.clustering.algorithm).toEqual(['minibatch-kmeans', 'kmeans']);
    expect(config.clustering.params).toEqual({ batchSize: 256, nInit: 'auto' });
  });

  test('clustering.seed defaults to the global seed, and can differ from it', () => {
    expect(parseConfig('source: a.csv\nseed: 42\n').clustering.seed).toBe(42);
    const both = parseConfig('source: a.csv\nseed: 42\nclustering: { seed: 7 }\n');
    expect(both.seed).toBe(42);
    expect(both.clustering.seed).toBe(7);
  });

  test('every section accepts its documented options', () => {
    const config = parseConfig(`
source: marketing.tsv
id: ID
features: [Age, Income, TotalSpend, Education]
categorical: [Education]
derive:
  - { type: age, column: Year_Birth, name: Age, asOf: 2014-12-31 }
  - { type: tenure, column: Dt_Customer, unit: months }
  - { type: sum, columns: [MntWines, MntFruits], name: TotalSpend }
  - { type: ratio, numerator: TotalSpend, denominator: Income, name: Share }
  - { type: count, columns: [Kidhome, Teenhome], name: Kids }
  - { type: map, column: Marital_Status, name: Partner, mapping: { Married: 1, Together: 1 }, default: 0 }
cleaning:
  dropMissingAbove: 0.3
  impute: { numeric: constant, categorical: constant, fillValue: 0 }
  outliers:
    - { rule: iqr, columns: [Income], k: 3 }
    - { rule: z-score, threshold: 4 }
    - { rule: range, column: Age, max: 100 }
  varianceThreshold: null
transform: { log1p: [Income], power: [TotalSpend] }
encoding: { minFrequency: 0.05, maxCategories: 5 }
scaling: robust
reduction: { method: pca, components: 3 }
selection: { criteria: [silhouette], silhouetteSampleSize: 500 }
profiling: { topTraits: 3 }
`);
    expect(config.derive).toHaveLength(6);
    expect(config.derive[5]).toEqual({
      type: 'map',
      column: 'Marital_Status',
      name: 'Partner',
      mapping: { Married: 1, Together: 1 },
      default: 0,
    });
    // The YAML core schema keeps dates as strings (no timestamp type).
    expect(config.derive[0]).toMatchObject({ asOf: '2014-12-31' });
    expect(config.cleaning.outliers).toEqual([
      { rule: 'iqr', columns: ['Income'], k: 3 },
      { rule: 'z-score', threshold: 4 },
      { rule: 'range', column: 'Age', max: 100 },
    ]);
    expect(config.cleaning.varianceThreshold).toBeNull();
    expect(config.cleaning.impute).toEqual({
      numeric: 'constant',
      categorical: 'constant',
      fillValue: 0,
    });
    expect(config.reduction).toEqual({ method: 'pca', components: 3 });
    expect(config.encoding).toEqual({ minFrequency: 0.05, maxCategories: 5 });
  });

  test('JSON text parses too', () => {
    const config = parseConfig(
      JSON.stringify({ source: 'a.csv', clustering: { k: { min: 2, max: 4 } } }, null, '\t'),
    );
    expect(config.clustering.k).toEqual({ min: 2, max: 4 });
  });

  test('parsing is deterministic and the result is plain JSON', () => {
    const a = parseConfig(CONTRACT_RFM);
    expect(JSON.parse(JSON.stringify(a))).toEqual(parseConfig(CONTRACT_RFM));
  });
});

describe('validateConfig', () => {
  test('an object gets the same defaults as YAML text', () => {
    expect(
      validateConfig({
        source: 'path/to/customers.csv',
        id: 'CustomerID',
        features: ['Age', 'Income'],
        clustering: { algorithm: 'kmeans', k: 5 },
        output: 'out/',
      }),
    ).toEqual(parseConfig(CONTRACT_MINIMAL));
  });

  test("partial 'no-source' accepts a config without source and output", () => {
    const config = validateConfig({ clustering: { k: 3 } }, { partial: 'no-source' });
    expect(config.clustering.k).toBe(3);
    expect(config.scaling).toBe('standard');
    expect('source' in config).toBe(false);
  });

  test("partial 'no-source' rejects source and output, saying why", () => {
    expect(() => validateConfig({ source: 'a.csv' }, { partial: 'no-source' })).toThrow(
      "config: unknown key 'source': the data source is chosen separately here, not in the config.",
    );
    expect(() =>
      validateConfig({ output: 'x/' }, { partial: 'no-source', file: 'request' }),
    ).toThrow(/^request: unknown key 'output'/);
  });

  test('the input object is not mutated', () => {
    const input = { source: 'a.csv', clustering: { algorithm: 'kmeans', k: 3 } };
    const copy = structuredClone(input);
    validateConfig(input);
    expect(input).toEqual(copy);
  });
});
