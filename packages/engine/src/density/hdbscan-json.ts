/**
 * Versioned JSON for fitted HDBSCAN models: `hdbscanToJSON` writes plain JSON-safe data (typed
 * arrays become number[]; lambdas and stabilities may be infinite, written as the strings
 * 'Infinity' / 'NaN'), `hdbscanFromJSON` checks every field and rebuilds a model whose
 * predictions are identical.
 *
 * Notation: n training rows, d features, t condensed-tree rows, c clusters.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import {
  HDBSCAN_CONSTRAINTS,
  type HdbscanModel,
  type HdbscanModelOptions,
} from './hdbscan-options.js';
import { checkParams } from '../core/params.js';

/** A float that may be infinite or NaN, as JSON. */
export type JsonFloat = number | 'Infinity' | '-Infinity' | 'NaN';

/** The serialised form of an {@link HdbscanModel}. */
export interface HdbscanJSON {
  readonly format: 'segmint.hdbscan';
  readonly version: 1;
  readonly options: HdbscanModelOptions;
  /** (n) */
  readonly labels: number[];
  readonly clusterCount: number;
  /** (n) */
  readonly probabilities: number[];
  /** (n) may hold 'NaN' (see HdbscanModel.outlierScores). */
  readonly outlierScores: JsonFloat[];
  /** (t) each. */
  readonly condensedTree: {
    readonly parent: number[];
    readonly child: number[];
    readonly lambda: JsonFloat[];
    readonly size: number[];
  };
  /** (c) each. */
  readonly selectedClusters: number[];
  readonly clusterStability: JsonFloat[];
  readonly clusterPersistence: JsonFloat[];
  /** (n) */
  readonly predictionCoreDistances: number[];
  /** (n, d) row-major, or null for a 'precomputed' model. */
  readonly trainingData: {
    readonly rows: number;
    readonly cols: number;
    readonly data: number[];
  } | null;
  readonly trainingRows: number;
  readonly warnings: EstimatorWarning[];
}

const toJsonFloat = (x: number): JsonFloat =>
  Number.isFinite(x) ? x : Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';

/**
 * A JSON-safe copy of `model` (`JSON.stringify` it to store).
 * @example const text = JSON.stringify(hdbscanToJSON(model));
 */
export function hdbscanToJSON(model: HdbscanModel): HdbscanJSON {
  const tree = model.condensedTree;
  return {
    format: 'segmint.hdbscan',
    version: 1,
    options: { ...model.options },
    labels: Array.from(model.labels),
    clusterCount: model.clusterCount,
    probabilities: Array.from(model.probabilities),
    outlierScores: Array.from(model.outlierScores, toJsonFloat),
    condensedTree: {
      parent: Array.from(tree.parent),
      child: Array.from(tree.child),
      lambda: Array.from(tree.lambda, toJsonFloat),
      size: Array.from(tree.size),
    },
    selectedClusters: Array.from(model.selectedClusters),
    clusterStability: Array.from(model.clusterStability, toJsonFloat),
    clusterPersistence: Array.from(model.clusterPersistence, toJsonFloat),
    predictionCoreDistances: Array.from(model.predictionCoreDistances),
    trainingData:
      model.trainingData === null
        ? null
        : {
            rows: model.trainingData.rows,
            cols: model.trainingData.cols,
            data: Array.from(model.trainingData.data),
          },
    trainingRows: model.trainingRows,
    warnings: model.warnings.map((w) => ({ ...w })),
  };
}

function invalid(field: string, rule: string): SegmintError {
  return new SegmintError(ERROR_CODES.INVALID_MODEL, `hdbscanFromJSON: '${field}' ${rule}.`, {
    parameter: field,
  });
}

function numbers(
  value: unknown,
  field: string,
  length: number,
  kind: 'integer' | 'finite' | 'float',
): Float64Array {
  if (!Array.isArray(value) || value.length !== length)
    throw invalid(field, `must be an array of ${length} numbers`);
  const out = new Float64Array(length);
  (value as unknown[]).forEach((x, i) => {
    let v: number;
    if (kind === 'float' && (x === 'Infinity' || x === '-Infinity' || x === 'NaN')) v = Number(x);
    else if (typeof x === 'number' && Number.isFinite(x)) v = x;
    else throw invalid(field, `must hold ${kind === 'integer' ? 'integers' : 'finite numbers'}`);
    if (kind === 'integer' && !Number.isInteger(v)) throw invalid(field, 'must hold integers');
    out[i] = v;
  });
  return out;
}

function integerAtLeast(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw invalid(field, `must be an integer >= ${min}`);
  return value;
}

/**
 * Rebuilds a model from {@link hdbscanToJSON} output.
 * @throws SegmintError INVALID_MODEL naming the first bad field (format, version, shapes, values).
 * @example const model = hdbscanFromJSON(JSON.parse(text));
 */
