/**
 * Gower distances (Gower 1971) for the segmentation model: DBSCAN, HDBSCAN and agglomerative
 * clustering on mixed numeric and categorical customers (`metric: 'gower'`). The prepared matrix
 * X (n, p) is mapped to numeric columns plus one category code per one-hot encoded column
 * (categorical-encoding.ts); the algorithm then clusters the (n, n) Gower distance matrix
 * (`metric: 'precomputed'`), and new rows are assigned from their distances to the training rows,
 * which the model keeps (n x (numeric + categorical) numbers, capped by {@link GOWER_MAX_ROWS}).
 *
 * Numeric differences are divided by the training range of their column, so scaling before does
 * not matter; a category contributes 0 when equal, 1 otherwise; the distance is the mean.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { Matrix } from '../matrix/matrix.js';
import { gowerDistance, gowerRanges } from '../mixed/gower.js';
import { gowerColumns } from '../mixed/gower-matrix.js';
import {
  codeColumns,
  encodeCategorical,
  type CategoricalEncoding,
} from './categorical-encoding.js';

/** Most training rows for Gower clustering: the distance matrix takes 8 n^2 bytes (800 MB). */
export const GOWER_MAX_ROWS = 10_000;

/** What predicting with Gower distances needs: the training rows (mixed layout) and ranges. */
export interface GowerSpace {
  /** Training rows: `numericCount` numeric columns, then one category code per column. */
  readonly training: Matrix;
  readonly numericCount: number;
  /** Training range of each numeric column (0 = constant). */
  readonly ranges: readonly number[];
}

/**
 * The Gower space of a prepared matrix.
 * @throws SegmintError INVALID_SHAPE beyond {@link GOWER_MAX_ROWS} rows, naming the limit.
 */
export function gowerSpace(X: Matrix, encoding: CategoricalEncoding): GowerSpace {
  if (X.rows > GOWER_MAX_ROWS) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `metric 'gower': ${X.rows} rows is more than the ${GOWER_MAX_ROWS.toLocaleString('en-US')} a Gower distance matrix is computed for (it takes 8 n^2 bytes); sample the data or use the euclidean metric.`,
      { parameter: 'metric', value: X.rows },
    );
  }
  const training = encodeCategorical(X, encoding);
  const columns = gowerColumns(training, codeColumns(encoding));
  return {
    training,
    numericCount: encoding.numericColumns.length,
    ranges: Array.from(gowerRanges(columns)),
  };
}

function rowOf(X: Matrix, i: number, numericCount: number) {
  const start = i * X.cols;
  return {
    numeric: X.data.subarray(start, start + numericCount),
    categorical: Int32Array.from(X.data.subarray(start + numericCount, start + X.cols)),
  };
}

/**
 * Gower distances from each row of `rows` (mixed layout, m rows) to each training row: (m, n).
 * With `rows` = the training rows this is the training distance matrix.
 */
export function gowerDistancesTo(space: GowerSpace, rows: Matrix): Matrix {
  const { training, numericCount, ranges } = space;
  const n = training.rows;
  const trainingRows = Array.from({ length: n }, (_, j) => rowOf(training, j, numericCount));
  const data = new Float64Array(rows.rows * n);
  for (let i = 0; i < rows.rows; i++) {
    const a = rowOf(rows, i, numericCount);
    for (let j = 0; j < n; j++) {
      const distance = gowerDistance(a, trainingRows[j]!, ranges);
      data[i * n + j] = Number.isNaN(distance) ? 1 : distance;
    }
  }
  return { data, rows: rows.rows, cols: n };
}
