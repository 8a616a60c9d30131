/**
 * The data layer's query error (mosaic's `QueryError` habit): every DuckDB failure is rethrown
 * with the SQL that failed, so a message in a log or a bug report says exactly what ran.
 */
import { ERROR_CODES, SegmintError } from '@segmint/engine';

/**
 * A DuckDB statement failed. `code` is QUERY_FAILED, `sql` (also `details.sql`) is the statement
 * text and `cause` is DuckDB's own error.
 * @example
 * try { await db.run('SELEC 1'); } catch (error) { if (error instanceof QueryError) console.error(error.sql); }
 */
export class QueryError extends SegmintError {
  /** The SQL statement that failed (parameters are bound separately and not included). */
  readonly sql: string;

  constructor(sql: string, cause: unknown, message?: string) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      ERROR_CODES.QUERY_FAILED,
      message ?? `Query failed: ${firstLine(reason)}\nSQL: ${sql}`,
      { sql, reason },
      { cause },
    );
    this.name = 'QueryError';
    this.sql = sql;
  }
}

/** The first line of a (possibly multi-line) DuckDB message. */
export function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}
