import { describe, expect, test } from 'vitest';
import { EXAMPLE_CONFIG } from './example.js';
import { parseConfig } from './parse.js';
import { CONFIG_KEYS } from './schema.js';

describe('EXAMPLE_CONFIG', () => {
  test('parses, with the values it shows', () => {
    const config = parseConfig(EXAMPLE_CONFIG, { file: 'segmint.yaml' });
    expect(config.source).toEqual({ path: 'customers.csv' });
    expect(config.id).toBeUndefined();
    expect(config.features).toBeUndefined();
    expect(config.clustering.k).toEqual({ min: 2, max: 10 });
    expect(config.clustering.algorithm).toEqual(['kmeans']);
  });

  test('every active value besides source and k is the default', () => {
    const shown = parseConfig(EXAMPLE_CONFIG);
    const defaults = parseConfig('source: customers.csv\nclustering: { k: { min: 2, max: 10 } }\n');
    expect(shown).toEqual(defaults);
  });

  test('mentions every top-level key (commented or not)', () => {
    for (const key of CONFIG_KEYS)
      expect(EXAMPLE_CONFIG, key).toMatch(new RegExp(`^#? ?${key}:`, 'm'));
  });

  test('its commented-out transactions block and recipes parse when uncommented', () => {
    const uncommented = EXAMPLE_CONFIG.replace(/^# (transactions:)/m, '$1')
      .replace(/^#( {3}\w+:.*)$/gm, '$1')
      .replace(/^derive: \[\]\n/m, 'derive:\n')
      .replace(/^# ?( - \{ type:.*)$/gm, '$1');
    const config = parseConfig(uncommented);
    expect(config.transactions).toMatchObject({ customer: 'CustomerID', invoice: 'InvoiceNo' });
    expect(config.derive.map((recipe) => recipe.type)).toEqual([
      'age',
      'tenure',
      'sum',
      'ratio',
      'count',
      'map',
    ]);
    expect(config.features).toEqual(['recency', 'frequency', 'monetary']);
  });
});
