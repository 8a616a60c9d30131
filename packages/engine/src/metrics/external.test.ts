import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isSegmintError } from '../core/errors.js';
import { createRandom, permutation } from '../core/random.js';
import { readFixture } from '../test-utils/data.js';
import { adjustedRandIndex } from './adjusted-rand.js';
import { contingencyMatrix, contingencyTable } from './contingency.js';
import { logFactorial } from './log-factorial.js';
import { adjustedMutualInfo, mutualInfo } from './mutual-information.js';

interface ExternalCase {
  name: string;
  a: number[];
  b: number[];
  ari: number;
  ami: number;
  amiMin: number;
  amiGeometric: number;
  amiMax: number;
  mi: number;
}
const fixture = readFixture<{ external: ExternalCase[] }>(import.meta.url, 'metrics.json');

function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-12);
}

describe('external metrics against scikit-learn', () => {
  for (const c of fixture.external) {
    it(`'${c.name}': ARI, MI and AMI (all average methods)`, () => {
      expectClose(adjustedRandIndex(c.a, c.b), c.ari);
      expectClose(mutualInfo(c.a, c.b), c.mi);
      expectClose(adjustedMutualInfo(c.a, c.b), c.ami);
      expectClose(adjustedMutualInfo(c.a, c.b, { averageMethod: 'min' }), c.amiMin);
      expectClose(adjustedMutualInfo(c.a, c.b, { averageMethod: 'geometric' }), c.amiGeometric);
      expectClose(adjustedMutualInfo(c.a, c.b, { averageMethod: 'max' }), c.amiMax);
    });
  }
});

describe('external metric invariants', () => {
  const random = createRandom(7);
  const a = Int32Array.from({ length: 500 }, () => random.int(6));
  const b = Int32Array.from({ length: 500 }, (_, i) =>
    random.next() < 0.3 ? random.int(4) : a[i]! % 4,
  );

  it('ARI and AMI are symmetric and invariant to renaming labels', () => {
    const ari = adjustedRandIndex(a, b);
    const ami = adjustedMutualInfo(a, b);
    expect(ari).toBeGreaterThan(0.2);
    expectClose(adjustedRandIndex(b, a), ari, 1e-14);
    expectClose(adjustedMutualInfo(b, a), ami, 1e-12);
    const rename = permutation(6, createRandom(3));
    const renamed = Array.from(a, (v) => rename[v]! * 10 - 20);
    expectClose(adjustedRandIndex(renamed, b), ari, 1e-14);
    expectClose(adjustedMutualInfo(renamed, b), ami, 1e-12);
  });

  it('scores identical partitions 1, including the one-cluster and empty cases', () => {
    expect(adjustedRandIndex(a, a)).toBe(1);
    expect(adjustedMutualInfo(a, a)).toBeCloseTo(1, 12);
    expect(adjustedRandIndex([4, 4, 4], [1, 1, 1])).toBe(1);
    expect(adjustedMutualInfo([4, 4, 4], [1, 1, 1])).toBe(1);
    expect(adjustedRandIndex([], [])).toBe(1);
    expect(adjustedMutualInfo([], [])).toBe(1);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  it('keeps ARI exact for large n where tp * tn exceeds 2^53', () => {
    const n = 200_000;
    const x = new Int32Array(n);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i % 3;
      y[i] = i === 0 ? 1 : i % 3;
    }
    const ari = adjustedRandIndex(x, y);
    expect(ari).toBeLessThan(1);
    expect(ari).toBeGreaterThan(0.99998);
  });
});

describe('contingencyTable', () => {
  it('counts label pairs, sorted by label value, sparse', () => {
    const table = contingencyTable([5, -1, 5, 5, 2], [0, 0, 1, 1, 9]);
    expect(Array.from(table.rowValues)).toEqual([-1, 2, 5]);
    expect(Array.from(table.columnValues)).toEqual([0, 1, 9]);
    expect(Array.from(table.rowSums)).toEqual([1, 1, 3]);
    expect(Array.from(table.columnSums)).toEqual([2, 2, 1]);
    expect(Array.from(contingencyMatrix(table).data)).toEqual([1, 0, 0, 0, 0, 1, 1, 2, 0]);
    expect(table.cellCounts).toHaveLength(4);
  });

  it('rejects different lengths and non-integers', () => {
    const fails = (f: () => unknown, pattern: RegExp) => {
      expect(f).toThrow(pattern);
      try {
        f();
      } catch (error) {
        expect(isSegmintError(error, ERROR_CODES.INVALID_LABELS)).toBe(true);
      }
    };
    fails(() => adjustedRandIndex([0, 1], [0]), /different lengths \(2 and 1\)/);
    fails(() => adjustedMutualInfo([0, 1.5], [0, 1]), /a\[1\] is 1\.5; labels must be integers/);
    fails(() => adjustedRandIndex([0, 1], [0, NaN]), /b\[1\] is NaN/);
  });
});

describe('logFactorial', () => {
  it('matches exact factorials and Python math.lgamma', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBe(Math.log(120));
    // math.lgamma(22), math.lgamma(1001), math.lgamma(1e6 + 1) in CPython.
    expectClose(logFactorial(21), 45.38013889847691, 2e-16);
    expectClose(logFactorial(1000), 5912.128178488163, 2e-16);
    expectClose(logFactorial(1e6), 12815518.384658169, 2e-16);
  });
});
