/**
 * Segment names built only from the numbers: "Affluent wine lovers, no kids".
 *
 * A name has up to three slots filled from the segment's ranked traits (strongest first):
 * an adjective ("Affluent", "Young", "Lapsed"), a noun phrase ("wine lovers", "deal seekers",
 * "loyal big spenders"; default "customers") and a suffix ("no kids", "with kids"). Each slot
 * takes the first trait with |d| >= 0.5 whose feature name matches a customer-segmentation
 * idiom in that direction ("no kids" / "with kids" also need most members to have none / some). When no idiom matches, the name falls back to the strongest traits: "High wine
 * spend, low recency". Names stay short (at most {@link MAX_NAME_LENGTH} characters where the
 * words allow) and are made unique within a run.
 */
import { humanizeFeature, featureKey } from './feature-names.js';
import type { RankedTrait } from './ranked-trait.js';
import type { NumericTrait } from './segment-statistics.js';

/** Names longer than this drop their suffix, then their adjective, then words. */
export const MAX_NAME_LENGTH = 40;

/** Idioms speak for medium effects and up (|d| >= 0.5): "Affluent" is not a small difference. */
export const IDIOM_MIN_EFFECT = 0.5;

type Slot = 'adjective' | 'noun' | 'suffix';
interface Phrase {
  readonly slot: Slot;
  readonly text: string;
}
interface Idiom {
  /** Matched against `featureKey(name)` ("mnt wines | wine spend"). */
  readonly pattern: RegExp;
  readonly high?: Phrase;
  readonly low?: Phrase;
  /** Marks features that count as frequency / monetary for "loyal big spenders". */
  readonly role?: 'frequency' | 'monetary';
  /** Extra condition on the segment's numbers (counts: "no kids" needs a median of 0). */
  readonly when?: (trait: NumericTrait, high: boolean) => boolean;
}

/** "with kids" only when most members have one, "no kids" only when most have none. */
const mostHave = (trait: NumericTrait, high: boolean): boolean =>
  high ? trait.median >= 1 : trait.median <= 0;

const adjective = (text: string): Phrase => ({ slot: 'adjective', text });
const noun = (text: string): Phrase => ({ slot: 'noun', text });
const suffix = (text: string): Phrase => ({ slot: 'suffix', text });

/** Idioms in priority order: the first pattern that matches a feature decides its phrases. */
const IDIOMS: readonly Idiom[] = [
  {
    pattern: /\b(income|salary|earnings?|wealth)\b/,
    high: adjective('Affluent'),
    low: adjective('Budget'),
  },
  {
    pattern: /\b(kids?|kidhome|child|children|dependents?|family size)\b/,
    high: suffix('with kids'),
    low: suffix('no kids'),
  },
  {
    pattern: /\b(teens?|teenhome)\b/,
    high: suffix('with teens'),
    low: suffix('no teens'),
    when: mostHave,
  },
  { pattern: /\b(year birth|birth year|yob)\b/, high: adjective('Young'), low: adjective('Older') },
  { pattern: /\bage\b/, high: adjective('Older'), low: adjective('Young') },
  {
    pattern: /\b(recency|days since|last purchase|inactive)\b/,
    high: adjective('Lapsed'),
    low: adjective('Active'),
  },
  {
    pattern: /\b(tenure|customer since|signup|membership|seniority)\b/,
    high: adjective('Long-standing'),
    low: adjective('New'),
  },
  { pattern: /\b(deals?|discounts?|coupons?|promos?|promotions?)\b/, high: noun('deal seekers') },
  // Purchases, not visits: many web visits with few orders is browsing, not online shopping.
  {
    pattern: /\b(web|online|digital|app|internet) (purchases|orders|sales)\b/,
    high: noun('online shoppers'),
  },
  {
    pattern: /\b(store|in store|offline) (purchases|orders|sales)\b/,
    high: noun('in-store shoppers'),
  },
  { pattern: /\bcatalog(ue)? (purchases|orders|sales)\b/, high: noun('catalogue shoppers') },
  {
    pattern:
      /\b(monetary|total spend|totalspend|spend total|spending|revenue|lifetime value|clv)\b/,
    high: noun('big spenders'),
    low: noun('low spenders'),
    role: 'monetary',
  },
  {
    pattern: /\b(frequency|orders|invoices|transactions|purchases)\b/,
    high: noun('frequent buyers'),
    low: noun('occasional buyers'),
    role: 'frequency',
  },
];

/** "<category> spend" features (MntWines -> "wine spend") make "<category> lovers". */
function categoryLovers(feature: string): Phrase | undefined {
  const words = humanizeFeature(feature).split(' ');
  if (words.length >= 2 && words[words.length - 1] === 'spend' && words[0] !== 'total') {
    return noun(`${words.slice(0, -1).join(' ')} lovers`);
  }
  return undefined;
}

