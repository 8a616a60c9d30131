import { describe, expect, it } from 'vitest';
import type { DatasetHeader } from './cache.js';
import { sourceRecipe, type Dataset } from './datasets.js';

const dataset = (parameters: Record<string, unknown>): Dataset => {
  const header: DatasetHeader = {
    name: 'blobs-10x2-k2-s0',
    rows: 10,
    cols: 2,
    seed: 0,
    generator: 'gaussian-blobs',
    generatorVersion: 1,
    dtype: 'float64',
    byteOrder: 'little',
    file: '/nowhere.f64',
    parameters,
  };
  return { header, data: new Float64Array(20), rows: 10, cols: 2 };
};

describe('sourceRecipe', () => {
  it('changes when the source generator parameters change, so derived files are rebuilt', () => {
    const before = JSON.stringify(sourceRecipe(dataset({ centerSpread: 0.5 })));
    const after = JSON.stringify(sourceRecipe(dataset({ centerSpread: 0.4 })));
    expect(after).not.toBe(before);
    expect(JSON.stringify(sourceRecipe(dataset({ centerSpread: 0.4 })))).toBe(after);
  });

  it('records the name, seed and generator of the source', () => {
    expect(sourceRecipe(dataset({}))).toEqual({
      source: {
        name: 'blobs-10x2-k2-s0',
        seed: 0,
        generator: 'gaussian-blobs',
        generatorVersion: 1,
        parameters: {},
      },
    });
  });
});
