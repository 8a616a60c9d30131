/**
 * The symmetric, tiled exact silhouette used when every sample is scored: each pair distance
 * is computed once and credited to both samples, halving the O(n^2 d) work of the row kernel
 * (`silhouette-kernel.ts`), while staying deterministic under any split into threads.
 *
 * Notation: X sorted by cluster (rows of cluster c contiguous), n rows, d features, k clusters.
 * Each cluster is cut into segments of at most `segmentRows` rows; G segments in all. For every
 * pair of segments A <= B, the tile (A, B) computes all distances between their rows and writes
 *   partial[i * G + B] = sum_{j in B} ||x_i - x_j||   for i in A (row side), and
 *   partial[j * G + A] = sum_{i in A} ||x_i - x_j||   for j in B (column side).
 * Every entry is written by exactly one tile, so tiles can run on any thread in any order. The
 * cluster sums are then sum_{g in cluster c} partial[i * G + g] in segment order (a fixed order:
 * the same bits for any thread count) and feed `silhouetteFromSums`. Memory: n G doubles, kept
 * under a budget by `planSegments` (the caller falls back to the row kernel beyond it).
 */
import { type ClusterSortedData, silhouetteFromSums } from './silhouette-kernel.js';

/** Cluster segments: segment g covers sorted rows `starts[g]..ends[g]-1` of cluster `clusters[g]`. */
export interface SegmentPlan {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly clusters: Int32Array;
  /** G. */
  readonly count: number;
}

/** Largest `n * G` accepted (doubles of partial sums: 256 MB). */
const PARTIAL_BUDGET = 33_554_432;

/**
 * Cuts clusters into segments of about max(256, n / 64) rows; null when the partial sums would
 * exceed the memory budget (very large n or very many clusters).
 */
export function planSegments(offsets: Int32Array): SegmentPlan | null {
  const k = offsets.length - 1;
  const n = offsets[k]!;
  const segmentRows = Math.max(256, Math.ceil(n / 64));
  const starts: number[] = [];
  const ends: number[] = [];
  const clusters: number[] = [];
  for (let c = 0; c < k; c++) {
    for (let start = offsets[c]!; start < offsets[c + 1]!; start += segmentRows) {
      starts.push(start);
      ends.push(Math.min(offsets[c + 1]!, start + segmentRows));
      clusters.push(c);
    }
  }
  if (n * starts.length > PARTIAL_BUDGET) return null;
  return {
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    clusters: Int32Array.from(clusters),
    count: starts.length,
  };
}

/** Runs every tile (A, B) with B >= A for one segment A (a "tile row"). */
export function tileRowKernel(
  sorted: ClusterSortedData,
  plan: SegmentPlan,
  A: number,
  partial: Float64Array,
): void {
  diagonalTile(sorted, plan, A, partial);
  for (let B = A + 1; B < plan.count; B++) offDiagonalTile(sorted, plan, A, B, partial);
}

/** Pairs inside segment A: each i < j once. */
function diagonalTile(
  sorted: ClusterSortedData,
  plan: SegmentPlan,
  A: number,
  partial: Float64Array,
): void {
  const { data: S, cols: d } = sorted;
  const G = plan.count;
  const start = plan.starts[A]!;
  const end = plan.ends[A]!;
  const later = new Float64Array(end - start);
  const earlier = new Float64Array(end - start);
  for (let i = start; i < end; i++) {
    let sum = 0;
    for (let j = i + 1; j < end; j++) {
      let squared = 0;
      for (let t = 0; t < d; t++) {
        const diff = S[i * d + t]! - S[j * d + t]!;
        squared += diff * diff;
      }
      const distance = Math.sqrt(squared);
      sum += distance;
      earlier[j - start]! += distance;
    }
    later[i - start] = sum;
  }
  for (let i = start; i < end; i++) partial[i * G + A] = later[i - start]! + earlier[i - start]!;
}

/** All pairs between segments A < B; four rows of A share each pass over B. */
function offDiagonalTile(
  sorted: ClusterSortedData,
  plan: SegmentPlan,
  A: number,
  B: number,
  partial: Float64Array,
): void {
  const { data: S, cols: d } = sorted;
  const G = plan.count;
  const startA = plan.starts[A]!;
  const endA = plan.ends[A]!;
  const startB = plan.starts[B]!;
  const endB = plan.ends[B]!;
  const column = new Float64Array(endB - startB);
  const Q = new Float64Array(4 * d);
  let i = startA;
  for (; i + 4 <= endA; i += 4) {
    for (let q = 0; q < 4; q++) for (let t = 0; t < d; t++) Q[t * 4 + q] = S[(i + q) * d + t]!;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = startB, b = startB * d; j < endB; j++, b += d) {
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
      const d0 = Math.sqrt(a0);
      const d1 = Math.sqrt(a1);
      const d2 = Math.sqrt(a2);
      const d3 = Math.sqrt(a3);
      s0 += d0;
      s1 += d1;
      s2 += d2;
      s3 += d3;
      column[j - startB]! += d0 + d1 + (d2 + d3);
    }
    partial[i * G + B] = s0;
    partial[(i + 1) * G + B] = s1;
    partial[(i + 2) * G + B] = s2;
    partial[(i + 3) * G + B] = s3;
  }
  for (; i < endA; i++) {
    let sum = 0;
    for (let j = startB; j < endB; j++) {
      let squared = 0;
      for (let t = 0; t < d; t++) {
        const diff = S[i * d + t]! - S[j * d + t]!;
        squared += diff * diff;
      }
      const distance = Math.sqrt(squared);
      sum += distance;
      column[j - startB]! += distance;
    }
    partial[i * G + B] = sum;
  }
  for (let j = startB; j < endB; j++) partial[j * G + A] = column[j - startB]!;
}

/**
 * Silhouettes of sorted rows `start..end-1` from the partial sums, written at their original
 * row index: `out[order[r]]`.
 */
export function reduceTiles(
  plan: SegmentPlan,
  partial: Float64Array,
  counts: Int32Array,
  order: Int32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const G = plan.count;
  const k = counts.length;
  const sums = new Float64Array(k);
  let own = 0;
  for (let r = start; r < end; r++) {
    sums.fill(0);
    for (let g = 0; g < G; g++) sums[plan.clusters[g]!]! += partial[r * G + g]!;
    while (r >= plan.ends[own]!) own++;
    out[order[r]!] = silhouetteFromSums(sums, 0, plan.clusters[own]!, counts);
  }
}
