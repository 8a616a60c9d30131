/**
 * Column names as a reader would say them: "MntWines" -> "wine spend", "NumWebVisitsMonth" ->
 * "web visits per month", "Year_Birth" -> "birth year", "total_spend" -> "total spend".
 *
 * Splits CamelCase, underscores, hyphens, dots and digit runs into words, lower-cases them (an
 * all-capital token such as "RFM" stays), and rewrites the prefixes common in marketing exports
 * (the Kaggle "Customer Personality Analysis" columns: Mnt = amount spent, Num = count of).
 */

/** Whole names that no rule spells well (keys: lower-case words joined without separators). */
const WHOLE_NAMES: Readonly<Record<string, string>> = {
  kidhome: 'kids at home',
  teenhome: 'teens at home',
  yearbirth: 'birth year',
  birthyear: 'birth year',
  dtcustomer: 'signup date',
  numwebvisitsmonth: 'web visits per month',
  numdealspurchases: 'deal purchases',
};

/** Words dropped after a spend prefix: "MntMeatProducts" -> "meat spend". */
const PRODUCT_WORDS = new Set(['products', 'product', 'prods', 'prod']);
/** Prefixes meaning "amount spent on". */
const SPEND_PREFIXES = new Set(['mnt', 'amt']);
/** Prefixes meaning "number of". */
const COUNT_PREFIXES = new Set(['num', 'nb', 'no']);

/**
 * Splits an identifier into words, keeping the original case of each word.
 * @example splitWords('NumWebVisitsMonth') // ['Num', 'Web', 'Visits', 'Month']
 * @example splitWords('RFMScore_2') // ['RFM', 'Score', '2']
 */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter((word) => word.length > 0);
}

/** Lower-cases a word unless it is an acronym (two or more capitals, no lower case). */
function lowerWord(word: string): string {
  return /^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase();
}

/** "wines" -> "wine", "fruits" -> "fruit"; leaves "glass", "status" and short words alone. */
function singular(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * A feature name in words, lower case, for traits and descriptions.
 * @example humanizeFeature('MntWines') // 'wine spend'
 * @example humanizeFeature('MntGoldProds') // 'gold spend'
 * @example humanizeFeature('NumStorePurchases') // 'store purchases'
 * @example humanizeFeature('Income') // 'income'
 */
export function humanizeFeature(name: string): string {
  const words = splitWords(name);
  if (words.length === 0) return name;
  const key = words.join('').toLowerCase();
  const whole = WHOLE_NAMES[key];
  if (whole !== undefined) return whole;
  const lower = words.map(lowerWord);
  const first = lower[0]!.toLowerCase();
  if (SPEND_PREFIXES.has(first) && lower.length > 1) {
    const rest = lower.slice(1).filter((word) => !PRODUCT_WORDS.has(word.toLowerCase()));
    if (rest.length === 0) return 'spend';
    rest[rest.length - 1] = singular(rest[rest.length - 1]!);
    return `${rest.join(' ')} spend`;
  }
  const body = COUNT_PREFIXES.has(first) && lower.length > 1 ? lower.slice(1) : lower;
  const last = body[body.length - 1]!;
  if (body.length > 1 && /^(month|week|day|year)$/.test(last) && body[body.length - 2] !== 'per') {
    return `${body.slice(0, -1).join(' ')} per ${last}`;
  }
  return body.join(' ');
}

/**
 * Lower-case words of a feature name joined by single spaces, plus its humanised form: the text
 * that naming idioms match against ("kidhome" and "kids at home" both mention kids).
 * @example featureKey('Year_Birth') // 'year birth | birth year'
 */
export function featureKey(name: string): string {
  const words = splitWords(name)
    .map((word) => word.toLowerCase())
    .join(' ');
  return `${words} | ${humanizeFeature(name).toLowerCase()}`;
}
