/**
 * Per-cluster means, shared by the internal metrics. X is (n, d) row-major; codes in 0..k-1.
 * Sums are accumulated per cluster in blocks of rows and then added, which keeps the rounding
 * error close to numpy's pairwise `mean` for large clusters.
 */

/** Means of each cluster, shape (k, d) row-major. Assumes every cluster is non-empty. */
export function clusterMeans(
  data: Float64Array,
  d: number,
  codes: Int32Array,
  counts: Int32Array,
): Float64Array {
  const k = counts.length;
  const n = codes.length;
  const total = new Float64Array(k * d);
  const block = new Float64Array(k * d);
  const BLOCK = 1024;
  for (let start = 0; start < n; start += BLOCK) {
    block.fill(0);
    const end = Math.min(n, start + BLOCK);
    for (let i = start; i < end; i++) {
      const base = codes[i]! * d;
      for (let t = 0; t < d; t++) block[base + t]! += data[i * d + t]!;
    }
    for (let p = 0; p < k * d; p++) total[p]! += block[p]!;
  }
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) total[c * d + t]! /= counts[c]!;
  return total;
}
