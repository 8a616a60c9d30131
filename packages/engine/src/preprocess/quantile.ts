/**
 * Quantiles exactly as numpy 1.24 computes them with its default 'linear' method (Hyndman & Fan
 * 1996, definition 7), including numpy's two-sided interpolation (`_lerp`: from the lower value
 * when the weight is below 0.5, from the upper value otherwise), so RobustScaler and IQR bounds
 * agree with scikit-learn to the last bits. Names: n = count of values, q in [0, 1].
 */

/** The non-NaN values, sorted ascending (a fresh array). */
export function sortedObserved(values: Float64Array): Float64Array {
  return values.filter((x) => !Number.isNaN(x)).sort();
}

/**
 * Quantile `q` in [0, 1] of ascending NaN-free `sorted` values (numpy `quantile(..., 'linear')`);
 * NaN when there are no values.
 */
export function quantileLinear(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = (n - 1) * q;
  const lo = Math.min(Math.max(Math.floor(position), 0), n - 1);
  const hi = Math.min(lo + 1, n - 1);
  const gamma = position - Math.floor(position);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** Median of ascending NaN-free values (mean of the two middle values for an even count). */
export function medianSorted(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
