/**
 * Effect sizes that say how different a segment is from the rest of the customers, on scales a
 * reader can compare across features.
 *
 * Names used below: m1, s1, n1 = mean, standard deviation and count of the segment; m2, s2, n2 =
 * the same for the rest; p1, p2 = the share of a category value in the segment and in the rest.
 *
 * - Cohen's d (Cohen 1988, ch. 2): (m1 - m2) / pooled standard deviation, with the pooled variance
 *   ((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2) (sample variances, ddof = 1).
 * - Cohen's h (Cohen 1988, ch. 6): 2 asin(sqrt(p1)) - 2 asin(sqrt(p2)), the standardised
 *   difference of two proportions. Its conventional thresholds are the same as d's (0.2 small,
 *   0.5 medium, 0.8 large), which is why numeric and categorical traits can be ranked together.
 */

/** Cohen's conventional thresholds for |d| and |h|: small, medium, large. */
export const EFFECT_THRESHOLDS = { small: 0.2, medium: 0.5, large: 0.8 } as const;

/** How strong an effect is, by {@link EFFECT_THRESHOLDS}. */
export type EffectStrength = 'negligible' | 'small' | 'medium' | 'large';

/**
 * Cohen's d of a segment against the rest, with the pooled sample standard deviation.
 * When the pooled deviation is 0 (both groups constant), or negligible beside `fallbackSd` (below
 * 1e-6 of it: rounding residue of constant groups, which would otherwise give d in the millions),
 * the difference is expressed in units of
 * `fallbackSd` (use the overall standard deviation): a feature that is 0 for every member and 1
 * for everyone else is the strongest trait there is, not an undefined one. Returns 0 when the
 * means are equal or no scale is positive, and 0 when either group has no value.
 * @example cohenD(3, 1, 10, 1, 1, 10, 1) // 2
 */
export function cohenD(
  segmentMean: number,
  segmentSd: number,
  segmentCount: number,
  restMean: number,
  restSd: number,
  restCount: number,
  fallbackSd: number,
): number {
  if (segmentCount === 0 || restCount === 0) return 0;
  const difference = segmentMean - restMean;
  if (difference === 0 || !Number.isFinite(difference)) return 0;
  const degrees = segmentCount + restCount - 2;
  const pooledVariance =
    degrees > 0
      ? ((segmentCount - 1) * segmentSd * segmentSd + (restCount - 1) * restSd * restSd) / degrees
      : 0;
  const pooled = Math.sqrt(Math.max(0, pooledVariance));
  const scale = pooled > 0 && !(pooled < 1e-6 * fallbackSd) ? pooled : fallbackSd;
  return scale > 0 ? difference / scale : 0;
}

/**
 * Cohen's h for two proportions in [0, 1]: positive when the value is more common in the
 * segment. Ranges over [-pi, pi].
 * @example cohenH(0.5, 0.5) // 0
 */
export function cohenH(segmentShare: number, restShare: number): number {
  return 2 * Math.asin(Math.sqrt(segmentShare)) - 2 * Math.asin(Math.sqrt(restShare));
}

/**
 * Classifies |effect| by Cohen's thresholds.
 * @example effectStrength(-0.9) // 'large'
 */
export function effectStrength(effect: number): EffectStrength {
  const size = Math.abs(effect);
  if (size >= EFFECT_THRESHOLDS.large) return 'large';
  if (size >= EFFECT_THRESHOLDS.medium) return 'medium';
  if (size >= EFFECT_THRESHOLDS.small) return 'small';
  return 'negligible';
}
