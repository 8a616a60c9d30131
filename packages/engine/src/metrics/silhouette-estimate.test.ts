import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isSegmintError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import type { Matrix } from '../matrix/matrix.js';
import { normalQuantile } from './normal-quantile.js';
import { allocate, silhouetteEstimate } from './silhouette-estimate.js';
import { silhouetteSamples, silhouetteScore } from './silhouette.js';

/** Gaussian blobs with the given sizes in d dimensions, centres spread by `spread`. */
function blobs(sizes: number[], d: number, spread: number, seed: number) {
  const random = createRandom(seed);
  const n = sizes.reduce((s, v) => s + v, 0);
  const data = new Float64Array(n * d);
  const labels = new Int32Array(n);
  let i = 0;
  sizes.forEach((size, c) => {
    const centre = Array.from({ length: d }, () => random.normal() * spread);
    for (let r = 0; r < size; r++, i++) {
      labels[i] = c;
      for (let t = 0; t < d; t++) data[i * d + t] = centre[t]! + random.normal();
    }
  });
  const X: Matrix = { data, rows: n, cols: d };
  return { X, labels };
}

describe('silhouetteEstimate', () => {
  it('is exact when n <= sampleSize', () => {
    const { X, labels } = blobs([30, 20, 5], 3, 3, 1);
    const estimate = silhouetteEstimate(X, labels);
    const exact = silhouetteScore(X, labels);
    expect(estimate.method).toBe('exact');
    expect(estimate.score).toBe(exact);
    expect(estimate.lower).toBe(exact);
    expect(estimate.upper).toBe(exact);
    expect(estimate.sampleSize).toBe(55);
    const samples = silhouetteSamples(X, labels);
    const meanOfCluster2 = samples.slice(50).reduce((s, v) => s + v, 0) / 5;
    expect(estimate.perCluster[2]).toBeCloseTo(meanOfCluster2, 14);
  });

  for (const seed of [1, 2, 3, 4]) {
    it(`covers the exact score and samples every cluster (problem ${seed})`, () => {
      const { X, labels } = blobs([1500, 600, 250, 40, 12], 4, 2.5, seed);
      const exact = silhouetteScore(X, labels);
      const estimate = silhouetteEstimate(X, labels, { sampleSize: 300, seed });
      expect(estimate.method).toBe('stratified-sample');
      expect(estimate.sampleSize).toBe(300);
      expect(estimate.lower).toBeLessThanOrEqual(exact);
      expect(estimate.upper).toBeGreaterThanOrEqual(exact);
      expect(estimate.upper - estimate.lower).toBeLessThan(0.1);
      expect(estimate.upper - estimate.lower).toBeGreaterThan(0);
      for (let c = 0; c < 5; c++)
        expect(estimate.perClusterSampleSize[c]).toBeGreaterThanOrEqual(12);
      expect(Array.from(estimate.perClusterSampleSize)).toEqual(
        Array.from(allocate(Int32Array.of(1500, 600, 250, 40, 12), 300)),
      );
    });
  }

  it('is reproducible for a seed and varies with it', () => {
    const { X, labels } = blobs([800, 300, 30], 2, 2, 9);
    const a = silhouetteEstimate(X, labels, { sampleSize: 100, seed: 5 });
    const b = silhouetteEstimate(X, labels, { sampleSize: 100, seed: 5 });
    const c = silhouetteEstimate(X, labels, { sampleSize: 100, seed: 6 });
    expect(b).toEqual(a);
    expect(c.score).not.toBe(a.score);
  });

  it('allocates floors first, then proportionally, never beyond a cluster', () => {
    // floor = max(10, 1000 / 6) = 166: the two small clusters are taken whole, the rest goes to the big one.
    expect(Array.from(allocate(Int32Array.of(10000, 5, 100), 1000))).toEqual([895, 5, 100]);
    // floor 83 each, then 251 split 6:3:1 with the last capped at 100.
    const proportional = allocate(Int32Array.of(600, 300, 100), 500);
    expect(Array.from(proportional)).toEqual([239, 161, 100]);
  });

  it('rejects bad options', () => {
    const { X, labels } = blobs([20, 20], 2, 3, 1);
    expect(() => silhouetteEstimate(X, labels, { confidence: 1 })).toThrow(
      "silhouetteEstimate: 'confidence' must be a finite number in (0, 1); got 1.",
    );
    try {
      silhouetteEstimate(X, labels, { sampleSize: 2.5 });
    } catch (error) {
      expect(isSegmintError(error, ERROR_CODES.INVALID_PARAMETER)).toBe(true);
    }
    expect(() => silhouetteEstimate(X, labels, { sampleSize: 2.5 })).toThrow(/sampleSize/);
  });
});

describe('normalQuantile', () => {
  it('matches scipy.stats.norm.ppf', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
  });
});
