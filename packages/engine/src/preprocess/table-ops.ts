/**
 * Internal helpers shared by the preprocessing steps: find columns by name with messages that
 * name them, replace columns to build the next table (inputs are never written), take rows, and
 * format numbers for reports. Not part of the public API.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import { invalidParameter } from '../core/params.js';
import {
  listNames,
  makeTable,
  type ColumnKind,
  type NumericColumn,
  type Table,
  type TableColumn,
} from './table.js';

/** The column called `name`, or INVALID_SHAPE naming it and listing the table's columns. */
export function findColumn(owner: string, t: Table, name: string): TableColumn {
  const column = t.columns.find((c) => c.name === name);
  if (column === undefined) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: unknown column ${formatValue(name)}; the table has ${listNames(t)}.`,
      { column: name },
    );
  }
  return column;
}

/** The numeric column called `name`; INVALID_SHAPE when it is absent or categorical. */
export function findNumeric(owner: string, t: Table, name: string): NumericColumn {
  const column = findColumn(owner, t, name);
  if (column.kind !== 'numeric') {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: column ${formatValue(name)} is categorical; this step needs a numeric column.`,
      { column: name },
    );
  }
  return column;
}

/** The column called `name`; INVALID_SHAPE when it is absent or not of `kind` (as at fit time). */
export function findKind(owner: string, t: Table, name: string, kind: ColumnKind): TableColumn {
  const column = findColumn(owner, t, name);
  if (column.kind !== kind) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: column ${formatValue(name)} is ${column.kind} but was ${kind} when the step was fitted.`,
      { column: name, value: column.kind, expected: kind },
    );
  }
  return column;
}

/**
 * Validates a `columns` option at fit time. Undefined selects every column of `kind` (every
 * column when `kind` is 'any'); a list must name existing columns of that kind, without repeats.
 * @throws SegmintError INVALID_PARAMETER naming the bad entry.
 */
export function resolveColumns(
  owner: string,
  t: Table,
  columns: unknown,
  kind: ColumnKind | 'any',
): string[] {
  if (columns === undefined) {
    return t.columns.filter((c) => kind === 'any' || c.kind === kind).map((c) => c.name);
  }
  if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) {
    throw invalidParameter(owner, 'columns', 'an array of column names', columns);
  }
  const names = columns as string[];
  names.forEach((name, index) => {
    const column = t.columns.find((c) => c.name === name);
    if (column === undefined) {
      throw invalidParameter(
        owner,
        `columns[${index}]`,
        `a column of the table (${listNames(t)})`,
        name,
      );
    }
    if (kind !== 'any' && column.kind !== kind) {
      throw invalidParameter(
        owner,
        `columns[${index}]`,
        `a ${kind} column (it is ${column.kind})`,
        name,
      );
    }
    if (names.indexOf(name) !== index) {
      throw invalidParameter(owner, `columns[${index}]`, 'listed once', name);
    }
  });
  return [...names];
}

/**
 * The next table: each column named in `replacements` is replaced by the given columns
 * (none = removed, several = expanded in place); other columns are shared, not copied.
 */
export function replaceColumns(
  owner: string,
  t: Table,
  replacements: ReadonlyMap<string, readonly TableColumn[]>,
): Table {
  const out: TableColumn[] = [];
  for (const column of t.columns) {
    const replacement = replacements.get(column.name);
    if (replacement === undefined) out.push(column);
    else out.push(...replacement);
  }
  return makeTable(owner, out, t.rows);
}

/** The rows at `indices`, copied, in that order. */
export function takeTableRows(t: Table, indices: ArrayLike<number>): Table {
  const m = indices.length;
  const columns = t.columns.map((column): TableColumn => {
    if (column.kind === 'numeric') {
      const values = new Float64Array(m);
      for (let r = 0; r < m; r++) values[r] = column.values[indices[r]!]!;
      return { name: column.name, kind: 'numeric', values };
    }
    const values: (string | null)[] = new Array<string | null>(m);
    for (let r = 0; r < m; r++) values[r] = column.values[indices[r]!]!;
    return { name: column.name, kind: 'categorical', values };
  });
  return { rows: m, columns };
}

/**
 * Throws NON_FINITE_VALUE for the first NaN or +-Infinity, naming the column and row and
 * saying what to add before this step.
 */
export function assertColumnFinite(owner: string, column: NumericColumn): void {
  const values = column.values;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isFinite(x)) {
      const what = Number.isNaN(x) ? 'a missing value (NaN)' : formatValue(x);
      throw new SegmintError(
        ERROR_CODES.NON_FINITE_VALUE,
        `${owner}: column ${formatValue(column.name)} has ${what} at row ${i}; ` +
          "add an 'impute' step (or 'drop-missing-columns') before this step.",
        { column: column.name, row: i, value: x },
      );
    }
  }
}

/** Throws INVALID_SHAPE when fitting on a table with no rows. */
export function assertHasRows(owner: string, t: Table): void {
  if (t.rows < 1) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: cannot fit on a table with 0 rows.`,
      { rows: t.rows },
    );
  }
}

/**
 * The three formatters `formatNumber` needs, built once: `toLocaleString` with options builds a
 * new Intl.NumberFormat on every call, which showed up in profiles of batch predict (every
 * transform writes its report lines).
 */
const NUMBER_FORMATS = {
  large: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
  medium: new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }),
  small: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
};

/** Readable number for reports: "118,350", "0.0123", "-2.5". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return formatValue(x);
  const magnitude = Math.abs(x);
  const format =
    magnitude >= 1000
      ? NUMBER_FORMATS.large
      : magnitude >= 1
        ? NUMBER_FORMATS.medium
        : NUMBER_FORMATS.small;
  return format.format(x);
}

/** Compares strings by UTF-16 code units (as `<`), the order categories are sorted in. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