/** The idiom phrase of a numeric trait in its direction, if any, and its role. */
function phraseOf(trait: RankedTrait): { phrase?: Phrase; role?: 'frequency' | 'monetary' } {
  if (trait.kind !== 'numeric' || Math.abs(trait.effect) < IDIOM_MIN_EFFECT) return {};
  if (trait.effect > 0) {
    const lovers = categoryLovers(trait.feature);
    if (lovers !== undefined) return { phrase: lovers };
  }
  const key = featureKey(trait.feature);
  const idiom = IDIOMS.find((candidate) => candidate.pattern.test(key));
  if (idiom === undefined) return {};
  if (idiom.when !== undefined && !idiom.when(trait.numeric, trait.effect > 0))
    return { role: idiom.role };
  return { phrase: trait.effect > 0 ? idiom.high : idiom.low, role: idiom.role };
}

/** "high wine spend" / "low recency" / "mostly PhD": a trait as a plain qualifier. */
export function plainQualifier(trait: RankedTrait): string {
  if (trait.kind === 'numeric') {
    return `${trait.effect > 0 ? 'high' : 'low'} ${humanizeFeature(trait.feature)}`;
  }
  const { value, share } = trait.categorical;
  if (trait.effect < 0) return `few ${value}`;
  return `${share >= 0.5 ? 'mostly' : 'often'} ${value}`;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Cuts a phrase to at most `max` characters at a word boundary (no dangling comma). */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : text.slice(0, max)).replace(/[,\s]+$/, '');
}

/** A name and the features it mentions. */
export interface SegmentName {
  readonly name: string;
  readonly features: readonly string[];
}

/**
 * Names one segment from its ranked traits (strongest first).
 * @example nameFromTraits(traits) // { name: 'Affluent wine lovers, no kids', features: [...] }
 */
export function nameFromTraits(traits: readonly RankedTrait[]): SegmentName {
  const slots: Partial<Record<Slot, { text: string; feature: string }>> = {};
  const roles = new Set<string>();
  const plain: RankedTrait[] = [];
  for (const trait of traits) {
    const { phrase, role } = phraseOf(trait);
    if (role !== undefined && trait.effect > 0) roles.add(role);
    if (phrase === undefined) {
      plain.push(trait);
      continue;
    }
    if (slots[phrase.slot] === undefined)
      slots[phrase.slot] = { text: phrase.text, feature: trait.feature };
  }
  if (roles.has('frequency') && roles.has('monetary')) {
    const monetary = traits.find((t) => phraseOf(t).role === 'monetary');
    slots.noun = { text: 'loyal big spenders', feature: monetary?.feature ?? '' };
  }
  const features = (Object.values(slots) as { feature: string }[]).map((s) => s.feature);
  let head: string;
  if (slots.adjective === undefined && slots.noun === undefined) {
    if (plain.length === 0) {
      head = slots.suffix === undefined ? 'Typical customers' : 'Customers';
    } else {
      const first = plain[0]!;
      const second =
        plain.find((t) => t !== first && Math.sign(t.effect) !== Math.sign(first.effect)) ??
        plain[1];
      const parts = second === undefined || slots.suffix !== undefined ? [first] : [first, second];
      parts.sort((a, b) => b.effect - a.effect); // "High x, low y" reads better than "Low y, high x".
      head = parts.map(plainQualifier).join(', ');
      features.push(...parts.map((t) => t.feature));
    }
  } else {
    head = [slots.adjective?.text, slots.noun?.text ?? 'customers']
      .filter((t) => t !== undefined)
      .join(' ');
  }
  head = capitalize(head);
  let name = slots.suffix === undefined ? head : `${head}, ${slots.suffix.text}`;
  if (name.length > MAX_NAME_LENGTH) name = head;
  if (name.length > MAX_NAME_LENGTH && slots.adjective !== undefined && slots.noun !== undefined) {
    name = capitalize(slots.noun.text);
  }
  return { name: shorten(name, MAX_NAME_LENGTH), features };
}

/**
 * Makes names unique: the first segment (in the order given) keeps a shared name; later ones
 * add their strongest trait not yet in the name ("Budget customers, high recency") when that
 * fits in {@link MAX_NAME_LENGTH} characters and is free, else a number ("Budget customers (2)").
 */
export function uniqueNames(
  names: readonly SegmentName[],
  traits: readonly (readonly RankedTrait[])[],
): string[] {
  const taken = new Set<string>();
  return names.map(({ name, features }, g) => {
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    const extra = traits[g]?.find((t) => !features.includes(t.feature));
    if (extra !== undefined) {
      const qualified = `${name}, ${plainQualifier(extra)}`;
      if (qualified.length <= MAX_NAME_LENGTH && !taken.has(qualified)) {
        taken.add(qualified);
        return qualified;
      }
    }
    for (let copy = 2; ; copy++) {
      const numbered = `${name} (${copy})`;
      if (!taken.has(numbered)) {
        taken.add(numbered);
        return numbered;
      }
    }
  });
}
