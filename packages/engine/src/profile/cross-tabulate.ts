/**
 * Cross-tabulation of two labelings of the same rows, e.g. clusters against the named RFM
 * segments ("how many Champions are in segment 2?").
 *
 * Names used below: n = rows, r = row categories (the first labeling), c = column categories.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';

/** Label of the column holding rows whose second value is missing (null). */
export const MISSING_CATEGORY = '(missing)';
/** Label of the extra row for noise (-1) in the first labeling. */
export const NOISE_CATEGORY = 'Noise';

/** Counts of rows per (row category, column category). */
export interface CrossTabulation {
  /** Row categories: `aNames`, plus {@link NOISE_CATEGORY} when some `a` is -1. */
  rows: string[];
  /** Column categories: distinct values of `b` by total count descending, then name ascending. */
  columns: string[];
  /** counts[row][column], shape (rows.length, columns.length). */
  counts: number[][];
}

/**
 * Counts rows per pair (a[i], b[i]).
 *
 * @param a - codes into `aNames` (integers in [0, aNames.length)); -1 (noise) gets its own
 *   last row {@link NOISE_CATEGORY}.
 * @param aNames - names of the codes of `a`, e.g. the segment names.
 * @param b - a category per row (null: {@link MISSING_CATEGORY}), e.g. RFM segment names.
 * @throws SegmintError INVALID_LABELS when lengths differ or a code is out of range.
 * @example
 * crossTabulate([0, 0, 1], ['Young', 'Old'], ['Lost', 'Lost', 'Champions'])
 * // { rows: ['Young', 'Old'], columns: ['Lost', 'Champions'], counts: [[2, 0], [0, 1]] }
 */
export function crossTabulate(
  a: ArrayLike<number>,
  aNames: readonly string[],
  b: readonly (string | null)[],
): CrossTabulation {
  const owner = 'crossTabulate';
  const n = a.length;
  if (b.length !== n) {
    throw new SegmintError(
      ERROR_CODES.INVALID_LABELS,
      `${owner}: 'b' has ${b.length} values but 'a' has ${n}; expected one value per row.`,
      { expected: n, value: b.length },
    );
  }
  let noise = false;
  for (let i = 0; i < n; i++) {
    const code = a[i]!;
    if (code === -1) noise = true;
    else if (!Number.isInteger(code) || code < 0 || code >= aNames.length) {
      throw new SegmintError(
        ERROR_CODES.INVALID_LABELS,
        `${owner}: a[${i}] is ${formatValue(code)}; expected an integer in [0, ${aNames.length - 1}] or -1 (noise).`,
        { row: i, value: code },
      );
    }
  }
  const totals = new Map<string, number>();
  for (const value of b) {
    const key = value ?? MISSING_CATEGORY;
    totals.set(key, (totals.get(key) ?? 0) + 1);
  }
  const columns = [...totals]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([name]) => name);
  const position = new Map(columns.map((name, j) => [name, j]));
  const rows = noise ? [...aNames, NOISE_CATEGORY] : [...aNames];
  const counts = rows.map(() => new Array<number>(columns.length).fill(0));
  for (let i = 0; i < n; i++) {
    const code = a[i]!;
    const row = code === -1 ? aNames.length : code;
    counts[row]![position.get(b[i] ?? MISSING_CATEGORY)!]!++;
  }
  return { rows, columns, counts };
}
