/**
 * Edge checks for numeric input. Kernels assume these passed: finite values, the right shape.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import type { Matrix } from './matrix.js';

/**
 * Throws NON_FINITE_VALUE naming the first NaN or +-Infinity by row and column.
 * @param owner - estimator name for the message (`'kmeans'`).
 */
export function assertFinite(owner: string, X: Matrix, name = 'X'): void {
  const { data, cols } = X;
  for (let p = 0; p < data.length; p++) {
    const x = data[p]!;
    if (!Number.isFinite(x)) {
      const row = Math.floor(p / cols);
      const column = p - row * cols;
      throw new SegmintError(
        ERROR_CODES.NON_FINITE_VALUE,
        `${owner}: ${name} has ${formatValue(x)} at row ${row}, column ${column}; ` +
          'values must be finite (impute or drop missing values first).',
        { row, column, value: x },
      );
    }
  }
}

/** Throws INVALID_SHAPE unless `X` has at least `minRows` rows and at least one column. */
export function assertNonEmpty(owner: string, X: Matrix, minRows = 1, name = 'X'): void {
  if (X.cols < 1 || X.rows < minRows) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: ${name} must have at least ${minRows} row${minRows === 1 ? '' : 's'} and 1 column; ` +
        `got shape (${X.rows}, ${X.cols}).`,
      { rows: X.rows, cols: X.cols },
    );
  }
}

/** Throws INVALID_SHAPE unless `X` has exactly `cols` columns (transforming with a fitted model). */
export function assertColumns(owner: string, X: Matrix, cols: number, name = 'X'): void {
  if (X.cols !== cols) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: ${name} has ${X.cols} columns but the model was fitted on ${cols}.`,
      { expected: cols, value: X.cols },
    );
  }
}
