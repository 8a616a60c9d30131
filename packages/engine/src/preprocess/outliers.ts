/**
 * Outlier rules on numeric columns. Fitting learns bounds; applying either removes the rows
 * outside them (fit time: outliers must not shape later steps) or only flags them (predict
 * time: a customer is always scored, with `outlier: true` and the reasons).
 * - 'iqr' (Tukey 1977): outside [Q1 - k IQR, Q3 + k IQR], numpy linear quartiles, default k 1.5.
 * - 'z-score': |x - mean| / std > threshold, population std (scipy.stats.zscore), default 3;
 *   a constant column has no bounds (z is undefined).
 * - 'range': explicit { column, min?, max? }; values below min or above max.
 * Missing values (NaN) are never outliers. Names: n = rows, Q1/Q3 = 25th/75th percentiles.
 */
import { checkParams, invalidParameter, mergeOptions } from '../core/params.js';
import { arrayField, numberField, readObject, stringField } from './json-read.js';
import { quantileLinear, sortedObserved } from './quantile.js';
import type { Table } from './table.js';
import { findNumeric, formatNumber, resolveColumns, takeTableRows } from './table-ops.js';

/** One rule as the user writes it. */
export type OutlierRule =
  | { readonly rule: 'iqr'; readonly columns?: readonly string[]; readonly k?: number }
  | { readonly rule: 'z-score'; readonly columns?: readonly string[]; readonly threshold?: number }
  | {
      readonly rule: 'range';
      readonly column: string;
      readonly min?: number;
      readonly max?: number;
    };

/** Options of {@link fitOutliers}. */
export interface OutlierOptions {
  /** Rules, applied together (a row outside any bound is an outlier). Default: none. */
  readonly rules: readonly OutlierRule[];
}

/** Defaults of {@link OutlierOptions}. */
export const OUTLIER_DEFAULTS: OutlierOptions = { rules: [] };

/** Learned bounds of one rule on one column; null = no bound on that side. */
export interface OutlierBound {
  readonly rule: 'iqr' | 'z-score' | 'range';
  readonly column: string;
  readonly lower: number | null;
  readonly upper: number | null;
  /** k for 'iqr', threshold for 'z-score', null for 'range'. */
  readonly parameter: number | null;
}

/** Fitted outlier rules (JSON-safe). */
export interface FittedOutliers {
  readonly type: 'outliers';
  readonly bounds: readonly OutlierBound[];
}

/** Count of rows beyond one side of one bound. */
export interface OutlierRuleReport {
  readonly rule: OutlierBound['rule'];
  readonly column: string;
  readonly side: 'below' | 'above';
  readonly bound: number;
  readonly parameter: number | null;
  readonly rows: number;
  /** E.g. "12 rows removed: Income > 118,350 (IQR rule, k = 1.5)". */
  readonly message: string;
}

/** Per-row verdict. `reasons` are like "Income > 118,350 (IQR rule, k = 1.5)". */
export interface OutlierFlag {
  readonly outlier: boolean;
  readonly reasons: readonly string[];
}

/** Result of {@link applyOutliers}. */
export interface OutlierResult {
  /** The kept rows ('remove') or all rows ('flag'). */
  readonly table: Table;
  /** Indices (into the input) of the rows in `table`. */
  readonly keptRows: Int32Array;
  /** One flag per row of `table` (all false after 'remove'). */
  readonly flags: readonly OutlierFlag[];
  /** Sides with at least one row beyond them, in rule order. */
  readonly report: readonly OutlierRuleReport[];
  /** Rows beyond at least one bound. */
  readonly outlierRows: number;
}

const OWNER = 'outliers';

/**
 * Learns the bounds of every rule.
 * @throws SegmintError INVALID_PARAMETER naming the bad rule field or column.
 * @example fitOutliers(t, { rules: [{ rule: 'iqr', columns: ['Income'], k: 1.5 }] })
 */
export function fitOutliers(t: Table, options?: Partial<OutlierOptions>): FittedOutliers {
  const o = mergeOptions(OUTLIER_DEFAULTS, options);
  checkParams(OWNER, o, { rules: { type: 'any' } });
  if (!Array.isArray(o.rules)) throw invalidParameter(OWNER, 'rules', 'an array of rules', o.rules);
  const bounds: OutlierBound[] = [];
  o.rules.forEach((rule: OutlierRule, index) => {
    const where = `rules[${index}]`;
    if (rule.rule === 'range') {
      checkParams(`${OWNER} ${where}`, rule, {
        rule: { type: 'enum', values: ['range'] },
        column: { type: 'string' },
        min: { type: 'number', optional: true },
        max: { type: 'number', optional: true },
      });
      findNumeric(OWNER, t, rule.column);
      if (rule.min === undefined && rule.max === undefined) {
        throw invalidParameter(OWNER, where, "a range with 'min' or 'max'", rule);
      }
      bounds.push({
        rule: 'range',
        column: rule.column,
        lower: rule.min ?? null,
        upper: rule.max ?? null,
        parameter: null,
      });
    } else if (rule.rule === 'iqr' || rule.rule === 'z-score') {
      const isIqr = rule.rule === 'iqr';
      const parameter = isIqr ? (rule.k ?? 1.5) : (rule.threshold ?? 3);
      checkParams(`${OWNER} ${where}`, { ...rule, [isIqr ? 'k' : 'threshold']: parameter }, {
        rule: { type: 'enum', values: ['iqr', 'z-score'] },
        columns: { type: 'any', optional: true },
        ...(isIqr
          ? { k: { type: 'number', min: 0 } }
          : { threshold: { type: 'number', exclusiveMin: true, min: 0 } }),
      } as never);
      for (const column of resolveColumns(`${OWNER} ${where}`, t, rule.columns, 'numeric')) {
        const values = findNumeric(OWNER, t, column).values;
        const [lower, upper] = isIqr ? iqrBounds(values, parameter) : zBounds(values, parameter);
        bounds.push({ rule: rule.rule, column, lower, upper, parameter });
      }
    } else {
      throw invalidParameter(
        OWNER,
        `${where}.rule`,
        "one of 'iqr', 'z-score', 'range'",
        (rule as { rule: unknown }).rule,
      );
    }
  });
  return { type: 'outliers', bounds };
}

