/** parseConfig's `partial: 'no-source'` option (the server's YAML run requests). */
import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse.js';

describe("parseConfig({ partial: 'no-source' })", () => {
  it('accepts a config without source and applies the defaults', () => {
    const config = parseConfig('clustering: { k: 3 }\n', { partial: 'no-source' });
    expect(config.clustering.k).toBe(3);
    expect('source' in config).toBe(false);
  });

  it('rejects source and output in a partial config, and requires source otherwise', () => {
    expect(() => parseConfig('source: a.csv\n', { partial: 'no-source' })).toThrow(/source/);
    expect(() => parseConfig('clustering: { k: 3 }\n')).toThrow(/source/);
  });
});
