/**
 * "Did you mean ...?" for misspelt config keys and values: the closest candidate by
 * Damerau-Levenshtein distance (optimal string alignment: insertion, deletion, substitution and a
 * swap of neighbours each cost 1; Damerau 1964), accepted at distance <= 2 (and less than the longer word's length), or a candidate that
 * starts with the word (or the word with it) when the shorter has at least 3 characters
 * ("cluster" -> "clustering"). Comparison ignores case, '-' and '_'.
 */

/** Edit distance between `a` and `b` (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const table = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => table[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) table[i * width] = i;
  for (let j = 0; j <= b.length; j++) table[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      table[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}

const MAX_DISTANCE = 2;
const MIN_PREFIX = 3;

function normalise(word: string): string {
  return word.toLowerCase().replace(/[-_]/g, '');
}

/**
 * The candidate closest to `word`, or undefined when none is close enough. Ties go to the
 * earlier candidate.
 * @example
 * ```ts
 * closestWord('clusterin', ['source', 'clustering']); // 'clustering'
 * closestWord('algoritm', ['algorithm', 'k']); // 'algorithm'
 * closestWord('banana', ['source', 'clustering']); // undefined
 * ```
 */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const target = normalise(word);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const other = normalise(candidate);
    if (other === target) return candidate;
    const distance = editDistance(target, other);
    const [shorter, longer] = target.length <= other.length ? [target, other] : [other, target];
    const prefix = shorter.length >= MIN_PREFIX && longer.startsWith(shorter);
    // A prefix match ranks just after distance-2 matches, so a close typo wins over a prefix.
    // A full rewrite of a short word ('x' -> 'k') is no suggestion.
    const close = distance <= MAX_DISTANCE && distance < longer.length;
    const score = close ? distance : prefix ? MAX_DISTANCE + 0.5 : Infinity;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
