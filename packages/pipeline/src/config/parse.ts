/**
 * Parsing and validating a run config: YAML (or JSON, which YAML reads too) text with positions
 * for error messages, or a plain object (the server's requests). Every problem is reported at
 * once, sorted by position; the first one is the error message.
 */
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { describeIssues, expectedFallback, type ConfigIssue } from './issues.js';
import { createLocator, type ConfigLocator } from './locate.js';
import {
  configSchema,
  partialConfigSchema,
  type PartialSegmintConfig,
  type SegmintConfig,
} from './schema.js';

/** Options of {@link parseConfig}. */
export interface ParseConfigOptions {
  /** The file the text came from, named in every message. Default 'config'. */
  readonly file?: string;
}

/** Options of {@link validateConfig}. */
export interface ValidateConfigOptions extends ParseConfigOptions {
  /** 'no-source': the config has no `source` and `output` (the server supplies them). */
  readonly partial?: 'no-source';
}

const RESERVED_IN_PARTIAL: Readonly<Record<string, string>> = {
  source: 'the data source is chosen separately here, not in the config',
  output: 'the output folder is chosen separately here, not in the config',
};

function configError(file: string, issues: readonly ConfigIssue[]): SegmintError {
  const [first] = issues;
  if (first === undefined) throw new Error('configError needs at least one issue');
  const more =
    issues.length === 1
      ? ''
      : ` (and ${issues.length - 1} more problem${issues.length === 2 ? '' : 's'})`;
  const sentence = `${file}: ${first.message}${more}`;
  const message = /[.?]$/.test(sentence) ? sentence : `${sentence}.`;
  return new SegmintError(ERROR_CODES.INVALID_CONFIG, message, {
    file,
    parameter: first.path,
    path: first.path,
    line: first.line,
    column: first.column ?? undefined,
    expected: first.expected,
    found: first.found,
    suggestion: first.suggestion,
    issues,
  });
}

/** An error for the whole config (empty, not a mapping, YAML syntax). */
function wholeConfigError(
  file: string,
  message: string,
  expected: string,
  found: string,
  line: number | null = null,
  column: number | null = null,
): SegmintError {
  return configError(file, [{ path: '', line, column, expected, found, message }]);
}

function validate(
  value: unknown,
  options: ValidateConfigOptions,
  locator: ConfigLocator | undefined,
): SegmintConfig | PartialSegmintConfig {
  const file = options.file ?? 'config';
  const partial = options.partial === 'no-source';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = Array.isArray(value) ? 'a list' : value === null ? 'nothing' : typeof value;
    throw wholeConfigError(
      file,
      `the config must be a mapping of keys such as 'source: customers.csv'; got ${found}`,
      'a mapping',
      found,
      locator?.locate([])?.line ?? null,
      locator?.locate([])?.column ?? null,
    );
  }
  const schema: z.ZodType = partial ? partialConfigSchema : configSchema;
  const result = schema.safeParse(value, { error: expectedFallback });
  if (result.success) return result.data as SegmintConfig | PartialSegmintConfig;
  const issues = describeIssues(result.error.issues, {
    schema,
    value,
    ...(locator === undefined ? {} : { locator }),
    ...(partial ? { reservedKeys: RESERVED_IN_PARTIAL } : {}),
  });
  throw configError(file, issues);
}

/**
 * Parses a config written as YAML (or JSON) and applies every default.
 *
 * @param text - the file's content.
 * @param options.file - named in messages (default 'config').
 * @param options.partial - 'no-source': the text has no `source`/`output` (the server's run
 *   requests); the result is then a {@link PartialSegmintConfig}.
 * @returns the config (see {@link SegmintConfig} for the normalised shape).
 * @throws SegmintError INVALID_CONFIG for an empty text, a YAML syntax error (with its line), a
 *   config that is not a mapping, or schema problems: the message names the file, key path,
 *   line:column, expected and found values, and the closest valid key for a misspelt one;
 *   `details.issues` lists every problem ({@link ConfigIssue}).
 * @example
 * ```ts
 * const config = parseConfig('source: customers.csv\nclustering: { k: 4 }\n', { file: 'run.yaml' });
 * config.source.path; // 'customers.csv'
 * config.clustering.algorithm; // ['kmeans']
 * parseConfig('source: a.csv\nclusterin: {}\n');
 * // throws "config: unknown key 'clusterin' at line 2:1; did you mean 'clustering'?"
 * ```
 */
export function parseConfig(
  text: string,
  options: ParseConfigOptions & { readonly partial: 'no-source' },
): PartialSegmintConfig;
export function parseConfig(
  text: string,
  options?: ParseConfigOptions & { readonly partial?: undefined },
): SegmintConfig;
export function parseConfig(
  text: string,
  options: ValidateConfigOptions = {},
): SegmintConfig | PartialSegmintConfig {
  return parseConfigText(text, options);
}

/** {@link parseConfig} with the partial mode of {@link validateConfig} (shared by both). */
export function parseConfigText(
  text: string,
  options: ValidateConfigOptions = {},
): SegmintConfig | PartialSegmintConfig {
  const file = options.file ?? 'config';
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [syntaxError] = document.errors;
  if (syntaxError !== undefined) {
    const position = lineCounter.linePos(syntaxError.pos[0]);
    const reason = syntaxError.message.split('\n')[0]?.replace(/\s+at line \d+, column \d+:?$/, '');
    throw wholeConfigError(
      file,
      `YAML syntax error at line ${position.line}:${position.col}: ${reason ?? 'unreadable YAML'}`,
      'valid YAML',
      'a syntax error',
      position.line,
      position.col,
    );
  }
  if (document.contents === null) {
    throw wholeConfigError(
      file,
      "the config is empty; it needs at least 'source: <your data file>'",
      'a mapping',
      'nothing',
      1,
      1,
    );
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // yaml refuses alias expansions beyond maxAliasCount (a "billion laughs" guard).
    throw wholeConfigError(
      file,
      `the YAML cannot be expanded: ${error instanceof Error ? error.message : String(error)}`,
      'valid YAML',
      'too many aliases',
    );
  }
  return validate(value, options, createLocator(document, lineCounter));
}

/**
 * Validates a config given as an object (already parsed JSON) and applies every default.
 * Messages name key paths but no lines.
 *
 * @param options.partial - 'no-source': `source` and `output` are not part of the object (the
 *   server supplies them) and are rejected when present.
 * @throws SegmintError INVALID_CONFIG as {@link parseConfig}.
 * @example
 * ```ts
 * validateConfig({ source: 'a.csv', clustering: { k: { min: 2, max: 8 } } }).clustering.k; // { min: 2, max: 8 }
 * validateConfig({ clustering: { k: 3 } }, { partial: 'no-source' }).scaling; // 'standard'
 * ```
 */
export function validateConfig(
  value: unknown,
  options: ParseConfigOptions & { readonly partial?: undefined },
): SegmintConfig;
export function validateConfig(
  value: unknown,
  options: ParseConfigOptions & { readonly partial: 'no-source' },
): PartialSegmintConfig;
export function validateConfig(value: unknown): SegmintConfig;
export function validateConfig(
  value: unknown,
  options: ValidateConfigOptions = {},
): SegmintConfig | PartialSegmintConfig {
  return validate(value, options, undefined);
}
