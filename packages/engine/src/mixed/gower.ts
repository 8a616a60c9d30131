/**
 * Gower distance between rows of mixed numeric and categorical data (Gower 1971, "A general
 * coefficient of similarity and some of its properties", Biometrics 27:857-871), for hierarchical
 * clustering and HDBSCAN on mixed data (`metric: 'precomputed'`).
 *
 * Notation: n rows; p numeric columns x_.f with ranges R_f = max - min over the present values;
 * q categorical columns c_.g of integer codes; w the (p + q) feature weights (numeric first). For
 * rows i, j the per-feature distances are |x_if - x_jf| / R_f (0 when R_f = 0) and
 * [c_ig != c_jg]; delta_ijf = 0 when either value is missing (NaN, or code -1), else 1. Then
 *   D(i, j) = sum_f w_f delta_ijf d_ijf / sum_f w_f delta_ijf,
 * NaN when no feature is present in both rows (Gower's coefficient is then undefined); the
 * square form has 0 on its diagonal.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { invalidParameter } from '../core/params.js';

/** Mixed data by column: numeric columns (NaN = missing) and categorical codes (-1 = missing). */
export interface GowerColumns {
  /** p numeric columns of n values each. */
  readonly numeric: readonly Float64Array[];
  /** q categorical columns of n integer codes each (any integer; -1 means missing). */
  readonly categorical: readonly Int32Array[];
}

/** Options of {@link gowerDistances}. */
export interface GowerOptions {
  /** One weight >= 0 per column, numeric columns first then categorical; default all 1. */
  readonly weights?: readonly number[];
  /** `'square'` (default): (n, n) row-major; `'condensed'`: the n (n - 1) / 2 upper-triangle entries in scipy's `pdist` order. */
  readonly form?: 'square' | 'condensed';
  /** Numeric ranges R_f to use instead of the data's (for distances to a fitted reference). */
  readonly ranges?: Float64Array | readonly number[];
}

/** A row of mixed data for {@link gowerDistance}: its numeric values and categorical codes. */
export interface GowerRow {
  readonly numeric: ArrayLike<number>;
  readonly categorical: ArrayLike<number>;
}

function check(columns: GowerColumns, options: GowerOptions): { n: number; weights: Float64Array } {
  const all = [...columns.numeric, ...columns.categorical];
  if (all.length === 0)
    throw new SegmintError(ERROR_CODES.INVALID_SHAPE, 'gowerDistances: no columns given.', {});
  const n = all[0]!.length;
  all.forEach((col, index) => {
    if (col.length !== n)
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `gowerDistances: column ${index} has ${col.length} values but column 0 has ${n}.`,
        { column: index, value: col.length },
      );
  });
  columns.numeric.forEach((col, index) => {
    for (let i = 0; i < n; i++)
      if (Number.isFinite(col[i]!) === false && !Number.isNaN(col[i]!))
        throw new SegmintError(
          ERROR_CODES.NON_FINITE_VALUE,
          `gowerDistances: numeric column ${index} has ${col[i]} at row ${i}; use NaN for missing values.`,
          { row: i, column: index, value: col[i] },
        );
  });
  const weights = new Float64Array(all.length).fill(1);
  if (options.weights !== undefined) {
    const given = options.weights;
    if (
      !Array.isArray(given) ||
      given.length !== all.length ||
      given.some((w) => typeof w !== 'number' || !Number.isFinite(w) || w < 0)
    )
      throw invalidParameter(
        'gowerDistances',
        'weights',
        `${all.length} finite numbers >= 0 (numeric columns first)`,
        given,
      );
    weights.set(given);
  }
  return { n, weights };
}

/**
 * The range max - min of each numeric column over its present (non-NaN) values; 0 for a column
 * with fewer than two distinct present values.
 * @example gowerRanges({ numeric: [Float64Array.of(1, NaN, 4)], categorical: [] }); // [3]
 */
