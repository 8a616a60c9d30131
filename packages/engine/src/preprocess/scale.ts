/**
 * Feature scaling of numeric columns with scikit-learn 1.2's formulas:
 * - 'standard' (StandardScaler): y = (x - mean) / std, population std (ddof = 0) computed with
 *   the corrected two-pass algorithm (Chan, Golub & LeVeque 1983); a column whose variance is
 *   within rounding error of 0 (`var <= n eps var + (n mean eps)^2`) gets scale 1.
 * - 'min-max' (MinMaxScaler): y = x * scale + shift with scale = (hi - lo) / (max - min) and
 *   shift = lo - min * scale for `featureRange` [lo, hi]; a range below 10 eps counts as 1.
 * - 'robust' (RobustScaler): y = (x - median) / (Q(q2) - Q(q1)), numpy linear quantiles, default
 *   `quantileRange` [25, 75] percent; an IQR below 10 eps counts as 1.
 *
 * Unlike scikit-learn (which skips NaN), a missing value reaching a scaler is an error naming
 * its column and row: impute first. Names: n = rows, eps = 2^-52.
 */
import { checkParams, invalidParameter, mergeOptions } from '../core/params.js';
import {
  arrayField,
  asNumber,
  asString,
  invalidModel,
  readObject,
  stringField,
} from './json-read.js';
import { medianSorted, quantileLinear, sortedObserved } from './quantile.js';
import type { Table, TableColumn } from './table.js';
import {
  assertColumnFinite,
  assertHasRows,
  findNumeric,
  replaceColumns,
  resolveColumns,
} from './table-ops.js';

/** Scaling method. */
export type ScaleMethod = 'standard' | 'min-max' | 'robust';

/** Options of {@link fitScaler}. Method-specific options are ignored by the other methods. */
export interface ScalerOptions {
  /** Default 'standard'. */
  readonly method: ScaleMethod;
  /** Numeric columns to scale. Default: every numeric column. */
  readonly columns?: readonly string[];
  /** standard: subtract the mean. Default true. */
  readonly withMean: boolean;
  /** standard: divide by the std. Default true. */
  readonly withStd: boolean;
  /** min-max: target range [lo, hi], lo < hi. Default [0, 1]. */
  readonly featureRange: readonly [number, number];
  /** min-max: clip transformed values into `featureRange` (new data may fall outside). Default false. */
  readonly clip: boolean;
  /** robust: subtract the median. Default true. */
  readonly withCentering: boolean;
  /** robust: divide by the quantile range. Default true. */
  readonly withScaling: boolean;
  /** robust: percentiles [q1, q2], 0 <= q1 < q2 <= 100. Default [25, 75]. */
  readonly quantileRange: readonly [number, number];
}

/** Defaults of {@link ScalerOptions}. */
export const SCALER_DEFAULTS: ScalerOptions = {
  method: 'standard',
  withMean: true,
  withStd: true,
  featureRange: [0, 1],
  clip: false,
  withCentering: true,
  withScaling: true,
  quantileRange: [25, 75],
};

/**
 * A fitted scaler (JSON-safe). standard/robust: y = (x - shift) / scale;
 * min-max: y = x * scale + shift, then clipped into `clip` when set.
 */
export interface FittedScaler {
  readonly type: 'scale';
  readonly method: ScaleMethod;
  readonly columns: readonly string[];
  readonly shift: readonly number[];
  readonly scale: readonly number[];
  readonly clip: readonly [number, number] | null;
}

const OWNER = 'scale';
const EPS = 2 ** -52;

/**
 * Learns per-column shift and scale.
 * @throws SegmintError INVALID_PARAMETER for bad options or columns; NON_FINITE_VALUE naming the
 *   column and row of a missing or infinite value; INVALID_SHAPE for an empty table.
 * @example fitScaler(table({ a: [1, 2, 3] }), { method: 'min-max' }).scale // [0.5]
 */
