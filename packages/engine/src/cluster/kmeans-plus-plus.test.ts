/** Greedy k-means++ seeding: chosen rows, spread, weights, determinism, errors. */
import { describe, expect, it } from 'vitest';
import { makeBlobs } from '../test-utils/blobs.js';
import { defaultLocalTrials, kmeansPlusPlus } from './kmeans-plus-plus.js';

describe('kmeansPlusPlus', () => {
  const { X, labels } = makeBlobs({
    perCluster: 50,
    clusters: 6,
    dimensions: 2,
    spread: 0.3,
    box: 50,
    seed: 21,
  });

  it('returns distinct rows of X as centroids', () => {
    const { centroids, indices } = kmeansPlusPlus(X, 6, { seed: 1 });
    expect(new Set(indices).size).toBe(6);
    indices.forEach((row, c) =>
      expect(Array.from(centroids.data.subarray(c * 2, c * 2 + 2))).toEqual(
        Array.from(X.data.subarray(row * 2, row * 2 + 2)),
      ),
    );
  });

  it('puts one centre in each well-separated blob', () => {
    for (const seed of [0, 1, 2, 3]) {
      const { indices } = kmeansPlusPlus(X, 6, { seed });
      expect(new Set(Array.from(indices, (row) => labels[row])).size).toBe(6);
    }
  });

  it('never picks a zero-weight row', () => {
    const sampleWeight = Float64Array.from({ length: X.rows }, (_, i) => (labels[i] === 0 ? 0 : 1));
    for (const seed of [0, 1, 2, 3, 4]) {
      const { indices } = kmeansPlusPlus(X, 5, { seed, sampleWeight });
      for (const row of indices) expect(labels[row]).not.toBe(0);
    }
  });

  it('is deterministic per seed and depends on it', () => {
    const a = kmeansPlusPlus(X, 6, { seed: 9 });
    expect(kmeansPlusPlus(X, 6, { seed: 9 }).indices).toEqual(a.indices);
    const firsts = new Set(
      [0, 1, 2, 3, 4, 5].map((seed) => kmeansPlusPlus(X, 6, { seed }).indices[0]),
    );
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('picks every distinct row when k = n, and repeats row 0 once distinct rows run out', () => {
    const rows = [[0], [1], [5], [9]];
    expect(Array.from(kmeansPlusPlus(rows, 4, { seed: 2 }).indices).sort()).toEqual([0, 1, 2, 3]);
    const twoDistinct = kmeansPlusPlus([[1], [1], [2]], 3, { seed: 0 });
    expect(new Set(twoDistinct.centroids.data).size).toBe(2);
  });

  it('uses 2 + floor(ln k) local trials by default', () => {
    expect([1, 2, 8, 100].map(defaultLocalTrials)).toEqual([2, 2, 4, 6]);
  });

  it('rejects bad parameters and data', () => {
    expect(() => kmeansPlusPlus(X, 0)).toThrow(
      "kmeansPlusPlus: 'clusterCount' must be an integer in [1, 10000]; got 0.",
    );
    expect(() => kmeansPlusPlus(X, 2, { localTrials: 0 })).toThrow(
      "'localTrials' must be an integer in [1, 1000]; got 0.",
    );
    expect(() => kmeansPlusPlus([[1], [2]], 3)).toThrow("X has 2 rows but 'clusterCount' is 3");
    expect(() => kmeansPlusPlus([[1], [NaN]], 1)).toThrow('X has NaN at row 1, column 0');
    expect(() => kmeansPlusPlus([[1], [2]], 1, { sampleWeight: [1, -1] })).toThrow(
      'got -1 at index 1',
    );
  });
});