export function gowerRanges(columns: Pick<GowerColumns, 'numeric'>): Float64Array {
  return Float64Array.from(columns.numeric, (col) => {
    let min = Infinity;
    let max = -Infinity;
    for (const x of col) {
      if (Number.isNaN(x)) continue;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    return max > min ? max - min : 0;
  });
}

/**
 * Gower distances between all pairs of rows. Memory: 8 n^2 bytes for the square form (half for
 * the condensed one), so subsample large data first (50,000 rows would need 20 GB square).
 *
 * @param columns - p numeric columns (NaN = missing) and q categorical columns (-1 = missing), all
 *   of length n.
 * @param options - `weights` (p + q, default 1), `form` ('square' default, or 'condensed'),
 *   `ranges` (default: from the data).
 * @returns a Float64Array of n * n (square, zero diagonal) or n (n - 1) / 2 (condensed) distances
 *   in [0, 1]; NaN for pairs with no feature present in both.
 * @throws SegmintError INVALID_SHAPE (no columns, ragged columns, wrong ranges length),
 *   NON_FINITE_VALUE (+-Infinity), INVALID_PARAMETER (bad weights).
 * @example
 * gowerDistances({ numeric: [Float64Array.of(0, 5, 10)], categorical: [Int32Array.of(0, 0, 1)] },
 *   { form: 'condensed' }); // [0.25, 1, 0.75]
 */
export function gowerDistances(columns: GowerColumns, options: GowerOptions = {}): Float64Array {
  const { n, weights } = check(columns, options);
  const ranges = resolveRanges(columns, options.ranges);
  const condensed = options.form === 'condensed';
  const out = new Float64Array(condensed ? (n * (n - 1)) / 2 : n * n);
  const p = columns.numeric.length;
  const numeric = columns.numeric;
  const categorical = columns.categorical;
  const numerator = new Float64Array(n);
  const denominator = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Row i against rows i+1..n-1, one column at a time (columns are contiguous in memory).
    numerator.fill(0, i + 1);
    denominator.fill(0, i + 1);
    for (let f = 0; f < p; f++) {
      const col = numeric[f]!;
      const w = weights[f]!;
      const xi = col[i]!;
      if (Number.isNaN(xi) || w === 0) continue;
      const inverse = ranges[f]! > 0 ? 1 / ranges[f]! : 0;
      for (let j = i + 1; j < n; j++) {
        const xj = col[j]!;
        if (Number.isNaN(xj)) continue;
        numerator[j]! += w * (Math.abs(xi - xj) * inverse);
        denominator[j]! += w;
      }
    }
    for (let g = 0; g < categorical.length; g++) {
      const col = categorical[g]!;
      const w = weights[p + g]!;
      const ci = col[i]!;
      if (ci === -1 || w === 0) continue;
      for (let j = i + 1; j < n; j++) {
        const cj = col[j]!;
        if (cj === -1) continue;
        if (cj !== ci) numerator[j]! += w;
        denominator[j]! += w;
      }
    }
    const base = condensed ? n * i - (i * (i + 1)) / 2 - i - 1 : i * n;
    for (let j = i + 1; j < n; j++) {
      const distance = denominator[j]! > 0 ? numerator[j]! / denominator[j]! : NaN;
      out[base + j] = distance;
      if (!condensed) out[j * n + i] = distance;
    }
  }
  return out;
}

function resolveRanges(
  columns: GowerColumns,
  given: Float64Array | readonly number[] | undefined,
): Float64Array {
  if (given === undefined) return gowerRanges(columns);
  if (given.length !== columns.numeric.length)
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `gowerDistances: 'ranges' has ${given.length} values but there are ${columns.numeric.length} numeric columns.`,
      { parameter: 'ranges', value: given.length },
    );
  return Float64Array.from(given);
}

/**
 * Gower distance between two rows, with the numeric ranges of a reference data set (for
 * assigning new rows: pass the training data's {@link gowerRanges}).
 *
 * @param a - p numeric values (NaN = missing) and q categorical codes (-1 = missing).
 * @param b - the same layout as `a`.
 * @param ranges - p numeric ranges R_f (0 = constant column: contributes 0).
 * @param weights - p + q weights (numeric first); default all 1.
 * @returns the distance in [0, 1], or NaN when no feature is present in both rows. Unchecked
 *   (a hot-path helper): lengths must match.
 * @example gowerDistance({ numeric: [0], categorical: [1] }, { numeric: [5], categorical: [2] }, Float64Array.of(10)); // 0.75
 */
export function gowerDistance(
  a: GowerRow,
  b: GowerRow,
  ranges: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  let numerator = 0;
  let denominator = 0;
  const p = a.numeric.length;
  for (let f = 0; f < p; f++) {
    const x = a.numeric[f]!;
    const y = b.numeric[f]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const w = weights === undefined ? 1 : weights[f]!;
    const range = ranges[f]!;
    numerator += w * (range > 0 ? Math.abs(x - y) * (1 / range) : 0);
    denominator += w;
  }
  for (let g = 0; g < a.categorical.length; g++) {
    const x = a.categorical[g]!;
    const y = b.categorical[g]!;
    if (x === -1 || y === -1) continue;
    const w = weights === undefined ? 1 : weights[p + g]!;
    if (x !== y) numerator += w;
    denominator += w;
  }
  return denominator > 0 ? numerator / denominator : NaN;
}
