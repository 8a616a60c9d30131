/**
 * Mixed data for k-prototypes: splitting X into its numeric block and its categorical codes
 * (re-indexed densely per column) and Huang's default gamma.
 *
 * Notation: X is (n, d); p numeric columns (the block Xn, (n, p)), m categorical columns (the
 * block Xc, (n, m) of dense level indices); the cost of row i against prototype (c_c, q_c) is
 * ||Xn_i - c_c||^2 + gamma * #{g : Xc_ig != q_cg} (Huang 1997, "Clustering large data sets with
 * mixed numeric and categorical values", PAKDD).
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { invalidParameter } from '../core/params.js';
import type { Matrix } from '../matrix/matrix.js';

/** X split into a numeric block and dense categorical level indices. */
export interface MixedData {
  readonly n: number;
  /** Xn, (n * p) row-major. */
  readonly numeric: Float64Array;
  readonly p: number;
  /** Xc, (n * m) row-major dense level indices (level l of column g is code `levels[g][l]`). */
  readonly categorical: Int32Array;
  readonly m: number;
  /** The distinct codes of each categorical column, ascending (so index order = code order). */
  readonly levels: readonly Int32Array[];
  /** Start of each column's levels in a flat frequency table; (m + 1), the last is the total. */
  readonly levelOffsets: Int32Array;
  /** Column indices of X that are numeric, ascending (p). */
  readonly numericColumns: readonly number[];
}

/**
 * Checks `categoricalColumns` against X and splits X.
 * @throws SegmintError INVALID_PARAMETER (indices not distinct integers in [0, d)), INVALID_SHAPE
 *   (a categorical value that is not an integer code in [0, 2^31)).
 */
export function splitMixed(owner: string, X: Matrix, categoricalColumns: unknown): MixedData {
  const { data, rows: n, cols: d } = X;
  if (
    !Array.isArray(categoricalColumns) ||
    (categoricalColumns as unknown[]).some(
      (j) => typeof j !== 'number' || !Number.isInteger(j) || j < 0 || j >= d,
    ) ||
    new Set(categoricalColumns).size !== categoricalColumns.length
  )
    throw invalidParameter(
      owner,
      'categoricalColumns',
      `an array of distinct column indices in [0, ${d - 1}]`,
      categoricalColumns,
    );
  const categoricalIndices = categoricalColumns as number[];
  const isCategorical = new Uint8Array(d);
  for (const j of categoricalIndices) isCategorical[j] = 1;
  const numericColumns: number[] = [];
  for (let j = 0; j < d; j++) if (isCategorical[j] === 0) numericColumns.push(j);
  const p = numericColumns.length;
  const m = categoricalIndices.length;
  const numeric = new Float64Array(n * p);
  for (let i = 0; i < n; i++)
    for (let f = 0; f < p; f++) numeric[i * p + f] = data[i * d + numericColumns[f]!]!;

  const categorical = new Int32Array(n * m);
  const levels: Int32Array[] = [];
  const levelOffsets = new Int32Array(m + 1);
  categoricalIndices.forEach((column, g) => {
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const code = data[i * d + column]!;
      if (!Number.isInteger(code) || code < 0 || code > 0x7fffffff)
        throw new SegmintError(
          ERROR_CODES.INVALID_SHAPE,
          `${owner}: X has ${code} at row ${i}, column ${column}, a categorical column; ` +
            'categorical columns must hold integer codes >= 0.',
          { row: i, column, value: code },
        );
      seen.add(code);
    }
    const sorted = Int32Array.from(seen).sort();
    const index = new Map<number, number>();
    sorted.forEach((code, level) => index.set(code, level));
    for (let i = 0; i < n; i++) categorical[i * m + g] = index.get(data[i * d + column]!)!;
    levels.push(sorted);
    levelOffsets[g + 1] = levelOffsets[g]! + sorted.length;
  });
  return { n, numeric, p, categorical, m, levels, levelOffsets, numericColumns };
}

/**
 * Huang's default gamma: 0.5 * the mean population standard deviation of the numeric columns;
 * 1 when there are none (gamma then only scales the cost). The kmodes library takes
 * 0.5 * the standard deviation of all numeric values pooled, `Xnum.std()`: the same on
 * standardised columns (both 0.5), different on raw ones.
 */
export function huangGamma(numeric: Float64Array, n: number, p: number): number {
  if (p === 0) return 1;
  let total = 0;
  for (let f = 0; f < p; f++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += numeric[i * p + f]!;
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) {
      const diff = numeric[i * p + f]! - mean;
      variance += diff * diff;
    }
    total += Math.sqrt(variance / n);
  }
  return (0.5 * total) / p;
}
