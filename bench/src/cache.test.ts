import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedHeader, readCached, writeCached } from './cache.js';

const directory = mkdtempSync(join(tmpdir(), 'segmint-bench-cache-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const recipe = { rows: 2, cols: 3, seed: 7, generator: 'test', generatorVersion: 1 };

describe('data cache', () => {
  it('round-trips float64 data as raw little-endian bytes with a JSON header', () => {
    const data = new Float64Array([1.5, -2, 3.25, 0, 1e-300, Math.PI]);
    const header = writeCached('values', recipe, data, directory);
    expect(header).toMatchObject({ dtype: 'float64', byteOrder: 'little', rows: 2, cols: 3 });
    const bytes = readFileSync(header.file);
    expect(bytes.byteLength).toBe(48);
    expect(bytes.readDoubleLE(8)).toBe(-2);
    const back = readCached(header);
    expect(back).toEqual(data);
    expect(back.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('round-trips int32 labels', () => {
    const labels = new Int32Array([0, 3, 1, 2, 2, 7]);
    const header = writeCached('some-labels', recipe, labels, directory);
    expect(header.dtype).toBe('int32');
    expect(readCached(header)).toEqual(labels);
  });

  it('finds a cached file only for the same recipe', () => {
    writeCached('recipe', recipe, new Float64Array(6), directory);
    expect(cachedHeader('recipe', { ...recipe, dtype: 'float64' }, directory)).toBeDefined();
    expect(
      cachedHeader('recipe', { ...recipe, seed: 8, dtype: 'float64' }, directory),
    ).toBeUndefined();
    expect(
      cachedHeader('recipe', { ...recipe, generatorVersion: 2, dtype: 'float64' }, directory),
    ).toBeUndefined();
    expect(cachedHeader('missing', { ...recipe, dtype: 'float64' }, directory)).toBeUndefined();
  });

  it('refuses data that does not fit the header', () => {
    expect(() => writeCached('bad', recipe, new Float64Array(5), directory)).toThrow(/5 values/);
  });
});
