/**
 * Gower distances straight from a mixed matrix laid out as for k-prototypes (numeric columns and
 * integer category codes side by side, `categoricalColumns` naming the latter), returned as the
 * square (n, n) matrix that `metric: 'precomputed'` estimators (agglomerative, HDBSCAN) take.
 *
 * Notation: X is (n, d); missing values are NaN in any column (and -1 in a categorical column).
 * See `gower.ts` for the distance (Gower 1971).
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { invalidParameter } from '../core/params.js';
import { toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertNonEmpty } from '../matrix/validate.js';
import { gowerDistances, type GowerColumns } from './gower.js';

/** Options of {@link gowerMatrix}. */
export interface GowerMatrixOptions {
  /** Distinct indices of the columns of X holding category codes; default none. */
  readonly categoricalColumns?: readonly number[];
  /** One weight >= 0 per column of X (in X's column order); default all 1. */
  readonly weights?: readonly number[];
}

/**
 * Splits a mixed matrix into Gower columns: numeric columns in X's order (NaN = missing) and
 * categorical codes (NaN or -1 = missing).
 * @throws SegmintError INVALID_PARAMETER (bad `categoricalColumns`), INVALID_SHAPE (a categorical
 *   value that is not an integer code), NON_FINITE_VALUE (+-Infinity).
 * @example gowerColumns([[1.5, 0], [2, 1]], [1]); // { numeric: [[1.5, 2]], categorical: [[0, 1]] }
 */
export function gowerColumns(
  input: MatrixLike,
  categoricalColumns: readonly number[] = [],
): GowerColumns {
  const X = toMatrix(input);
  assertNonEmpty('gowerMatrix', X);
  const { data, rows: n, cols: d } = X;
  const list: unknown[] = Array.isArray(categoricalColumns)
    ? (categoricalColumns as unknown[])
    : [];
  if (
    !Array.isArray(categoricalColumns) ||
    list.some((j) => !Number.isInteger(j) || (j as number) < 0 || (j as number) >= d) ||
    new Set(list).size !== list.length
  )
    throw invalidParameter(
      'gowerMatrix',
      'categoricalColumns',
      `an array of distinct column indices in [0, ${d - 1}]`,
      categoricalColumns,
    );
  const isCategorical = new Set(list as number[]);
  const numeric: Float64Array[] = [];
  const categorical: Int32Array[] = [];
  for (let j = 0; j < d; j++) {
    if (isCategorical.has(j)) {
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const value = data[i * d + j]!;
        if (Number.isNaN(value) || value === -1) codes[i] = -1;
        else if (Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff)
          codes[i] = value;
        else
          throw new SegmintError(
            ERROR_CODES.INVALID_SHAPE,
            `gowerMatrix: X has ${value} at row ${i}, column ${j}, a categorical column; expected an integer code (NaN or -1 = missing).`,
            { row: i, column: j, value },
          );
      }
      categorical.push(codes);
    } else {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = data[i * d + j]!;
      numeric.push(values);
    }
  }
  return { numeric, categorical };
}

/**
 * The square Gower distance matrix of the rows of a mixed matrix (8 n^2 bytes: subsample large
 * data first).
 *
 * @param X - data, shape (n, d): numeric columns and, at `categoricalColumns`, integer codes;
 *   NaN marks a missing value anywhere. Not modified.
 * @param options - `categoricalColumns` (default none), `weights` (d, X's column order; default 1).
 * @returns an (n, n) {@link Matrix} with zero diagonal, entries in [0, 1] (NaN for pairs sharing
 *   no present feature).
 * @throws SegmintError INVALID_PARAMETER (bad `categoricalColumns` or `weights`), INVALID_SHAPE,
 *   NON_FINITE_VALUE (+-Infinity).
 * @example
 * const D = gowerMatrix([[0, 0], [5, 0], [10, 1]], { categoricalColumns: [1] });
 * D.data; // [0, 0.25, 1, 0.25, 0, 0.75, 1, 0.75, 0]
 */
export function gowerMatrix(X: MatrixLike, options: GowerMatrixOptions = {}): Matrix {
  const matrix = toMatrix(X);
  const categoricalColumns = options.categoricalColumns ?? [];
  const columns = gowerColumns(matrix, categoricalColumns);
  let weights: number[] | undefined;
  if (options.weights !== undefined) {
    const given = options.weights;
    if (!Array.isArray(given) || given.length !== matrix.cols)
      throw invalidParameter(
        'gowerMatrix',
        'weights',
        `${matrix.cols} numbers >= 0 (one per column of X)`,
        given,
      );
    // gowerDistances wants numeric columns first, then categorical, each in X's order.
    const isCategorical = new Set(categoricalColumns);
    const numericWeights: number[] = [];
    const categoricalWeights: number[] = [];
    given.forEach((w: number, j) =>
      (isCategorical.has(j) ? categoricalWeights : numericWeights).push(w),
    );
    weights = [...numericWeights, ...categoricalWeights];
  }
  const n = matrix.rows;
  return {
    data: gowerDistances(columns, weights === undefined ? {} : { weights }),
    rows: n,
    cols: n,
  };
}
