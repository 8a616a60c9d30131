/**
 * Column statistics over a row-major matrix, computed in one pass per statistic family.
 * Variance is the population variance (divide by n, numpy's default `ddof=0`), as scikit-learn's
 * scalers use; NaN values are skipped and counted, so the imputers can share these.
 */
import type { Matrix } from './matrix.js';

/** Per-column summary. Arrays have length `cols`. */
export interface ColumnStats {
  /** Non-NaN count per column. */
  readonly count: Float64Array;
  readonly mean: Float64Array;
  /** Population variance (ddof = 0). */
  readonly variance: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** NaN count per column. */
  readonly missing: Float64Array;
}

/**
 * Mean, variance, min, max and missing count of every column, skipping NaN.
 * Uses Welford-style pairwise updates per column, stable for large offsets
 * (a column of 1e9 + small noise keeps its variance).
 */
export function columnStats(X: Matrix): ColumnStats {
  const { rows: n, cols: d, data } = X;
  const count = new Float64Array(d);
  const mean = new Float64Array(d);
  const m2 = new Float64Array(d);
  const min = new Float64Array(d).fill(Infinity);
  const max = new Float64Array(d).fill(-Infinity);
  const missing = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const base = i * d;
    for (let j = 0; j < d; j++) {
      const x = data[base + j]!;
      if (Number.isNaN(x)) {
        missing[j]!++;
        continue;
      }
      const c = ++count[j]!;
      const delta = x - mean[j]!;
      mean[j]! += delta / c;
      m2[j]! += delta * (x - mean[j]!);
      if (x < min[j]!) min[j] = x;
      if (x > max[j]!) max[j] = x;
    }
  }
  const variance = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const c = count[j]!;
    variance[j] = c > 0 ? m2[j]! / c : NaN;
    if (c === 0) {
      mean[j] = NaN;
      min[j] = NaN;
      max[j] = NaN;
    }
  }
  return { count, mean, variance, min, max, missing };
}

/**
 * Quantile `q` in [0, 1] of the sorted values, with linear interpolation between order
 * statistics (numpy's default `linear` method, which scikit-learn's RobustScaler uses).
 * `sorted` must be ascending and NaN-free.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = q * (n - 1);
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, n - 1);
  const frac = position - lo;
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return frac === 0 ? a : a + (b - a) * frac;
}

/** The non-NaN values of column `j`, sorted ascending. */
export function sortedColumn(X: Matrix, j: number): Float64Array {
  const values: number[] = [];
  for (let i = 0; i < X.rows; i++) {
    const x = X.data[i * X.cols + j]!;
    if (!Number.isNaN(x)) values.push(x);
  }
  return Float64Array.from(values).sort();
}

/** Mean of the non-NaN values of each column (length `cols`). */
export function columnMeans(X: Matrix): Float64Array {
  return columnStats(X).mean;
}
