/**
 * Missing-value imputation per column with scikit-learn's `SimpleImputer` semantics:
 * 'mean' and 'median' of the observed (non-NaN) values of numeric columns, 'most-frequent'
 * (numeric or categorical; ties go to the smallest value, as scipy.stats.mode / sklearn do),
 * 'constant' (`fillValue`, default 0 for numeric and 'missing_value' for categorical columns).
 *
 * Deliberate difference from scikit-learn: a column with no observed value is not silently
 * dropped (sklearn 1.2 drops it for mean/median/most_frequent). It is kept, still missing, with
 * an ALL_MISSING_COLUMN warning; put a 'drop-missing-columns' step first to remove it, otherwise
 * any later scaler stops with an error naming the column.
 *
 * Names: n = rows. Median of an even count is the mean of the two middle values (numpy).
 */
import { checkParams, invalidParameter, mergeOptions } from '../core/params.js';
import { warning, type EstimatorWarning } from '../core/warnings.js';
import { arrayField, invalidModel, readObject, stringField, type JsonObject } from './json-read.js';
import type { ColumnKind, Table, TableColumn } from './table.js';
import {
  assertHasRows,
  compareStrings,
  findColumn,
  findKind,
  replaceColumns,
  resolveColumns,
} from './table-ops.js';

/** How missing values are replaced. */
export type ImputeStrategy = 'mean' | 'median' | 'most-frequent' | 'constant';

/** Options of {@link fitImputer}. */
export interface ImputerOptions {
  /** Default 'mean'. */
  readonly strategy: ImputeStrategy;
  /**
   * Columns to impute. Default: numeric columns for 'mean'/'median'; for 'constant' the columns
   * matching `fillValue`'s type (all columns when `fillValue` is unset); all columns for
   * 'most-frequent'.
   */
  readonly columns?: readonly string[];
  /** The constant for 'constant'. Default 0 (numeric) or 'missing_value' (categorical). */
  readonly fillValue?: number | string;
}

/** Defaults of {@link ImputerOptions}. */
export const IMPUTER_DEFAULTS: ImputerOptions = { strategy: 'mean' };

/** One imputed column: its fill value, or null when the column had no observed value. */
export interface ImputedColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly fill: number | string | null;
}

/** A fitted imputer (plain JSON-safe data). */
export interface FittedImputer {
  readonly type: 'impute';
  readonly strategy: ImputeStrategy;
  readonly columns: readonly ImputedColumn[];
  readonly warnings: readonly EstimatorWarning[];
}

const OWNER = 'impute';

/**
 * Learns one fill value per column.
 * @throws SegmintError INVALID_PARAMETER for a bad option, an unknown column, 'mean'/'median'
 *   on a categorical column or a `fillValue` of the wrong type for a column; INVALID_SHAPE for
 *   an empty table.
 * @example fitImputer(table({ Income: [1, NaN, 3] }), { strategy: 'median' }).columns[0].fill // 2
 */
export function fitImputer(t: Table, options?: Partial<ImputerOptions>): FittedImputer {
  const merged = mergeOptions(IMPUTER_DEFAULTS, options);
  checkParams(OWNER, merged, {
    strategy: { type: 'enum', values: ['mean', 'median', 'most-frequent', 'constant'] },
    columns: { type: 'any', optional: true },
    fillValue: { type: 'any', optional: true },
  });
  const { strategy, fillValue } = merged;
  if (fillValue !== undefined && !(typeof fillValue === 'string' || Number.isFinite(fillValue))) {
    throw invalidParameter(OWNER, 'fillValue', 'a finite number or a string', fillValue);
  }
  assertHasRows(OWNER, t);
  const defaultKind: ColumnKind | 'any' =
    strategy === 'mean' || strategy === 'median'
      ? 'numeric'
      : strategy === 'constant' && fillValue !== undefined
        ? typeof fillValue === 'number'
          ? 'numeric'
          : 'categorical'
        : 'any';
  const names = resolveColumns(
    OWNER,
    t,
    merged.columns,
    merged.columns === undefined ? defaultKind : 'any',
  );
  const warnings: EstimatorWarning[] = [];
  const columns = names.map((name): ImputedColumn => {
    const column = findColumn(OWNER, t, name);
    if (column.kind === 'categorical' && (strategy === 'mean' || strategy === 'median')) {
      throw invalidParameter(
        OWNER,
        'strategy',
        `'most-frequent' or 'constant' for categorical column "${name}"`,
        strategy,
      );
    }
    let fill: number | string | null;
    if (strategy === 'constant') {
      fill = fillValue ?? (column.kind === 'numeric' ? 0 : 'missing_value');
      if ((typeof fill === 'number') !== (column.kind === 'numeric')) {
        throw invalidParameter(
          OWNER,
          'fillValue',
          `a ${column.kind === 'numeric' ? 'number' : 'string'} for ${column.kind} column "${name}"`,
          fill,
        );
      }
    } else {
      fill =
        column.kind === 'numeric'
          ? numericStatistic(column.values, strategy)
          : mostFrequentString(column.values);
      if (fill === null) {
        warnings.push(
          warning(
            'ALL_MISSING_COLUMN',
            `impute: column "${name}" has no observed value, so it stays missing; ` +
              "add a 'drop-missing-columns' step before imputing.",
            { column: name },
          ),
        );
      }
    }
    return { name, kind: column.kind, fill };
  });
  return { type: 'impute', strategy, columns, warnings };
}

