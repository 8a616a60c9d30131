/**
 * The common estimator checks (scikit-learn's `check_estimator` idea), run over every estimator
 * by `src/conformance.test.ts`: invalid parameters are rejected with messages naming the parameter,
 * the rule and the value; bad data gets a clear error; input is never mutated; the same seed gives
 * the same model; the JSON round trip keeps predictions; predict on the training data reproduces
 * the fitted labels.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { Matrix } from '../matrix/matrix.js';
import { makeBlobs } from './blobs.js';

/** How the suite drives one estimator. */
export interface EstimatorSpec<M> {
  readonly name: string;
  /** Fits with `params` merged over `validParams`. */
  readonly fit: (X: Matrix, params: Record<string, unknown>) => M;
  /** Parameters that fit the default data (3 blobs of 40 points in 3-D). */
  readonly validParams: Record<string, unknown>;
  /** Each entry breaks exactly one parameter. */
  readonly invalidParams: ReadonlyArray<{ readonly parameter: string; readonly value: unknown }>;
  /** Output on new data: labels, or a transformed matrix. */
  readonly predict: (model: M, X: Matrix) => Int32Array | Float64Array | Matrix;
  /** The labels fitted on the training data, when the estimator clusters. */
  readonly labels?: (model: M) => Int32Array;
  readonly toJSON: (model: M) => unknown;
  readonly fromJSON: (json: unknown) => M;
  /** True when the model depends on `seed` (checked: same seed -> same model). */
  readonly seeded?: boolean;
  /** Minimum rows the estimator accepts (an input with fewer must be rejected). */
  readonly minRows?: number;
}

function output(value: Int32Array | Float64Array | Matrix): number[] {
  return 'data' in value ? Array.from(value.data) : Array.from(value);
}

function expectInvalid(action: () => unknown, code: string, ...fragments: string[]): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a SegmintError').toBeInstanceOf(SegmintError);
  const error = thrown as SegmintError;
  expect(error.code).toBe(code);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

/** Registers the common checks for one estimator as a vitest `describe` block. */
export function checkEstimator<M>(spec: EstimatorSpec<M>): void {
  const { X } = makeBlobs({ perCluster: 40, clusters: 3, dimensions: 3, spread: 0.8, seed: 11 });
  const { X: fresh } = makeBlobs({
    perCluster: 5,
    clusters: 3,
    dimensions: 3,
    spread: 0.8,
    seed: 11,
  });
  const fit = (data: Matrix, extra: Record<string, unknown> = {}) =>
    spec.fit(data, { ...spec.validParams, ...extra });

  describe(`${spec.name} conformance`, () => {
    for (const { parameter, value } of spec.invalidParams) {
      it(`rejects ${parameter} = ${JSON.stringify(value) ?? String(value)} naming the parameter and value`, () => {
        expectInvalid(
          () => fit(X, { [parameter]: value }),
          ERROR_CODES.INVALID_PARAMETER,
          `'${parameter}'`,
          'got',
        );
      });
    }

    it('rejects unknown options', () => {
      expectInvalid(() => fit(X, { notAnOption: 1 }), ERROR_CODES.INVALID_PARAMETER, 'notAnOption');
    });

    it('rejects NaN and Infinity naming the row and column', () => {
      for (const bad of [NaN, Infinity]) {
        const data = X.data.slice();
        data[5 * X.cols + 2] = bad;
        expectInvalid(
          () => fit({ data, rows: X.rows, cols: X.cols }),
          ERROR_CODES.NON_FINITE_VALUE,
          'row 5',
          'column 2',
        );
      }
    });

    it('rejects an empty matrix and too few rows', () => {
      expectInvalid(
        () => fit({ data: new Float64Array(0), rows: 0, cols: 3 }),
        ERROR_CODES.INVALID_SHAPE,
      );
      const minRows = spec.minRows ?? 1;
      if (minRows > 1) {
        const rows = minRows - 1;
        expectInvalid(
          () => fit({ data: X.data.slice(0, rows * 3), rows, cols: 3 }),
          ERROR_CODES.INVALID_SHAPE,
        );
      }
    });

    it('never mutates its input', () => {
      const before = X.data.slice();
      const model = fit(X);
      spec.predict(model, fresh);
      expect(Array.from(X.data)).toEqual(Array.from(before));
    });

    it('predicts the fitted labels on the training data', () => {
      if (!spec.labels) return;
      const model = fit(X);
      expect(Array.from(spec.predict(model, X) as Int32Array)).toEqual(
        Array.from(spec.labels(model)),
      );
    });

    it('keeps predictions through a JSON round trip', () => {
      const model = fit(X);
      const text = JSON.stringify(spec.toJSON(model));
      const loaded = spec.fromJSON(JSON.parse(text));
      expect(output(spec.predict(loaded, fresh))).toEqual(output(spec.predict(model, fresh)));
      expect(JSON.stringify(spec.toJSON(loaded))).toBe(text);
    });

    it('rejects a model JSON of another format or version', () => {
      const json = spec.toJSON(fit(X)) as Record<string, unknown>;
      expectInvalid(
        () => spec.fromJSON({ ...json, format: 'something.else' }),
        ERROR_CODES.INVALID_MODEL,
        'format',
      );
      expectInvalid(
        () => spec.fromJSON({ ...json, version: 999 }),
        ERROR_CODES.INVALID_MODEL,
        'version',
      );
      expectInvalid(() => spec.fromJSON(null), ERROR_CODES.INVALID_MODEL);
    });

    it('gives the same model for the same seed', () => {
      if (!spec.seeded) return;
      const a = JSON.stringify(spec.toJSON(fit(X, { seed: 5 })));
      const b = JSON.stringify(spec.toJSON(fit(X, { seed: 5 })));
      expect(a).toBe(b);
    });
  });
}
