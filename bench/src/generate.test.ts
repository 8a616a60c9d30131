import { describe, expect, it } from 'vitest';
import { correlatedGaussian, gaussianBlobs, randomOrthogonal } from './generate.js';
import { createBenchRandom } from './random.js';

describe('createBenchRandom', () => {
  it('gives the pinned stream for seed 42 (bump GENERATOR_VERSION if this changes)', () => {
    const random = createBenchRandom(42);
    expect([random.uniform(), random.uniform(), random.normal(), random.integer(10)]).toEqual([
      0.6606157208001621, 0.1117019639532224, 2.242263762064122, 8,
    ]);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and normals with unit variance', () => {
    const random = createBenchRandom(1);
    let uniformSum = 0;
    let normalSquares = 0;
    const count = 20_000;
    for (let index = 0; index < count; index++) {
      const u = random.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      uniformSum += u;
      normalSquares += random.normal() ** 2;
    }
    expect(uniformSum / count).toBeCloseTo(0.5, 1);
    expect(normalSquares / count).toBeCloseTo(1, 1);
  });
});

describe('gaussianBlobs', () => {
  it('is deterministic: the pinned bytes for seed 7', () => {
    const blobs = gaussianBlobs({ rows: 4, cols: 2, clusterCount: 3, seed: 7 });
    expect(Array.from(blobs.data)).toEqual([
      1.1048519233436545, 0.09465367331533225, -0.4391722515962897, -0.501699200972502,
      -1.66750475969069, 0.8857706534055064, -2.1142020750221038, -1.0650944124662383,
    ]);
    expect(Array.from(blobs.truth)).toEqual([0, 0, 0, 1]);
  });

  it('gives identical data for the same options and different data for another seed', () => {
    const options = { rows: 500, cols: 16, clusterCount: 8, seed: 3 };
    const first = gaussianBlobs(options);
    const second = gaussianBlobs(options);
    expect(second.data).toEqual(first.data);
    expect(second.truth).toEqual(first.truth);
    expect(gaussianBlobs({ ...options, seed: 4 }).data).not.toEqual(first.data);
  });

  it('has the requested shape and uses every cluster', () => {
    const blobs = gaussianBlobs({ rows: 2000, cols: 5, clusterCount: 8, seed: 0 });
    expect(blobs.data).toHaveLength(10_000);
    expect([blobs.rows, blobs.cols]).toEqual([2000, 5]);
    expect(new Set(blobs.truth).size).toBe(8);
    expect(blobs.data.every(Number.isFinite)).toBe(true);
  });
});

describe('correlatedGaussian', () => {
  it('builds an orthogonal axis matrix', () => {
    const d = 6;
    const q = randomOrthogonal(d, 11);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let dot = 0;
        for (let row = 0; row < d; row++) dot += q[row * d + a]! * q[row * d + b]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
      }
    }
  });

  it('is deterministic: the pinned values for seed 7', () => {
    expect(Array.from(correlatedGaussian({ rows: 2, cols: 3, seed: 7 }).data)).toEqual([
      0.8658156272584231, -1.5547194571289895, 0.45527625952946, 0.3335325863920805,
      0.22378713822504717, 0.26803614630242967,
    ]);
  });

  it('has variance decay^j along axis j', () => {
    const n = 20_000;
    const d = 4;
    const decay = 0.5;
    const seed = 5;
    const { data } = correlatedGaussian({ rows: n, cols: d, seed, decay });
    const axes = randomOrthogonal(d, seed ^ 0x5eed);
    for (let axis = 0; axis < d; axis++) {
      let sumSquares = 0;
      for (let i = 0; i < n; i++) {
        let projection = 0;
        for (let j = 0; j < d; j++) projection += data[i * d + j]! * axes[j * d + axis]!;
        sumSquares += projection ** 2;
      }
      expect(sumSquares / n / decay ** axis).toBeCloseTo(1, 1);
    }
  });
});
