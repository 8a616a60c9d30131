/**
 * The clustering algorithms a segmentation model can hold, behind one table of adapters: each
 * knows which options its algorithm reads, fits on the clustering matrix X (n, p) and returns the
 * labels (noise = -1) plus the fitted model in its own versioned JSON form, and predicts new rows
 * Z (m, p) from that JSON (rebuilt once per model and cached).
 *
 * k-means and mini-batch k-means keep their compact centroid form (`CentroidClusterer`); every
 * other algorithm is stored as an {@link AlgorithmClusterer} whose `fitted` field is the
 * algorithm's own JSON (`dbscanToJSON`, `hdbscanToJSON`, ...), so the model file stays data.
 * Model size: DBSCAN keeps its core points and HDBSCAN its training points (what their
 * predictions need); the others keep O(k p) numbers.
 */
import type { ClusterAssignment } from '../cluster/assignment.js';
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import { dbscan } from '../density/dbscan.js';
import { dbscanFromJSON, dbscanToJSON } from '../density/dbscan-json.js';
import { dbscanPredict } from '../density/dbscan-predict.js';
import { hdbscan, hdbscanPredict } from '../density/hdbscan.js';
import { hdbscanFromJSON, hdbscanToJSON } from '../density/hdbscan-json.js';
import { agglomerative } from '../hierarchy/agglomerative.js';
import { agglomerativeFromJSON, agglomerativeToJSON } from '../hierarchy/agglomerative-json.js';
import { agglomerativePredict } from '../hierarchy/agglomerative-predict.js';
import type { Matrix } from '../matrix/matrix.js';
import { kPrototypes } from '../mixed/k-prototypes.js';
import { kPrototypesFromJSON, kPrototypesToJSON } from '../mixed/k-prototypes-json.js';
import { kPrototypesPredict } from '../mixed/k-prototypes-predict.js';
import { gaussianMixture } from '../mixture/gaussian-mixture.js';
import {
  gaussianMixtureFromJSON,
  gaussianMixtureToJSON,
} from '../mixture/gaussian-mixture-json.js';
import { gaussianMixturePredict } from '../mixture/gaussian-mixture-predict.js';

/** Every clustering algorithm a segmentation model can hold. */
export const SEGMENTATION_ALGORITHMS = [
  'kmeans',
  'minibatch-kmeans',
  'dbscan',
  'hdbscan',
  'agglomerative',
  'gmm',
  'kprototypes',
] as const;

/** A clustering algorithm of a segmentation model. */
export type SegmentationAlgorithm = (typeof SEGMENTATION_ALGORITHMS)[number];

/** Algorithms stored as their own JSON (all but the two k-means variants). */
export type ModelAlgorithm = Exclude<SegmentationAlgorithm, 'kmeans' | 'minibatch-kmeans'>;

/** Algorithms that take the number of segments k (the density algorithms find it). */
export const K_ALGORITHMS: readonly SegmentationAlgorithm[] = [
  'kmeans',
  'minibatch-kmeans',
  'agglomerative',
  'gmm',
  'kprototypes',
];

/** What an adapter's fit returns. */
export interface AdapterFit {
  readonly labels: Int32Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly EstimatorWarning[];
  /** Merged options of the algorithm (JSON-safe). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The fitted model's JSON (its own format). */
  readonly fitted: unknown;
}

interface Adapter {
  /** Options the algorithm reads (others in the clusterer options are ignored). */
  readonly keys: readonly string[];
  readonly fit: (X: Matrix, options: Record<string, unknown>) => AdapterFit;
  /** Rebuilds the fitted model from its JSON (validating it). */
  readonly load: (fitted: unknown) => unknown;
  readonly predict: (model: unknown, Z: Matrix) => ClusterAssignment;
}

type Options = Record<string, unknown>;

function jsonSafe(value: unknown): Readonly<Record<string, unknown>> {
  return JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;
}

/** The fields every fitted model shares, as an {@link AdapterFit} with its JSON. */
function adapterFit(
  model: {
    readonly labels: Int32Array;
    readonly warnings: readonly EstimatorWarning[];
    readonly options: unknown;
    readonly iterations?: number;
    readonly converged?: boolean;
  },
  fitted: unknown,
): AdapterFit {
  return {
    labels: model.labels,
    iterations: model.iterations ?? 0,
    converged: model.converged ?? true,
    warnings: model.warnings,
    options: jsonSafe(model.options),
    fitted,
  };
}

