/**
 * The engine's mixed-type input: a {@link Table} of named columns, each either numeric
 * (Float64Array, NaN = missing) or categorical (strings, null = missing). The data layer hands
 * the engine columns; preprocessing steps clean and encode them into a numeric Matrix.
 *
 * Names used below: n = rows, d = columns. Tables are immutable by convention: every function
 * here copies what it is given and no step ever writes into a table's arrays.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import type { Matrix } from '../matrix/matrix.js';

/** The two kinds of column. */
export type ColumnKind = 'numeric' | 'categorical';

/** One named column. Numeric missing values are NaN; categorical missing values are null. */
export type TableColumn =
  | { readonly name: string; readonly kind: 'numeric'; readonly values: Float64Array }
  | {
      readonly name: string;
      readonly kind: 'categorical';
      readonly values: readonly (string | null)[];
    };

/** A numeric {@link TableColumn}. */
export type NumericColumn = Extract<TableColumn, { kind: 'numeric' }>;
/** A categorical {@link TableColumn}. */
export type CategoricalColumn = Extract<TableColumn, { kind: 'categorical' }>;

/** A mixed-type table: `rows` rows, columns with unique names, all of length `rows`. */
export interface Table {
  readonly rows: number;
  readonly columns: readonly TableColumn[];
}

/** Name and kind of one column: what a fitted pipeline expects as input. */
export interface ColumnSchema {
  readonly name: string;
  readonly kind: ColumnKind;
}

/**
 * Builds a table from its columns, checking that names are unique and lengths agree.
 * The column objects are used as given (callers pass fresh arrays).
 * @throws SegmintError INVALID_SHAPE for a duplicate name or a column of the wrong length.
 */
export function makeTable(owner: string, columns: readonly TableColumn[], rows?: number): Table {
  const n = rows ?? (columns.length > 0 ? columns[0]!.values.length : 0);
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.name)) {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `${owner}: column ${formatValue(column.name)} appears twice; column names must be unique.`,
        { column: column.name },
      );
    }
    seen.add(column.name);
    if (column.values.length !== n) {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `${owner}: column ${formatValue(column.name)} has ${column.values.length} values; expected ${n}.`,
        { column: column.name, value: column.values.length, expected: n },
      );
    }
  }
  return { rows: n, columns };
}

/**
 * Convenience builder: one entry per column, kind inferred. An array holding any string is
 * categorical (its other entries must be null or undefined = missing); anything else is numeric
 * (null and undefined become NaN). Values are copied.
 * NaN and +-Infinity are accepted here (steps that need finite values reject them later).
 * @throws SegmintError INVALID_SHAPE for ragged columns or a repeated name; INVALID_PARAMETER
 *   naming the column and row of a cell that is neither a number, a string nor null (or a
 *   number in a column holding strings).
 * @example table({ Income: [58138, NaN, 46344], Education: ['PhD', null, 'Basic'] })
 */
export function table(
  columns: Record<string, ArrayLike<number | null> | readonly (string | null)[]>,
): Table {
  const out: TableColumn[] = [];
  for (const [name, raw] of Object.entries(columns)) {
    const values = raw as ArrayLike<unknown>;
    let categorical = false;
    for (let i = 0; i < values.length; i++) if (typeof values[i] === 'string') categorical = true;
    if (categorical) {
      const copy: (string | null)[] = new Array<string | null>(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v === 'string') copy[i] = v;
        else if (v === null || v === undefined) copy[i] = null;
        else throw badCell('table', name, i, v, 'a string or null (the column holds strings)');
      }
      out.push({ name, kind: 'categorical', values: copy });
    } else {
      const copy = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v === 'number') copy[i] = v;
        else if (v === null || v === undefined) copy[i] = NaN;
        else throw badCell('table', name, i, v, 'a number or null');
      }
      out.push({ name, kind: 'numeric', values: copy });
    }
  }
  return makeTable('table', out);
}

/**
 * Builds a table from JSON-like records (one object per row), e.g. customers to score at
 * predict time. With a `schema` (use `pipelineInputSchema(fitted)`), exactly those columns are
 * read in that order, extra keys are ignored, absent keys are missing, numeric strings are
 * parsed and numbers in categorical columns become strings. Without a schema, columns are the
 * union of keys in first-seen order and kinds are inferred (any string -> categorical).
 * Missing: null, undefined, NaN (and '' in numeric columns).
 * @throws SegmintError INVALID_PARAMETER naming the column, row and value that does not fit.
 * @example tableFromRecords([{ Income: 51000, Education: 'PhD' }], pipelineInputSchema(fitted))
 */
