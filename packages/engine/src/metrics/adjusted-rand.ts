/**
 * The adjusted Rand index (Hubert & Arabie 1985, "Comparing partitions"), as scikit-learn
 * 1.2.1's `adjusted_rand_score`, via the pair confusion matrix.
 *
 * Notation: n_ij, a_i, b_j from the contingency table (`contingency.ts`); over ordered pairs of
 * distinct samples, tp = sum n_ij^2 - n (same cluster in both), fp = sum b_j^2 - sum n_ij^2,
 * fn = sum a_i^2 - sum n_ij^2, tn = n^2 - tp - fp - fn - n. Then
 *   ARI = 2 (tp tn - fn fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)),
 * and 1 when fn == fp == 0 (identical partitions, including both all-one-cluster, both
 * all-singletons, and empty input). Products use BigInt: tp tn exceeds 2^53 once n > ~10^4.
 */
import { contingencyTable } from './contingency.js';

/**
 * Agreement of two partitions, corrected for chance: 1 for identical partitions (up to
 * renaming), about 0 for independent ones, negative for worse than chance. Symmetric.
 * @param a - integer labels (any sign; -1 is an ordinary label here), length n.
 * @param b - integer labels, length n.
 * @throws SegmintError INVALID_LABELS for different lengths or non-integer labels.
 * @example adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0]) // 1
 * @example adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]) // -0.5
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const table = contingencyTable(a, b, 'adjustedRandIndex');
  const n = table.sampleCount;
  // Every sum below is an integer <= n^2, exact in float64 for n < 9.4e7.
  let sumSquares = 0;
  for (const count of table.cellCounts) sumSquares += count * count;
  let rowSquares = 0;
  for (const count of table.rowSums) rowSquares += count * count;
  let columnSquares = 0;
  for (const count of table.columnSums) columnSquares += count * count;
  const tp = BigInt(sumSquares - n);
  const fp = BigInt(columnSquares - sumSquares);
  const fn = BigInt(rowSquares - sumSquares);
  const tn = BigInt(n) * BigInt(n) - fp - fn - BigInt(sumSquares);
  if (fn === 0n && fp === 0n) return 1;
  const numerator = 2n * (tp * tn - fn * fp);
  const denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return Number(numerator) / Number(denominator);
}
