/**
 * The engine's data type: a dense row-major matrix of float64.
 *
 * Shape is `(rows, cols)` = `(samples, features)`; element (i, j) lives at `data[i * cols + j]`.
 * Functions that return a subset document whether they copy; `rowView` never copies.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';

/** A dense row-major matrix, shape `(rows, cols)`. */
export interface Matrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** What public functions accept: a {@link Matrix} or plain rows (`number[][]`). */
export type MatrixLike = Matrix | readonly (readonly number[])[];

/** True when `value` has the {@link Matrix} shape. */
export function isMatrix(value: unknown): value is Matrix {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Matrix>;
  return m.data instanceof Float64Array && typeof m.rows === 'number' && typeof m.cols === 'number';
}

/**
 * Creates a matrix over `data` without copying.
 * @throws SegmintError INVALID_SHAPE when `data.length !== rows * cols`.
 */
export function matrix(data: Float64Array, rows: number, cols: number): Matrix {
  if (
    !Number.isInteger(rows) ||
    !Number.isInteger(cols) ||
    rows < 0 ||
    cols < 0 ||
    data.length !== rows * cols
  ) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `matrix: data of length ${data.length} does not fit shape (${rows}, ${cols}).`,
      { rows, cols, value: data.length },
    );
  }
  return { data, rows, cols };
}

/** A zero-filled matrix of shape `(rows, cols)`. */
export function zeros(rows: number, cols: number): Matrix {
  return { data: new Float64Array(rows * cols), rows, cols };
}

/**
 * Copies plain rows into a matrix.
 * @throws SegmintError INVALID_SHAPE for ragged rows, naming the first bad row.
 * @example fromRows([[1, 2], [3, 4]]) // { rows: 2, cols: 2, data: Float64Array [1, 2, 3, 4] }
 */
export function fromRows(rows: readonly (readonly number[])[], name = 'X'): Matrix {
  const n = rows.length;
  const d = n === 0 ? 0 : rows[0]!.length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const isRow = isPlainArray(row);
    if (!isRow || row.length !== d) {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `${name}: row ${i} has ${isRow ? row.length : formatValue(row)} values; expected ${d} like row 0.`,
        { row: i, value: isRow ? row.length : row },
      );
    }
    for (let j = 0; j < d; j++) data[i * d + j] = row[j]!;
  }
  return { data, rows: n, cols: d };
}

/** Accepts a {@link MatrixLike} at a public edge; a Matrix passes through without a copy. */
export function toMatrix(input: MatrixLike, name = 'X'): Matrix {
  if (isMatrix(input)) return input;
  if (!Array.isArray(input)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${name}: expected a Matrix or an array of rows; got ${formatValue(input)}.`,
      { value: input },
    );
  }
  return fromRows(input, name);
}

/** Copies a matrix into plain rows. */
export function toRows(X: Matrix): number[][] {
  const out: number[][] = new Array<number[]>(X.rows);
  for (let i = 0; i < X.rows; i++)
    out[i] = Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols));
  return out;
}

/** A copy of `X` (fresh buffer). */
export function clone(X: Matrix): Matrix {
  return { data: X.data.slice(), rows: X.rows, cols: X.cols };
}

/** Row `i` as a view (no copy) into `X.data`. Writing to it writes to `X`. */
export function rowView(X: Matrix, i: number): Float64Array {
  return X.data.subarray(i * X.cols, (i + 1) * X.cols);
}

/** Rows `start..end-1` as a matrix view (no copy): contiguous rows share the buffer. */
export function rowRange(X: Matrix, start: number, end: number): Matrix {
  return { data: X.data.subarray(start * X.cols, end * X.cols), rows: end - start, cols: X.cols };
}

/** The rows at `indices`, copied, in that order (indices may repeat: bootstrap samples). */
export function takeRows(X: Matrix, indices: ArrayLike<number>): Matrix {
  const d = X.cols;
  const out = new Float64Array(indices.length * d);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    out.set(X.data.subarray(i * d, (i + 1) * d), r * d);
  }
  return { data: out, rows: indices.length, cols: d };
}

/** The columns at `indices`, copied, in that order. */
export function takeColumns(X: Matrix, indices: ArrayLike<number>): Matrix {
  const n = X.rows;
  const d = X.cols;
  const m = indices.length;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < m; c++) out[i * m + c] = X.data[i * d + indices[c]!]!;
  }
  return { data: out, rows: n, cols: m };
}

/** Column `j` copied into a new Float64Array of length `rows`. */
export function column(X: Matrix, j: number): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) out[i] = X.data[i * X.cols + j]!;
  return out;
}

/**
 * Column `j` as a strided view (no copy): `get(i)` reads element (i, j).
 * Useful to scan one feature of a large matrix without allocating.
 */
export interface ColumnView {
  readonly length: number;
  get(i: number): number;
}

/** See {@link ColumnView}. */
export function columnView(X: Matrix, j: number): ColumnView {
  const { data, cols } = X;
  return { length: X.rows, get: (i: number) => data[i * cols + j]! };
}

/** The transpose, copied: shape `(cols, rows)`. */
export function transpose(X: Matrix): Matrix {
  const { rows: n, cols: d, data } = X;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[j * n + i] = data[i * d + j]!;
  return { data: out, rows: d, cols: n };
}

/** Array check that does not narrow the caller's element type to `any`. */
function isPlainArray(value: unknown): boolean {
  return Array.isArray(value);
}