export function tableFromRecords(
  records: readonly Record<string, unknown>[],
  schema?: readonly ColumnSchema[],
): Table {
  const owner = 'tableFromRecords';
  const isArray: (value: unknown) => boolean = Array.isArray;
  if (!isArray(records)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: expected an array of records; got ${formatValue(records)}.`,
      { value: records },
    );
  }
  const n = records.length;
  let columns: readonly ColumnSchema[];
  if (schema !== undefined) {
    columns = schema;
  } else {
    const kinds = new Map<string, ColumnKind>();
    for (const record of records) {
      for (const [key, value] of Object.entries(record)) {
        if (!kinds.has(key)) kinds.set(key, 'numeric');
        if (typeof value === 'string') kinds.set(key, 'categorical');
      }
    }
    columns = [...kinds].map(([name, kind]) => ({ name, kind }));
  }
  const out: TableColumn[] = columns.map(({ name, kind }) => {
    if (kind === 'numeric') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = records[i]![name];
        if (typeof v === 'number') values[i] = v;
        else if (v === null || v === undefined || v === '') values[i] = NaN;
        else if (typeof v === 'string' && Number.isFinite(Number(v))) values[i] = Number(v);
        else throw badCell(owner, name, i, v, 'a number or null (numeric column)');
      }
      return { name, kind, values };
    }
    const values: (string | null)[] = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const v = records[i]![name];
      if (typeof v === 'string') values[i] = v;
      else if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)))
        values[i] = null;
      else if (typeof v === 'number' || typeof v === 'boolean') values[i] = String(v);
      else throw badCell(owner, name, i, v, 'a string or null (categorical column)');
    }
    return { name, kind, values };
  });
  return makeTable(owner, out, n);
}

/**
 * Copies numeric columns into a row-major Matrix `(rows, columns.length)`.
 * @param columns - names to take, in order (default: every column, which must all be numeric).
 * @returns `X` and `featureNames` (the column names, in matrix order).
 * @throws SegmintError INVALID_SHAPE naming an unknown or categorical column.
 */
export function tableToMatrix(
  t: Table,
  columns?: readonly string[],
): { X: Matrix; featureNames: string[] } {
  const names = columns ?? t.columns.map((c) => c.name);
  const d = names.length;
  const n = t.rows;
  const data = new Float64Array(n * d);
  names.forEach((name, j) => {
    const column = t.columns.find((c) => c.name === name);
    if (column === undefined) {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `tableToMatrix: unknown column ${formatValue(name)}; the table has ${listNames(t)}.`,
        { column: name },
      );
    }
    if (column.kind !== 'numeric') {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `tableToMatrix: column ${formatValue(name)} is categorical; encode it first (one-hot step).`,
        { column: name },
      );
    }
    const values = column.values;
    for (let i = 0; i < n; i++) data[i * d + j] = values[i]!;
  });
  return { X: { data, rows: n, cols: d }, featureNames: [...names] };
}

/**
 * Wraps a numeric Matrix as a table with the given column names (copies).
 * @throws SegmintError INVALID_SHAPE when `names.length !== X.cols` (wrong column count).
 */
export function tableFromMatrix(X: Matrix, names: readonly string[]): Table {
  if (names.length !== X.cols) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `tableFromMatrix: got ${names.length} column names for a matrix with ${X.cols} columns.`,
      { expected: X.cols, value: names.length },
    );
  }
  const columns: TableColumn[] = names.map((name, j) => {
    const values = new Float64Array(X.rows);
    for (let i = 0; i < X.rows; i++) values[i] = X.data[i * X.cols + j]!;
    return { name, kind: 'numeric', values };
  });
  return makeTable('tableFromMatrix', columns, X.rows);
}

/** The names and kinds of a table's columns, in order. */
export function tableSchema(t: Table): ColumnSchema[] {
  return t.columns.map((c) => ({ name: c.name, kind: c.kind }));
}

/** "'a', 'b', 'c'" (at most 12 names) for error messages. */
export function listNames(t: Table): string {
  if (t.columns.length === 0) return 'no columns';
  const names = t.columns.slice(0, 12).map((c) => formatValue(c.name));
  return `columns ${names.join(', ')}${t.columns.length > 12 ? ', ...' : ''}`;
}

function badCell(owner: string, name: string, row: number, value: unknown, rule: string) {
  return new SegmintError(
    ERROR_CODES.INVALID_PARAMETER,
    `${owner}: column ${formatValue(name)}, row ${row} must be ${rule}; got ${formatValue(value)}.`,
    { column: name, row, value },
  );
}
