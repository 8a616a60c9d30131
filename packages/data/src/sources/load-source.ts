/**
 * Loads a file into a DuckDB table. DuckDB reads CSV/TSV (sniffing delimiter, header, types and
 * date formats; `.gz` directly), Parquet and JSON/NDJSON itself, so large files never pass
 * through JavaScript memory; XLSX is read with exceljs (see load-xlsx.ts). Failures become
 * SegmintErrors that name the file, the line and the reason (csv-errors.ts).
 */
import { stat } from 'node:fs/promises';
import { STRUCT, VARCHAR, structValue } from '@duckdb/node-api';
import { basename } from 'node:path';
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import type { Database, QueryParamTypes, QueryParams } from '../database.js';
import { quoteIdentifier } from '../database.js';
import { QueryError } from '../query-error.js';
import { type ColumnInfo, countRows, describeTable } from './columns.js';
import { csvLoadError, suspiciousSingleColumn } from './csv-errors.js';
import { invalidFile } from './invalid-file.js';
import { type SourceSpec, detectFormat } from './format.js';
import { loadXlsx } from './load-xlsx.js';

/** What {@link loadSource} loaded. */
export interface LoadedTable {
  /** The DuckDB table now holding the data. */
  table: string;
  rows: number;
  columns: ColumnInfo[];
  /** The file as given in the spec. */
  file: string;
  /** The format read ('csv', 'tsv', 'parquet', 'json', 'ndjson', 'xlsx'). */
  format: string;
}

/** Options of {@link loadSource}. */
export interface LoadOptions {
  /** Name of the table to (re)create; default 'source'. */
  table?: string;
  /** Aborts the load (DuckDB is interrupted); the error is CANCELLED. */
  signal?: AbortSignal;
}

/**
 * Loads `source` into table `options.table` (default 'source'), replacing any table of that name.
 * @returns the table, its row count, columns (name, DuckDB type, kind), file and format.
 * @throws SegmintError NOT_FOUND naming the file when it does not exist; INVALID_FILE naming
 *   the file, line and reason for an empty or header-only file, a ragged row ("line 12: expected
 *   5 fields, found 6"), a broken quote, non-UTF-8 bytes, a value that does not fit a forced
 *   type, an XLSX workbook with several sheets and none named; CANCELLED when aborted;
 *   QueryError for other DuckDB failures.
 * @example
 * const db = await openDatabase();
 * const loaded = await loadSource(db, { path: 'marketing_campaign.csv', dateFormat: '%d-%m-%Y' });
 * // loaded.rows === 2240, loaded.columns[7] = { name: 'Dt_Customer', type: 'DATE', kind: 'date' }
 */
export async function loadSource(
  db: Database,
  source: SourceSpec,
  options: LoadOptions = {},
): Promise<LoadedTable> {
  const table = options.table ?? 'source';
  const format = detectFormat(source);
  const size = await fileSize(source.path);
  if (size === 0) throw invalidFile(source.path, 'the file is empty');
  throwIfAborted(options.signal, source.path);

  const onAbort = () => db.interrupt();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (format === 'xlsx') {
      await loadXlsx(db, source, table);
    } else {
      const { sql, params, types } = readSql(source, format, table);
      try {
        await db.run(sql, params, types);
      } catch (error) {
        throwIfAborted(options.signal, source.path);
        if (format === 'csv' || format === 'tsv') throw await csvLoadError(source, format, error);
        throw invalidFile(source.path, readFailure(error), error);
      }
    }
    throwIfAborted(options.signal, source.path);
    const columns = await describeTable(db, table);
    if (format === 'csv' || format === 'tsv') {
      const problem = await suspiciousSingleColumn(source, format, columns);
      if (problem !== null) {
        await db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
        throw problem;
      }
    }
    const rows = await countRows(db, table);
    if (rows === 0) {
      await db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
      throw invalidFile(
        source.path,
        columns.length > 0 && format !== 'json' && format !== 'ndjson'
          ? `no data rows (only a header: ${columns.map((column) => column.name).join(', ')})`
          : 'no data rows',
      );
    }
    return { table, rows, columns, file: source.path, format };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The CREATE TABLE ... AS SELECT * FROM read_xxx(...) statement for a DuckDB-readable format.
 * The path and every option value are bound parameters; the table name is a quoted identifier.
 * @example readSql({ path: 'a.tsv' }, 'tsv', 'source').sql
 * // CREATE OR REPLACE TABLE "source" AS SELECT * FROM read_csv($path, delim = $delim)
 */
export function readSql(
  source: SourceSpec,
  format: Exclude<ReturnType<typeof detectFormat>, 'xlsx'>,
  table: string,
): { sql: string; params: QueryParams; types?: QueryParamTypes } {
  const params: Exclude<QueryParams, unknown[]> = { path: source.path };
  let types: QueryParamTypes | undefined;
  const options: string[] = [];
  let reader: string;
  if (format === 'csv' || format === 'tsv') {
    reader = 'read_csv';
    const delimiter = source.delimiter ?? (format === 'tsv' ? '\t' : undefined);
    if (delimiter !== undefined) {
      params.delim = delimiter;
      options.push('delim = $delim');
    }
    // RFC 4180 quoting, always: left to the sniffer, a stray quote makes DuckDB pick "no quoting"
    // and silently read `"open` as a value instead of reporting the unclosed quote.
    params.quote = '"';
    options.push('quote = $quote');
    if (source.header !== undefined) {
      params.header = source.header;
      options.push('header = $header');
    }
    if (source.dateFormat !== undefined) {
      params.dateformat = source.dateFormat;
      options.push('dateformat = $dateformat');
    }
    if (source.types !== undefined && Object.keys(source.types).length > 0) {
      // A STRUCT parameter {column: 'TYPE'}: names and types stay values, never SQL text.
      params.types = structValue(source.types);
      types = {
        types: STRUCT(Object.fromEntries(Object.keys(source.types).map((name) => [name, VARCHAR]))),
      };
      options.push('types = $types');
    }
  } else if (format === 'parquet') {
    reader = 'read_parquet';
  } else {
    reader = 'read_json';
    if (format === 'ndjson') {
      params.jsonformat = 'newline_delimited';
      options.push('format = $jsonformat');
    }
  }
  const args = ['$path', ...options].join(', ');
  return {
    sql: `CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS SELECT * FROM ${reader}(${args})`,
    params,
    ...(types === undefined ? {} : { types }),
  };
}

/** File size in bytes. @throws SegmintError NOT_FOUND naming the file. */
async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw invalidFile(path, 'not a file (a folder?)');
    return info.size;
  } catch (error) {
    if (error instanceof SegmintError) throw error;
    throw new SegmintError(
      ERROR_CODES.NOT_FOUND,
      `File not found: ${path}`,
      { file: path },
      {
        cause: error,
      },
    );
  }
}

/** DuckDB's reason without the SQL, for Parquet/JSON read failures. */
function readFailure(error: unknown): string {
  const reason = error instanceof QueryError ? String(error.details.reason) : String(error);
  const line = reason.split('\n')[0] ?? reason;
  return `cannot be read (${line.replace(/^[A-Za-z ]+Error: /, '')})`;
}

function throwIfAborted(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted === true) {
    throw new SegmintError(ERROR_CODES.CANCELLED, `Loading ${basename(file)} was cancelled.`, {
      file,
    });
  }
}
