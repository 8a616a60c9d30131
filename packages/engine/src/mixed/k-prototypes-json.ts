/**
 * Versioned JSON for fitted k-prototypes models: `kPrototypesToJSON` writes plain JSON-safe data
 * (typed arrays become number[]), `kPrototypesFromJSON` checks every field and rebuilds a model
 * whose predictions are identical.
 *
 * Notation: n training rows, k prototypes, p numeric and m categorical columns.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { KPrototypesModel, KPrototypesModelOptions } from './k-prototypes-options.js';

/** The serialised form of a {@link KPrototypesModel}. */
export interface KPrototypesJSON {
  readonly format: 'segmint.kPrototypes';
  readonly version: 1;
  readonly options: KPrototypesModelOptions;
  /** (p) */
  readonly numericColumns: number[];
  /** (m) */
  readonly categoricalColumns: number[];
  /** (k, p) row-major in `data`. */
  readonly centroids: { readonly rows: number; readonly cols: number; readonly data: number[] };
  /** (k, m) category codes row-major in `data`. */
  readonly modes: { readonly rows: number; readonly cols: number; readonly data: number[] };
  readonly gamma: number;
  readonly cost: number;
  /** (n) */
  readonly labels: number[];
  /** (k) */
  readonly clusterSizes: number[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: EstimatorWarning[];
}

/**
 * A JSON-safe copy of `model` (`JSON.stringify` it to store).
 * @example const text = JSON.stringify(kPrototypesToJSON(model));
 */
export function kPrototypesToJSON(model: KPrototypesModel): KPrototypesJSON {
  return {
    format: 'segmint.kPrototypes',
    version: 1,
    options: { ...model.options, categoricalColumns: [...model.options.categoricalColumns] },
    numericColumns: [...model.numericColumns],
    categoricalColumns: [...model.categoricalColumns],
    centroids: {
      rows: model.centroids.rows,
      cols: model.centroids.cols,
      data: Array.from(model.centroids.data),
    },
    modes: { rows: model.modes.rows, cols: model.modes.cols, data: Array.from(model.modes.data) },
    gamma: model.gamma,
    cost: model.cost,
    labels: Array.from(model.labels),
    clusterSizes: Array.from(model.clusterSizes),
    iterations: model.iterations,
    converged: model.converged,
    warnings: model.warnings.map((w) => ({ ...w })),
  };
}

function invalid(field: string, rule: string): SegmintError {
  return new SegmintError(ERROR_CODES.INVALID_MODEL, `kPrototypesFromJSON: '${field}' ${rule}.`, {
    parameter: field,
  });
}

function numbers(value: unknown, field: string, length: number, integer = false): number[] {
  if (!Array.isArray(value) || value.length !== length)
    throw invalid(field, `must be an array of ${length} numbers`);
  for (const x of value as unknown[]) {
    if (typeof x !== 'number' || !Number.isFinite(x) || (integer && !Number.isInteger(x)))
      throw invalid(field, `must hold finite ${integer ? 'integers' : 'numbers'}`);
  }
  return value as number[];
}

function block(
  value: unknown,
  field: string,
  rows: number,
  integer: boolean,
): { cols: number; data: number[] } {
  const b = value as Record<string, unknown> | null;
  if (typeof b !== 'object' || b === null) throw invalid(field, 'must be an object');
  if (b.rows !== rows) throw invalid(`${field}.rows`, `must be ${rows}`);
  const cols = b.cols;
  if (typeof cols !== 'number' || !Number.isInteger(cols) || cols < 0)
    throw invalid(`${field}.cols`, 'must be an integer >= 0');
  return { cols, data: numbers(b.data, `${field}.data`, rows * cols, integer) };
}

/**
 * Rebuilds a model from {@link kPrototypesToJSON} output.
 * @throws SegmintError INVALID_MODEL naming the first bad field (format, version, shapes, values).
 * @example const model = kPrototypesFromJSON(JSON.parse(text));
 */
export function kPrototypesFromJSON(json: unknown): KPrototypesModel {
  if (typeof json !== 'object' || json === null) throw invalid('(root)', 'must be an object');
  const j = json as Record<string, unknown>;
  if (j.format !== 'segmint.kPrototypes') throw invalid('format', "must be 'segmint.kPrototypes'");
  if (j.version !== 1) throw invalid('version', 'must be 1 (the only version this engine reads)');
  const o = j.options as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null) throw invalid('options', 'must be an object');
  const k = o.clusterCount;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1)
    throw invalid('options.clusterCount', 'must be an integer >= 1');
  if (!Array.isArray(j.numericColumns)) throw invalid('numericColumns', 'must be an array');
  if (!Array.isArray(j.categoricalColumns)) throw invalid('categoricalColumns', 'must be an array');
  const numericColumns = numbers(j.numericColumns, 'numericColumns', j.numericColumns.length, true);
  const categoricalColumns = numbers(
    j.categoricalColumns,
    'categoricalColumns',
    j.categoricalColumns.length,
    true,
  );
  const d = numericColumns.length + categoricalColumns.length;
  const all = new Set([...numericColumns, ...categoricalColumns]);
  if (all.size !== d || [...all].some((column) => column < 0 || column >= d))
    throw invalid('categoricalColumns', 'and numericColumns must partition 0..d-1');
  const centroids = block(j.centroids, 'centroids', k, false);
  if (centroids.cols !== numericColumns.length)
    throw invalid('centroids.cols', 'must equal numericColumns.length');
  const modes = block(j.modes, 'modes', k, true);
  if (modes.cols !== categoricalColumns.length)
    throw invalid('modes.cols', 'must equal categoricalColumns.length');
  if (typeof j.gamma !== 'number' || !(j.gamma >= 0) || !Number.isFinite(j.gamma))
    throw invalid('gamma', 'must be a finite number >= 0');
  if (typeof j.cost !== 'number' || !(j.cost >= 0)) throw invalid('cost', 'must be a number >= 0');
  if (!Array.isArray(j.labels)) throw invalid('labels', 'must be an array');
  const labels = numbers(j.labels, 'labels', j.labels.length, true);
  if (labels.some((label) => label < 0 || label >= k))
    throw invalid('labels', `must be integers in [0, ${k - 1}]`);
  const sizes = numbers(j.clusterSizes, 'clusterSizes', k, true);
  if (typeof j.iterations !== 'number' || !Number.isInteger(j.iterations) || j.iterations < 0)
    throw invalid('iterations', 'must be an integer >= 0');
  if (typeof j.converged !== 'boolean') throw invalid('converged', 'must be a boolean');
  if (
    !Array.isArray(j.warnings) ||
    j.warnings.some((w) => typeof (w as { code?: unknown })?.code !== 'string')
  )
    throw invalid('warnings', 'must be an array of { code, message }');
  return Object.freeze({
    kind: 'kPrototypes',
    numericColumns: Object.freeze([...numericColumns]),
    categoricalColumns: Object.freeze([...categoricalColumns]),
    centroids: Object.freeze({
      data: Float64Array.from(centroids.data),
      rows: k,
      cols: centroids.cols,
    }),
    modes: Object.freeze({ data: Int32Array.from(modes.data), rows: k, cols: modes.cols }),
    gamma: j.gamma,
    cost: j.cost,
    labels: Int32Array.from(labels),
    clusterSizes: Int32Array.from(sizes),
    iterations: j.iterations,
    converged: j.converged,
    clusterCount: k,
    warnings: Object.freeze((j.warnings as EstimatorWarning[]).map((w) => ({ ...w }))),
    options: Object.freeze({ ...(o as unknown as KPrototypesModelOptions) }),
  });
}
