/**
 * One paragraph describing a segment from its numbers only: size and share, then its two to
 * four strongest traits with the figures behind them ("average income 77,500 vs 52,000
 * overall"; "\"PhD\" (education) 1.9x as common (34% vs 18% overall)").
 *
 * Numbers are formatted without the host's locale so the text is the same on every machine.
 */
import { humanizeFeature } from './feature-names.js';
import { directionWords, liftWords, type RankedTrait } from './ranked-trait.js';

/** Traits a description mentions at most. */
export const DESCRIBED_TRAITS = 4;

/** Inserts thousands separators in the integer part of a plain decimal string. */
function group(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * A number for people, the same on every machine: three significant digits from 1,000 up
 * ("77,500"), whole numbers from 100, one decimal from 10, two decimals below; trailing zeros
 * dropped; "n/a" for NaN.
 * @example formatNumber(77_483) // '77,500'
 * @example formatNumber(0.4412) // '0.44'
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return value > 0 ? 'infinity' : '-infinity';
  const size = Math.abs(value);
  let text: string;
  if (size >= 1000) {
    const magnitude = 10 ** (Math.floor(Math.log10(size)) - 2);
    text = (Math.round(value / magnitude) * magnitude).toFixed(0);
  } else if (size >= 100) {
    text = value.toFixed(0);
  } else {
    text = value.toFixed(size >= 10 ? 1 : 2);
    if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  }
  if (text === '-0') text = '0';
  return group(text);
}

/** A share as a percentage with one decimal at most: 0.206 -> "20.6%", 0.5 -> "50%". */
export function formatShare(share: number): string {
  return `${(Math.round(share * 1000) / 10).toString()}%`;
}

function sentenceOf(trait: RankedTrait): string {
  const feature = humanizeFeature(trait.feature);
  if (trait.kind === 'numeric') {
    const { mean, overallMean } = trait.numeric;
    return `${feature} ${directionWords(trait.effect)} (average ${formatNumber(mean)} vs ${formatNumber(overallMean)} overall)`;
  }
  const { value, share, overallShare } = trait.categorical;
  return `"${value}" (${feature}) ${liftWords(trait)} (${formatShare(share)} vs ${formatShare(overallShare)} overall)`;
}

/**
 * The paragraph for one segment.
 * @param size - rows in the segment; `total` - rows in the table (noise included).
 * @param traits - ranked traits, strongest first (the first {@link DESCRIBED_TRAITS} are used).
 * @example describeSegment(412, 2000, traits)
 * // '412 customers (20.6% of 2,000). Compared with the rest: income much higher (average
 * //  77,500 vs 52,000 overall); wine spend much higher (average 820 vs 304 overall).'
 */
export function describeSegment(
  size: number,
  total: number,
  traits: readonly RankedTrait[],
): string {
  const head = `${group(String(size))} customer${size === 1 ? '' : 's'} (${formatShare(size / total)} of ${group(String(total))}).`;
  const used = traits.slice(0, DESCRIBED_TRAITS);
  if (used.length === 0) {
    return `${head} No feature differs noticeably from the rest (every effect size below 0.2).`;
  }
  const sentences = used.map(sentenceOf);
  return `${head} Compared with the rest: ${sentences.join('; ')}.`;
}
