/**
 * The contingency table of two labellings, the input of every pair-counting and
 * information-theoretic comparison (ARI, AMI).
 *
 * Notation: labellings a and b of n samples; R distinct values in a (rows), C in b (columns);
 * n_ij = #{s : a_s is row i and b_s is column j}; a_i = sum_j n_ij; b_j = sum_i n_ij. Only the
 * non-zero cells are stored (scikit-learn's `contingency_matrix(sparse=True)`), so R x C may be
 * huge (many singleton clusters) without allocating it.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { type Matrix, zeros } from '../matrix/matrix.js';
import { checkIntegerLabels, encodeLabels } from './labels.js';

/** A sparse contingency table. Cells are sorted by (row, column). */
export interface ContingencyTable {
  /** n. */
  readonly sampleCount: number;
  /** Label value of each row (ascending values of `a`), length R. */
  readonly rowValues: Int32Array;
  /** Label value of each column (ascending values of `b`), length C. */
  readonly columnValues: Int32Array;
  /** a_i, length R. */
  readonly rowSums: Float64Array;
  /** b_j, length C. */
  readonly columnSums: Float64Array;
  /** Row index of each non-zero cell. */
  readonly cellRows: Int32Array;
  /** Column index of each non-zero cell. */
  readonly cellColumns: Int32Array;
  /** n_ij of each non-zero cell (> 0). */
  readonly cellCounts: Float64Array;
}

/**
 * Builds the contingency table of two labellings of the same samples.
 * @param a - integer labels (any sign, e.g. -1 for noise), length n.
 * @param b - integer labels, length n.
 * @throws SegmintError INVALID_LABELS for different lengths or non-integer values.
 * @example contingencyTable([0, 0, 1], [5, 6, 6]).cellCounts // Float64Array [1, 1, 1]
 */
export function contingencyTable(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  owner = 'contingencyTable',
): ContingencyTable {
  checkIntegerLabels(owner, a, undefined, undefined, 'a');
  checkIntegerLabels(owner, b, undefined, undefined, 'b');
  if (a.length !== b.length) {
    throw new SegmintError(
      ERROR_CODES.INVALID_LABELS,
      `${owner}: the labellings have different lengths (${a.length} and ${b.length}); expected one label per sample in each.`,
      { value: [a.length, b.length] },
    );
  }
  const n = a.length;
  const rows = encodeLabels(a);
  const columns = encodeLabels(b);
  const C = columns.values.length;
  const keys = new Float64Array(n);
  for (let s = 0; s < n; s++) keys[s] = rows.codes[s]! * C + columns.codes[s]!;
  keys.sort();
  let cells = 0;
  for (let s = 0; s < n; s++) if (s === 0 || keys[s] !== keys[s - 1]) cells++;
  const cellRows = new Int32Array(cells);
  const cellColumns = new Int32Array(cells);
  const cellCounts = new Float64Array(cells);
  let cell = -1;
  for (let s = 0; s < n; s++) {
    const key = keys[s]!;
    if (s === 0 || key !== keys[s - 1]) {
      cell++;
      const row = Math.floor(key / C);
      cellRows[cell] = row;
      cellColumns[cell] = key - row * C;
    }
    cellCounts[cell]!++;
  }
  return {
    sampleCount: n,
    rowValues: rows.values,
    columnValues: columns.values,
    rowSums: Float64Array.from(rows.counts),
    columnSums: Float64Array.from(columns.counts),
    cellRows,
    cellColumns,
    cellCounts,
  };
}

/** The table as a dense (R, C) matrix of counts (for display; R x C must fit in memory). */
export function contingencyMatrix(table: ContingencyTable): Matrix {
  const C = table.columnValues.length;
  const out = zeros(table.rowValues.length, C);
  for (let cell = 0; cell < table.cellCounts.length; cell++)
    out.data[table.cellRows[cell]! * C + table.cellColumns[cell]!] = table.cellCounts[cell]!;
  return out;
}
