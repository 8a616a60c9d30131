import { describe, expect, it } from 'vitest';
import { checkParams, mergeOptions } from './params.js';
import { createRandom, permutation } from './random.js';

describe('checkParams', () => {
  interface Options {
    clusterCount: number;
    algorithm: string;
    tol?: number;
  }
  const constraints = {
    clusterCount: { type: 'integer', min: 1, max: 10000 },
    algorithm: { type: 'enum', values: ['lloyd', 'hamerly'] },
    tol: { type: 'number', min: 0, optional: true },
  } as const;

  it('names the parameter, rule and value', () => {
    expect(() =>
      checkParams<Options>('kmeans', { clusterCount: 0, algorithm: 'lloyd' }, constraints),
    ).toThrow("kmeans: 'clusterCount' must be an integer in [1, 10000]; got 0.");
    expect(() =>
      checkParams<Options>('kmeans', { clusterCount: 2, algorithm: 'x' }, constraints),
    ).toThrow("kmeans: 'algorithm' must be one of 'lloyd', 'hamerly'; got \"x\".");
    expect(() =>
      checkParams<Options>(
        'kmeans',
        { clusterCount: 2, algorithm: 'lloyd', tol: NaN },
        constraints,
      ),
    ).toThrow("kmeans: 'tol' must be a finite number >= 0; got NaN.");
  });

  it('rejects unknown options', () => {
    expect(() =>
      checkParams(
        'kmeans',
        { clusterCount: 2, algorithm: 'lloyd', clusterCont: 3 } as Options,
        constraints,
      ),
    ).toThrow(/unknown option 'clusterCont'/);
  });

  it('merges without letting undefined override defaults', () => {
    expect(mergeOptions({ a: 1, b: 2 }, { b: undefined })).toEqual({ a: 1, b: 2 });
  });
});

describe('createRandom', () => {
  it('is reproducible and seed-sensitive', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws roughly uniform integers and standard normals', () => {
    const rng = createRandom(7);
    const counts = new Array<number>(4).fill(0);
    for (let i = 0; i < 40000; i++) counts[rng.int(4)]!++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < 40000; i++) {
      const z = rng.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / 40000)).toBeLessThan(0.03);
    expect(Math.abs(sq / 40000 - 1)).toBeLessThan(0.05);
  });

  it('permutes every index exactly once', () => {
    const p = Array.from(permutation(100, createRandom(1))).sort((x, y) => x - y);
    expect(p).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
