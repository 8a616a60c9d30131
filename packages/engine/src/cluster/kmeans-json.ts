/**
 * Versioned JSON for fitted k-means models: `kmeansToJSON` writes plain JSON-safe data (typed
 * arrays become number[]), `kmeansFromJSON` checks every field and rebuilds a model whose
 * predictions are identical (JSON numbers round-trip float64 exactly).
 *
 * Notation: n training rows, k clusters, d features.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { KMeansModel, KMeansModelOptions } from './kmeans-options.js';

/** The serialised form of a {@link KMeansModel}. */
export interface KMeansJSON {
  readonly format: 'segmint.kmeans';
  readonly version: 1;
  readonly options: KMeansModelOptions;
  /** Centroids (k, d), row-major in `data`. */
  readonly centroids: { readonly rows: number; readonly cols: number; readonly data: number[] };
  /** (n) */
  readonly labels: number[];
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** (k) */
  readonly clusterSizes: number[];
  readonly warnings: EstimatorWarning[];
}

/**
 * A JSON-safe copy of `model` (`JSON.stringify` it to store).
 * @example const text = JSON.stringify(kmeansToJSON(model));
 */
export function kmeansToJSON(model: KMeansModel): KMeansJSON {
  return {
    format: 'segmint.kmeans',
    version: 1,
    options: { ...model.options },
    centroids: {
      rows: model.centroids.rows,
      cols: model.centroids.cols,
      data: Array.from(model.centroids.data),
    },
    labels: Array.from(model.labels),
    inertia: model.inertia,
    iterations: model.iterations,
    converged: model.converged,
    clusterSizes: Array.from(model.clusterSizes),
    warnings: model.warnings.map((w) => ({ ...w })),
  };
}

function invalid(field: string, rule: string): SegmintError {
  return new SegmintError(ERROR_CODES.INVALID_MODEL, `kmeansFromJSON: '${field}' ${rule}.`, {
    parameter: field,
  });
}

function numbers(value: unknown, field: string, length: number, integer: boolean): number[] {
  if (!Array.isArray(value) || value.length !== length)
    throw invalid(field, `must be an array of ${length} numbers`);
  for (const x of value as unknown[]) {
    if (typeof x !== 'number' || !Number.isFinite(x) || (integer && !Number.isInteger(x)))
      throw invalid(field, `must hold finite ${integer ? 'integers' : 'numbers'}`);
  }
  return value as number[];
}

function count(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw invalid(field, `must be an integer >= ${min}`);
  return value;
}

/**
 * Rebuilds a model from {@link kmeansToJSON} output.
 * @throws SegmintError INVALID_MODEL naming the first bad field (format, version, shapes, values).
 * @example const model = kmeansFromJSON(JSON.parse(text));
 */
export function kmeansFromJSON(json: unknown): KMeansModel {
  if (typeof json !== 'object' || json === null) throw invalid('(root)', 'must be an object');
  const j = json as Record<string, unknown>;
  if (j.format !== 'segmint.kmeans') throw invalid('format', "must be 'segmint.kmeans'");
  if (j.version !== 1) throw invalid('version', 'must be 1 (the only version this engine reads)');
  const c = j.centroids as Record<string, unknown> | null;
  if (typeof c !== 'object' || c === null) throw invalid('centroids', 'must be an object');
  const k = count(c.rows, 'centroids.rows', 1);
  const d = count(c.cols, 'centroids.cols', 1);
  const centroids = numbers(c.data, 'centroids.data', k * d, false);
  if (!Array.isArray(j.labels)) throw invalid('labels', 'must be an array');
  const labels = numbers(j.labels, 'labels', j.labels.length, true);
  if (labels.some((label) => label < 0 || label >= k))
    throw invalid('labels', `must be integers in [0, ${k - 1}]`);
  const sizes = numbers(j.clusterSizes, 'clusterSizes', k, true);
  if (typeof j.inertia !== 'number' || !(j.inertia >= 0))
    throw invalid('inertia', 'must be a number >= 0');
  const iterations = count(j.iterations, 'iterations', 0);
  if (typeof j.converged !== 'boolean') throw invalid('converged', 'must be a boolean');
  const o = j.options as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || o.clusterCount !== k)
    throw invalid('options', 'must be an object whose clusterCount equals centroids.rows');
  if (
    !Array.isArray(j.warnings) ||
    j.warnings.some((w) => typeof (w as { code?: unknown })?.code !== 'string')
  )
    throw invalid('warnings', 'must be an array of { code, message }');
  return Object.freeze({
    kind: 'kmeans',
    labels: Int32Array.from(labels),
    centroids: Object.freeze({ data: Float64Array.from(centroids), rows: k, cols: d }),
    inertia: j.inertia,
    iterations,
    converged: j.converged,
    clusterSizes: Int32Array.from(sizes),
    warnings: Object.freeze((j.warnings as EstimatorWarning[]).map((w) => ({ ...w }))),
    options: Object.freeze({ ...(o as unknown as KMeansModelOptions) }),
  });
}