export function fitScaler(t: Table, options?: Partial<ScalerOptions>): FittedScaler {
  const o = mergeOptions(SCALER_DEFAULTS, options);
  checkParams(OWNER, o, {
    method: { type: 'enum', values: ['standard', 'min-max', 'robust'] },
    columns: { type: 'any', optional: true },
    withMean: { type: 'boolean' },
    withStd: { type: 'boolean' },
    featureRange: { type: 'any' },
    clip: { type: 'boolean' },
    withCentering: { type: 'boolean' },
    withScaling: { type: 'boolean' },
    quantileRange: { type: 'any' },
  });
  const [lo, hi] = checkPair('featureRange', o.featureRange, -Infinity, Infinity);
  const [q1, q2] = checkPair('quantileRange', o.quantileRange, 0, 100);
  assertHasRows(OWNER, t);
  const columns = resolveColumns(OWNER, t, o.columns, 'numeric');
  const shift: number[] = [];
  const scale: number[] = [];
  for (const name of columns) {
    const column = findNumeric(OWNER, t, name);
    assertColumnFinite(OWNER, column);
    const x = column.values;
    const n = x.length;
    if (o.method === 'standard') {
      const { mean, std } = standardParameters(x);
      shift.push(o.withMean ? mean : 0);
      scale.push(o.withStd ? std : 1);
    } else if (o.method === 'min-max') {
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < n; i++) {
        if (x[i]! < min) min = x[i]!;
        if (x[i]! > max) max = x[i]!;
      }
      const range = max - min < 10 * EPS ? 1 : max - min;
      const s = (hi - lo) / range;
      scale.push(s);
      shift.push(lo - min * s);
    } else {
      const sorted = sortedObserved(x);
      shift.push(o.withCentering ? medianSorted(sorted) : 0);
      const iqr = quantileLinear(sorted, q2 / 100) - quantileLinear(sorted, q1 / 100);
      scale.push(o.withScaling && !(iqr < 10 * EPS) ? iqr : 1);
    }
  }
  const clip: [number, number] | null = o.method === 'min-max' && o.clip ? [lo, hi] : null;
  return { type: 'scale', method: o.method, columns, shift, scale, clip };
}

/**
 * Scales the fitted columns (fresh arrays); other columns pass through.
 * @throws SegmintError INVALID_SHAPE for a missing or categorical column; NON_FINITE_VALUE
 *   naming the column and row of a missing value.
 */
export function transformScaler(fitted: FittedScaler, t: Table): Table {
  const replacements = new Map<string, TableColumn[]>();
  fitted.columns.forEach((name, j) => {
    const column = findNumeric(OWNER, t, name);
    assertColumnFinite(OWNER, column);
    const shift = fitted.shift[j]!;
    const scale = fitted.scale[j]!;
    const values =
      fitted.method === 'min-max'
        ? column.values.map((x) => clamp(x * scale + shift, fitted.clip))
        : column.values.map((x) => (x - shift) / scale);
    replacements.set(name, [{ name, kind: 'numeric', values }]);
  });
  return replaceColumns(OWNER, t, replacements);
}

/** Validates and rebuilds a serialised {@link FittedScaler}. */
export function scalerFromJSON(json: unknown, path = 'step'): FittedScaler {
  const o = readObject(json, path);
  const method = stringField<ScaleMethod>(o, 'method', ['standard', 'min-max', 'robust']);
  const columns = arrayField(o, 'columns', asString);
  const shift = arrayField(o, 'shift', asNumber, columns.length);
  const scale = arrayField(o, 'scale', asNumber, columns.length);
  scale.forEach((s, j) => {
    if (s === 0) throw invalidModel(`${path}.scale[${j}]`, 'non-zero', s);
  });
  let clip: [number, number] | null = null;
  if (o.value.clip !== null) {
    const pair = arrayField(o, 'clip', asNumber, 2);
    clip = [pair[0]!, pair[1]!];
  }
  return { type: 'scale', method, columns, shift, scale, clip };
}

/**
 * Mean and population std of finite values as StandardScaler computes them (corrected two-pass);
 * `std` is 1 for a column that is constant up to rounding error.
 */
export function standardParameters(x: Float64Array): { mean: number; std: number } {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  const mean = sum / n;
  let correction = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const centred = x[i]! - mean;
    correction += centred;
    squares += centred * centred;
  }
  const variance = (squares - (correction * correction) / n) / n;
  const isConstant = variance <= n * EPS * variance + (n * mean * EPS) ** 2;
  return { mean, std: isConstant ? 1 : Math.sqrt(variance) };
}

function clamp(x: number, range: readonly [number, number] | null): number {
  if (range === null) return x;
  return x < range[0] ? range[0] : x > range[1] ? range[1] : x;
}

function checkPair(name: string, value: unknown, min: number, max: number): [number, number] {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) ||
    !((value[0] as number) < (value[1] as number))
  ) {
    const bounds = Number.isFinite(min) ? ` within [${min}, ${max}]` : '';
    throw invalidParameter(
      OWNER,
      name,
      `a pair [low, high] of finite numbers${bounds} with low < high`,
      value,
    );
  }
  return [value[0] as number, value[1] as number];
}
