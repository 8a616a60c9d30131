/**
 * The Hungarian algorithm (Kuhn 1955; Munkres 1957) for the linear assignment problem, in the
 * O(r^2 c) shortest-augmenting-path form with row and column potentials (Jonker & Volgenant
 * 1987; the formulation of Burkard, Dell'Amico & Martello, "Assignment Problems", section 4.4).
 *
 * Notation: cost matrix C of shape (r, c). When r <= c every row gets a distinct column and the
 * total cost is minimal; when r > c the problem is solved on the transpose, so every column gets
 * a distinct row and r - c rows stay unassigned (-1). Potentials u (rows) and v (columns) keep
 * reduced costs C[i][j] - u[i] - v[j] >= 0; each phase adds one row by a Dijkstra-like search.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import { type Matrix, type MatrixLike, toMatrix, transpose } from '../matrix/matrix.js';

/** Result of {@link hungarian}. */
export interface Assignment {
  /** For each row, its column, or -1 when unassigned (only when rows > columns). */
  readonly rowToColumn: Int32Array;
  /** For each column, its row, or -1 when unassigned (only when columns > rows). */
  readonly columnToRow: Int32Array;
  /** Sum of the costs of the assigned cells (minimal). */
  readonly totalCost: number;
}

/**
 * Minimum-cost assignment of rows to columns.
 *
 * @param cost - cost matrix, shape (r, c), finite values (negate a score to maximise it).
 *   Rectangular matrices are allowed: min(r, c) pairs are assigned.
 * @returns {@link Assignment}. Among optimal assignments, the one found is deterministic.
 * @throws SegmintError INVALID_SHAPE for ragged rows, NON_FINITE_VALUE for NaN or infinite costs.
 * @example hungarian([[4, 1, 3], [2, 0, 5], [3, 2, 2]]).rowToColumn // Int32Array [1, 0, 2]
 */
export function hungarian(cost: MatrixLike): Assignment {
  const C = toMatrix(cost, 'cost');
  for (let p = 0; p < C.data.length; p++) {
    if (!Number.isFinite(C.data[p])) {
      const row = Math.floor(p / C.cols);
      throw new SegmintError(
        ERROR_CODES.NON_FINITE_VALUE,
        `hungarian: cost has ${formatValue(C.data[p])} at row ${row}, column ${p - row * C.cols}; costs must be finite.`,
        { row, column: p - row * C.cols, value: C.data[p] },
      );
    }
  }
  if (C.rows <= C.cols) {
    const rowToColumn = hungarianKernel(C);
    return finish(C, rowToColumn);
  }
  const columnToRow = hungarianKernel(transpose(C));
  const rowToColumn = new Int32Array(C.rows).fill(-1);
  columnToRow.forEach((row, column) => (rowToColumn[row] = column));
  return finish(C, rowToColumn);
}

function finish(C: Matrix, rowToColumn: Int32Array): Assignment {
  const columnToRow = new Int32Array(C.cols).fill(-1);
  let totalCost = 0;
  rowToColumn.forEach((column, row) => {
    if (column < 0) return;
    columnToRow[column] = row;
    totalCost += C.data[row * C.cols + column]!;
  });
  return { rowToColumn, columnToRow, totalCost };
}

/**
 * Unchecked kernel for r <= c: returns the column of each row. Indices 1..r / 1..c below, with
 * column 0 a virtual start column (the classical compact formulation).
 */
export function hungarianKernel(C: Matrix): Int32Array {
  const r = C.rows;
  const c = C.cols;
  const u = new Float64Array(r + 1);
  const v = new Float64Array(c + 1);
  const rowOfColumn = new Int32Array(c + 1); // p: 0 = free
  const way = new Int32Array(c + 1);
  const minSlack = new Float64Array(c + 1);
  const used = new Uint8Array(c + 1);
  for (let i = 1; i <= r; i++) {
    rowOfColumn[0] = i;
    let j0 = 0;
    minSlack.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfColumn[j0]!;
      let delta = Infinity;
      let j1 = 0;
      const base = (i0 - 1) * c;
      for (let j = 1; j <= c; j++) {
        if (used[j] === 1) continue;
        const reduced = C.data[base + j - 1]! - u[i0]! - v[j]!;
        if (reduced < minSlack[j]!) {
          minSlack[j] = reduced;
          way[j] = j0;
        }
        if (minSlack[j]! < delta) {
          delta = minSlack[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= c; j++) {
        if (used[j] === 1) {
          u[rowOfColumn[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minSlack[j]! -= delta;
        }
      }
      j0 = j1;
    } while (rowOfColumn[j0] !== 0);
    do {
      const j1 = way[j0]!;
      rowOfColumn[j0] = rowOfColumn[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToColumn = new Int32Array(r).fill(-1);
  for (let j = 1; j <= c; j++) if (rowOfColumn[j]! > 0) rowToColumn[rowOfColumn[j]! - 1] = j - 1;
  return rowToColumn;
}