const ADAPTERS: Readonly<Record<ModelAlgorithm, Adapter>> = {
  dbscan: {
    keys: ['eps', 'minSamples', 'metric'],
    fit: (X, options) => {
      const model = dbscan(X, options);
      return adapterFit(model, dbscanToJSON(model));
    },
    load: dbscanFromJSON,
    predict: (model, Z) => dbscanPredict(model as ReturnType<typeof dbscanFromJSON>, Z),
  },
  hdbscan: {
    keys: [
      'minClusterSize',
      'minSamples',
      'clusterSelectionMethod',
      'clusterSelectionEpsilon',
      'allowSingleCluster',
      'metric',
    ],
    fit: (X, options) => {
      const model = hdbscan(X, options);
      return adapterFit(model, hdbscanToJSON(model));
    },
    load: hdbscanFromJSON,
    predict: (model, Z) => hdbscanPredict(model as ReturnType<typeof hdbscanFromJSON>, Z),
  },
  agglomerative: {
    keys: ['clusterCount', 'distanceThreshold', 'linkage', 'metric'],
    fit: (X, options) => {
      // A distance threshold replaces k (the algorithm takes exactly one of them).
      const { clusterCount, ...rest } = options;
      const model = agglomerative(
        X,
        rest.distanceThreshold === undefined ? { ...rest, clusterCount } : rest,
      );
      return adapterFit(model, agglomerativeToJSON(model));
    },
    load: agglomerativeFromJSON,
    predict: (model, Z) =>
      agglomerativePredict(model as ReturnType<typeof agglomerativeFromJSON>, Z),
  },
  gmm: {
    // Not `init`: the config's init names k-means seeding; the mixture keeps its own default
    // (means from k-means, as scikit-learn).
    keys: ['clusterCount', 'covariance', 'maxIterations', 'tolerance', 'regCovar', 'nInit', 'seed'],
    fit: (X, options) => {
      const model = gaussianMixture(X, options as Parameters<typeof gaussianMixture>[1]);
      return adapterFit(model, gaussianMixtureToJSON(model));
    },
    load: gaussianMixtureFromJSON,
    predict: (model, Z) =>
      gaussianMixturePredict(model as ReturnType<typeof gaussianMixtureFromJSON>, Z),
  },
  kprototypes: {
    keys: ['clusterCount', 'categoricalColumns', 'gamma', 'maxIterations', 'nInit', 'seed'],
    fit: (X, options) => {
      const model = kPrototypes(X, options as Parameters<typeof kPrototypes>[1]);
      return adapterFit(model, kPrototypesToJSON(model));
    },
    load: kPrototypesFromJSON,
    predict: (model, Z) => kPrototypesPredict(model as ReturnType<typeof kPrototypesFromJSON>, Z),
  },
};

/** True for the algorithms stored as their own JSON. */
export function isModelAlgorithm(algorithm: string): algorithm is ModelAlgorithm {
  return Object.hasOwn(ADAPTERS, algorithm);
}

/**
 * Fits `algorithm` on X with the options it reads from `options` (others are ignored, so one
 * options object can serve a list of algorithms).
 * @throws SegmintError from the algorithm (naming the parameter); INVALID_PARAMETER when it finds
 *   no cluster at all (every row noise), naming the parameters to change.
 */
export function fitModelAlgorithm(
  algorithm: ModelAlgorithm,
  X: Matrix,
  options: Readonly<Record<string, unknown>>,
): AdapterFit {
  const adapter = ADAPTERS[algorithm];
  const picked: Options = {};
  for (const key of adapter.keys) if (options[key] !== undefined) picked[key] = options[key];
  const fitted = adapter.fit(X, picked);
  if (!fitted.labels.some((label) => label >= 0)) {
    const hint =
      algorithm === 'dbscan'
        ? `increase 'eps' (${formatValue(fitted.options.eps)}) or decrease 'minSamples' (${formatValue(fitted.options.minSamples)})`
        : `decrease 'minClusterSize' (${formatValue(fitted.options.minClusterSize)})`;
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `${algorithm}: every one of the ${X.rows} rows is noise, so there are no segments; ${hint}.`,
      { parameter: algorithm === 'dbscan' ? 'eps' : 'minClusterSize', algorithm },
    );
  }
  return fitted;
}

const loaded = new WeakMap<object, unknown>();

/**
 * Rebuilds (and validates) a stored fitted model; the result is cached per JSON object.
 * @throws SegmintError INVALID_MODEL naming the bad field.
 */
export function loadModelAlgorithm(algorithm: ModelAlgorithm, fitted: unknown): unknown {
  if (typeof fitted === 'object' && fitted !== null) {
    const hit = loaded.get(fitted);
    if (hit !== undefined) return hit;
    const model = ADAPTERS[algorithm].load(fitted);
    loaded.set(fitted, model);
    return model;
  }
  return ADAPTERS[algorithm].load(fitted);
}

/** Labels (noise -1) and strengths of new rows Z under a stored fitted model. */
export function predictModelAlgorithm(
  algorithm: ModelAlgorithm,
  fitted: unknown,
  Z: Matrix,
): ClusterAssignment {
  return ADAPTERS[algorithm].predict(loadModelAlgorithm(algorithm, fitted), Z);
}
