/**
 * Versioned JSON for fitted DBSCAN models: `dbscanToJSON` writes plain JSON-safe data (typed
 * arrays become number[]), `dbscanFromJSON` checks every field and rebuilds a model whose
 * predictions are identical (JSON numbers round-trip float64 exactly).
 *
 * Notation: n training rows, c core points, d features (0 with the precomputed metric).
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { DbscanMetric, DbscanModel, DbscanOptions } from './dbscan-options.js';

/** The serialised form of a {@link DbscanModel}. */
export interface DbscanJSON {
  readonly format: 'segmint.dbscan';
  readonly version: 1;
  readonly options: DbscanOptions;
  /** (n) training labels, -1 for noise. */
  readonly labels: number[];
  readonly clusterCount: number;
  /** (c) ascending training rows of the core points. */
  readonly coreSampleIndices: number[];
  /** (c) */
  readonly coreLabels: number[];
  /** Core point coordinates (c, d), row-major in `data`. */
  readonly components: { readonly rows: number; readonly cols: number; readonly data: number[] };
  readonly trainingRows: number;
  readonly warnings: EstimatorWarning[];
}

/**
 * A JSON-safe copy of `model` (`JSON.stringify` it to store).
 * @example const text = JSON.stringify(dbscanToJSON(model));
 */
export function dbscanToJSON(model: DbscanModel): DbscanJSON {
  return {
    format: 'segmint.dbscan',
    version: 1,
    options: { ...model.options },
    labels: Array.from(model.labels),
    clusterCount: model.clusterCount,
    coreSampleIndices: Array.from(model.coreSampleIndices),
    coreLabels: Array.from(model.coreLabels),
    components: {
      rows: model.components.rows,
      cols: model.components.cols,
      data: Array.from(model.components.data),
    },
    trainingRows: model.trainingRows,
    warnings: model.warnings.map((w) => ({ ...w })),
  };
}

function invalid(field: string, rule: string): SegmintError {
  return new SegmintError(ERROR_CODES.INVALID_MODEL, `dbscanFromJSON: '${field}' ${rule}.`, {
    parameter: field,
  });
}

function integers(value: unknown, field: string, length: number, min: number, max: number) {
  if (!Array.isArray(value) || value.length !== length)
    throw invalid(field, `must be an array of ${length} integers`);
  for (const x of value as unknown[]) {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max)
      throw invalid(field, `must hold integers in [${min}, ${max}]`);
  }
  return value as number[];
}

function count(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw invalid(field, `must be an integer >= ${min}`);
  return value;
}

/**
 * Rebuilds a model from {@link dbscanToJSON} output.
 * @throws SegmintError INVALID_MODEL naming the first bad field (format, version, options,
 *   shapes, values).
 * @example const model = dbscanFromJSON(JSON.parse(text));
 */
export function dbscanFromJSON(json: unknown): DbscanModel {
  if (typeof json !== 'object' || json === null) throw invalid('(root)', 'must be an object');
  const j = json as Record<string, unknown>;
  if (j.format !== 'segmint.dbscan') throw invalid('format', "must be 'segmint.dbscan'");
  if (j.version !== 1) throw invalid('version', 'must be 1 (the only version this engine reads)');
  const o = j.options as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null) throw invalid('options', 'must be an object');
  if (typeof o.eps !== 'number' || !Number.isFinite(o.eps) || !(o.eps > 0))
    throw invalid('options.eps', 'must be a finite number > 0');
  const minSamples = count(o.minSamples, 'options.minSamples', 1);
  if (o.metric !== 'euclidean' && o.metric !== 'precomputed')
    throw invalid('options.metric', "must be 'euclidean' or 'precomputed'");
  const metric: DbscanMetric = o.metric;
  const n = count(j.trainingRows, 'trainingRows', 1);
  const clusterCount = count(j.clusterCount, 'clusterCount', 0);
  const labels = integers(j.labels, 'labels', n, -1, clusterCount - 1);
  if (!Array.isArray(j.coreSampleIndices)) throw invalid('coreSampleIndices', 'must be an array');
  const c = j.coreSampleIndices.length;
  const core = integers(j.coreSampleIndices, 'coreSampleIndices', c, 0, n - 1);
  for (let t = 1; t < c; t++)
    if (core[t]! <= core[t - 1]!) throw invalid('coreSampleIndices', 'must be ascending');
  const coreLabels = integers(j.coreLabels, 'coreLabels', c, 0, clusterCount - 1);
  const m = j.components as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null) throw invalid('components', 'must be an object');
  if (m.rows !== c) throw invalid('components.rows', `must equal the ${c} core points`);
  const d = count(m.cols, 'components.cols', metric === 'precomputed' ? 0 : 1);
  if (metric === 'precomputed' && d !== 0)
    throw invalid('components.cols', "must be 0 with the 'precomputed' metric");
  if (!Array.isArray(m.data) || m.data.length !== c * d)
    throw invalid('components.data', `must be an array of ${c * d} numbers`);
  for (const x of m.data as unknown[])
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw invalid('components.data', 'must hold finite numbers');
  if (
    !Array.isArray(j.warnings) ||
    j.warnings.some((w) => typeof (w as { code?: unknown })?.code !== 'string')
  )
    throw invalid('warnings', 'must be an array of { code, message }');
  return Object.freeze({
    kind: 'dbscan',
    labels: Int32Array.from(labels),
    clusterCount,
    coreSampleIndices: Int32Array.from(core),
    coreLabels: Int32Array.from(coreLabels),
    components: Object.freeze({ data: Float64Array.from(m.data as number[]), rows: c, cols: d }),
    trainingRows: n,
    warnings: Object.freeze((j.warnings as EstimatorWarning[]).map((w) => ({ ...w }))),
    options: Object.freeze({ eps: o.eps, minSamples, metric }),
  });
}
