/**
 * Drops numeric columns whose population variance (ddof = 0, NaN skipped) is <= a threshold,
 * as scikit-learn's `VarianceThreshold`: with threshold 0 the variance is replaced by
 * min(variance, max - min) so a constant column whose computed variance is rounding noise
 * (1e-33 rather than 0) is still removed.
 *
 * Names: n = observed values in a column; variance = sum((x - mean)^2) / n.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, mergeOptions } from '../core/params.js';
import { arrayField, asNumber, asString, numberField, readObject } from './json-read.js';
import type { Table, TableColumn } from './table.js';
import {
  assertHasRows,
  findNumeric,
  formatNumber,
  replaceColumns,
  resolveColumns,
} from './table-ops.js';

/** Options of {@link fitVarianceThreshold}. */
export interface VarianceThresholdOptions {
  /** Drop columns with variance <= threshold (>= 0). Default 0: constant columns. */
  readonly threshold: number;
  /** Numeric columns considered. Default: every numeric column. */
  readonly columns?: readonly string[];
}

/** Defaults of {@link VarianceThresholdOptions}. */
export const VARIANCE_THRESHOLD_DEFAULTS: VarianceThresholdOptions = { threshold: 0 };

/** A fitted variance filter (JSON-safe). */
export interface FittedVarianceThreshold {
  readonly type: 'variance-threshold';
  readonly threshold: number;
  /** Columns considered, with their variances (0 for an all-missing column). */
  readonly columns: readonly string[];
  readonly variances: readonly number[];
  /** Columns removed (variance <= threshold). */
  readonly removed: readonly string[];
}

const OWNER = 'variance-threshold';

/**
 * Computes variances and the columns to remove.
 * @throws SegmintError INVALID_PARAMETER for a bad threshold or columns; INVALID_SHAPE when every
 *   considered column would be removed (as sklearn: "No feature in X meets the variance threshold").
 * @example fitVarianceThreshold(table({ a: [1, 1, 1], b: [1, 2, 3] })).removed // ['a']
 */
export function fitVarianceThreshold(
  t: Table,
  options?: Partial<VarianceThresholdOptions>,
): FittedVarianceThreshold {
  const o = mergeOptions(VARIANCE_THRESHOLD_DEFAULTS, options);
  checkParams(OWNER, o, {
    threshold: { type: 'number', min: 0 },
    columns: { type: 'any', optional: true },
  });
  assertHasRows(OWNER, t);
  const columns = resolveColumns(OWNER, t, o.columns, 'numeric');
  const variances = columns.map((name) => {
    const values = findNumeric(OWNER, t, name).values;
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const x of values) {
      if (Number.isNaN(x)) continue;
      count++;
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (count === 0) return 0;
    const mean = sum / count;
    let squares = 0;
    for (const x of values) if (!Number.isNaN(x)) squares += (x - mean) ** 2;
    const variance = squares / count;
    // sklearn's np.ptp is NaN for a column with NaN, and nanmin then keeps the variance.
    return o.threshold === 0 && count === values.length ? Math.min(variance, max - min) : variance;
  });
  const removed = columns.filter((_, j) => variances[j]! <= o.threshold);
  if (columns.length > 0 && removed.length === columns.length) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${OWNER}: no column has variance above the threshold ${o.threshold} ` +
        `(largest: ${formatNumber(Math.max(...variances))}); lower 'threshold'.`,
      { value: o.threshold },
    );
  }
  return { type: 'variance-threshold', threshold: o.threshold, columns, variances, removed };
}

/**
 * Removes the low-variance columns.
 * @throws SegmintError INVALID_SHAPE naming a removed column absent from `t`.
 */
export function transformVarianceThreshold(fitted: FittedVarianceThreshold, t: Table): Table {
  const replacements = new Map<string, TableColumn[]>();
  for (const name of fitted.removed) {
    findNumeric(OWNER, t, name);
    replacements.set(name, []);
  }
  return replaceColumns(OWNER, t, replacements);
}

/** One line per removed column: 'Removed "Z_Revenue": variance 0 <= 0.' */
export function describeVarianceThreshold(fitted: FittedVarianceThreshold): string[] {
  return fitted.removed.map((name) => {
    const variance = fitted.variances[fitted.columns.indexOf(name)]!;
    return `Removed "${name}": variance ${formatNumber(variance)} <= ${formatNumber(fitted.threshold)}.`;
  });
}

/** Validates and rebuilds a serialised {@link FittedVarianceThreshold}. */
export function varianceThresholdFromJSON(json: unknown, path = 'step'): FittedVarianceThreshold {
  const o = readObject(json, path);
  const columns = arrayField(o, 'columns', asString);
  return {
    type: 'variance-threshold',
    threshold: numberField(o, 'threshold'),
    columns,
    variances: arrayField(o, 'variances', asNumber, columns.length),
    removed: arrayField(o, 'removed', asString),
  };
}
