/**
 * Columns from JavaScript -> a CSV, Parquet or JSON file, written by DuckDB's COPY from a
 * temporary table filled with the appender. Atomic: DuckDB writes a temporary file in the target
 * folder, which is renamed over the target only when complete, so a crash or an error never
 * leaves a file that looks finished (the temporary file is removed on failure).
 *
 * Column types: all safe integers (or an Int32Array/Uint32Array/...) -> BIGINT, numbers ->
 * DOUBLE (NaN -> NULL, so CSV shows an empty cell), booleans -> BOOLEAN, anything else ->
 * VARCHAR (numbers mixed with strings are written as text); null/undefined -> NULL.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import type { Database } from '../database.js';
import { quoteIdentifier } from '../database.js';

/** Columns to write: each a name and its values (all of the same length). */
export interface WritableColumns {
  columns: { name: string; values: ArrayLike<unknown> }[];
}

/** The output formats of {@link writeTable}. */
export type WriteFormat = 'csv' | 'parquet' | 'json';

type ColumnType = 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR';

/** The DuckDB type a column is written as (rules in the file header). */
export function writeType(values: ArrayLike<unknown>): ColumnType {
  if (
    values instanceof Int8Array ||
    values instanceof Int16Array ||
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Uint16Array ||
    values instanceof Uint32Array
  ) {
    return 'BIGINT';
  }
  let type: ColumnType | null = null;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    let next: ColumnType;
    if (typeof value === 'number') {
      if (Number.isNaN(value)) continue;
      next = Number.isSafeInteger(value) ? 'BIGINT' : 'DOUBLE';
    } else if (typeof value === 'bigint') next = 'BIGINT';
    else if (typeof value === 'boolean') next = 'BOOLEAN';
    else return 'VARCHAR';
    if (type === null || type === next) type = next;
    else if ((type === 'BIGINT' && next === 'DOUBLE') || (type === 'DOUBLE' && next === 'BIGINT'))
      type = 'DOUBLE';
    else return 'VARCHAR';
  }
  return type ?? 'VARCHAR';
}

/** The COPY options of each format. */
const COPY_OPTIONS: Readonly<Record<WriteFormat, string>> = {
  csv: 'FORMAT csv, HEADER true',
  parquet: 'FORMAT parquet',
  json: 'FORMAT json, ARRAY true',
};

/**
 * Writes `rows` to `path` as CSV (with a header), Parquet or a JSON array of records, creating
 * the folder when needed. Atomic (see the file header).
 * @throws SegmintError INVALID_SHAPE when columns differ in length or a name repeats;
 *   WRITE_FAILED naming the path when the file cannot be written (nothing is left behind).
 * @example
 * await writeTable(db, { columns: [{ name: 'row', values: [1, 2] }, { name: 'segment', values: Int32Array.of(0, 1) }] }, 'out/segments.csv', 'csv');
 */
export async function writeTable(
  db: Database,
  rows: WritableColumns,
  path: string,
  format: WriteFormat,
): Promise<void> {
  const columns = rows.columns;
  const n = columns[0]?.values.length ?? 0;
  const names = new Set<string>();
  for (const column of columns) {
    if (column.values.length !== n || names.has(column.name)) {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `writeTable: column "${column.name}" ${names.has(column.name) ? 'appears twice' : `has ${column.values.length} values; expected ${n}`}.`,
        { column: column.name },
      );
    }
    names.add(column.name);
  }
  if (columns.length === 0) {
    throw new SegmintError(ERROR_CODES.INVALID_SHAPE, 'writeTable: no columns to write.');
  }
  const types = columns.map((column) => writeType(column.values));
  const staging = db.temporaryName('segmint_write');
  const temporaryPath = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const definition = columns
      .map((column, j) => `${quoteIdentifier(column.name)} ${types[j]}`)
      .join(', ');
    await db.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(staging)} (${definition})`);
    const appender = await db.connection.createAppender(staging);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < columns.length; j++) {
        const value = columns[j]!.values[i];
        if (
          value === null ||
          value === undefined ||
          (typeof value === 'number' && Number.isNaN(value))
        ) {
          appender.appendNull();
          continue;
        }
        switch (types[j]) {
          case 'BIGINT':
            appender.appendBigInt(typeof value === 'bigint' ? value : BigInt(value as number));
            break;
          case 'DOUBLE':
            appender.appendDouble(value as number);
            break;
          case 'BOOLEAN':
            appender.appendBoolean(value as boolean);
            break;
          default:
            appender.appendVarchar(typeof value === 'string' ? value : stringify(value));
        }
      }
      appender.endRow();
    }
    appender.closeSync();
    await mkdir(dirname(path), { recursive: true });
    await db.run(`COPY ${quoteIdentifier(staging)} TO $path (${COPY_OPTIONS[format]})`, {
      path: temporaryPath,
    });
    await rename(temporaryPath, path);
  } catch (error) {
    await rm(temporaryPath, { force: true }).catch(() => undefined);
    if (error instanceof SegmintError && error.code !== ERROR_CODES.QUERY_FAILED) throw error;
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new SegmintError(
      ERROR_CODES.WRITE_FAILED,
      `Cannot write ${path}: ${reason}`,
      { file: path },
      { cause: error },
    );
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(staging)}`).catch(() => undefined);
  }
}

function stringify(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? '';
}
