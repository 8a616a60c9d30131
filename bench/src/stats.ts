/**
 * Summary statistics for repeated timings (pure).
 */

/**
 * The median of `values` (mean of the two middle values for an even count); NaN when empty.
 * Does not mutate its input.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * |a - b| / max(|a|, |b|), 0 when both are 0, NaN when either is missing or not finite.
 * @example relativeDifference(100, 100.05) // ~5e-4
 */
export function relativeDifference(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) {
    return Number.NaN;
  }
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}
