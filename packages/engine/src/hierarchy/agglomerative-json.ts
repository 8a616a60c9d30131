/**
 * Versioned JSON for fitted agglomerative models: `agglomerativeToJSON` writes plain JSON-safe
 * data (typed arrays become number[]), `agglomerativeFromJSON` checks every field and rebuilds a
 * model whose predictions are identical (JSON numbers round-trip float64 exactly).
 *
 * Notation: n training rows, k clusters, d features.
 */
import { ERROR_CODES, SegmintError, isSegmintError } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';
import type { AgglomerativeModel, AgglomerativeModelOptions } from './agglomerative-options.js';
import { checkLinkage, type LinkageMatrix } from './linkage-matrix.js';

/** The serialised form of an {@link AgglomerativeModel}. */
export interface AgglomerativeJSON {
  readonly format: 'segmint.agglomerative';
  readonly version: 1;
  readonly options: AgglomerativeModelOptions;
  /** (n) */
  readonly labels: number[];
  readonly clusterCount: number;
  /** The n - 1 merges, SciPy's format, one array per column. */
  readonly linkage: {
    readonly left: number[];
    readonly right: number[];
    readonly distance: number[];
    readonly size: number[];
  };
  /** Centroids (k, d) row-major, or null for a precomputed-distance model. */
  readonly centroids: {
    readonly rows: number;
    readonly cols: number;
    readonly data: number[];
  } | null;
  readonly warnings: EstimatorWarning[];
}

/**
 * A JSON-safe copy of `model` (`JSON.stringify` it to store).
 * @example const text = JSON.stringify(agglomerativeToJSON(model));
 */
export function agglomerativeToJSON(model: AgglomerativeModel): AgglomerativeJSON {
  const { linkage, centroids } = model;
  return {
    format: 'segmint.agglomerative',
    version: 1,
    options: { ...model.options },
    labels: Array.from(model.labels),
    clusterCount: model.clusterCount,
    linkage: {
      left: Array.from(linkage.left),
      right: Array.from(linkage.right),
      distance: Array.from(linkage.distance),
      size: Array.from(linkage.size),
    },
    centroids: centroids
      ? { rows: centroids.rows, cols: centroids.cols, data: Array.from(centroids.data) }
      : null,
    warnings: model.warnings.map((w) => ({ ...w })),
  };
}

function invalid(field: string, rule: string): SegmintError {
  return new SegmintError(ERROR_CODES.INVALID_MODEL, `agglomerativeFromJSON: '${field}' ${rule}.`, {
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

function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(field, 'must be an object');
  return value as Record<string, unknown>;
}

function readOptions(value: unknown): AgglomerativeModelOptions {
  const o = object(value, 'options');
  if (!['ward', 'complete', 'average', 'single'].includes(o.linkage as string))
    throw invalid('options.linkage', "must be 'ward', 'complete', 'average' or 'single'");
  if (o.metric !== 'euclidean' && o.metric !== 'precomputed')
    throw invalid('options.metric', "must be 'euclidean' or 'precomputed'");
  const byCount = o.clusterCount !== undefined;
  if (byCount === (o.distanceThreshold !== undefined))
    throw invalid('options', 'must hold exactly one of clusterCount and distanceThreshold');
  if (
    byCount
      ? !Number.isInteger(o.clusterCount) || (o.clusterCount as number) < 1
      : typeof o.distanceThreshold !== 'number' || !(o.distanceThreshold >= 0)
  )
    throw invalid(byCount ? 'options.clusterCount' : 'options.distanceThreshold', 'is invalid');
  const base = { linkage: o.linkage, metric: o.metric } as Pick<
    AgglomerativeModelOptions,
    'linkage' | 'metric'
  >;
  return byCount
    ? { clusterCount: o.clusterCount as number, ...base }
    : { distanceThreshold: o.distanceThreshold as number, ...base };
}

function readLinkage(value: unknown, n: number): LinkageMatrix {
  const l = object(value, 'linkage');
  const merges = n - 1;
  const linkage: LinkageMatrix = {
    left: Int32Array.from(numbers(l.left, 'linkage.left', merges, true)),
    right: Int32Array.from(numbers(l.right, 'linkage.right', merges, true)),
    distance: Float64Array.from(numbers(l.distance, 'linkage.distance', merges, false)),
    size: Int32Array.from(numbers(l.size, 'linkage.size', merges, true)),
  };
  try {
    checkLinkage('agglomerativeFromJSON', linkage);
  } catch (error) {
    if (isSegmintError(error))
      throw invalid('linkage', error.message.replace(/^.*?'linkage' /, '').replace(/\.$/, ''));
    throw error;
  }
  return Object.freeze(linkage);
}

/**
 * Rebuilds a model from {@link agglomerativeToJSON} output.
 * @throws SegmintError INVALID_MODEL naming the first bad field (format, version, shapes, values).
 * @example const model = agglomerativeFromJSON(JSON.parse(text));
 */
export function agglomerativeFromJSON(json: unknown): AgglomerativeModel {
  const j = object(json, '(root)');
  if (j.format !== 'segmint.agglomerative')
    throw invalid('format', "must be 'segmint.agglomerative'");
  if (j.version !== 1) throw invalid('version', 'must be 1 (the only version this engine reads)');
  const options = readOptions(j.options);
  if (!Array.isArray(j.labels) || j.labels.length < 1)
    throw invalid('labels', 'must be a non-empty array');
  const n = j.labels.length;
  const k = j.clusterCount;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n)
    throw invalid('clusterCount', `must be an integer in [1, ${n}]`);
  if (options.clusterCount !== undefined && options.clusterCount !== k)
    throw invalid('clusterCount', 'must equal options.clusterCount');
  const labels = numbers(j.labels, 'labels', n, true);
  if (labels.some((label) => label < 0 || label >= k))
    throw invalid('labels', `must be integers in [0, ${k - 1}]`);
  const linkage = readLinkage(j.linkage, n);
  let centroids: Matrix | null = null;
  if (options.metric === 'precomputed') {
    if (j.centroids !== null) throw invalid('centroids', 'must be null for precomputed distances');
  } else {
    const c = object(j.centroids, 'centroids');
    if (c.rows !== k) throw invalid('centroids.rows', `must equal clusterCount (${k})`);
    const d = c.cols;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1)
      throw invalid('centroids.cols', 'must be an integer >= 1');
    const data = numbers(c.data, 'centroids.data', k * d, false);
    centroids = Object.freeze({ data: Float64Array.from(data), rows: k, cols: d });
  }
  if (
    !Array.isArray(j.warnings) ||
    j.warnings.some((w) => typeof (w as { code?: unknown })?.code !== 'string')
  )
    throw invalid('warnings', 'must be an array of { code, message }');
  return Object.freeze({
    kind: 'agglomerative',
    labels: Int32Array.from(labels),
    clusterCount: k,
    linkage,
    centroids,
    warnings: Object.freeze((j.warnings as EstimatorWarning[]).map((w) => ({ ...w }))),
    options: Object.freeze(options),
  });
}
