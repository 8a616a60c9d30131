/**
 * A preprocessing pipeline, as scikit-learn's `Pipeline`: steps are fitted in order, each on the
 * output of the previous one; rows removed by an outlier step are not seen by later steps' fit.
 * The fitted pipeline (plain data) then turns any table with the same input columns into the
 * numeric Matrix `(rows, features)` used for clustering: in mode 'fit' outlier rows are removed,
 * in mode 'predict' every row is kept and outliers are flagged (`outlier: true` + reasons), so
 * one new customer row can always be scored.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';
import type { OutlierFlag, OutlierRuleReport } from './outliers.js';
import { fitStep, runStep, type FittedStep, type StepSpec, type StepType } from './steps.js';
import { makeTable, tableSchema, tableToMatrix, type ColumnSchema, type Table } from './table.js';
import { findColumn } from './table-ops.js';

/** A fitted pipeline (JSON-safe; see `pipelineToJSON`). */
export interface FittedPipeline {
  /** The input columns it expects (names and kinds, in order). */
  readonly input: readonly ColumnSchema[];
  readonly steps: readonly FittedStep[];
  /** Names of the output matrix columns. */
  readonly featureNames: readonly string[];
}

/** What one step did during a transform. */
export interface StepReport {
  /** Position of the step in the pipeline (0-based). */
  readonly step: number;
  readonly type: StepType;
  /** Human-readable lines ("12 rows removed: Income > 118,350 (IQR rule, k = 1.5)"). */
  readonly messages: readonly string[];
  readonly removedColumns: readonly string[];
  readonly addedColumns: readonly string[];
  /** Rows in and out of the step (they differ only for outlier steps in mode 'fit'). */
  readonly rowsIn: number;
  readonly rowsOut: number;
  /** Outlier counts per rule and side (outlier steps only). */
  readonly outliers: readonly OutlierRuleReport[];
  readonly warnings: readonly EstimatorWarning[];
}

/** Output of {@link transformPipeline}. */
export interface PipelineResult {
  /** Shape `(keptRows.length, featureNames.length)`, all finite. */
  readonly X: Matrix;
  readonly featureNames: string[];
  /** Indices of the input rows that are in `X`, in order. */
  readonly keptRows: Int32Array;
  readonly report: StepReport[];
  /** One per row of `X`: outlier verdict and reasons (all false in mode 'fit'). */
  readonly flags: OutlierFlag[];
}

/** Options of {@link transformPipeline}. */
export interface TransformPipelineOptions {
  /** 'fit': outlier rows are removed; 'predict': they are kept and flagged. Default 'predict'. */
  readonly mode: 'fit' | 'predict';
}

/**
 * Fits every step in order on the output of the previous one.
 * @throws SegmintError naming the step, column and value on bad options or data, or when the
 *   output still has categorical or missing values.
 * @example
 * const fitted = fitPipeline(t, [
 *   { type: 'impute', strategy: 'median' },
 *   { type: 'outliers', rules: [{ rule: 'iqr', columns: ['Income'] }] },
 *   { type: 'one-hot', columns: ['Education'] },
 *   { type: 'scale', method: 'standard' },
 * ]);
 */
export function fitPipeline(t: Table, steps: readonly StepSpec[]): FittedPipeline {
  return fitTransformPipeline(t, steps).pipeline;
}

/**
 * Fits the pipeline and returns the transformed training data (mode 'fit') with its report.
 * @throws as {@link fitPipeline}.
 */
export function fitTransformPipeline(
  t: Table,
  steps: readonly StepSpec[],
): { pipeline: FittedPipeline; result: PipelineResult } {
  const isArray: (value: unknown) => boolean = Array.isArray;
  if (!isArray(steps)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `pipeline: 'steps' must be an array of steps; got ${formatValue(steps)}.`,
      { parameter: 'steps', value: steps },
    );
  }
  const input = tableSchema(t);
  makeTable('pipeline', t.columns, t.rows);
  const fitted: FittedStep[] = [];
  const result = run(t, 'fit', steps.length, (index, current) => {
    const step = withStepContext(index, () => fitStep(current, steps[index]!));
    fitted.push(step);
    return step;
  });
  return { pipeline: { input, steps: fitted, featureNames: result.featureNames }, result };
}

/**
 * Applies a fitted pipeline to a table with the same input columns (any order; no extra ones).
 * @throws SegmintError INVALID_SHAPE naming a missing, unexpected or re-typed column (wrong
 *   column count); errors of the steps (unknown category, log1p of -2 at row 3, ...).
 */
