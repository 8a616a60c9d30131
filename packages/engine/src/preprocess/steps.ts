/**
 * The preprocessing steps as one discriminated union: what a user writes ({@link StepSpec}),
 * what fitting returns ({@link FittedStep}), and one dispatcher per operation (fit, run,
 * serialise, load). The pipeline (pipeline.ts) only talks to steps through these functions.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import {
  describeDropMissingColumns,
  dropMissingColumnsFromJSON,
  fitDropMissingColumns,
  transformDropMissingColumns,
  type DropMissingColumnsOptions,
  type FittedDropMissingColumns,
} from './drop-missing-columns.js';
import {
  fitImputer,
  imputerFromJSON,
  transformImputer,
  type FittedImputer,
  type ImputerOptions,
} from './impute.js';
import { invalidModel, jsonCopy, readObject } from './json-read.js';
import {
  fitLog1p,
  log1pFromJSON,
  transformLog1p,
  type FittedLog1p,
  type Log1pOptions,
} from './log1p.js';
import {
  fitOneHot,
  oneHotFromJSON,
  transformOneHot,
  type FittedOneHot,
  type OneHotOptions,
} from './one-hot.js';
import {
  applyOutliers,
  fitOutliers,
  outliersFromJSON,
  type FittedOutliers,
  type OutlierFlag,
  type OutlierOptions,
  type OutlierRuleReport,
} from './outliers.js';
import {
  fitPowerTransform,
  powerTransformFromJSON,
  transformPowerTransform,
  type FittedPowerTransform,
  type PowerTransformOptions,
} from './power-transform.js';
import {
  fitScaler,
  scalerFromJSON,
  transformScaler,
  type FittedScaler,
  type ScalerOptions,
} from './scale.js';
import type { Table } from './table.js';
import { formatNumber } from './table-ops.js';
import {
  describeVarianceThreshold,
  fitVarianceThreshold,
  transformVarianceThreshold,
  varianceThresholdFromJSON,
  type FittedVarianceThreshold,
  type VarianceThresholdOptions,
} from './variance-threshold.js';

/** A step as written in a pipeline: `type` plus that step's options (defaults apply). */
export type StepSpec =
  | ({ readonly type: 'impute' } & Partial<ImputerOptions>)
  | ({ readonly type: 'drop-missing-columns' } & Partial<DropMissingColumnsOptions>)
  | ({ readonly type: 'scale' } & Partial<ScalerOptions>)
  | ({ readonly type: 'log1p' } & Partial<Log1pOptions>)
  | ({ readonly type: 'power' } & Partial<PowerTransformOptions>)
  | ({ readonly type: 'one-hot' } & Partial<OneHotOptions>)
  | ({ readonly type: 'variance-threshold' } & Partial<VarianceThresholdOptions>)
  | ({ readonly type: 'outliers' } & OutlierOptions);

/** The step type names. */
export type StepType = StepSpec['type'];

/** A fitted step (plain JSON-safe data, discriminated by `type`). */
export type FittedStep =
  | FittedImputer
  | FittedDropMissingColumns
  | FittedScaler
  | FittedLog1p
  | FittedPowerTransform
  | FittedOneHot
  | FittedVarianceThreshold
  | FittedOutliers;

/** The step types, in documentation order. */
export const STEP_TYPES: readonly StepType[] = [
  'impute',
  'drop-missing-columns',
  'scale',
  'log1p',
  'power',
  'one-hot',
  'variance-threshold',
  'outliers',
];

/** Output of running one fitted step. */
export interface StepRun {
  readonly table: Table;
  /** Indices (into the step's input) of the output rows; undefined = all rows, same order. */
  readonly keptRows?: Int32Array;
  /** Outlier verdicts per output row (outlier steps only). */
  readonly flags?: readonly OutlierFlag[];
  readonly messages: readonly string[];
  readonly outliers: readonly OutlierRuleReport[];
  readonly warnings: readonly EstimatorWarning[];
}

/**
 * Fits one step on `t`.
 * @throws SegmintError INVALID_PARAMETER for an unknown `type` or a bad option (named).
 */
export function fitStep(t: Table, spec: StepSpec): FittedStep {
  if (typeof spec !== 'object' || spec === null) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `pipeline: a step must be an object; got ${formatValue(spec)}.`,
      {
        value: spec,
      },
    );
  }
  const { type, ...options } = spec;
  switch (type) {
    case 'impute':
      return fitImputer(t, options as Partial<ImputerOptions>);
    case 'drop-missing-columns':
      return fitDropMissingColumns(t, options as Partial<DropMissingColumnsOptions>);
    case 'scale':
      return fitScaler(t, options as Partial<ScalerOptions>);
    case 'log1p':
      return fitLog1p(t, options as Partial<Log1pOptions>);
    case 'power':
      return fitPowerTransform(t, options as Partial<PowerTransformOptions>);
    case 'one-hot':
      return fitOneHot(t, options as Partial<OneHotOptions>);
    case 'variance-threshold':
      return fitVarianceThreshold(t, options as Partial<VarianceThresholdOptions>);
    case 'outliers':
      return fitOutliers(t, options as OutlierOptions);
    default:
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `pipeline: step 'type' must be one of ${STEP_TYPES.map((s) => `'${s}'`).join(', ')}; got ${formatValue(type)}.`,
        { parameter: 'type', value: type },
      );
  }
}

