/**
 * Assigning rows to a fitted k-prototypes model: the nearest prototype under the model's cost
 * (squared euclidean on the numeric columns + gamma * categorical mismatches; Huang 1997), with
 * strength 1 - c1 / c2 from the lowest and second-lowest costs (1 when k = 1, 0 when c2 = 0).
 * Codes never seen in training simply mismatch every mode.
 *
 * Notation: X is (n, d) with the model's numeric and categorical columns, k prototypes.
 */
import type { ClusterAssignment } from '../cluster/assignment.js';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { toMatrix, type MatrixLike } from '../matrix/matrix.js';
import { assertColumns, assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { nearestPrototype } from './k-prototypes-cost.js';
import type { KPrototypesModel } from './k-prototypes-options.js';

/**
 * The nearest prototype of each row and its strength.
 *
 * @param model - a fitted {@link KPrototypesModel}.
 * @param X - rows, shape (n, d) with the training d; finite; categorical columns hold integer codes.
 * @returns labels (n) in [0, k) and strength (n) in [0, 1]. On the training rows the labels equal
 *   `model.labels`.
 * @throws SegmintError INVALID_SHAPE (empty X, wrong column count, a categorical value that is
 *   not an integer), NON_FINITE_VALUE.
 * @example kPrototypesPredict(model, [[0.05, 0]]); // { labels: [0], strength: [0.99...] }
 */
export function kPrototypesPredict(model: KPrototypesModel, X: MatrixLike): ClusterAssignment {
  const owner = 'kPrototypesPredict';
  const matrix = toMatrix(X);
  const { numericColumns, categoricalColumns, centroids, modes, gamma } = model;
  const p = numericColumns.length;
  const m = categoricalColumns.length;
  assertNonEmpty(owner, matrix);
  assertColumns(owner, matrix, p + m);
  assertFinite(owner, matrix);
  const { data, rows: n, cols: d } = matrix;
  const numeric = new Float64Array(p);
  const categorical = new Int32Array(m);
  const best = new Float64Array(2);
  const labels = new Int32Array(n);
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < p; f++) numeric[f] = data[i * d + numericColumns[f]!]!;
    for (let g = 0; g < m; g++) {
      const column = categoricalColumns[g]!;
      const code = data[i * d + column]!;
      if (!Number.isInteger(code))
        throw new SegmintError(
          ERROR_CODES.INVALID_SHAPE,
          `${owner}: X has ${code} at row ${i}, column ${column}, a categorical column; expected an integer code.`,
          { row: i, column, value: code },
        );
      // Codes beyond int32 were never seen in training (modes are int32): -1 mismatches them all.
      categorical[g] = code >= 0 && code <= 0x7fffffff ? code : -1;
    }
    labels[i] = nearestPrototype(
      numeric,
      0,
      p,
      categorical,
      0,
      m,
      centroids.data,
      modes.data,
      model.clusterCount,
      gamma,
      best,
    );
    const [lowest, second] = [best[0]!, best[1]!];
    strength[i] = second === Infinity ? 1 : second > 0 ? 1 - lowest / second : 0;
  }
  return { labels, strength };
}
