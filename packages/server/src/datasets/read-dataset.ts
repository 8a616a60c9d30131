/**
 * Reading a stored dataset through @segmint/data: the file is loaded into its own in-memory
 * DuckDB, then described, profiled or paged (one-off calls close it at once; dataset-cache.ts
 * keeps a few open for the profile and preview routes). Values are made JSON-safe (BIGINT -> number, dates -> ISO strings).
 */
import { loadSource, openDatabase, profileTable, quoteIdentifier } from '@segmint/data';
import type { ColumnProfile, Database, LoadedTable, SourceSpec } from '@segmint/data';

/** Formats a client may name for an upload or registration. */
export const DATASET_FORMATS = ['csv', 'tsv', 'parquet', 'json', 'ndjson', 'xlsx'] as const;

/** One of {@link DATASET_FORMATS}. */
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** How to read a dataset file beyond its format: the CSV delimiter, the Excel sheet. */
export interface DatasetReadOptions {
  /** CSV/TSV field delimiter (one character); default: sniffed. */
  readonly delimiter?: string;
  /** XLSX sheet name; default: the only sheet (several sheets need a name). */
  readonly sheet?: string;
}

/** The source spec of a stored dataset. */
export function datasetSource(
  path: string,
  format: DatasetFormat | undefined,
  options: DatasetReadOptions = {},
): SourceSpec {
  return {
    path,
    ...(format === undefined ? {} : { format }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
  };
}

/** A dataset loaded into its own in-memory DuckDB (close `db` when done). */
export interface OpenDataset {
  readonly db: Database;
  readonly loaded: LoadedTable;
}

/**
 * Loads a dataset file into a fresh in-memory DuckDB (table `dataset`).
 * @throws the data layer's NOT_FOUND / INVALID_FILE errors (the database is closed then).
 */
export async function openDataset(
  path: string,
  format: DatasetFormat | undefined,
  options: DatasetReadOptions = {},
): Promise<OpenDataset> {
  const db = await openDatabase();
  try {
    const spec = datasetSource(path, format, options);
    return { db, loaded: await loadSource(db, spec, { table: 'dataset' }) };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function withLoaded<T>(
  path: string,
  format: DatasetFormat | undefined,
  work: (db: Database, loaded: LoadedTable) => Promise<T>,
  options: DatasetReadOptions = {},
): Promise<T> {
  const { db, loaded } = await openDataset(path, format, options);
  try {
    return await work(db, loaded);
  } finally {
    await db.close();
  }
}

/**
 * Loads a file to learn its rows, columns and format.
 * @throws the data layer's NOT_FOUND / INVALID_FILE errors.
 */
export function describeDataset(
  path: string,
  format?: DatasetFormat,
  options: DatasetReadOptions = {},
): Promise<{ rows: number; columns: { name: string; type: string }[]; format: string }> {
  return withLoaded(
    path,
    format,
    (_db, loaded) =>
      Promise.resolve({
        rows: loaded.rows,
        columns: loaded.columns.map((column) => ({ name: column.name, type: column.type })),
        format: loaded.format,
      }),
    options,
  );
}

/** The column profile of a stored dataset (see @segmint/data's profileTable). */
export function profileDataset(path: string, format?: DatasetFormat): Promise<ColumnProfile[]> {
  return withLoaded(path, format, (db, loaded) => profileTable(db, loaded.table));
}

/** The column profile of a loaded dataset. */
export function profileOpenDataset({ db, loaded }: OpenDataset): Promise<ColumnProfile[]> {
  return profileTable(db, loaded.table);
}

/** A JSON-safe version of one DuckDB value. */
export function jsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'bigint' ? Number(inner) : inner,
  );
}

/** One page of rows (`offset`, at most `limit` rows) and the total row count. */
export function readDatasetRows(
  path: string,
  format: DatasetFormat | undefined,
  offset: number,
  limit: number,
): Promise<{ total: number; columns: string[]; rows: Record<string, unknown>[] }> {
  return withLoaded(path, format, (db, loaded) => rowsOfOpenDataset({ db, loaded }, offset, limit));
}

/** One page of rows of a loaded dataset (see {@link readDatasetRows}). */
export async function rowsOfOpenDataset(
  { db, loaded }: OpenDataset,
  offset: number,
  limit: number,
): Promise<{ total: number; columns: string[]; rows: Record<string, unknown>[] }> {
  const rows = await db.all(
    `SELECT * FROM ${quoteIdentifier(loaded.table)} LIMIT $limit OFFSET $offset`,
    { limit, offset },
  );
  return {
    total: loaded.rows,
    columns: loaded.columns.map((column) => column.name),
    rows: rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, jsonValue(value)])),
    ),
  };
}
