/**
 * DuckDB table -> engine {@link Table}, chunk by chunk. DuckDB casts every column to one of two
 * shapes before it reaches JavaScript: DOUBLE for numbers, booleans (0/1) and dates (days since
 * 1970-01-01, fractional for timestamps), VARCHAR for everything else. Numeric chunks are copied
 * straight into a preallocated Float64Array (NULL -> NaN), so only one value array per column is
 * ever held, never a row object per row.
 */
import { type Table, type TableColumn, makeTable } from '@segmint/engine';
import type { Database } from '../database.js';
import { quoteIdentifier } from '../database.js';
import { type ColumnInfo, countRows, describeTable } from '../sources/columns.js';
import { invalidFile } from '../sources/invalid-file.js';

/**
 * The SQL expression reading `column` as the engine wants it (see the file header).
 * @example readExpression({ name: 'Dt', type: 'DATE', kind: 'date' })
 * // (epoch("Dt") / 86400.0)::DOUBLE
 */
export function readExpression(column: ColumnInfo): string {
  const id = quoteIdentifier(column.name);
  switch (column.kind) {
    case 'numeric':
      return `${id}::DOUBLE`;
    case 'boolean':
      return `${id}::INTEGER::DOUBLE`;
    case 'date':
      // epoch() gives seconds since 1970-01-01 00:00 for DATE and TIMESTAMP alike.
      return `(epoch(${id}) / 86400.0)::DOUBLE`;
    default:
      return `${id}::VARCHAR`;
  }
}

/**
 * Reads `table` (or only `columns`, in that order) into an engine Table: numeric and boolean
 * columns -> numeric (NULL -> NaN), date/timestamp -> numeric days since 1970-01-01, the rest ->
 * categorical strings (NULL -> null). BIGINT and DECIMAL become doubles.
 * @throws SegmintError INVALID_FILE naming a requested column that does not exist (and listing
 *   the columns); QueryError for DuckDB failures.
 * @example const t = await readTable(db, 'source', ['Income', 'Education']); // t.rows === 2240
 */
export async function readTable(db: Database, table: string, columns?: string[]): Promise<Table> {
  const available = await describeTable(db, table);
  const chosen =
    columns === undefined ? available : columns.map((name) => find(available, name, table));
  const rows = await countRows(db, table);
  const expressions = chosen.map(
    (column, j) => `${readExpression(column)} AS ${quoteIdentifier(`c${j}`)}`,
  );
  const numeric = chosen.map((column) => column.kind !== 'categorical' && column.kind !== 'text');
  const values: (Float64Array | (string | null)[])[] = numeric.map((isNumeric) =>
    isNumeric ? new Float64Array(rows) : new Array<string | null>(rows).fill(null),
  );
  if (chosen.length > 0) {
    const result = await db.stream(
      `SELECT ${expressions.join(', ')} FROM ${quoteIdentifier(table)}`,
    );
    let offset = 0;
    for (
      let chunk = await result.fetchChunk();
      chunk !== null && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      const count = chunk.rowCount;
      for (let j = 0; j < chosen.length; j++) {
        const vector = chunk.getColumnVector(j);
        const target = values[j]!;
        if (target instanceof Float64Array) {
          for (let i = 0; i < count; i++) {
            const value = vector.getItem(i) as number | null;
            target[offset + i] = value ?? NaN;
          }
        } else {
          for (let i = 0; i < count; i++) target[offset + i] = vector.getItem(i) as string | null;
        }
      }
      offset += count;
    }
  }
  const out: TableColumn[] = chosen.map((column, j) => {
    const data = values[j]!;
    return data instanceof Float64Array
      ? { name: column.name, kind: 'numeric', values: data }
      : { name: column.name, kind: 'categorical', values: data };
  });
  return makeTable('readTable', out, rows);
}

/**
 * The values of one column in table order, as plain JavaScript values: numbers (BIGINT and
 * DECIMAL as numbers), strings, dates as 'YYYY-MM-DD' (timestamps ISO), booleans as strings,
 * NULL -> null. Meant for an id column to write beside the segments.
 * @throws SegmintError INVALID_FILE naming a column that does not exist.
 * @example await readColumnValues(db, 'source', 'CustomerID') // [12346, 12347, ...]
 */
export async function readColumnValues(
  db: Database,
  table: string,
  column: string,
): Promise<(string | number | null)[]> {
  const info = find(await describeTable(db, table), column, table);
  const id = quoteIdentifier(info.name);
  const expression =
    info.kind === 'numeric'
      ? `${id}::DOUBLE`
      : info.type.toUpperCase() === 'DATE'
        ? `strftime(${id}, '%Y-%m-%d')`
        : `${id}::VARCHAR`;
  const result = await db.stream(`SELECT ${expression} AS v FROM ${quoteIdentifier(table)}`);
  const out: (string | number | null)[] = [];
  for (
    let chunk = await result.fetchChunk();
    chunk !== null && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const vector = chunk.getColumnVector(0);
    for (let i = 0; i < chunk.rowCount; i++) out.push(vector.getItem(i) as string | number | null);
  }
  return out;
}

/** The column named `name`. @throws SegmintError INVALID_FILE listing the columns. */
function find(columns: readonly ColumnInfo[], name: string, table: string): ColumnInfo {
  const column = columns.find((candidate) => candidate.name === name);
  if (column === undefined) {
    throw invalidFile(
      table,
      `no column named "${name}"; the columns are: ${columns.map((c) => c.name).join(', ')}`,
      undefined,
      { column: name },
    );
  }
  return column;
}
