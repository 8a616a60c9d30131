/**
 * A distinguishing trait of a segment: the strongest numeric or categorical difference of one
 * feature against the rest, with its effect size (Cohen's d for numeric features, Cohen's h of
 * the most distinctive value for categorical ones; both share the 0.2 / 0.5 / 0.8 thresholds).
 */
import { EFFECT_THRESHOLDS, effectStrength } from './effect-size.js';
import { humanizeFeature } from './feature-names.js';
import type { CategoricalTrait, NumericTrait } from './segment-statistics.js';

/** A ranked trait; `effect` is signed (positive: higher or more common in the segment). */
export type RankedTrait =
  | {
      readonly kind: 'numeric';
      readonly feature: string;
      readonly effect: number;
      readonly numeric: NumericTrait;
    }
  | {
      readonly kind: 'categorical';
      readonly feature: string;
      readonly effect: number;
      readonly categorical: CategoricalTrait;
    };

/**
 * Ranks one segment's features by |effect|, one trait per feature (for a categorical feature,
 * its value with the largest |h|; ties: the larger share), keeping those with |effect| >= 0.2
 * (Cohen's "small"). Ties in |effect| keep the feature order given.
 */
export function rankTraits(
  numeric: readonly NumericTrait[],
  categorical: readonly CategoricalTrait[],
  featureOrder: readonly string[],
): RankedTrait[] {
  const best = new Map<string, CategoricalTrait>();
  for (const trait of categorical) {
    const current = best.get(trait.feature);
    if (
      current === undefined ||
      Math.abs(trait.cohenH) > Math.abs(current.cohenH) ||
      (Math.abs(trait.cohenH) === Math.abs(current.cohenH) && trait.share > current.share)
    )
      best.set(trait.feature, trait);
  }
  const traits: RankedTrait[] = [
    ...numeric.map((t): RankedTrait => ({
      kind: 'numeric',
      feature: t.feature,
      effect: t.cohenD,
      numeric: t,
    })),
    ...[...best.values()].map((t): RankedTrait => ({
      kind: 'categorical',
      feature: t.feature,
      effect: t.cohenH,
      categorical: t,
    })),
  ].filter((t) => Math.abs(t.effect) >= EFFECT_THRESHOLDS.small);
  const order = new Map(featureOrder.map((name, j) => [name, j]));
  return traits.sort(
    (a, b) =>
      Math.abs(b.effect) - Math.abs(a.effect) ||
      (order.get(a.feature) ?? 0) - (order.get(b.feature) ?? 0),
  );
}

/** "much higher", "higher", "slightly higher" (and "lower") from |effect| 0.8 / 0.5 / 0.2. */
export function directionWords(effect: number): string {
  const direction = effect >= 0 ? 'higher' : 'lower';
  switch (effectStrength(effect)) {
    case 'large':
      return `much ${direction}`;
    case 'medium':
      return direction;
    case 'small':
      return `slightly ${direction}`;
    case 'negligible':
      return 'about the same';
  }
}

/** A signed effect size with two decimals ("1.83", "-0.49"), so the text never rounds across a threshold. */
export function formatEffect(effect: number): string {
  const text = effect.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/**
 * The short text of a trait.
 * @example "income much higher (d = 1.83)", "\"PhD\" (education) 1.9x as common (h = 0.52)",
 *   "\"Basic\" (education) absent (h = -0.46)"
 */
export function traitText(trait: RankedTrait): string {
  const feature = humanizeFeature(trait.feature);
  if (trait.kind === 'numeric') {
    return `${feature} ${directionWords(trait.effect)} (d = ${formatEffect(trait.effect)})`;
  }
  return `"${trait.categorical.value}" (${feature}) ${liftWords(trait)} (h = ${formatEffect(trait.effect)})`;
}

/**
 * How common a categorical value is compared with everyone: "1.9x as common" for a lift of at
 * least 1, else "absent", or "much less common" / "less common" / "slightly less common" by |h|.
 */
export function liftWords(trait: Extract<RankedTrait, { kind: 'categorical' }>): string {
  const { lift, share } = trait.categorical;
  if (lift >= 1) return `${lift.toFixed(1)}x as common`;
  if (share === 0) return 'absent';
  return directionWords(trait.effect).replace('lower', 'less common');
}
