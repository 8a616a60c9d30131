/**
 * log1p transform of numeric columns: y = log(1 + x), the usual fix for right-skewed amounts
 * (spend, counts) before distance-based clustering. Defined for x > -1; missing values (NaN)
 * stay missing so an imputer may run after it. Nothing is learned at fit time beyond the
 * column list, but the step is fitted like the others so pipelines treat every step alike.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import { checkParams, mergeOptions } from '../core/params.js';
import { arrayField, asString, readObject } from './json-read.js';
import type { NumericColumn, Table, TableColumn } from './table.js';
import { findNumeric, replaceColumns, resolveColumns } from './table-ops.js';

/** Options of {@link fitLog1p}. */
export interface Log1pOptions {
  /** Numeric columns to transform. Default: every numeric column. */
  readonly columns?: readonly string[];
}

/** Defaults of {@link Log1pOptions}. */
export const LOG1P_DEFAULTS: Log1pOptions = {};

/** A fitted log1p step (JSON-safe). */
export interface FittedLog1p {
  readonly type: 'log1p';
  readonly columns: readonly string[];
}

const OWNER = 'log1p';

/**
 * Checks the columns (and that every value is > -1).
 * @throws SegmintError INVALID_PARAMETER for unknown or categorical columns; NON_FINITE_VALUE
 *   naming the column, row and value for a value <= -1 or +-Infinity.
 * @example transformLog1p(fitLog1p(t, { columns: ['MntWines'] }), t)
 */
export function fitLog1p(t: Table, options?: Partial<Log1pOptions>): FittedLog1p {
  const merged = mergeOptions(LOG1P_DEFAULTS, options);
  checkParams(OWNER, merged, { columns: { type: 'any', optional: true } });
  const columns = resolveColumns(OWNER, t, merged.columns, 'numeric');
  for (const name of columns) checkDomain(findNumeric(OWNER, t, name));
  return { type: 'log1p', columns };
}

/**
 * Applies log1p to the fitted columns (fresh arrays); other columns pass through.
 * @throws SegmintError NON_FINITE_VALUE naming the column, row and value for x <= -1.
 */
export function transformLog1p(fitted: FittedLog1p, t: Table): Table {
  const replacements = new Map<string, TableColumn[]>();
  for (const name of fitted.columns) {
    const column = findNumeric(OWNER, t, name);
    checkDomain(column);
    replacements.set(name, [{ name, kind: 'numeric', values: column.values.map(Math.log1p) }]);
  }
  return replaceColumns(OWNER, t, replacements);
}

/** Validates and rebuilds a serialised {@link FittedLog1p}. */
export function log1pFromJSON(json: unknown, path = 'step'): FittedLog1p {
  return { type: 'log1p', columns: arrayField(readObject(json, path), 'columns', asString) };
}

function checkDomain(column: NumericColumn): void {
  const values = column.values;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x <= -1 || x === Infinity) {
      throw new SegmintError(
        ERROR_CODES.NON_FINITE_VALUE,
        `log1p: column ${formatValue(column.name)} has ${formatValue(x)} at row ${i}; ` +
          'log1p needs values > -1 (and finite).',
        { column: column.name, row: i, value: x },
      );
    }
  }
}
