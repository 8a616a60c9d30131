import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { readFixture } from '../test-utils/data.js';
import { calinskiHarabasz } from './calinski-harabasz.js';
import { daviesBouldin } from './davies-bouldin.js';
import { inertia } from './inertia.js';

interface InternalCase {
  name: string;
  X: number[][];
  labels: number[];
  calinskiHarabasz: number;
  daviesBouldin: number;
}
const fixture = readFixture<{ internal: InternalCase[] }>(import.meta.url, 'metrics.json');

function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-12);
}

function errorOf(f: () => unknown): SegmintError {
  try {
    f();
  } catch (error) {
    if (error instanceof SegmintError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('Calinski-Harabasz and Davies-Bouldin', () => {
  it('match hand-computed values', () => {
    // Centroids 0.5 and 10.5, mean 5.5: B = 100, W = 1 -> 100 (4 - 2) / (1 (2 - 1)) = 200.
    expect(calinskiHarabasz([[0], [1], [10], [11]], [0, 0, 1, 1])).toBe(200);
    // S = 0.5 per cluster, M = 10 -> (0.5 + 0.5) / 10.
    expect(daviesBouldin([[0], [1], [10], [11]], [0, 0, 1, 1])).toBeCloseTo(0.1, 15);
  });

  for (const c of fixture.internal) {
    it(`match scikit-learn on '${c.name}'`, () => {
      expectClose(calinskiHarabasz(c.X, c.labels), c.calinskiHarabasz);
      expectClose(daviesBouldin(c.X, Int32Array.from(c.labels)), c.daviesBouldin);
    });
  }

  it("follow scikit-learn's degenerate conventions", () => {
    // Every cluster is one repeated point: W = 0 -> CH 1, all S_c = 0 -> DB 0.
    const X = [[1], [1], [4], [4]];
    expect(calinskiHarabasz(X, [0, 0, 1, 1])).toBe(1);
    expect(daviesBouldin(X, [0, 0, 1, 1])).toBe(0);
  });

  it('require 2 <= clusters <= n - 1 and valid input', () => {
    const X = [[0], [1], [2]];
    const one = errorOf(() => calinskiHarabasz(X, [0, 0, 0]));
    expect(one.code).toBe(ERROR_CODES.INVALID_LABELS);
    expect(one.message).toBe(
      'calinskiHarabasz: the number of distinct labels must be in [2, n - 1] = [2, 2]; got 1.',
    );
    expect(errorOf(() => daviesBouldin(X, [0, 1, 2])).message).toMatch(/got 3\.$/);
    expect(errorOf(() => daviesBouldin(X, [0, 1])).code).toBe(ERROR_CODES.INVALID_LABELS);
    expect(errorOf(() => calinskiHarabasz([[0], [Infinity], [2]], [0, 1, 1])).code).toBe(
      ERROR_CODES.NON_FINITE_VALUE,
    );
  });
});

describe('inertia', () => {
  it('sums (weighted) squared distances to the given centroids', () => {
    expect(inertia([[0], [2], [10]], [0, 0, 1], [[1], [10]])).toBe(2);
    expect(
      inertia(
        [
          [0, 0],
          [3, 4],
        ],
        [0, 0],
        [[0, 0]],
        [2, 0.5],
      ),
    ).toBe(12.5);
  });

  it('rejects labels without a centroid, wrong widths and bad weights', () => {
    const error = errorOf(() => inertia([[0], [1]], [0, 2], [[0], [1]]));
    expect(error.code).toBe(ERROR_CODES.INVALID_LABELS);
    expect(error.message).toBe(
      'inertia: labels[1] is 2 but there are only 2 centroids (labels must be in [0, 1]).',
    );
    expect(errorOf(() => inertia([[0, 1]], [0], [[0]])).code).toBe(ERROR_CODES.INVALID_SHAPE);
    expect(errorOf(() => inertia([[0]], [0], [[0]], [-1])).code).toBe(
      ERROR_CODES.INVALID_PARAMETER,
    );
    expect(errorOf(() => inertia([[0]], [0], [[0]], [1, 1])).code).toBe(ERROR_CODES.INVALID_SHAPE);
  });
});
