import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { fromRows, type Matrix } from '../matrix/matrix.js';
import { readFixture } from '../test-utils/data.js';
import { pca } from './pca.js';
import { pcaFromJSON, pcaToJSON } from './pca-json.js';
import { pcaInverseTransform, pcaTransform } from './pca-transform.js';
import { symmetricEigen } from './symmetric-eigen.js';

interface Expected {
  mean: number[];
  components: number[][];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
  singularValues: number[];
  noiseVariance: number;
  transform: number[][];
  transformNew: number[][];
  inverseTransform: number[][];
}
interface PcaCase {
  name: string;
  X: number[][];
  XNew: number[][];
  components: number;
  plain: Expected;
  whitened: Expected;
}
const fixture = readFixture<{ cases: PcaCase[] }>(import.meta.url, 'pca.json');

/** Relative 1e-9 agreement; `scale` sets the floor for entries that are (nearly) zero. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], scale = 1): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = 1e-9 * Math.max(Math.abs(expected[i]!), 1e-3 * scale);
    if (!(Math.abs(actual[i]! - expected[i]!) <= tolerance)) {
      expect.fail(`entry ${i}: ${actual[i]} vs ${expected[i]} (tolerance ${tolerance})`);
    }
  }
}

function randomMatrix(n: number, d: number, seed: number): Matrix {
  const random = createRandom(seed);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < d; t++)
      data[i * d + t] = random.normal() * (t + 1) + (t % 3) * random.normal();
  return { data, rows: n, cols: d };
}

describe('pca against scikit-learn (svd_solver="full")', () => {
  for (const c of fixture.cases) {
    for (const whiten of [false, true]) {
      it(`'${c.name}'${whiten ? ' whitened' : ''}`, () => {
        const expected = whiten ? c.whitened : c.plain;
        const model = pca(c.X, { components: c.components, whiten });
        const varianceScale = expected.explainedVariance[0]!;
        expectClose(model.mean, expected.mean, 1);
        expectClose(model.components.data, expected.components.flat());
        expectClose(model.explainedVariance, expected.explainedVariance, varianceScale);
        expectClose(model.explainedVarianceRatio, expected.explainedVarianceRatio);
        expectClose(model.singularValues, expected.singularValues, Math.sqrt(varianceScale));
        expectClose([model.noiseVariance], [expected.noiseVariance], varianceScale);
        const projectionScale = whiten ? 1 : Math.sqrt(varianceScale);
        expectClose(pcaTransform(model, c.X).data, expected.transform.flat(), projectionScale);
        expectClose(
          pcaTransform(model, c.XNew).data,
          expected.transformNew.flat(),
          projectionScale,
        );
        const back = pcaInverseTransform(model, pcaTransform(model, c.XNew));
        expectClose(back.data, expected.inverseTransform.flat(), 1);
      });
    }
  }
});

describe('pca invariants', () => {
  const X = randomMatrix(500, 7, 11);
  const model = pca(X, { components: 4 });

  it('has orthonormal components', () => {
    const { data, rows: k, cols: d } = model.components;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let dot = 0;
        for (let t = 0; t < d; t++) dot += data[a * d + t]! * data[b * d + t]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 13);
      }
    }
  });

  it('projects the training data onto uncorrelated axes with the explained variances', () => {
    const Y = pcaTransform(model, X);
    for (let c = 0; c < 4; c++) {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < Y.rows; i++) {
        sum += Y.data[i * 4 + c]!;
        squares += Y.data[i * 4 + c]! ** 2;
      }
      expect(Math.abs(sum / Y.rows)).toBeLessThan(1e-12);
      expect(squares / (Y.rows - 1) / model.explainedVariance[c]!).toBeCloseTo(1, 12);
    }
    let running = 0;
    for (let c = 0; c < 4; c++) {
      running += model.explainedVarianceRatio[c]!;
      expect(model.cumulativeVarianceRatio[c]).toBeCloseTo(running, 15);
    }
    let cross = 0;
    for (let i = 0; i < Y.rows; i++) cross += Y.data[i * 4]! * Y.data[i * 4 + 1]!;
    expect(Math.abs(cross / (Y.rows - 1))).toBeLessThan(1e-10 * model.explainedVariance[0]!);
    for (let c = 1; c < 4; c++)
      expect(model.explainedVariance[c]).toBeLessThan(model.explainedVariance[c - 1]!);
  });

  it('round-trips through JSON with identical projections', () => {
    const restored = pcaFromJSON(JSON.parse(JSON.stringify(pcaToJSON(model))));
    expect(restored).toEqual(model);
    expect(Array.from(pcaTransform(restored, X).data)).toEqual(
      Array.from(pcaTransform(model, X).data),
    );
  });

  it('rejects malformed JSON naming the field', () => {
    const json = pcaToJSON(model);
    const fail = (value: unknown, pattern: RegExp) => {
      try {
        pcaFromJSON(value);
        expect.fail('expected an error');
      } catch (error) {
        expect(error).toBeInstanceOf(SegmintError);
        expect((error as SegmintError).code).toBe(ERROR_CODES.INVALID_MODEL);
        expect((error as Error).message).toMatch(pattern);
      }
    };
    fail({ ...json, format: 'segmint.kmeans' }, /'format' must be 'segmint.pca'/);
    fail({ ...json, version: 2 }, /'version' must be 1; got 2/);
    fail({ ...json, mean: [1, 2] }, /'mean' must be an array of 7 numbers/);
    fail(
      { ...json, components: [[...json.components[0]!.slice(1), null]] },
      /'components\[0\]\[6\]' must be a finite number; got null/,
    );
    fail(
      { ...json, explainedVariance: [1, 2, 3] },
      /'explainedVariance' must be an array of 4 numbers/,
    );
  });

  it('does not mutate X and does not depend on row order', () => {
    const before = X.data.slice();
    pca(X, { components: 2 });
    expect(Array.from(X.data)).toEqual(Array.from(before));
    const reversed = fromRows(
      Array.from({ length: X.rows }, (_, i) =>
        Array.from(X.data.subarray((X.rows - 1 - i) * 7, (X.rows - i) * 7)),
      ),
    );
    const other = pca(reversed, { components: 4 });
    for (let p = 0; p < 28; p++)
      expect(other.components.data[p]).toBeCloseTo(model.components.data[p]!, 10);
  });

  it('rejects bad input with clear errors', () => {
    const errorOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error as SegmintError;
      }
      throw new Error('expected an error');
    };
    const tooMany = errorOf(() =>
      pca(
        [
          [1, 2],
          [3, 4],
          [5, 7],
        ],
        { components: 3 },
      ),
    );
    expect(tooMany.code).toBe(ERROR_CODES.INVALID_PARAMETER);
    expect(tooMany.message).toBe(
      "pca: 'components' must be an integer in [1, min(n, d)] = [1, 2] for X of shape (3, 2); got 3.",
    );
    expect(
      errorOf(() =>
        pca(
          [
            [1, NaN],
            [3, 4],
          ],
          { components: 1 },
        ),
      ).code,
    ).toBe(ERROR_CODES.NON_FINITE_VALUE);
    expect(errorOf(() => pca([], { components: 1 })).code).toBe(ERROR_CODES.INVALID_SHAPE);
    expect(errorOf(() => pca([[1, 2]], { components: 1 })).code).toBe(ERROR_CODES.INVALID_SHAPE);
    expect(errorOf(() => pca(X, { components: 0 })).message).toBe(
      "pca: 'components' must be an integer in [1, 1000]; got 0.",
    );
    // Rank 1 data: the second component has zero variance and cannot be whitened.
    const line = [
      [1, 2],
      [2, 4],
      [3, 6],
    ];
    expect(pca(line, { components: 2 }).explainedVariance[1]).toBeLessThan(1e-12);
    expect(errorOf(() => pca(line, { components: 2, whiten: true })).message).toBe(
      "pca: 'components' must be at most 1 when whitening, the number of components with non-zero variance; got 2.",
    );
    expect(errorOf(() => pcaTransform(model, [[1, 2]])).code).toBe(ERROR_CODES.INVALID_SHAPE);
    expect(errorOf(() => pcaInverseTransform(model, [[1, 2]])).code).toBe(
      ERROR_CODES.INVALID_SHAPE,
    );
  });
});

describe('symmetricEigen', () => {
  it('diagonalises a hand-checked matrix', () => {
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with axes (1, 1)/sqrt2 and (1, -1)/sqrt2.
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 15);
    expect(values[1]).toBeCloseTo(1, 15);
    expect(Math.abs(vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 15);
    expect(vectors[0]! * vectors[1]!).toBeCloseTo(0.5, 15);
    expect(vectors[2]! * vectors[3]!).toBeCloseTo(-0.5, 15);
  });

  it('reconstructs a random symmetric matrix: A = V^T diag(values) V', () => {
    const d = 12;
    const random = createRandom(5);
    const A = new Float64Array(d * d);
    for (let p = 0; p < d; p++)
      for (let q = p; q < d; q++) A[p * d + q] = A[q * d + p] = random.normal();
    const { values, vectors } = symmetricEigen(A, d);
    for (let p = 0; p < d; p++) {
      for (let q = 0; q < d; q++) {
        let sum = 0;
        for (let j = 0; j < d; j++) sum += vectors[j * d + p]! * values[j]! * vectors[j * d + q]!;
        expect(sum).toBeCloseTo(A[p * d + q]!, 12);
      }
    }
  });
});
