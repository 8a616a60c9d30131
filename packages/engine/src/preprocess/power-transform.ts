/**
 * Yeo-Johnson power transform (Yeo & Johnson 2000, "A new family of power transformations to
 * improve normality or symmetry", Biometrika 87(4)), as scikit-learn 1.2's
 * `PowerTransformer(method='yeo-johnson')`:
 *
 *   psi(x, lambda) = ((x + 1)^lambda - 1) / lambda              x >= 0, lambda != 0
 *                  = log1p(x)                                    x >= 0, lambda == 0
 *                  = -((1 - x)^(2 - lambda) - 1) / (2 - lambda)  x < 0,  lambda != 2
 *                  = -log1p(-x)                                  x < 0,  lambda == 2
 *
 * lambda maximises the profile log-likelihood
 *   L(lambda) = -n/2 log(var(psi(x, lambda))) + (lambda - 1) sum(sign(x) log1p(|x|)),
 * found with scipy's Brent method from the bracket (-2, 2) (see brent.ts). With `standardize`
 * (default true, like sklearn) the transformed column is then standardised (StandardScaler).
 * Names: x = one column (n values), lambda = its power parameter.
 */
import { checkParams, mergeOptions } from '../core/params.js';
import { brentMinimize } from './brent.js';
import {
  arrayField,
  asNumber,
  asString,
  booleanField,
  readObject,
  stringField,
} from './json-read.js';
import { standardParameters } from './scale.js';
import type { Table, TableColumn } from './table.js';
import {
  assertColumnFinite,
  assertHasRows,
  findNumeric,
  replaceColumns,
  resolveColumns,
} from './table-ops.js';

/** Options of {@link fitPowerTransform}. */
export interface PowerTransformOptions {
  /** Only 'yeo-johnson' (works for any sign). Default 'yeo-johnson'. */
  readonly method: 'yeo-johnson';
  /** Numeric columns to transform. Default: every numeric column. */
  readonly columns?: readonly string[];
  /** Standardise the transformed columns to zero mean, unit variance. Default true. */
  readonly standardize: boolean;
}

/** Defaults of {@link PowerTransformOptions}. */
export const POWER_TRANSFORM_DEFAULTS: PowerTransformOptions = {
  method: 'yeo-johnson',
  standardize: true,
};

/** A fitted power transform (JSON-safe): y = (psi(x, lambda) - shift) / scale. */
export interface FittedPowerTransform {
  readonly type: 'power';
  readonly method: 'yeo-johnson';
  readonly columns: readonly string[];
  readonly lambdas: readonly number[];
  readonly standardize: boolean;
  /** Mean of psi(x) per column (0 without standardize). */
  readonly shift: readonly number[];
  /** Std of psi(x) per column (1 without standardize or for a constant column). */
  readonly scale: readonly number[];
}

const OWNER = 'power';
const SPACING_ONE = 2 ** -52;
const TINY = 2.2250738585072014e-308;

/**
 * Fits lambda per column by maximum likelihood, then the standardisation.
 * @throws SegmintError INVALID_PARAMETER for bad options or columns; NON_FINITE_VALUE naming the
 *   column and row of a missing value (impute first); INVALID_SHAPE for an empty table.
 * @example fitPowerTransform(t, { columns: ['Income'] }).lambdas[0]
 */
export function fitPowerTransform(
  t: Table,
  options?: Partial<PowerTransformOptions>,
): FittedPowerTransform {
  const o = mergeOptions(POWER_TRANSFORM_DEFAULTS, options);
  checkParams(OWNER, o, {
    method: { type: 'enum', values: ['yeo-johnson'] },
    columns: { type: 'any', optional: true },
    standardize: { type: 'boolean' },
  });
  assertHasRows(OWNER, t);
  const columns = resolveColumns(OWNER, t, o.columns, 'numeric');
  const lambdas: number[] = [];
  const shift: number[] = [];
  const scale: number[] = [];
  for (const name of columns) {
    const column = findNumeric(OWNER, t, name);
    assertColumnFinite(OWNER, column);
    const lambda = yeoJohnsonLambda(column.values);
    lambdas.push(lambda);
    if (o.standardize) {
      const { mean, std } = standardParameters(yeoJohnson(column.values, lambda));
      shift.push(mean);
      scale.push(std);
    } else {
      shift.push(0);
      scale.push(1);
    }
  }
  return {
    type: 'power',
    method: 'yeo-johnson',
    columns,
    lambdas,
    standardize: o.standardize,
    shift,
    scale,
  };
}

/**
 * Applies the fitted transform to its columns (fresh arrays); other columns pass through.
 * @throws SegmintError INVALID_SHAPE for an absent or categorical column; NON_FINITE_VALUE
 *   naming the column and row of a missing value.
 */
export function transformPowerTransform(fitted: FittedPowerTransform, t: Table): Table {
  const replacements = new Map<string, TableColumn[]>();
  fitted.columns.forEach((name, j) => {
    const column = findNumeric(OWNER, t, name);
    assertColumnFinite(OWNER, column);
    const shift = fitted.shift[j]!;
    const scale = fitted.scale[j]!;
    const values = yeoJohnson(column.values, fitted.lambdas[j]!);
    if (fitted.standardize)
      for (let i = 0; i < values.length; i++) values[i] = (values[i]! - shift) / scale;
    replacements.set(name, [{ name, kind: 'numeric', values }]);
  });
  return replaceColumns(OWNER, t, replacements);
}

/** psi(x, lambda) for each value, into a fresh array (sklearn `_yeo_johnson_transform`). */
export function yeoJohnson(x: Float64Array, lambda: number): Float64Array {
  const out = new Float64Array(x.length);
  const zeroLambda = Math.abs(lambda) < SPACING_ONE;
  const twoLambda = !(Math.abs(lambda - 2) > SPACING_ONE);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v >= 0) out[i] = zeroLambda ? Math.log1p(v) : (Math.pow(v + 1, lambda) - 1) / lambda;
    else out[i] = twoLambda ? -Math.log1p(-v) : -(Math.pow(-v + 1, 2 - lambda) - 1) / (2 - lambda);
  }
  return out;
}

/** The maximum-likelihood lambda of finite values `x` (sklearn `_yeo_johnson_optimize`). */
export function yeoJohnsonLambda(x: Float64Array): number {
  const n = x.length;
  let signedLogSum = 0;
  for (let i = 0; i < n; i++) signedLogSum += Math.sign(x[i]!) * Math.log1p(Math.abs(x[i]!));
  const negativeLogLikelihood = (lambda: number): number => {
    const transformed = yeoJohnson(x, lambda);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += transformed[i]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (transformed[i]! - mean) ** 2;
    const variance = squares / n;
    if (variance < TINY) return Infinity;
    return -((-n / 2) * Math.log(variance) + (lambda - 1) * signedLogSum);
  };
  return brentMinimize(negativeLogLikelihood, -2, 2).x;
}

/** Validates and rebuilds a serialised {@link FittedPowerTransform}. */
export function powerTransformFromJSON(json: unknown, path = 'step'): FittedPowerTransform {
  const o = readObject(json, path);
  const columns = arrayField(o, 'columns', asString);
  return {
    type: 'power',
    method: stringField(o, 'method', ['yeo-johnson'] as const),
    columns,
    lambdas: arrayField(o, 'lambdas', asNumber, columns.length),
    standardize: booleanField(o, 'standardize'),
    shift: arrayField(o, 'shift', asNumber, columns.length),
    scale: arrayField(o, 'scale', asNumber, columns.length),
  };
}