export function transformPipeline(
  fitted: FittedPipeline,
  t: Table,
  options?: Partial<TransformPipelineOptions>,
): PipelineResult {
  const mode = options?.mode ?? 'predict';
  if (mode !== 'fit' && mode !== 'predict') {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `pipeline: 'mode' must be one of 'fit', 'predict'; got ${formatValue(mode)}.`,
      { parameter: 'mode', value: mode },
    );
  }
  const ordered = conformInput(fitted, t);
  return run(ordered, mode, fitted.steps.length, (index) => fitted.steps[index]!);
}

/** The input schema, to build predict tables with `tableFromRecords(records, schema)`. */
export function pipelineInputSchema(fitted: FittedPipeline): ColumnSchema[] {
  return fitted.input.map((c) => ({ name: c.name, kind: c.kind }));
}

function run(
  t: Table,
  mode: 'fit' | 'predict',
  count: number,
  stepAt: (index: number, current: Table) => FittedStep,
): PipelineResult {
  let current = t;
  let keptRows = Int32Array.from({ length: t.rows }, (_, i) => i);
  let flags: OutlierFlag[] = Array.from({ length: t.rows }, () => ({
    outlier: false,
    reasons: [],
  }));
  const report: StepReport[] = [];
  for (let index = 0; index < count; index++) {
    const step = stepAt(index, current);
    const before = current.columns.map((c) => c.name);
    const out = withStepContext(index, () => runStep(step, current, mode));
    const after = out.table.columns.map((c) => c.name);
    if (out.keptRows !== undefined) {
      const kept = out.keptRows;
      const previous = flags;
      keptRows = kept.map((i) => keptRows[i]!);
      flags = Array.from(kept, (i, r) => {
        const a = previous[i]!;
        const b = out.flags?.[r] ?? { outlier: false, reasons: [] };
        return { outlier: a.outlier || b.outlier, reasons: [...a.reasons, ...b.reasons] };
      });
    }
    report.push({
      step: index,
      type: step.type,
      messages: out.messages,
      removedColumns: before.filter((name) => !after.includes(name)),
      addedColumns: after.filter((name) => !before.includes(name)),
      rowsIn: current.rows,
      rowsOut: out.table.rows,
      outliers: out.outliers,
      warnings: out.warnings,
    });
    current = out.table;
  }
  const { X, featureNames } = finalMatrix(current);
  return { X, featureNames, keptRows, report, flags };
}

function finalMatrix(t: Table): { X: Matrix; featureNames: string[] } {
  const leftover = t.columns.filter((c) => c.kind === 'categorical').map((c) => c.name);
  const categorical = leftover.map((name) => formatValue(name));
  if (categorical.length > 0) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `pipeline: column${categorical.length === 1 ? '' : 's'} ${categorical.join(', ')} ` +
        `${categorical.length === 1 ? 'is' : 'are'} still categorical at the end of the pipeline; ` +
        "add a 'one-hot' step for them.",
      { columns: leftover },
    );
  }
  for (const column of t.columns) {
    const values = column.values as Float64Array;
    const row = values.findIndex((x) => !Number.isFinite(x));
    if (row >= 0) {
      throw new SegmintError(
        ERROR_CODES.NON_FINITE_VALUE,
        `pipeline: column ${formatValue(column.name)} has ${formatValue(values[row])} at output row ${row}; ` +
          "add an 'impute' step (or 'drop-missing-columns') so the output is finite.",
        { column: column.name, row, value: values[row] },
      );
    }
  }
  return tableToMatrix(t);
}

function conformInput(fitted: FittedPipeline, t: Table): Table {
  const expected = fitted.input;
  const columns = expected.map(({ name, kind }) => {
    const column = findColumn('pipeline', t, name);
    if (column.kind !== kind) {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `pipeline: column ${formatValue(name)} is ${column.kind} but the pipeline was fitted with it ${kind}.`,
        { column: name, value: column.kind, expected: kind },
      );
    }
    return column;
  });
  if (t.columns.length !== expected.length) {
    const known = new Set(expected.map((c) => c.name));
    const extra = t.columns.filter((c) => !known.has(c.name)).map((c) => formatValue(c.name));
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `pipeline: the table has ${t.columns.length} columns but the pipeline was fitted on ` +
        `${expected.length}; unexpected: ${extra.join(', ')}.`,
      { expected: expected.length, value: t.columns.length },
    );
  }
  return makeTable('pipeline', columns, t.rows);
}

/** Prefixes errors thrown inside a step with its position: "pipeline step 2 (scale): ...". */
function withStepContext<T>(index: number, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof SegmintError && !error.message.startsWith('pipeline')) {
      throw new SegmintError(
        error.code,
        `pipeline step ${index}: ${error.message}`,
        { ...error.details, step: index },
        { cause: error },
      );
    }
    throw error;
  }
}
