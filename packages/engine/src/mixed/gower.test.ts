/**
 * Gower distance: a hand-computed case, a numpy reference with missing values and weights
 * (fixtures/generate.py, 1e-9 relative), condensed vs square layout, the pairwise helper, errors.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../test-utils/data.js';
import { gowerDistance, gowerDistances, gowerRanges } from './gower.js';
import { gowerMatrix } from './gower-matrix.js';

interface Fixture {
  n: number;
  numeric: (number | null)[][];
  categorical: number[][];
  weights: number[];
  ranges: number[];
  unit: (number | null)[];
  weighted: (number | null)[];
}

const fixture = readFixture<Fixture>(import.meta.url, 'gower.json');
const columns = {
  numeric: fixture.numeric.map((col) => Float64Array.from(col, (x) => x ?? NaN)),
  categorical: fixture.categorical.map((col) => Int32Array.from(col)),
};

function expectClose(actual: Float64Array, expected: (number | null)[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, index) => {
    if (value === null) expect(actual[index], `index ${index}`).toBeNaN();
    else
      expect(Math.abs(actual[index]! - value), `index ${index}`).toBeLessThan(
        1e-9 * Math.max(1, value),
      );
  });
}

describe('gowerDistances', () => {
  it('matches a hand-computed example', () => {
    const distances = gowerDistances(
      { numeric: [Float64Array.of(0, 5, 10)], categorical: [Int32Array.of(0, 0, 1)] },
      { form: 'condensed' },
    );
    // (0,1): (0.5 + 0) / 2; (0,2): (1 + 1) / 2; (1,2): (0.5 + 1) / 2.
    expect(Array.from(distances)).toEqual([0.25, 1, 0.75]);
  });

  it('matches the numpy reference with missing values, unit and custom weights', () => {
    expect(Array.from(gowerRanges(columns))).toEqual(fixture.ranges);
    expectClose(gowerDistances(columns), fixture.unit);
    expectClose(gowerDistances(columns, { weights: fixture.weights }), fixture.weighted);
  });

  it('lays out the condensed form in scipy pdist order', () => {
    const square = gowerDistances(columns);
    const condensed = gowerDistances(columns, { form: 'condensed' });
    const n = fixture.n;
    let index = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        expect(Object.is(condensed[index++], square[i * n + j])).toBe(true);
    expect(index).toBe(condensed.length);
  });

  it('gives the same value pairwise as in the matrix', () => {
    const square = gowerDistances(columns, { weights: fixture.weights });
    const row = (i: number) => ({
      numeric: columns.numeric.map((col) => col[i]!),
      categorical: columns.categorical.map((col) => col[i]!),
    });
    const ranges = gowerRanges(columns);
    for (const [i, j] of [
      [0, 5],
      [3, 17],
      [2, 29],
      [1, 4],
    ] as const)
      expect(
        Object.is(
          gowerDistance(row(i), row(j), ranges, fixture.weights),
          square[i * fixture.n + j],
        ),
      ).toBe(true);
  });

  it('does not mutate its input and rejects bad columns and weights', () => {
    const before = columns.numeric.map((col) => Array.from(col));
    gowerDistances(columns);
    expect(columns.numeric.map((col) => Array.from(col))).toEqual(before);
    expect(() => gowerDistances({ numeric: [], categorical: [] })).toThrow(/no columns/);
    expect(() =>
      gowerDistances({ numeric: [Float64Array.of(1, 2)], categorical: [Int32Array.of(1)] }),
    ).toThrow(/column 1 has 1 values/);
    expect(() => gowerDistances(columns, { weights: [1] })).toThrow(/'weights'/);
    expect(() =>
      gowerDistances({ numeric: [Float64Array.of(1, Infinity)], categorical: [] }),
    ).toThrow(/Infinity at row 1/);
  });

  it('computes the same matrix from a mixed matrix with interleaved columns (gowerMatrix)', () => {
    expect(
      Array.from(
        gowerMatrix(
          [
            [0, 0],
            [5, 0],
            [10, 1],
          ],
          { categoricalColumns: [1] },
        ).data,
      ),
    ).toEqual([0, 0.25, 1, 0.25, 0, 0.75, 1, 0.75, 0]);
    // X columns: numeric 0, categorical 0, numeric 1, categorical 1, numeric 2.
    const order = [
      { kind: 'numeric', index: 0 },
      { kind: 'categorical', index: 0 },
      { kind: 'numeric', index: 1 },
      { kind: 'categorical', index: 1 },
      { kind: 'numeric', index: 2 },
    ] as const;
    const n = fixture.n;
    const data = new Float64Array(n * order.length);
    for (let i = 0; i < n; i++)
      order.forEach(({ kind, index }, j) => {
        const code = kind === 'categorical' ? columns.categorical[index]![i]! : 0;
        // Missing codes as NaN here (gowerMatrix accepts NaN or -1).
        data[i * order.length + j] =
          kind === 'numeric' ? columns.numeric[index]![i]! : code === -1 ? NaN : code;
      });
    const X = { data, rows: n, cols: order.length };
    const D = gowerMatrix(X, { categoricalColumns: [1, 3] });
    expect([D.rows, D.cols]).toEqual([n, n]);
    expectClose(D.data, fixture.unit);
    // Weights in X's column order map to the fixture's numeric-first order.
    const [w0, w1, w2, w3, w4] = fixture.weights as [number, number, number, number, number];
    const weighted = gowerMatrix(X, { categoricalColumns: [1, 3], weights: [w0, w3, w1, w4, w2] });
    expectClose(weighted.data, fixture.weighted);
    expect(() => gowerMatrix(X, { categoricalColumns: [7] })).toThrow(/'categoricalColumns'/);
    expect(() => gowerMatrix([[0, 0.5]], { categoricalColumns: [1] })).toThrow(/integer code/);
  });
});
