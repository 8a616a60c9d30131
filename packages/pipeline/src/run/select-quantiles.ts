/**
 * Quantiles by selection instead of sorting: Hoare's quickselect (Hoare 1961, "Algorithm 65:
 * Find") places the order statistic at position ⌊q (n - 1)⌋ in expected O(n), so a five-number
 * summary of a million values costs a few linear passes instead of an O(n log n) sort. The
 * result equals `quantileSorted` on the sorted values (numpy's 'linear' interpolation between
 * the two neighbouring order statistics).
 *
 * Names: n = values, q = quantile in [0, 1], lo/hi = the neighbouring order-statistic positions.
 */

/** Moves the k-th smallest value of `a[left..right]` to position k (partially ordering `a`). */
function selectInPlace(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    // Median of three as the pivot keeps sorted and reversed inputs linear.
    const middle = (left + right) >>> 1;
    const x = a[left]!;
    const y = a[middle]!;
    const z = a[right]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * Quantiles of NaN-free values, each as `quantileSorted` would give on the sorted values.
 * @param values - the values; REORDERED in place (pass a copy to keep the order).
 * @param quantiles - each in [0, 1].
 * @returns one number per quantile (NaN for no values).
 * @example selectQuantiles(Float64Array.from([5, 1, 4, 2, 3]), [0, 0.25, 0.5, 1]) // [1, 2, 3, 5]
 */
export function selectQuantiles(values: Float64Array, quantiles: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return quantiles.map(() => NaN);
  // Ascending quantiles narrow the search: positions left of an earlier selected one hold
  // smaller values, so each later selection only scans from there.
  const order = quantiles.map((q, index) => ({ q, index })).sort((a, b) => a.q - b.q);
  const out = new Array<number>(quantiles.length).fill(NaN);
  let left = 0;
  for (const { q, index } of order) {
    const position = q * (n - 1);
    const lo = Math.floor(position);
    selectInPlace(values, lo, left, n - 1);
    left = lo;
    const a = values[lo]!;
    const fraction = position - lo;
    if (fraction === 0 || lo + 1 >= n) {
      out[index] = a;
      continue;
    }
    // After selection every value right of lo is >= a: the next order statistic is their minimum.
    let b = Infinity;
    for (let i = lo + 1; i < n; i++) if (values[i]! < b) b = values[i]!;
    out[index] = a + (b - a) * fraction;
  }
  return out;
}
