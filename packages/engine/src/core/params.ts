/**
 * Parameter constraints as data (scikit-learn's `_parameter_constraints`): one helper writes
 * every message, so all estimators say "what, where and the value" the same way:
 * "kmeans: 'clusterCount' must be an integer in [1, 10000]; got 0."
 */
import { ERROR_CODES, SegmintError, formatValue } from './errors.js';

/** A constraint on one option. */
export type Constraint =
  | { readonly type: 'integer'; readonly min?: number; readonly max?: number }
  | {
      readonly type: 'number';
      readonly min?: number;
      readonly max?: number;
      /** Exclude the bounds themselves: (min, max) instead of [min, max]. */
      readonly exclusiveMin?: boolean;
      readonly exclusiveMax?: boolean;
    }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'string' }
  | { readonly type: 'any' };

/** Constraints for each key of an options object. `optional` keys may be `undefined`. */
export type Constraints<T> = {
  readonly [K in keyof T]-?: Constraint & { readonly optional?: boolean };
};

function describe(c: Constraint): string {
  switch (c.type) {
    case 'integer':
    case 'number': {
      const kind = c.type === 'integer' ? 'an integer' : 'a finite number';
      const exMin = c.type === 'number' && c.exclusiveMin === true;
      const exMax = c.type === 'number' && c.exclusiveMax === true;
      if (c.min !== undefined && c.max !== undefined) {
        return `${kind} in ${exMin ? '(' : '['}${c.min}, ${c.max}${exMax ? ')' : ']'}`;
      }
      if (c.min !== undefined) return `${kind} ${exMin ? '>' : '>='} ${c.min}`;
      if (c.max !== undefined) return `${kind} ${exMax ? '<' : '<='} ${c.max}`;
      return kind;
    }
    case 'boolean':
      return 'a boolean';
    case 'enum':
      return `one of ${c.values.map((v) => `'${v}'`).join(', ')}`;
    case 'string':
      return 'a string';
    case 'any':
      return 'any value';
  }
}

function satisfies(c: Constraint, value: unknown): boolean {
  switch (c.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (c.type === 'integer' && !Number.isInteger(value)) return false;
      const exMin = c.type === 'number' && c.exclusiveMin === true;
      const exMax = c.type === 'number' && c.exclusiveMax === true;
      if (c.min !== undefined && (exMin ? value <= c.min : value < c.min)) return false;
      if (c.max !== undefined && (exMax ? value >= c.max : value > c.max)) return false;
      return true;
    }
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && c.values.includes(value);
    case 'string':
      return typeof value === 'string';
    case 'any':
      return true;
  }
}

/**
 * Throws a {@link SegmintError} (`INVALID_PARAMETER`) for the first option that breaks its
 * constraint, and for unknown keys (a misspelt option silently ignored is a bug waiting).
 *
 * @param owner - the estimator's name, first word of the message (`'kmeans'`).
 * @param options - the merged options (defaults already applied).
 * @param constraints - one constraint per key.
 */
export function checkParams<T extends object>(
  owner: string,
  options: T,
  constraints: Constraints<T>,
): void {
  const known = Object.keys(constraints);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `${owner}: unknown option '${key}'; expected one of ${known.map((k) => `'${k}'`).join(', ')}.`,
        { parameter: key, value: (options as Record<string, unknown>)[key] },
      );
    }
  }
  for (const key of known) {
    const c = (constraints as Record<string, Constraint & { optional?: boolean }>)[key]!;
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined && c.optional === true) continue;
    if (!satisfies(c, value)) {
      throw invalidParameter(owner, key, describe(c), value);
    }
  }
}

/** Builds the standard INVALID_PARAMETER error for rules that constraints cannot express. */
export function invalidParameter(
  owner: string,
  parameter: string,
  rule: string,
  value: unknown,
): SegmintError {
  return new SegmintError(
    ERROR_CODES.INVALID_PARAMETER,
    `${owner}: '${parameter}' must be ${rule}; got ${formatValue(value)}.`,
    { parameter, value, rule },
  );
}

/**
 * Merges user options over defaults once (`{ ...DEFAULTS, ...options }`), dropping keys whose
 * value is `undefined` so they do not override a default.
 */
export function mergeOptions<T extends object>(defaults: T, options: Partial<T> | undefined): T {
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  if (options) {
    for (const [key, value] of Object.entries(options))
      if (value !== undefined) merged[key] = value;
  }
  return merged as T;
}