export function hdbscanFromJSON(json: unknown): HdbscanModel {
  if (typeof json !== 'object' || json === null) throw invalid('(root)', 'must be an object');
  const j = json as Record<string, unknown>;
  if (j.format !== 'segmint.hdbscan') throw invalid('format', "must be 'segmint.hdbscan'");
  if (j.version !== 1) throw invalid('version', 'must be 1 (the only version this engine reads)');
  const o = j.options;
  if (typeof o !== 'object' || o === null) throw invalid('options', 'must be an object');
  try {
    checkParams('hdbscanFromJSON', o as HdbscanModelOptions, HDBSCAN_CONSTRAINTS);
  } catch {
    throw invalid('options', 'must hold valid hdbscan options');
  }
  const options = o as HdbscanModelOptions;
  if (options.minSamples === undefined) throw invalid('options.minSamples', 'must be set');
  const n = integerAtLeast(j.trainingRows, 'trainingRows', 2);
  const clusterCount = integerAtLeast(j.clusterCount, 'clusterCount', 0);
  const labels = numbers(j.labels, 'labels', n, 'integer');
  if (labels.some((l) => l < -1 || l >= clusterCount))
    throw invalid('labels', `must be integers in [-1, ${clusterCount - 1}]`);
  const probabilities = numbers(j.probabilities, 'probabilities', n, 'finite');
  const outlierScores = numbers(j.outlierScores, 'outlierScores', n, 'float');
  const tree = j.condensedTree as Record<string, unknown> | null;
  if (typeof tree !== 'object' || tree === null || !Array.isArray(tree.parent))
    throw invalid('condensedTree', 'must be an object of parent, child, lambda, size arrays');
  const t = tree.parent.length;
  const parent = numbers(tree.parent, 'condensedTree.parent', t, 'integer');
  const child = numbers(tree.child, 'condensedTree.child', t, 'integer');
  const lambda = numbers(tree.lambda, 'condensedTree.lambda', t, 'float');
  const size = numbers(tree.size, 'condensedTree.size', t, 'integer');
  let last = n;
  for (let r = 0; r < t; r++) if (parent[r]! > last) last = parent[r]!;
  if (parent.some((p) => p < n) || child.some((c) => c < 0 || c > last))
    throw invalid('condensedTree', `must hold clusters >= ${n} and children in [0, ${last}]`);
  const seen = new Uint8Array(n);
  for (let r = 0; r < t; r++) if (child[r]! < n) seen[child[r]!] = 1;
  if (seen.some((s) => s === 0))
    throw invalid('condensedTree.child', 'must list every training row');
  const selected = numbers(j.selectedClusters, 'selectedClusters', clusterCount, 'integer');
  if (selected.some((c) => c < n || c > last))
    throw invalid('selectedClusters', `must be cluster ids in [${n}, ${last}]`);
  const stability = numbers(j.clusterStability, 'clusterStability', clusterCount, 'float');
  const persistence = numbers(j.clusterPersistence, 'clusterPersistence', clusterCount, 'float');
  const core = numbers(j.predictionCoreDistances, 'predictionCoreDistances', n, 'finite');
  let trainingData: HdbscanModel['trainingData'] = null;
  if (options.metric === 'euclidean') {
    const data = j.trainingData as Record<string, unknown> | null;
    if (typeof data !== 'object' || data === null || data.rows !== n)
      throw invalid('trainingData', `must be an object with rows = ${n}`);
    const d = integerAtLeast(data.cols, 'trainingData.cols', 1);
    trainingData = Object.freeze({
      data: numbers(data.data, 'trainingData.data', n * d, 'finite'),
      rows: n,
      cols: d,
    });
  } else if (j.trainingData !== null) {
    throw invalid('trainingData', "must be null for metric 'precomputed'");
  }
  if (
    !Array.isArray(j.warnings) ||
    j.warnings.some((w) => typeof (w as { code?: unknown })?.code !== 'string')
  )
    throw invalid('warnings', 'must be an array of { code, message }');
  return Object.freeze({
    kind: 'hdbscan',
    labels: Int32Array.from(labels),
    clusterCount,
    probabilities,
    outlierScores,
    condensedTree: Object.freeze({
      parent: Int32Array.from(parent),
      child: Int32Array.from(child),
      lambda,
      size: Int32Array.from(size),
    }),
    selectedClusters: Int32Array.from(selected),
    clusterStability: stability,
    clusterPersistence: persistence,
    predictionCoreDistances: core,
    trainingData,
    trainingRows: n,
    warnings: Object.freeze((j.warnings as EstimatorWarning[]).map((w) => ({ ...w }))),
    options: Object.freeze({ ...options }),
  });
}
