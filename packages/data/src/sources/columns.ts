/**
 * Column descriptions of a DuckDB table: name, DuckDB type and the kind the rest of Segmint
 * works with (numeric, categorical, date, boolean, text).
 */
import type { Database } from '../database.js';
import { quoteIdentifier } from '../database.js';

/** One column of a loaded table. */
export interface ColumnInfo {
  name: string;
  /** The DuckDB type, e.g. 'BIGINT', 'DOUBLE', 'VARCHAR', 'DATE', 'DECIMAL(10,2)'. */
  type: string;
  /**
   * numeric: integer, decimal and floating types; date: DATE and TIMESTAMP*; boolean: BOOLEAN;
   * categorical: VARCHAR (whether it is really free text is decided by `profileTable`);
   * text: anything else (BLOB, LIST, STRUCT, TIME, ...), which the engine does not use.
   */
  kind: 'numeric' | 'categorical' | 'date' | 'boolean' | 'text';
}

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

/**
 * The kind of a DuckDB type name.
 * @example columnKind('DECIMAL(10,2)') // 'numeric'
 */
export function columnKind(type: string): ColumnInfo['kind'] {
  const upper = type.toUpperCase();
  if (NUMERIC_TYPE.test(upper)) return 'numeric';
  if (upper === 'DATE' || upper.startsWith('TIMESTAMP')) return 'date';
  if (upper === 'BOOLEAN') return 'boolean';
  if (upper === 'VARCHAR' || upper.startsWith('ENUM')) return 'categorical';
  return 'text';
}

/**
 * Describes the columns of `table` in their stored order.
 * @throws QueryError when the table does not exist.
 */
export async function describeTable(db: Database, table: string): Promise<ColumnInfo[]> {
  // information_schema takes the table name as a bound value: no identifier quoting needed.
  const rows = await db.all(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $table ORDER BY ordinal_position`,
    { table },
  );
  if (rows.length === 0) {
    // Reuse DuckDB's own "table does not exist" message (and the QueryError wrapping).
    await db.all(`SELECT * FROM ${quoteIdentifier(table)} LIMIT 0`);
  }
  return rows.map((row) => {
    const type = String(row.data_type);
    return { name: String(row.column_name), type, kind: columnKind(type) };
  });
}

/** Number of rows in `table`. */
export async function countRows(db: Database, table: string): Promise<number> {
  const rows = await db.all(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdentifier(table)}`);
  return Number(rows[0]?.n ?? 0);
}
