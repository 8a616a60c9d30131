/**
 * Small zod builders shared by every section of the config schema. Each builder attaches one
 * "expected" phrase to every way its value can fail ("an integer >= 1", "one of 'kmeans',
 * 'minibatch-kmeans'"), so an error message says what was expected without knowing which zod
 * check fired (issues.ts turns issue + phrase + found value into the sentence).
 *
 * Convention: every issue message produced under this schema is an "expected" phrase, never a
 * full sentence (schema-level `error` here, the parse-level fallback in issues.ts).
 */
import { z } from 'zod';

/** Returns a zod error option that always reports `expected`. */
export function expecting(expected: string): { error: () => string } {
  return { error: () => expected };
}

/** Quotes a list of allowed words: "'a', 'b' or 'c'". */
export function listWords(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1] ?? ''}`;
}

/**
 * An integer in [min, max] (`max` optional).
 * @example integer(1) // accepts 1, 2, ...; rejects 0, 2.5, 'five' with "an integer >= 1"
 */
export function integer(
  min: number,
  max?: number,
  expected = max === undefined ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`,
): z.ZodNumber {
  const option = expecting(expected);
  const schema = z.number(option).int(option).min(min, option);
  return max === undefined ? schema : schema.max(max, option);
}

/**
 * A finite number in [min, max] (either bound optional).
 * @example numberIn(0, 1) // "a number in [0, 1]"
 */
export function numberIn(min?: number, max?: number): z.ZodNumber {
  const expected =
    min !== undefined && max !== undefined
      ? `a number in [${min}, ${max}]`
      : min !== undefined
        ? `a number >= ${min}`
        : max !== undefined
          ? `a number <= ${max}`
          : 'a number';
  const option = expecting(expected);
  let schema = z.number(option);
  if (min !== undefined) schema = schema.min(min, option);
  if (max !== undefined) schema = schema.max(max, option);
  return schema;
}

/**
 * One of the listed words. Kept as data (a readonly tuple) so an enum grows by one entry, e.g.
 * the clustering algorithms of issue 7.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, expecting(`one of ${listWords(values)}`));
}

/** A non-empty string, described as `expected` (default "a non-empty string"). */
export function text(expected = 'a non-empty string'): z.ZodString {
  const option = expecting(expected);
  return z.string(option).min(1, option);
}

/** A column name as written in the data file's header. */
export function columnName(): z.ZodString {
  return text('a column name');
}

/**
 * A list of distinct column names (may be empty unless `nonEmpty`).
 * Duplicates are reported at the second occurrence.
 */
export function columnList(nonEmpty = false) {
  const expected = nonEmpty ? 'a non-empty list of column names' : 'a list of column names';
  const option = expecting(expected);
  const list = z.array(columnName(), option);
  return (nonEmpty ? list.min(1, option) : list).superRefine((names, context) => {
    const seen = new Set<string>();
    names.forEach((name, index) => {
      if (seen.has(name)) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `a column not already listed ('${name}' appears twice)`,
          input: name,
        });
      }
      seen.add(name);
    });
  });
}

/** A calendar date 'YYYY-MM-DD' (an ISO timestamp is accepted too). */
export function isoDate(): z.ZodString {
  const option = expecting("a date 'YYYY-MM-DD'");
  return z.string(option).regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+Z?)?$/, option);
}

/** A mapping whose keys are all known (unknown keys are errors, with suggestions). */
export function section<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, expecting('a mapping (key: value lines)'));
}
