import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { fromRows } from '../matrix/matrix.js';
import { readFixture } from '../test-utils/data.js';
import { silhouetteRowsKernel } from './silhouette-kernel.js';
import { planSegments } from './silhouette-tiles.js';
import {
  identityRows,
  prepareSilhouette,
  silhouetteSamples,
  silhouetteScore,
} from './silhouette.js';
import { createRandom } from '../core/random.js';

interface InternalCase {
  name: string;
  X: number[][];
  labels: number[];
  silhouetteSamples: number[];
  silhouetteScore: number;
  calinskiHarabasz: number;
  daviesBouldin: number;
}
const fixture = readFixture<{ internal: InternalCase[] }>(import.meta.url, 'metrics.json');

function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-12);
}

describe('silhouette', () => {
  it('matches a hand-computed case', () => {
    // x=0: a=1, b=(10+11)/2=10.5 -> 9.5/10.5; x=1: a=1, b=9.5 -> 8.5/9.5.
    const s = silhouetteSamples([[0], [1], [10], [11]], [0, 0, 1, 1]);
    expect(Array.from(s)).toEqual([9.5 / 10.5, 8.5 / 9.5, 8.5 / 9.5, 9.5 / 10.5]);
  });

  for (const c of fixture.internal) {
    it(`matches scikit-learn on '${c.name}'`, () => {
      const samples = silhouetteSamples(c.X, c.labels);
      expect(samples).toHaveLength(c.X.length);
      c.silhouetteSamples.forEach((expected, i) => expectClose(samples[i]!, expected));
      expectClose(silhouetteScore(c.X, Int32Array.from(c.labels)), c.silhouetteScore);
    });
  }

  it('gives singleton clusters 0 and is invariant to label renaming and row order', () => {
    const c = fixture.internal.find((x) => x.name === 'singleton-and-gaps')!;
    const samples = silhouetteSamples(c.X, c.labels);
    const singleton = c.labels.findIndex((l) => l === 7);
    expect(samples[singleton]).toBe(0);
    const renamed = silhouetteSamples(
      c.X,
      c.labels.map((l) => (l === 0 ? 7 : l === 7 ? 0 : l)),
    );
    expect(Array.from(renamed)).toEqual(Array.from(samples));
    const order = c.X.map((_, i) => c.X.length - 1 - i);
    const reversed = silhouetteSamples(
      order.map((i) => c.X[i]!),
      order.map((i) => c.labels[i]!),
    );
    order.forEach((i, r) => expectClose(reversed[r]!, samples[i]!, 1e-12));
  });

  it('gives the row-by-row values with several segments per cluster (tiled kernel)', () => {
    const random = createRandom(12);
    const sizes = [701, 517, 3, 290];
    const labels = sizes.flatMap((size, c) => Array.from({ length: size }, () => c));
    // Shuffle the labels so the cluster-sorted order differs from the row order.
    for (let i = labels.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [labels[i], labels[j]] = [labels[j]!, labels[i]!];
    }
    const X = labels.map((c) => [random.normal() + c, random.normal() * 2, random.normal() - c]);
    const input = prepareSilhouette('test', X, labels);
    expect(planSegments(input.sorted.offsets)!.count).toBe(3 + 3 + 1 + 2);
    const n = X.length;
    const byRows = new Float64Array(n);
    const { codes, counts } = input.labels;
    silhouetteRowsKernel(input.X.data, input.sorted, codes, counts, identityRows(n), 0, n, byRows);
    const tiled = silhouetteSamples(X, labels);
    for (let i = 0; i < n; i++) expectClose(tiled[i]!, byRows[i]!, 1e-12);
    expect(tiled.some((v, i) => v !== byRows[i])).toBe(true);
  });

  it('does not mutate its inputs', () => {
    const X = fromRows([
      [0, 1],
      [1, 1],
      [5, 5],
      [6, 5],
      [9, 0],
    ]);
    const labels = Int32Array.from([2, 2, 0, 0, 0]);
    const before = X.data.slice();
    silhouetteScore(X, labels);
    expect(Array.from(X.data)).toEqual(Array.from(before));
    expect(Array.from(labels)).toEqual([2, 2, 0, 0, 0]);
  });

  it('rejects bad input with clear errors', () => {
    const X = [[0], [1], [2], [3]];
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(SegmintError);
        return [(error as SegmintError).code, (error as Error).message];
      }
      throw new Error('expected an error');
    };
    expect(code(() => silhouetteScore(X, [0, 0, 0, 0]))).toEqual([
      ERROR_CODES.INVALID_LABELS,
      'silhouetteScore: the number of distinct labels must be in [2, n - 1] = [2, 3]; got 1.',
    ]);
    expect(code(() => silhouetteScore(X, [0, 1, 2, 3]))[1]).toMatch(/got 4\.$/);
    expect(code(() => silhouetteScore(X, [0, 1, 1]))).toEqual([
      ERROR_CODES.INVALID_LABELS,
      'silhouetteScore: labels has length 3 but X has 4 rows; expected one label per row.',
    ]);
    expect(code(() => silhouetteSamples(X, [0, 1, -1, 1]))[1]).toBe(
      'silhouetteSamples: labels[2] is -1; labels must be non-negative integers.',
    );
    expect(code(() => silhouetteSamples(X, [0, 1, 0.5, 1]))[0]).toBe(ERROR_CODES.INVALID_LABELS);
    expect(code(() => silhouetteScore([[0], [NaN], [2], [3]], [0, 1, 0, 1]))).toEqual([
      ERROR_CODES.NON_FINITE_VALUE,
      expect.stringMatching(/^silhouetteScore: X has NaN at row 1, column 0/) as string,
    ]);
    expect(code(() => silhouetteScore([], []))[0]).toBe(ERROR_CODES.INVALID_SHAPE);
  });
});
