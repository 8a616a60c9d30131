/**
 * The exact silhouette kernel (Rousseeuw 1987), shared by the serial metric, the stratified
 * estimate and the worker threads.
 *
 * Notation: X is (n, d) row-major, k clusters with sizes N_c. For sample i in cluster c:
 *   a(i) = sum_{j in c} ||x_i - x_j|| / (N_c - 1)            (mean distance to its own cluster)
 *   b(i) = min_{c' != c} sum_{j in c'} ||x_i - x_j|| / N_c'  (nearest other cluster)
 *   s(i) = (b - a) / max(a, b), and 0 when N_c == 1 or a == b == 0 (scikit-learn's nan_to_num).
 *
 * Distances are exact Euclidean (sqrt of the sum of squared differences), not the dot-product
 * expansion, so duplicates give exactly 0. Cost is O(n^2 d) time and O(chunk * k) memory: the
 * data is copied once into cluster-contiguous order (stable, so each per-cluster sum adds terms
 * in the original row order, as scikit-learn's `np.bincount` does), then blocks of 4 query rows
 * sweep each cluster, accumulating into scalars. Every query row's arithmetic is independent of
 * how rows are split into chunks or threads, so serial and parallel results are bit-identical.
 */

/** X reordered so that each cluster's rows are contiguous. */
export interface ClusterSortedData {
  /** Rows of X grouped by cluster code (stable), shape (n, d), row-major. */
  readonly data: Float64Array;
  /** Cluster c occupies rows `offsets[c]..offsets[c+1]-1`; length k + 1. */
  readonly offsets: Int32Array;
  readonly cols: number;
  /** Original row index of each sorted row (optional: the workers do not need it). */
  readonly order?: Int32Array;
}

/** Copies X into cluster-contiguous order (stable counting sort by code). */
export function sortByCluster(
  data: Float64Array,
  cols: number,
  codes: Int32Array,
  counts: Int32Array,
  output?: Float64Array,
): ClusterSortedData {
  const n = codes.length;
  const k = counts.length;
  const d = cols;
  const offsets = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) offsets[c + 1] = offsets[c]! + counts[c]!;
  const next = offsets.slice(0, k);
  const sorted = output ?? new Float64Array(n * d);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const target = next[codes[i]!]!++;
    order[target] = i;
    sorted.set(data.subarray(i * d, (i + 1) * d), target * d);
  }
  return { data: sorted, offsets, cols: d, order };
}

/** Rows per chunk: bounds the (chunk, k) buffer of distance sums. */
const CHUNK = 256;

/**
 * Silhouette of the query rows `rows[start..end-1]` (indices into X), written to
 * `out[start..end-1]`. Assumes valid input: finite X, codes in 0..k-1, 2 <= k.
 */
export function silhouetteRowsKernel(
  data: Float64Array,
  sorted: ClusterSortedData,
  codes: Int32Array,
  counts: Int32Array,
  rows: ArrayLike<number>,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const k = counts.length;
  const sums = new Float64Array(CHUNK * k);
  for (let chunk = start; chunk < end; chunk += CHUNK) {
    const chunkEnd = Math.min(end, chunk + CHUNK);
    clusterDistanceSums(data, sorted, rows, chunk, chunkEnd, sums);
    for (let r = chunk; r < chunkEnd; r++) {
      const base = (r - chunk) * k;
      const own = codes[rows[r]!]!;
      out[r] = silhouetteFromSums(sums, base, own, counts);
    }
  }
}

/** s(i) from the per-cluster distance sums `sums[base + c]` of a row in cluster `own`. */
export function silhouetteFromSums(
  sums: Float64Array,
  base: number,
  own: number,
  counts: Int32Array,
): number {
  const ownCount = counts[own]!;
  if (ownCount <= 1) return 0;
  const a = sums[base + own]! / (ownCount - 1);
  let b = Infinity;
  for (let c = 0; c < counts.length; c++) {
    if (c === own) continue;
    const mean = sums[base + c]! / counts[c]!;
    if (mean < b) b = mean;
  }
  const scale = Math.max(a, b);
  return scale > 0 ? (b - a) / scale : 0;
}

/**
 * For each query row r in `rows[start..end-1]`, the sum of exact distances to every row of each
 * cluster: `sums[(r - start) * k + c]`. Four query rows share each pass over the data, kept in a
 * small transposed block so the inner loop reads them with unit stride.
 */
export function clusterDistanceSums(
  data: Float64Array,
  sorted: ClusterSortedData,
  rows: ArrayLike<number>,
  start: number,
  end: number,
  sums: Float64Array,
): void {
  const { data: S, offsets, cols: d } = sorted;
  const k = offsets.length - 1;
  const Q = new Float64Array(4 * d);
  for (let r = start; r < end; r += 4) {
    const m = Math.min(4, end - r);
    for (let q = 0; q < 4; q++) {
      // Pad a short last block by repeating its last row; the padded sums are discarded.
      const i = rows[r + Math.min(q, m - 1)]!;
      for (let t = 0; t < d; t++) Q[t * 4 + q] = data[i * d + t]!;
    }
    const o = (r - start) * k;
    for (let c = 0; c < k; c++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const stop = offsets[c + 1]! * d;
      for (let b = offsets[c]! * d; b < stop; b += d) {
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let t = 0, p = 0; t < d; t++, p += 4) {
          const x = S[b + t]!;
          let diff = Q[p]! - x;
          a0 += diff * diff;
          diff = Q[p + 1]! - x;
          a1 += diff * diff;
          diff = Q[p + 2]! - x;
          a2 += diff * diff;
          diff = Q[p + 3]! - x;
          a3 += diff * diff;
        }
        s0 += Math.sqrt(a0);
        s1 += Math.sqrt(a1);
        s2 += Math.sqrt(a2);
        s3 += Math.sqrt(a3);
      }
      sums[o + c] = s0;
      if (m > 1) sums[o + k + c] = s1;
      if (m > 2) sums[o + 2 * k + c] = s2;
      if (m > 3) sums[o + 3 * k + c] = s3;
    }
  }
}
