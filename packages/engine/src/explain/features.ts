/**
 * The explainer's view of its input: named feature columns, numeric (float64, NaN = missing,
 * flagged when it holds small integer counts so rules can say "kids = 0") or categorical
 * (integer codes into a list of category strings, -1 = missing).
 *
 * Notation: n rows, d features.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { type MatrixLike, toMatrix } from '../matrix/matrix.js';
import type { Table } from '../preprocess/table.js';

/** One feature column as the tree sees it. */
export type FeatureColumn =
  | {
      readonly name: string;
      readonly kind: 'numeric';
      readonly values: Float64Array;
      /** Every finite value is an integer and there are at most 20 distinct values (counts). */
      readonly integer: boolean;
    }
  | {
      readonly name: string;
      readonly kind: 'categorical';
      /** Code of each row into `categories`, -1 = missing. */
      readonly codes: Int32Array;
      readonly categories: readonly string[];
    };

/** Columns of the same length n. */
export interface FeatureSet {
  readonly rows: number;
  readonly columns: readonly FeatureColumn[];
}

function isTable(value: unknown): value is Table {
  return (
    typeof value === 'object' &&
    value !== null &&
    'columns' in value &&
    Array.isArray(value.columns)
  );
}

function numericColumn(name: string, values: Float64Array): FeatureColumn {
  let integer = true;
  const distinct = new Set<number>();
  for (const x of values) {
    if (!Number.isFinite(x)) continue;
    if (!Number.isInteger(x)) integer = false;
    else if (distinct.size <= 20) distinct.add(x);
  }
  integer &&= distinct.size <= 20;
  return { name, kind: 'numeric', values, integer };
}

/**
 * Reads a {@link Table} (numeric and categorical columns) or a numeric matrix (names from
 * `featureNames`, else `x0`, `x1`, ...). Values are copied or only read, never written.
 * @throws SegmintError INVALID_SHAPE when `featureNames` does not match the column count.
 */
export function readFeatures(
  owner: string,
  features: Table | MatrixLike,
  featureNames?: readonly string[],
): FeatureSet {
  if (isTable(features)) {
    const columns = features.columns.map((column): FeatureColumn => {
      if (column.kind === 'numeric') return numericColumn(column.name, column.values);
      const categories: string[] = [];
      const index = new Map<string, number>();
      const sorted = [...new Set(column.values.filter((v): v is string => v !== null))].sort();
      for (const value of sorted) {
        index.set(value, categories.length);
        categories.push(value);
      }
      const codes = Int32Array.from(column.values, (v) => (v === null ? -1 : index.get(v)!));
      return { name: column.name, kind: 'categorical', codes, categories };
    });
    return { rows: features.rows, columns };
  }
  const X = toMatrix(features);
  if (featureNames !== undefined && featureNames.length !== X.cols) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: 'featureNames' has ${featureNames.length} names for ${X.cols} columns.`,
      { parameter: 'featureNames', value: featureNames.length, expected: X.cols },
    );
  }
  const columns = Array.from({ length: X.cols }, (_, j) => {
    const values = new Float64Array(X.rows);
    for (let i = 0; i < X.rows; i++) values[i] = X.data[i * X.cols + j]!;
    return numericColumn(featureNames?.[j] ?? `x${j}`, values);
  });
  return { rows: X.rows, columns };
}
