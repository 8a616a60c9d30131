/**
 * The PCA data passes: column means, the scatter matrix of the centred data, and the sign
 * pivots of scikit-learn's `svd_flip`. Each pass works on a fixed partition of the rows into
 * "parts" that depends only on (n, d), and parts are combined in order, so the serial fit and
 * the threaded fit (`pcaParallel`, each worker taking whole parts) give identical results.
 *
 * Notation: X is (n, d) row-major, m the column means, Xc = X - m. The scatter is
 * S = Xc^T Xc (d, d); only its upper triangle is accumulated, packed row by row, with T =
 * d (d + 1) / 2 entries. Centring first (two passes) keeps S accurate when the data sits far
 * from the origin (the one-pass X^T X - n m m^T formula cancels catastrophically). Within a
 * part, four rows are combined per update of S (four multiply-adds per load/store of S).
 */

/** Rows per part at least this many; at most MAX_PARTS parts; partial scatters bounded in memory. */
const MIN_PART_ROWS = 4096;
const MAX_PARTS = 64;
const PARTIAL_BUDGET = 4_194_304;

/** Entries of the packed upper triangle of a (d, d) symmetric matrix. */
export function triangleSize(d: number): number {
  return (d * (d + 1)) / 2;
}

/** Number of row parts for (n, d): depends only on the shape, never on the thread count. */
export function partCount(n: number, d: number): number {
  const byRows = Math.ceil(n / MIN_PART_ROWS);
  const byMemory = Math.max(1, Math.floor(PARTIAL_BUDGET / triangleSize(d)));
  return Math.max(1, Math.min(byRows, MAX_PARTS, byMemory));
}

/** Rows `[start, end)` of part `p` of `parts`. */
export function partRows(n: number, parts: number, p: number): [number, number] {
  return [Math.floor((p * n) / parts), Math.floor(((p + 1) * n) / parts)];
}

/** Column sums of rows `[start, end)` into `out[offset .. offset + d)`. */
export function columnSumsKernel(
  data: Float64Array,
  d: number,
  start: number,
  end: number,
  out: Float64Array,
  offset: number,
): void {
  for (let t = 0; t < d; t++) out[offset + t] = 0;
  for (let i = start; i < end; i++) {
    const base = i * d;
    for (let t = 0; t < d; t++) out[offset + t]! += data[base + t]!;
  }
}

/**
 * Packed upper triangle of (X[start:end] - m)^T (X[start:end] - m) into
 * `out[offset .. offset + T)`.
 */
export function scatterKernel(
  data: Float64Array,
  d: number,
  mean: Float64Array,
  start: number,
  end: number,
  out: Float64Array,
  offset: number,
): void {
  const size = triangleSize(d);
  for (let p = 0; p < size; p++) out[offset + p] = 0;
  const rows = new Float64Array(4 * d);
  for (let i = start; i < end; i += 4) {
    const m = Math.min(4, end - i);
    for (let r = 0; r < 4; r++) {
      const base = (i + r) * d;
      // A short last group is padded with zero rows, which add nothing.
      if (r < m) for (let t = 0; t < d; t++) rows[r * d + t] = data[base + t]! - mean[t]!;
      else for (let t = 0; t < d; t++) rows[r * d + t] = 0;
    }
    let p = offset;
    for (let a = 0; a < d; a++) {
      const x0 = rows[a]!;
      const x1 = rows[d + a]!;
      const x2 = rows[2 * d + a]!;
      const x3 = rows[3 * d + a]!;
      for (let b = a; b < d; b++, p++) {
        out[p]! +=
          x0 * rows[b]! + x1 * rows[d + b]! + x2 * rows[2 * d + b]! + x3 * rows[3 * d + b]!;
      }
    }
  }
}

/**
 * For each of the k components (rows of `components`, shape (k, d)), the first row in
 * `[start, end)` with the largest |(x - m) . v| and that projection's value:
 * `out[2c]` = row index, `out[2c + 1]` = projection (row -1 when the range is empty).
 */
export function signPivotKernel(
  data: Float64Array,
  d: number,
  mean: Float64Array,
  components: Float64Array,
  k: number,
  start: number,
  end: number,
  out: Float64Array,
  offset: number,
): void {
  const best = new Float64Array(k).fill(-1);
  const bestRow = new Float64Array(k).fill(-1);
  const bestValue = new Float64Array(k);
  const centred = new Float64Array(d);
  const projections = new Float64Array(k);
  for (let i = start; i < end; i++) {
    const base = i * d;
    for (let t = 0; t < d; t++) centred[t] = data[base + t]! - mean[t]!;
    // Components in groups of two: one pass over the centred row feeds two dot products.
    let c = 0;
    for (; c + 1 < k; c += 2) {
      const v0 = c * d;
      const v1 = v0 + d;
      let p0 = 0;
      let p1 = 0;
      for (let t = 0; t < d; t++) {
        const x = centred[t]!;
        p0 += x * components[v0 + t]!;
        p1 += x * components[v1 + t]!;
      }
      projections[c] = p0;
      projections[c + 1] = p1;
    }
    if (c < k) {
      const v0 = c * d;
      let p0 = 0;
      for (let t = 0; t < d; t++) p0 += centred[t]! * components[v0 + t]!;
      projections[c] = p0;
    }
    for (let j = 0; j < k; j++) {
      const magnitude = Math.abs(projections[j]!);
      if (magnitude > best[j]!) {
        best[j] = magnitude;
        bestRow[j] = i;
        bestValue[j] = projections[j]!;
      }
    }
  }
  for (let j = 0; j < k; j++) {
    out[offset + 2 * j] = bestRow[j]!;
    out[offset + 2 * j + 1] = bestValue[j]!;
  }
}

/** Sums the first `count` length-`size` partials in `partials`, in order. */
export function sumPartials(partials: Float64Array, size: number, count: number): Float64Array {
  const total = new Float64Array(size);
  for (let p = 0; p < count; p++) {
    const base = p * size;
    for (let j = 0; j < size; j++) total[j]! += partials[base + j]!;
  }
  return total;
}

/** Combines per-part sign pivots in part order: the first row with the largest |projection|. */
export function combinePivots(pivots: Float64Array, k: number, parts: number): Float64Array {
  const signs = new Float64Array(k).fill(1);
  for (let c = 0; c < k; c++) {
    let best = -1;
    let value = 0;
    for (let p = 0; p < parts; p++) {
      const base = p * 2 * k + 2 * c;
      if (pivots[base]! < 0) continue;
      const magnitude = Math.abs(pivots[base + 1]!);
      if (magnitude > best) {
        best = magnitude;
        value = pivots[base + 1]!;
      }
    }
    // numpy's sign(0) is 0, which would zero the component; keep +1 instead (degenerate data).
    signs[c] = value < 0 ? -1 : 1;
  }
  return signs;
}
