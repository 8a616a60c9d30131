/**
 * Turns a failed DuckDB CSV read into a message a person can act on: "<file>: line 12: expected 5
 * fields, found 6". The streaming checker (csv-scan.ts) is asked first because it pins down
 * structural problems even when DuckDB's sniffer gave up without a line number; DuckDB's own
 * "CSV Error on Line: n" text is parsed for the rest (e.g. a value that does not fit a type).
 */
import { type SegmintError, formatValue } from '@segmint/engine';
import { QueryError, firstLine } from '../query-error.js';
import type { ColumnInfo } from './columns.js';
import { DELIMITER_CANDIDATES, scanCsv } from './csv-scan.js';
import type { SourceFormat, SourceSpec } from './format.js';
import { invalidFile } from './invalid-file.js';

/** The delimiter the user asked for, if any (TSV means a tab). */
function requestedDelimiter(source: SourceSpec, format: SourceFormat): string | undefined {
  return source.delimiter ?? (format === 'tsv' ? '\t' : undefined);
}

/**
 * The error to throw for a failed CSV load: a structural problem found by scanning the file, or
 * DuckDB's reason with its line number, always naming the file.
 */
export async function csvLoadError(
  source: SourceSpec,
  format: SourceFormat,
  error: unknown,
): Promise<SegmintError> {
  const problem = await scanCsv(source.path, requestedDelimiter(source, format));
  if (problem !== null) {
    return invalidFile(source.path, `line ${problem.line}: ${problem.reason}`, error, {
      line: problem.line,
      problem: problem.kind,
      ...(problem.expected === undefined ? {} : { expected: problem.expected }),
      ...(problem.found === undefined ? {} : { found: problem.found }),
    });
  }
  const reason = error instanceof QueryError ? String(error.details.reason) : String(error);
  const parsed = parseDuckDbCsvError(reason);
  if (parsed !== null) {
    return invalidFile(source.path, `line ${parsed.line}: ${parsed.reason}`, error, {
      line: parsed.line,
      ...(parsed.column === undefined ? {} : { column: parsed.column }),
      ...(parsed.value === undefined ? {} : { value: parsed.value }),
    });
  }
  return invalidFile(
    source.path,
    `cannot be read as ${format.toUpperCase()} (${firstLine(reason).replace(/^[A-Za-z ]+Error: /, '')})`,
    error,
  );
}

/**
 * DuckDB's sniffer falls back to ONE column when it cannot agree on a dialect (for instance a
 * small file with one ragged row). When that single column's name holds a delimiter, scan the
 * file and report the real problem; otherwise (a genuine one-column file) return null.
 */
export async function suspiciousSingleColumn(
  source: SourceSpec,
  format: SourceFormat,
  columns: readonly ColumnInfo[],
): Promise<SegmintError | null> {
  if (columns.length !== 1 || requestedDelimiter(source, format) !== undefined) return null;
  const name = columns[0]!.name;
  if (!DELIMITER_CANDIDATES.some((candidate) => name.includes(candidate))) return null;
  const problem = await scanCsv(source.path);
  if (problem === null) return null;
  return invalidFile(source.path, `line ${problem.line}: ${problem.reason}`, undefined, {
    line: problem.line,
    problem: problem.kind,
  });
}

/** What DuckDB's "CSV Error on Line: n" message says, in our words. */
export interface DuckDbCsvError {
  line: number;
  reason: string;
  column?: string;
  value?: string;
}

/**
 * Parses DuckDB's CSV error text (format of DuckDB 1.x: "CSV Error on Line: 3\nOriginal Line:
 * x,3\nError when converting column \"a\". Could not convert string \"x\" to 'INTEGER'").
 * @returns null when the text is not a CSV error with a line number.
 */
export function parseDuckDbCsvError(message: string): DuckDbCsvError | null {
  const lineMatch = /CSV Error on Line: (\d+)/.exec(message);
  if (lineMatch === null) return null;
  const line = Number(lineMatch[1]);
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (columns !== null) {
    return { line, reason: `expected ${columns[1]} fields, found ${columns[2]}` };
  }
  const conversion =
    /converting column "([^"]*)"\. Could not convert string "((?:[^"]|"")*)" to '([^']+)'/.exec(
      message,
    );
  if (conversion !== null) {
    const [, column = '', value = '', type = ''] = conversion;
    return {
      line,
      column,
      value,
      reason: `column ${formatValue(column)}: value ${formatValue(value)} is not a valid ${type}`,
    };
  }
  if (/unicode|utf-8/i.test(message)) {
    return { line, reason: 'not UTF-8 text; save the file as UTF-8' };
  }
  if (/quote/i.test(message)) return { line, reason: 'a quoted field is not closed properly' };
  const lines = message.split('\n');
  const original = lines.findIndex((text) => text.startsWith('Original Line:'));
  const detail = original >= 0 ? (lines[original + 1] ?? '') : (lines[1] ?? '');
  return { line, reason: detail.trim() === '' ? 'cannot be parsed' : detail.trim() };
}
