/**
 * The config's shapes line up with what the runner passes them to: the data layer's SourceSpec,
 * TransactionsSpec and FeatureRecipe, the engine's algorithm and criterion names. The type
 * assignments are checked by `tsc`; the runtime lists by the tests.
 */
import {
  SOURCE_FORMATS as DATA_SOURCE_FORMATS,
  type FeatureRecipe,
  type SourceSpec,
  type TransactionsSpec,
} from '@segmint/data';
import {
  ALL_SELECTION_CRITERIA as ENGINE_CRITERIA,
  SELECTION_CRITERIA as ENGINE_DEFAULT_CRITERIA,
  type OutlierRule,
  type SegmentationAlgorithm,
  type SelectionCriterion,
} from '@segmint/engine';
import { describe, expect, test } from 'vitest';
import { parseConfig } from './parse.js';
import {
  DEFAULT_SELECTION_CRITERIA,
  SELECTION_CRITERIA,
  type CLUSTERING_ALGORITHMS,
} from './schema-cluster.js';
import { SOURCE_FORMATS } from './schema-data.js';

/** True when every engine algorithm is accepted by the config (fails to compile otherwise). */
type Covers<Config, Engine> = [Exclude<Engine, Config>] extends [never] ? true : false;
const algorithmsCovered: Covers<(typeof CLUSTERING_ALGORITHMS)[number], SegmentationAlgorithm> =
  true;

describe('config shapes match the data layer and the engine', () => {
  test('source, transactions, derive and outlier rules are assignable to their consumers', () => {
    const config = parseConfig(`
source: { path: a.csv, format: csv, delimiter: ";", types: { Zip: VARCHAR } }
transactions: { customer: c, date: d, price: p, dateFormat: "%d/%m/%Y" }
derive: [{ type: age, column: Year_Birth, dateFormat: "%Y" }, { type: sum, columns: [a, b], name: s }]
cleaning: { outliers: [{ rule: iqr, k: 2 }] }
`);
    const source: SourceSpec = config.source;
    const transactions: TransactionsSpec | undefined = config.transactions;
    const recipes: FeatureRecipe[] = config.derive;
    const rules: readonly OutlierRule[] = config.cleaning.outliers;
    const algorithms: readonly SegmentationAlgorithm[] = config.clustering.algorithm;
    const criteria: readonly SelectionCriterion[] = config.selection.criteria;
    expect(source.format).toBe('csv');
    expect(source.types).toEqual({ Zip: 'VARCHAR' });
    expect(transactions?.includeNonPositive).toBe(false);
    expect(recipes[0]).toEqual({ type: 'age', column: 'Year_Birth', dateFormat: '%Y' });
    expect(rules).toHaveLength(1);
    expect(algorithms).toEqual(['kmeans']);
    expect(criteria).toHaveLength(4);
    expect(algorithmsCovered).toBe(true);
  });

  test('the name lists are the same as the data layer and engine lists', () => {
    expect([...SOURCE_FORMATS].sort()).toEqual([...DATA_SOURCE_FORMATS].sort());
    expect([...SELECTION_CRITERIA]).toEqual([...ENGINE_CRITERIA]);
    expect([...DEFAULT_SELECTION_CRITERIA]).toEqual([...ENGINE_DEFAULT_CRITERIA]);
  });
});
