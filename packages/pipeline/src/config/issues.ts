/**
 * Turns zod issues into {@link ConfigIssue}s a person can act on: the key path, its line:column in
 * the YAML, what was expected, what was found, and the closest valid key or value for a typo.
 *
 * Every issue message under the config schema is an "expected" phrase (schema-parts.ts);
 * {@link expectedFallback} supplies one for the checks that carry none.
 */
import type { z } from 'zod';
import type { ConfigLocator } from './locate.js';
import { listWords } from './schema-parts.js';
import { allKeyPaths, knownKeys } from './schema-walk.js';
import { closestWord } from './suggest.js';

/** One problem in a config. */
export interface ConfigIssue {
  /** Dotted key path ('clustering.k', 'cleaning.outliers[0].rule'); '' for the whole config. */
  readonly path: string;
  /** 1-based line and column in the config text; null for objects (no text). */
  readonly line: number | null;
  readonly column: number | null;
  /** What the key accepts: "an integer >= 1 or { min, max }". */
  readonly expected: string;
  /** What was there: "'five'", "nothing" for a missing key, the key itself for an unknown key. */
  readonly found: string;
  /** The closest valid key (or value) for a typo, when one is close. */
  readonly suggestion?: string;
  /** The sentence, without the file name: "'clustering.k' at line 4:6 must be ...; got 'five'". */
  readonly message: string;
}

/** The parse-level zod error map: an "expected" phrase for checks without their own. */
export const expectedFallback: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return describeType(issue.expected);
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const relation = issue.code === 'too_small' ? '>' : '<';
      const inclusive = issue.inclusive === true ? '=' : '';
      if (issue.origin === 'array') return `a list with ${relation}${inclusive} ${bound} items`;
      if (issue.origin === 'string')
        return `a text with ${relation}${inclusive} ${bound} characters`;
      return `a number ${relation}${inclusive} ${bound}`;
    }
    case 'invalid_value':
      return `one of ${listWords(issue.values.map(String))}`;
    case 'invalid_union':
      return 'one of the allowed forms';
    default:
      return 'a valid value';
  }
};

function describeType(expected: string): string {
  const phrases: Record<string, string> = {
    number: 'a number',
    int: 'an integer',
    string: 'a string',
    boolean: 'true or false',
    object: 'a mapping (key: value lines)',
    array: 'a list',
    null: 'null',
  };
  return phrases[expected] ?? `a ${expected}`;
}

/** 'clustering.k', 'cleaning.outliers[0].rule'. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/** A value as a person reads it in a message: 'five', 3, [1, 2], { min: 8, max: 3 }, nothing. */
export function formatFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value !== 'object') return typeof value;
  const short = (text: string, long: string): string => (text.length <= 60 ? text : long);
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return short(`[${items.map(formatFound).join(', ')}]`, `a list of ${items.length} items`);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return short(
    `{ ${entries.map(([key, item]) => `${key}: ${formatFound(item)}`).join(', ')} }`,
    `a mapping with keys ${entries.map(([key]) => key).join(', ')}`,
  );
}

/** The raw value at `path`; stops at the first scalar (a union's inner path below a string). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return value;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/**
 * The allowed words of an enum issue (directly, or inside a union's branches); for a
 * discriminated union's unknown tag, the quoted words of its "one of 'a', 'b'" phrase.
 */
function allowedWords(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'invalid_value') return issue.values.map(String);
  if (issue.code !== 'invalid_union') return [];
  const nested = issue.errors.flat().flatMap(allowedWords);
  if (nested.length > 0 || !issue.message.startsWith('one of ')) return nested;
  return [...issue.message.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '');
}

/** Issue codes meaning "this branch does not describe the value at all". */
const SHAPE_CODES = new Set<string>(['invalid_type', 'invalid_value', 'invalid_union']);

/**
 * A union whose value had the right shape for one branch only (a list, a mapping) is best
 * explained by that branch's own issues ("'clustering.algorithm[1]' must be one of ...") rather
 * than by the union's summary. A branch "matched the shape" when none of its issues says the value
 * itself has the wrong type or value (unknown keys and problems below the value do not count).
 */
function expandUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const shaped = issue.errors.filter(
      (branch) =>
        branch.length > 0 &&
        !branch.some((inner) => inner.path.length === 0 && SHAPE_CODES.has(inner.code)),
    );
    const [branch] = shaped;
    if (shaped.length !== 1 || branch === undefined) return [issue];
    return expandUnions(
      branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
    );
  });
}

/** What converts issues: the schema, the raw value, positions, and keys reserved by the caller. */
export interface IssueContext {
  readonly schema: z.ZodType;
  readonly value: unknown;
  readonly locator?: ConfigLocator;
  /** Top-level keys that exist but are not accepted here, with the reason ('source' in partial mode). */
  readonly reservedKeys?: Readonly<Record<string, string>>;
}

/**
 * Converts zod issues to {@link ConfigIssue}s, one per unknown key, sorted by position in the text.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  context: IssueContext,
): ConfigIssue[] {
  const described: ConfigIssue[] = [];
  const where = (path: readonly PropertyKey[], target: 'key' | 'value') => {
    const position = context.locator?.locate(path, target) ?? null;
    return {
      line: position?.line ?? null,
      column: position?.column ?? null,
      at: position === null ? '' : ` at line ${position.line}:${position.column}`,
    };
  };
  let keyPaths: string[] | undefined;
  for (const issue of expandUnions(issues)) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(context.schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const { line, column, at } = where(path, 'key');
        const reserved = issue.path.length === 0 ? context.reservedKeys?.[key] : undefined;
        let suggestion = closestWord(key, known);
        if (suggestion === undefined && reserved === undefined) {
          keyPaths ??= allKeyPaths(context.schema);
          // Prefer a key of a mapping ('clustering.k') over one inside a list item.
          const elsewhere = keyPaths.filter((candidate) => candidate.split('.').pop() === key);
          suggestion = elsewhere.find((candidate) => !candidate.includes('[]')) ?? elsewhere[0];
        }
        const hint =
          reserved !== undefined
            ? `: ${reserved}`
            : suggestion !== undefined
              ? `; did you mean '${suggestion}'?`
              : `; allowed keys${issue.path.length === 0 ? '' : ` in '${formatPath(issue.path)}'`}: ${known.join(', ')}`;
        described.push({
          path: formatPath(path),
          line,
          column,
          expected: `one of the keys ${known.join(', ')}`,
          found: `'${key}'`,
          ...(suggestion === undefined ? {} : { suggestion }),
          message: `unknown key '${formatPath(path)}'${at}${hint}`,
        });
      }
      continue;
    }
    const found = valueAt(context.value, issue.path);
    const { line, column, at } = where(issue.path, 'value');
    const name = formatPath(issue.path);
    const expected = issue.message;
    const words = allowedWords(issue);
    const suggestion =
      typeof found === 'string' && words.length > 0 ? closestWord(found, words) : undefined;
    const message =
      found === undefined
        ? `'${name}' is missing${at}: it must be ${expected}`
        : `'${name}'${at} must be ${expected}; got ${formatFound(found)}` +
          (suggestion === undefined ? '' : `; did you mean '${suggestion}'?`);
    described.push({
      path: name,
      line,
      column,
      expected,
      found: formatFound(found),
      ...(suggestion === undefined ? {} : { suggestion }),
      message,
    });
  }
  const rank = (issue: ConfigIssue): number =>
    issue.line === null ? Infinity : issue.line * 1e6 + (issue.column ?? 0);
  return described
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.index - b.index)
    .map(({ issue }) => issue);
}