/**
 * Runs a fitted step. Outlier steps remove rows in mode 'fit' and only flag them in 'predict'.
 * @throws SegmintError from the step's transform (missing column, bad value, unknown category).
 */
export function runStep(step: FittedStep, t: Table, mode: 'fit' | 'predict'): StepRun {
  const none = { outliers: [], warnings: [] };
  switch (step.type) {
    case 'impute': {
      const messages = step.columns.map(({ name, kind, fill }) => {
        const column = t.columns.find((c) => c.name === name);
        const missing =
          column === undefined
            ? 0
            : column.kind === 'numeric'
              ? column.values.filter(Number.isNaN).length
              : column.values.filter((v) => v === null).length;
        const value =
          fill === null
            ? 'nothing (no observed value)'
            : typeof fill === 'number'
              ? formatNumber(fill)
              : formatValue(fill);
        return `Filled ${missing} missing value${missing === 1 ? '' : 's'} in ${kind} "${name}" with ${value} (${step.strategy}).`;
      });
      return { table: transformImputer(step, t), messages, outliers: [], warnings: step.warnings };
    }
    case 'drop-missing-columns':
      return {
        table: transformDropMissingColumns(step, t),
        messages: describeDropMissingColumns(step),
        ...none,
      };
    case 'scale':
      return {
        table: transformScaler(step, t),
        messages: [`Scaled ${step.columns.length} columns (${step.method}).`],
        ...none,
      };
    case 'log1p':
      return {
        table: transformLog1p(step, t),
        messages: [`Applied log1p to ${step.columns.length} columns.`],
        ...none,
      };
    case 'power': {
      const lambdas = step.columns
        .map((name, j) => `${name}: ${formatNumber(step.lambdas[j]!)}`)
        .join(', ');
      return {
        table: transformPowerTransform(step, t),
        messages: [`Yeo-Johnson on ${step.columns.length} columns (lambda ${lambdas}).`],
        ...none,
      };
    }
    case 'one-hot': {
      const messages = step.columns.map((c) => {
        const outputs =
          c.categories.length + (c.infrequent.length > 0 ? 1 : 0) - (c.dropIndex === null ? 0 : 1);
        const grouped =
          c.infrequent.length > 0
            ? ` (infrequent: ${c.infrequent.map((v) => formatValue(v)).join(', ')})`
            : '';
        return `Encoded "${c.name}" into ${outputs} columns${grouped}.`;
      });
      return { table: transformOneHot(step, t), messages, ...none };
    }
    case 'variance-threshold':
      return {
        table: transformVarianceThreshold(step, t),
        messages: describeVarianceThreshold(step),
        ...none,
      };
    case 'outliers': {
      const result = applyOutliers(step, t, mode === 'fit' ? 'remove' : 'flag');
      const verb = mode === 'fit' ? 'removed' : 'flagged';
      const total = `${result.outlierRows} of ${t.rows} rows ${verb} as outliers.`;
      return {
        table: result.table,
        keptRows: result.keptRows,
        flags: result.flags,
        messages: [...result.report.map((r) => r.message), total],
        outliers: result.report,
        warnings: [],
      };
    }
  }
}

/** A JSON-safe deep copy of a fitted step. */
export function stepToJSON(step: FittedStep): FittedStep {
  return jsonCopy(step);
}

/**
 * Validates and rebuilds a serialised step.
 * @throws SegmintError INVALID_MODEL naming the bad field (`${path}.scale[3]`).
 */
export function stepFromJSON(json: unknown, path = 'step'): FittedStep {
  const type = readObject(json, path).value.type;
  switch (type) {
    case 'impute':
      return imputerFromJSON(json, path);
    case 'drop-missing-columns':
      return dropMissingColumnsFromJSON(json, path);
    case 'scale':
      return scalerFromJSON(json, path);
    case 'log1p':
      return log1pFromJSON(json, path);
    case 'power':
      return powerTransformFromJSON(json, path);
    case 'one-hot':
      return oneHotFromJSON(json, path);
    case 'variance-threshold':
      return varianceThresholdFromJSON(json, path);
    case 'outliers':
      return outliersFromJSON(json, path);
    default:
      throw invalidModel(
        `${path}.type`,
        `one of ${STEP_TYPES.map((s) => `'${s}'`).join(', ')}`,
        type,
      );
  }
}
