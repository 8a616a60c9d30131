/**
 * Reading a stored dataset through @segmint/data: each call loads the file into a fresh
 * in-memory DuckDB (so concurrent requests never share a connection), then describes, profiles
 * or pages it. Values are made JSON-safe (BIGINT -> number, dates -> ISO strings).
 */
import { loadSource, openDatabase, profileTable, quoteIdentifier } from '@segmint/data';
import type { ColumnProfile, Database, LoadedTable, SourceSpec } from '@segmint/data';

/** Formats a client may name for an upload or registration. */
export const DATASET_FORMATS = ['csv', 'tsv', 'parquet', 'json', 'ndjson', 'xlsx'] as const;

/** One of {@link DATASET_FORMATS}. */
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

async function withLoaded<T>(
  path: string,
  format: DatasetFormat | undefined,
  work: (db: Database, loaded: LoadedTable) => Promise<T>,
): Promise<T> {
  const db = await openDatabase();
  try {
    const spec: SourceSpec = format === undefined ? { path } : { path, format };
    const loaded = await loadSource(db, spec, { table: 'dataset' });
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
): Promise<{ rows: number; columns: { name: string; type: string }[]; format: string }> {
  return withLoaded(path, format, (_db, loaded) =>
    Promise.resolve({
      rows: loaded.rows,
      columns: loaded.columns.map((column) => ({ name: column.name, type: column.type })),
      format: loaded.format,
    }),
  );
}

/** The column profile of a stored dataset (see @segmint/data's profileTable). */
export function profileDataset(path: string, format?: DatasetFormat): Promise<ColumnProfile[]> {
  return withLoaded(path, format, (db, loaded) => profileTable(db, loaded.table));
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
  return withLoaded(path, format, async (db, loaded) => {
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
  });
}
