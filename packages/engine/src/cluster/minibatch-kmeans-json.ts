/**
 * Versioned JSON for fitted mini-batch k-means models: `{ format: 'segmint.minibatch-kmeans',
 * version: 1, ... }` with typed arrays as number[]. Loading validates every field, so a loaded
 * model predicts exactly as the saved one (the centroids round-trip bit for bit: JSON numbers
 * print the shortest string that parses back to the same double).
 *
 * Notation: k clusters, d features, n training rows.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { MiniBatchKMeansModel, MiniBatchKMeansRecordedOptions } from './minibatch-kmeans.js';

/** The JSON form of a {@link MiniBatchKMeansModel}. */
export interface MiniBatchKMeansJSON {
  readonly format: 'segmint.minibatch-kmeans';
  readonly version: 1;
  readonly centroids: { readonly rows: number; readonly cols: number; readonly data: number[] };
  readonly labels: number[];
  readonly inertia: number;
  readonly iterations: number;
  readonly steps: number;
  readonly converged: boolean;
  readonly clusterSizes: number[];
  readonly warnings: EstimatorWarning[];
  readonly options: MiniBatchKMeansRecordedOptions;
}

const FORMAT = 'segmint.minibatch-kmeans';

/**
 * A JSON-safe copy of the model.
 * @example JSON.stringify(miniBatchKMeansToJSON(model))
 */
export function miniBatchKMeansToJSON(model: MiniBatchKMeansModel): MiniBatchKMeansJSON {
  return {
    format: FORMAT,
    version: 1,
    centroids: {
      rows: model.centroids.rows,
      cols: model.centroids.cols,
      data: Array.from(model.centroids.data),
    },
    labels: Array.from(model.labels),
    inertia: model.inertia,
    iterations: model.iterations,
    steps: model.steps,
    converged: model.converged,
    clusterSizes: Array.from(model.clusterSizes),
    warnings: model.warnings.map((w) => ({ ...w })),
    options: { ...model.options },
  };
}

function invalid(field: string, rule: string): SegmintError {
  return new SegmintError(
    ERROR_CODES.INVALID_MODEL,
    `miniBatchKMeansFromJSON: '${field}' ${rule}.`,
    { parameter: field },
  );
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(field, 'must be an object');
  return value as Record<string, unknown>;
}

function integer(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw invalid(field, `must be an integer >= ${min}`);
  return value;
}

function numbers(value: unknown, field: string, length: number): number[] {
  if (!Array.isArray(value) || value.length !== length)
    throw invalid(field, `must be an array of ${length} numbers`);
  for (const v of value as unknown[])
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw invalid(field, 'must hold finite numbers');
  return value as number[];
}

/**
 * Rebuilds a model saved by {@link miniBatchKMeansToJSON}.
 * @throws SegmintError INVALID_MODEL naming the first malformed field (format, version,
 *   centroids shape, labels out of range, ...).
 * @example const model = miniBatchKMeansFromJSON(JSON.parse(text));
 */
export function miniBatchKMeansFromJSON(json: unknown): MiniBatchKMeansModel {
  const root = record(json, 'model');
  if (root.format !== FORMAT) throw invalid('format', `must be '${FORMAT}'`);
  if (root.version !== 1)
    throw invalid('version', 'must be 1 (the only version this engine reads)');
  const centroidsJSON = record(root.centroids, 'centroids');
  const k = integer(centroidsJSON.rows, 'centroids.rows', 1);
  const d = integer(centroidsJSON.cols, 'centroids.cols', 1);
  const centroids = Float64Array.from(numbers(centroidsJSON.data, 'centroids.data', k * d));
  if (!Array.isArray(root.labels)) throw invalid('labels', 'must be an array');
  const labels = Int32Array.from(numbers(root.labels, 'labels', root.labels.length));
  for (let i = 0; i < labels.length; i++)
    if (labels[i] !== (root.labels[i] as number) || labels[i]! < 0 || labels[i]! >= k)
      throw invalid('labels', `must hold integers in [0, ${k - 1}] (index ${i})`);
  const clusterSizes = Int32Array.from(numbers(root.clusterSizes, 'clusterSizes', k));
  const inertia = numbers([root.inertia], 'inertia', 1)[0]!;
  if (typeof root.converged !== 'boolean') throw invalid('converged', 'must be a boolean');
  if (!Array.isArray(root.warnings)) throw invalid('warnings', 'must be an array');
  const options = record(root.options, 'options');
  if (options.clusterCount !== k)
    throw invalid('options.clusterCount', `must equal centroids.rows (${k})`);
  return {
    kind: 'minibatch-kmeans',
    labels,
    centroids: { data: centroids, rows: k, cols: d },
    inertia,
    iterations: integer(root.iterations, 'iterations', 0),
    steps: integer(root.steps, 'steps', 0),
    converged: root.converged,
    clusterSizes,
    warnings: (root.warnings as unknown[]).map((w, i) => {
      const item = record(w, `warnings[${i}]`);
      if (typeof item.code !== 'string' || typeof item.message !== 'string')
        throw invalid(`warnings[${i}]`, 'must have a string code and message');
      return item as unknown as EstimatorWarning;
    }),
    options: options as unknown as MiniBatchKMeansRecordedOptions,
  };
}