/**
 * Applies the bounds: mode 'remove' drops outlier rows, 'flag' keeps every row and flags them.
 * @throws SegmintError INVALID_SHAPE naming a bound's column absent from `t` or categorical.
 */
export function applyOutliers(
  fitted: FittedOutliers,
  t: Table,
  mode: 'remove' | 'flag',
): OutlierResult {
  const reasons: string[][] = Array.from({ length: t.rows }, () => []);
  const report: OutlierRuleReport[] = [];
  const verb = mode === 'remove' ? 'removed' : 'flagged';
  for (const b of fitted.bounds) {
    const values = findNumeric(OWNER, t, b.column).values;
    for (const side of ['below', 'above'] as const) {
      const bound = side === 'below' ? b.lower : b.upper;
      if (bound === null) continue;
      const reason = `${b.column} ${side === 'below' ? '<' : '>'} ${formatNumber(bound)} (${describeRule(b)})`;
      let rows = 0;
      for (let i = 0; i < t.rows; i++) {
        const x = values[i]!;
        if (side === 'below' ? x < bound : x > bound) {
          reasons[i]!.push(reason);
          rows++;
        }
      }
      if (rows > 0) {
        const message = `${rows} row${rows === 1 ? '' : 's'} ${verb}: ${reason}`;
        report.push({
          rule: b.rule,
          column: b.column,
          side,
          bound,
          parameter: b.parameter,
          rows,
          message,
        });
      }
    }
  }
  const outlierRows = reasons.filter((r) => r.length > 0).length;
  if (mode === 'flag') {
    const keptRows = Int32Array.from({ length: t.rows }, (_, i) => i);
    const flags = reasons.map((r) => ({ outlier: r.length > 0, reasons: r }));
    return { table: t, keptRows, flags, report, outlierRows };
  }
  const kept: number[] = [];
  reasons.forEach((r, i) => {
    if (r.length === 0) kept.push(i);
  });
  const keptRows = Int32Array.from(kept);
  const flags = kept.map(() => ({ outlier: false, reasons: [] }));
  return { table: takeTableRows(t, keptRows), keptRows, flags, report, outlierRows };
}

/** Validates and rebuilds a serialised {@link FittedOutliers}. */
export function outliersFromJSON(json: unknown, path = 'step'): FittedOutliers {
  const o = readObject(json, path);
  const bounds = arrayField(o, 'bounds', (value, itemPath): OutlierBound => {
    const b = readObject(value, itemPath);
    return {
      rule: stringField(b, 'rule', ['iqr', 'z-score', 'range'] as const),
      column: stringField(b, 'column'),
      lower: numberField(b, 'lower', true),
      upper: numberField(b, 'upper', true),
      parameter: numberField(b, 'parameter', true),
    };
  });
  return { type: 'outliers', bounds };
}

function describeRule(b: OutlierBound): string {
  if (b.rule === 'iqr') return `IQR rule, k = ${formatNumber(b.parameter ?? 1.5)}`;
  if (b.rule === 'z-score') return `z-score rule, |z| > ${formatNumber(b.parameter ?? 3)}`;
  return 'range rule';
}

function iqrBounds(values: Float64Array, k: number): [number | null, number | null] {
  const sorted = sortedObserved(values);
  if (sorted.length === 0) return [null, null];
  const q1 = quantileLinear(sorted, 0.25);
  const q3 = quantileLinear(sorted, 0.75);
  return [q1 - k * (q3 - q1), q3 + k * (q3 - q1)];
}

function zBounds(values: Float64Array, threshold: number): [number | null, number | null] {
  let count = 0;
  let sum = 0;
  for (const x of values) {
    if (Number.isNaN(x)) continue;
    count++;
    sum += x;
  }
  if (count === 0) return [null, null];
  const mean = sum / count;
  let squares = 0;
  for (const x of values) if (!Number.isNaN(x)) squares += (x - mean) ** 2;
  const std = Math.sqrt(squares / count);
  if (std === 0) return [null, null];
  return [mean - threshold * std, mean + threshold * std];
}
