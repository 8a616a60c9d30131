/**
 * k-prototypes clusters numeric columns and category codes side by side, while the segmentation
 * pipeline one-hot encodes categorical columns. This maps the pipeline's output matrix X (n, p)
 * back to a mixed matrix: the numeric outputs as they are, then one code column per one-hot
 * encoded input column (the position of its "hot" output among the column's outputs; a row with
 * none -- the dropped first level, or an unknown category ignored at predict time -- gets the code
 * `outputs.length`). An output is hot above the midpoint of its two training values, so the
 * indicators may have been scaled after encoding.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { zeros, type Matrix } from '../matrix/matrix.js';
import { oneHotFeatureNames } from '../preprocess/one-hot.js';
import type { FittedPipeline } from '../preprocess/pipeline.js';

/** How X becomes numeric + code columns. */
export interface CategoricalEncoding {
  /** Columns of X kept as numeric features (in order). */
  readonly numericColumns: readonly number[];
  /**
   * One entry per one-hot encoded input column: its name, the X columns of its outputs and, per
   * output, the value above which it is "hot" (the midpoint of its training values).
   */
  readonly groups: readonly {
    readonly name: string;
    readonly columns: readonly number[];
    readonly thresholds: readonly number[];
  }[];
}

/**
 * The encoding of a pipeline's output features, with thresholds from the training matrix X.
 * @throws SegmintError INVALID_PARAMETER when the pipeline has no one-hot encoded column (unless
 *   `requireCategorical` is false: Gower distances also work on numeric features alone).
 */
export function categoricalEncoding(
  pipeline: FittedPipeline,
  X: Matrix,
  options: { readonly requireCategorical?: boolean } = {},
): CategoricalEncoding {
  const index = new Map(pipeline.featureNames.map((name, j) => [name, j]));
  const grouped = new Set<number>();
  const groups: { name: string; columns: number[]; thresholds: number[] }[] = [];
  for (const step of pipeline.steps) {
    if (step.type !== 'one-hot') continue;
    for (const column of step.columns) {
      const columns = oneHotFeatureNames(column)
        .map((name) => index.get(name))
        .filter((j): j is number => j !== undefined);
      if (columns.length === 0) continue;
      columns.forEach((j) => grouped.add(j));
      groups.push({ name: column.name, columns, thresholds: columns.map((j) => midpoint(X, j)) });
    }
  }
  if (groups.length === 0 && options.requireCategorical !== false) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      "kprototypes: the features have no categorical column; k-prototypes clusters mixed numeric and categorical data (use 'kmeans' for numeric data).",
      { parameter: 'algorithm', value: 'kprototypes' },
    );
  }
  const numericColumns = pipeline.featureNames.map((_, j) => j).filter((j) => !grouped.has(j));
  return { numericColumns, groups };
}

function midpoint(X: Matrix, j: number): number {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < X.rows; i++) {
    const value = X.data[i * X.cols + j]!;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return X.rows === 0 ? 0.5 : (low + high) / 2;
}

/** Category-code column indices in the encoded matrix (after the numeric ones). */
export function codeColumns(encoding: CategoricalEncoding): number[] {
  return encoding.groups.map((_, g) => encoding.numericColumns.length + g);
}

/** X (n, p) as the mixed matrix (n, numeric + groups) of {@link categoricalEncoding}. */
export function encodeCategorical(X: Matrix, encoding: CategoricalEncoding): Matrix {
  const { numericColumns, groups } = encoding;
  const width = numericColumns.length + groups.length;
  const out = zeros(X.rows, width);
  for (let i = 0; i < X.rows; i++) {
    const row = i * X.cols;
    let o = i * width;
    for (const j of numericColumns) out.data[o++] = X.data[row + j]!;
    for (const { columns, thresholds } of groups) {
      let code = columns.length;
      for (let c = 0; c < columns.length; c++) {
        if (X.data[row + columns[c]!]! > thresholds[c]!) {
          code = c;
          break;
        }
      }
      out.data[o++] = code;
    }
  }
  return out;
}