/**
 * Replaces missing values (NaN / null) of the fitted columns; other columns pass through.
 * Columns without missing values are shared, not copied.
 * @throws SegmintError INVALID_SHAPE naming a fitted column that is absent or changed kind.
 */
export function transformImputer(fitted: FittedImputer, t: Table): Table {
  const replacements = new Map<string, TableColumn[]>();
  for (const { name, kind, fill } of fitted.columns) {
    const column = findKind(OWNER, t, name, kind);
    if (fill === null) continue;
    if (column.kind === 'numeric') {
      if (!column.values.some(Number.isNaN)) continue;
      const values = column.values.map((x) => (Number.isNaN(x) ? (fill as number) : x));
      replacements.set(name, [{ name, kind: 'numeric', values }]);
    } else {
      if (!column.values.includes(null)) continue;
      const values = column.values.map((x) => x ?? (fill as string));
      replacements.set(name, [{ name, kind: 'categorical', values }]);
    }
  }
  return replaceColumns(OWNER, t, replacements);
}

/** Validates and rebuilds a serialised {@link FittedImputer}. */
export function imputerFromJSON(json: unknown, path = 'step'): FittedImputer {
  const o = readObject(json, path);
  const strategy = stringField<ImputeStrategy>(o, 'strategy', [
    'mean',
    'median',
    'most-frequent',
    'constant',
  ]);
  const columns = arrayField(o, 'columns', (value, itemPath) => {
    const c: JsonObject = readObject(value, itemPath);
    const kind = stringField<ColumnKind>(c, 'kind', ['numeric', 'categorical']);
    const fill = c.value.fill;
    const ok =
      fill === null ||
      (kind === 'numeric'
        ? typeof fill === 'number' && Number.isFinite(fill)
        : typeof fill === 'string');
    if (!ok)
      throw invalidModel(
        `${itemPath}.fill`,
        `a ${kind === 'numeric' ? 'finite number' : 'string'} or null`,
        fill,
      );
    return { name: stringField(c, 'name'), kind, fill: fill as number | string | null };
  });
  const warnings = arrayField(o, 'warnings', (value, itemPath) => {
    const w = readObject(value, itemPath);
    return warning(
      stringField(w, 'code'),
      stringField(w, 'message'),
      w.value.details as Record<string, unknown> | undefined,
    );
  });
  return { type: 'impute', strategy, columns, warnings };
}

/** Mean, median or most frequent of the non-NaN values; null when there are none. */
function numericStatistic(
  values: Float64Array,
  strategy: 'mean' | 'median' | 'most-frequent',
): number | null {
  const observed = values.filter((x) => !Number.isNaN(x));
  const n = observed.length;
  if (n === 0) return null;
  if (strategy === 'mean') {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += observed[i]!;
    return sum / n;
  }
  observed.sort();
  if (strategy === 'median') {
    const mid = n >> 1;
    return n % 2 === 1 ? observed[mid]! : (observed[mid - 1]! + observed[mid]!) / 2;
  }
  // Sorted ascending, so the first run with the highest count is the smallest tied value.
  let best = observed[0]!;
  let bestCount = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && observed[j] === observed[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = observed[i]!;
    }
    i = j;
  }
  return best;
}

/** Most frequent non-null string; ties go to the smallest (UTF-16 order); null when none. */
function mostFrequentString(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (
      count > bestCount ||
      (count === bestCount && best !== null && compareStrings(value, best) < 0)
    ) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
