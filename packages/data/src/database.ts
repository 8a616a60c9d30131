/**
 * One embedded DuckDB database and its connection. Every statement goes through {@link
 * Database.run} / {@link Database.all}, which bind values as parameters and wrap failures in a
 * {@link QueryError} carrying the SQL. User identifiers are quoted with {@link quoteIdentifier};
 * user values are never spliced into SQL text.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBResult, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { QueryError } from './query-error.js';

/** Values bound to `$name` (record) or `?` / `$1` (array) placeholders. */
export type QueryParams = DuckDBValue[] | Record<string, DuckDBValue>;

/** Explicit DuckDB types of some parameters (needed for STRUCT/LIST values). */
export type QueryParamTypes = Record<string, DuckDBType | undefined>;

/** A row as plain JavaScript values (BIGINT -> bigint, DATE -> Date, ...; see DuckDB's JS converter). */
export type Row = Record<string, unknown>;

/**
 * Wraps one DuckDB instance and one connection. Create it with {@link openDatabase}; close it
 * with {@link Database.close} when done (the CLI and tests do so in `finally`).
 */
export class Database {
  /** The database file, or ':memory:'. */
  readonly path: string;
  private readonly instance: DuckDBInstance;
  /** The raw connection, for the data layer's own modules (chunk streaming, appenders). */
  readonly connection: DuckDBConnection;
  private closed = false;
  private temporaryCounter = 0;

  constructor(path: string, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.path = path;
    this.instance = instance;
    this.connection = connection;
  }

  /**
   * Runs one statement (DDL, COPY, INSERT) and returns nothing.
   * @throws QueryError with the SQL when DuckDB fails.
   */
  async run(sql: string, params?: QueryParams, types?: QueryParamTypes): Promise<void> {
    try {
      await this.connection.run(sql, params, types);
    } catch (error) {
      throw new QueryError(sql, error);
    }
  }

  /**
   * Runs a query and returns every row as an object of JavaScript values (BIGINT as bigint,
   * DATE/TIMESTAMP as Date, DECIMAL as number). For small results only (profiles, counts).
   * @throws QueryError with the SQL when DuckDB fails.
   */
  async all(sql: string, params?: QueryParams): Promise<Row[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS();
    } catch (error) {
      throw new QueryError(sql, error);
    }
  }

  /**
   * Starts a streaming query; read it chunk by chunk with `fetchChunk()`.
   * @throws QueryError with the SQL when DuckDB fails to start it.
   */
  async stream(sql: string, params?: QueryParams): Promise<DuckDBResult> {
    try {
      return await this.connection.stream(sql, params);
    } catch (error) {
      throw new QueryError(sql, error);
    }
  }

  /** A fresh table name for intermediate results (`segmint_tmp_<n>`), unique in this database. */
  temporaryName(prefix = 'segmint_tmp'): string {
    this.temporaryCounter += 1;
    return `${prefix}_${this.temporaryCounter}`;
  }

  /** Interrupts the running query (used for AbortSignal support). */
  interrupt(): void {
    this.connection.interrupt();
  }

  /** Closes the connection and the instance. Safe to call twice. */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.connection.closeSync();
      this.instance.closeSync();
    }
    return Promise.resolve();
  }
}

/**
 * Opens a DuckDB database: a file (created when absent) or, by default, in memory.
 * @param options.path database file; default ':memory:'.
 * @throws QueryError when DuckDB cannot open the file.
 * @example const db = await openDatabase(); try { ... } finally { await db.close(); }
 */
export async function openDatabase(options: { path?: string } = {}): Promise<Database> {
  const path = options.path ?? ':memory:';
  try {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    return new Database(path, instance, connection);
  } catch (error) {
    throw new QueryError(`ATTACH ${quoteLiteral(path)}`, error);
  }
}

/**
 * Quotes an identifier for DuckDB: `"name"` with embedded quotes doubled. Every table or column
 * name that comes from a user or a file goes through this.
 * @example quoteIdentifier('Annual Income (k$)') // '"Annual Income (k$)"'
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal (for messages and the rare place where DuckDB refuses a parameter). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
