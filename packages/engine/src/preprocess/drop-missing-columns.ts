/**
 * Drops columns whose share of missing values (NaN or null) is above a threshold, reporting
 * which columns and why. Run it before imputing: a column that is mostly missing carries
 * little information and its imputed values would be mostly invented.
 *
 * Names: n = rows; share = missing / n.
 */
import { checkParams, mergeOptions } from '../core/params.js';
import { arrayField, numberField, readObject, stringField } from './json-read.js';
import type { Table, TableColumn } from './table.js';
import { assertHasRows, findColumn, formatNumber, replaceColumns } from './table-ops.js';

/** Options of {@link fitDropMissingColumns}. */
export interface DropMissingColumnsOptions {
  /** Drop a column when its missing share is strictly above this, in [0, 1]. Default 0.5. */
  readonly maxMissingShare: number;
}

/** Defaults of {@link DropMissingColumnsOptions}. */
export const DROP_MISSING_COLUMNS_DEFAULTS: DropMissingColumnsOptions = { maxMissingShare: 0.5 };

/** A dropped column and its missing share at fit time. */
export interface DroppedColumn {
  readonly name: string;
  readonly missingShare: number;
}

/** A fitted drop-missing-columns step (JSON-safe). */
export interface FittedDropMissingColumns {
  readonly type: 'drop-missing-columns';
  readonly maxMissingShare: number;
  readonly dropped: readonly DroppedColumn[];
}

const OWNER = 'drop-missing-columns';

/**
 * Finds the columns to drop.
 * @throws SegmintError INVALID_PARAMETER for `maxMissingShare` outside [0, 1]; INVALID_SHAPE
 *   for an empty table.
 * @example fitDropMissingColumns(table({ a: [NaN, NaN, 1], b: [1, 2, 3] })).dropped
 *   // [{ name: 'a', missingShare: 0.666... }]
 */
export function fitDropMissingColumns(
  t: Table,
  options?: Partial<DropMissingColumnsOptions>,
): FittedDropMissingColumns {
  const merged = mergeOptions(DROP_MISSING_COLUMNS_DEFAULTS, options);
  checkParams(OWNER, merged, { maxMissingShare: { type: 'number', min: 0, max: 1 } });
  assertHasRows(OWNER, t);
  const dropped: DroppedColumn[] = [];
  for (const column of t.columns) {
    const missingShare = countMissing(column) / t.rows;
    if (missingShare > merged.maxMissingShare) dropped.push({ name: column.name, missingShare });
  }
  return { type: 'drop-missing-columns', maxMissingShare: merged.maxMissingShare, dropped };
}

/**
 * Removes the dropped columns.
 * @throws SegmintError INVALID_SHAPE naming a dropped column absent from `t`.
 */
export function transformDropMissingColumns(fitted: FittedDropMissingColumns, t: Table): Table {
  const replacements = new Map<string, TableColumn[]>();
  for (const { name } of fitted.dropped) {
    findColumn(OWNER, t, name);
    replacements.set(name, []);
  }
  return replaceColumns(OWNER, t, replacements);
}

/** One line per dropped column: 'Dropped "Income": 62.5% missing (> 50%).' */
export function describeDropMissingColumns(fitted: FittedDropMissingColumns): string[] {
  return fitted.dropped.map(
    ({ name, missingShare }) =>
      `Dropped "${name}": ${formatNumber(missingShare * 100)}% missing ` +
      `(> ${formatNumber(fitted.maxMissingShare * 100)}%).`,
  );
}

/** Validates and rebuilds a serialised {@link FittedDropMissingColumns}. */
export function dropMissingColumnsFromJSON(json: unknown, path = 'step'): FittedDropMissingColumns {
  const o = readObject(json, path);
  return {
    type: 'drop-missing-columns',
    maxMissingShare: numberField(o, 'maxMissingShare'),
    dropped: arrayField(o, 'dropped', (value, itemPath) => {
      const d = readObject(value, itemPath);
      return { name: stringField(d, 'name'), missingShare: numberField(d, 'missingShare') };
    }),
  };
}

function countMissing(column: TableColumn): number {
  let missing = 0;
  if (column.kind === 'numeric') {
    for (const x of column.values) if (Number.isNaN(x)) missing++;
  } else {
    for (const x of column.values) if (x === null) missing++;
  }
  return missing;
}
