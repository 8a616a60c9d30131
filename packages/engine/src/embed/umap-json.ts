/**
 * Versioned JSON for UMAP maps: `{ format: 'segmint.umap', version: 1, ... }` with the options,
 * the training data X (n, d) and the embedding Y (n, components) as number[][] (float64 values
 * survive JSON exactly), so a loaded model transforms new points identically.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';
import { type UMAPOptions, prepareUmap } from './umap-options.js';
import type { UMAPModel } from './umap.js';

/** The JSON form of a {@link UMAPModel}. */
export interface UMAPModelJSON {
  readonly format: 'segmint.umap';
  readonly version: 1;
  readonly options: UMAPOptions;
  readonly epochs: number;
  /** X as rows, n arrays of length d. */
  readonly training: number[][];
  /** Y as rows, n arrays of length components. */
  readonly embedding: number[][];
  readonly warnings: EstimatorWarning[];
}

function rowsOf(X: Matrix): number[][] {
  return Array.from({ length: X.rows }, (_, i) =>
    Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols)),
  );
}

/**
 * Serialises a UMAP model to plain JSON-safe data (size: see `umap.ts`).
 * @example JSON.stringify(umapToJSON(map))
 */
export function umapToJSON(model: UMAPModel): UMAPModelJSON {
  return {
    format: 'segmint.umap',
    version: 1,
    options: { ...model.options },
    epochs: model.epochs,
    training: rowsOf(model.training),
    embedding: rowsOf(model.embedding),
    warnings: model.warnings.map((w) => ({ ...w })),
  };
}

function invalid(field: string, rule: string, value: unknown): SegmintError {
  return new SegmintError(
    ERROR_CODES.INVALID_MODEL,
    `umapFromJSON: '${field}' must be ${rule}; got ${formatValue(value)}.`,
    { parameter: field, value },
  );
}

function readRows(value: unknown, field: string, rows: number | undefined, cols: number): Matrix {
  if (!Array.isArray(value) || (rows !== undefined && value.length !== rows))
    throw invalid(
      field,
      rows === undefined ? 'an array of rows' : `an array of ${rows} rows`,
      value,
    );
  const n = value.length;
  const data = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row) || row.length !== cols)
      throw invalid(`${field}[${i}]`, `an array of ${cols} numbers`, row);
    for (let j = 0; j < cols; j++) {
      const x: unknown = row[j];
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw invalid(`${field}[${i}][${j}]`, 'a finite number', x);
      data[i * cols + j] = x;
    }
  }
  return { data, rows: n, cols };
}

/**
 * Rebuilds a UMAP model from {@link umapToJSON} output (or its JSON.parse), validating every field.
 * @throws SegmintError INVALID_MODEL naming the first bad field (format, version, options, shapes).
 * @example const map = umapFromJSON(JSON.parse(text));
 */
export function umapFromJSON(json: unknown): UMAPModel {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid('json', 'an object', json);
  const record = json as Record<string, unknown>;
  if (record.format !== 'segmint.umap') throw invalid('format', "'segmint.umap'", record.format);
  if (record.version !== 1) throw invalid('version', '1', record.version);
  const options = record.options;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalid('options', 'an object', options);
  const first: unknown = Array.isArray(record.training) ? record.training[0] : undefined;
  if (!Array.isArray(first))
    throw invalid('training', 'a non-empty array of rows', record.training);
  const training = readRows(record.training, 'training', undefined, first.length);
  let settings: UMAPOptions;
  try {
    settings = prepareUmap('umapFromJSON', training, {
      ...(options as Partial<UMAPOptions>),
    }).settings;
  } catch (error) {
    throw new SegmintError(
      ERROR_CODES.INVALID_MODEL,
      `umapFromJSON: 'options' or 'training' are invalid: ${(error as Error).message}`,
      { parameter: 'options' },
      { cause: error },
    );
  }
  const embedding = readRows(record.embedding, 'embedding', training.rows, settings.components);
  const epochs = record.epochs;
  if (typeof epochs !== 'number' || !Number.isInteger(epochs) || epochs < 0)
    throw invalid('epochs', 'a non-negative integer', epochs);
  const warnings = record.warnings;
  if (!Array.isArray(warnings)) throw invalid('warnings', 'an array', warnings);
  return {
    embedding,
    training,
    options: settings,
    epochs,
    warnings: warnings as EstimatorWarning[],
  };
}
