/**
 * A fitted segmentation: the whole path from a customer table to a segment, as plain data.
 *
 *   table --pipeline--> X (n, d) --optional PCA--> Z (n, p) --nearest centroid--> segment
 *
 * `fitSegmentation` fits the preprocessing pipeline, the optional PCA and the clusterer in one
 * call and records, per segment, how far its members lie from its centroid. Those distances are
 * what `predictSegments` uses for a distance-based confidence and an out-of-distribution flag,
 * so a new customer far from every segment is flagged instead of silently assigned.
 *
 * The model holds centroids and summary statistics, never the training rows or labels, so its
 * JSON stays small whatever n is.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import {
  categoricalEncoding,
  codeColumns,
  encodeCategorical,
  type CategoricalEncoding,
} from './categorical-encoding.js';
import { gowerDistancesTo, gowerSpace, type GowerSpace } from './gower-space.js';
import {
  fitModelAlgorithm,
  K_ALGORITHMS,
  SEGMENTATION_ALGORITHMS,
  type AdapterFit,
  type ModelAlgorithm,
  type SegmentationAlgorithm,
} from './clusterers.js';
import { kmeans, type KMeansOptions } from '../cluster/kmeans.js';
import { miniBatchKMeans, type MiniBatchKMeansOptions } from '../cluster/minibatch-kmeans.js';
import { nearestCenter, squaredDistance } from '../cluster/squared-distance.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type { Matrix } from '../matrix/matrix.js';
import { quantileSorted } from '../matrix/stats.js';
import {
  fitTransformPipeline,
  type FittedPipeline,
  type StepReport,
} from '../preprocess/pipeline.js';
import type { StepSpec } from '../preprocess/steps.js';
import type { Table } from '../preprocess/table.js';
import { pca, type PCAModel } from '../reduce/pca.js';
import { pcaTransform } from '../reduce/pca-transform.js';

export type { SegmentationAlgorithm } from './clusterers.js';

/** The clusterer part of a k-means model: centroids and what produced them. */
export interface CentroidClusterer {
  readonly kind: 'centroids';
  readonly algorithm: 'kmeans' | 'minibatch-kmeans';
  /** (k, p): one centroid per segment in the clustering space. */
  readonly centroids: Matrix;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Hyperparameters used (JSON-safe). */
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * The clusterer part of a model fitted by any other algorithm (see model/clusterers.ts): the
 * algorithm's own fitted JSON, plus the segments' mean points, which the confidence-independent
 * parts of prediction (distance, out-of-distribution flag) and the summaries use.
 */
export interface AlgorithmClusterer {
  readonly kind: 'algorithm';
  readonly algorithm: ModelAlgorithm;
  /** (k, p): the mean of each segment's members in the clustering space (noise excluded). */
  readonly centroids: Matrix;
  /** Sum of squared distances of members to their segment mean (noise excluded). */
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Hyperparameters used (JSON-safe). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The fitted model in its own JSON format (`segmint.dbscan`, `segmint.hdbscan`, ...). */
  readonly fitted: unknown;
  /**
   * k-prototypes and Gower metrics: how the clustering matrix maps to numeric + category-code
   * columns.
   */
  readonly encoding: CategoricalEncoding | null;
  /** `metric: 'gower'` (dbscan, hdbscan, agglomerative): the training rows and ranges. */
  readonly gower: GowerSpace | null;
  /**
   * Segment id of each of the algorithm's own labels when the segments were renumbered (see
   * `relabelSegments`), else null (segment id = label).
   */
  readonly labelMap: Int32Array | null;
}

/** The clusterer of a segmentation model. */
export type SegmentationClusterer = CentroidClusterer | AlgorithmClusterer;

/** Segment id of noise rows (DBSCAN, HDBSCAN) in labels and predictions. */
export const NOISE_SEGMENT = -1;
/** Display name of noise rows. */
export const NOISE_SEGMENT_NAME = 'Noise';

/** What the model remembers about one segment. */
export interface SegmentSummary {
  /** Segment id, 0-based (the label). */
  readonly id: number;
  /** Display name; `Segment 1`, `Segment 2`, ... until profiling names them. */
  readonly name: string;
  /** Training rows in the segment. */
  readonly size: number;
  /** Quantiles of the members' Euclidean distances to the centroid (clustering space). */
  readonly distance: {
    readonly median: number;
    readonly q90: number;
    readonly q99: number;
    readonly max: number;
  };
  /** Distances above this flag a row as out of distribution for this segment. */
  readonly outOfDistributionThreshold: number;
}

/** Settings for confidence and out-of-distribution flags. */
export interface OutOfDistributionOptions {
  /** Quantile of member distances that bounds a segment (default 0.99). */
  readonly quantile: number;
  /** Multiplier on that quantile (default 1.25): tolerance beyond the observed spread. */
  readonly scale: number;
}

/** A fitted segmentation model (immutable plain data; see `segmentationToJSON`). */
export interface SegmentationModel {
  readonly kind: 'segmentation';
  readonly pipeline: FittedPipeline;
  /** Present when the model clusters in PCA space. */
  readonly reduction: PCAModel | null;
  readonly clusterer: SegmentationClusterer;
  readonly segments: readonly SegmentSummary[];
  readonly outOfDistribution: OutOfDistributionOptions;
  /** Rows the model was fitted on (after outlier removal). */
  readonly trainingRows: number;
}

/** Options of {@link fitSegmentation}. */
export interface FitSegmentationOptions {
  /** Preprocessing steps (see `fitPipeline`); default none (the table must be numeric and finite). */
  readonly steps?: readonly StepSpec[];
  /** Optional PCA before clustering. */
  readonly reduction?: { readonly components: number; readonly whiten?: boolean } | null;
  readonly algorithm?: SegmentationAlgorithm;
  /**
   * Options for the clusterer: `clusterCount` (required by every algorithm but dbscan and
   * hdbscan) and any of the algorithm's own options; each algorithm ignores the others.
   */
  readonly clusterer: Partial<KMeansOptions> &
    Partial<MiniBatchKMeansOptions> & { clusterCount?: number } & Readonly<Record<string, unknown>>;
  readonly outOfDistribution?: Partial<OutOfDistributionOptions>;
}

/** What {@link fitSegmentation} returns: the model plus the training assignment. */
export interface SegmentationFit {
  readonly model: SegmentationModel;
  /** Segment of each kept training row (-1: noise, for dbscan and hdbscan). */
  readonly labels: Int32Array;
  /** Input row index of each entry of `labels` (rows removed by outlier rules are absent). */
  readonly keptRows: Int32Array;
  /** The data the clusterer saw, shape (keptRows.length, p). */
  readonly X: Matrix;
  readonly featureNames: readonly string[];
  readonly report: readonly StepReport[];
  readonly warnings: readonly EstimatorWarning[];
}

/** Default out-of-distribution settings. */
export const OUT_OF_DISTRIBUTION_DEFAULTS: OutOfDistributionOptions = Object.freeze({
  quantile: 0.99,
  scale: 1.25,
});

/**
 * Fits preprocessing, optional PCA and a centroid clusterer on a table.
 * @throws SegmintError from any stage, naming the step, column, row or parameter; INVALID_PARAMETER
 *   for a bad `algorithm`, `reduction` or `outOfDistribution` option.
 * @example
 * const { model, labels } = fitSegmentation(customers, {
 *   steps: [{ type: 'impute', strategy: 'median' }, { type: 'scale', method: 'standard' }],
 *   clusterer: { clusterCount: 4, seed: 1 },
 * });
 */
export function fitSegmentation(t: Table, options: FitSegmentationOptions): SegmentationFit {
  const algorithm = options.algorithm ?? 'kmeans';
  if (!(SEGMENTATION_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `fitSegmentation: 'algorithm' must be one of ${SEGMENTATION_ALGORITHMS.map((a) => `'${a}'`).join(', ')}; got ${formatValue(algorithm)}.`,
      { parameter: 'algorithm', value: algorithm },
    );
  }
  if (K_ALGORITHMS.includes(algorithm) && options.clusterer.clusterCount === undefined) {
    const distanceCut =
      algorithm === 'agglomerative' && options.clusterer.distanceThreshold !== undefined;
    if (!distanceCut) {
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `fitSegmentation: '${algorithm}' needs 'clusterer.clusterCount'.`,
        { parameter: 'clusterer.clusterCount' },
      );
    }
  }
  if (algorithm === 'kprototypes' && options.reduction) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      "fitSegmentation: 'kprototypes' clusters the numeric and categorical features themselves; PCA mixes them, so 'reduction' must be none.",
      { parameter: 'reduction', value: options.reduction.components },
    );
  }
  const ood = { ...OUT_OF_DISTRIBUTION_DEFAULTS, ...options.outOfDistribution };
  checkOutOfDistribution(ood);
  const { pipeline, result } = fitTransformPipeline(t, options.steps ?? []);
  const reduction = options.reduction
    ? pca(result.X, {
        components: options.reduction.components,
        whiten: options.reduction.whiten ?? false,
      })
    : null;
  const X = reduction ? pcaTransform(reduction, result.X) : result.X;
  const { clusterer, labels, warnings } =
    algorithm === 'kmeans' || algorithm === 'minibatch-kmeans'
      ? fitCentroids(
          X,
          algorithm,
          options.clusterer as FitSegmentationOptions['clusterer'] & {
            clusterCount: number;
          },
        )
      : fitAlgorithm(X, algorithm, pipeline, options.clusterer, reduction !== null);
  const segments = summariseSegments(X, labels, clusterer.centroids, ood);
  const model: SegmentationModel = {
    kind: 'segmentation',
    pipeline,
    reduction,
    clusterer,
    segments,
    outOfDistribution: ood,
    trainingRows: X.rows,
  };
  return {
    model,
    labels,
    keptRows: result.keptRows,
    X,
    featureNames: reduction
      ? Array.from({ length: X.cols }, (_, j) => `PC${j + 1}`)
      : result.featureNames,
    report: result.report,
    warnings,
  };
}

interface FittedClusterer {
  readonly clusterer: SegmentationClusterer;
  readonly labels: Int32Array;
  readonly warnings: readonly EstimatorWarning[];
}

function fitCentroids(
  X: Matrix,
  algorithm: 'kmeans' | 'minibatch-kmeans',
  options: FitSegmentationOptions['clusterer'] & { clusterCount: number },
): FittedClusterer {
  const fitted = algorithm === 'kmeans' ? kmeans(X, options) : miniBatchKMeans(X, options);
  return {
    clusterer: {
      kind: 'centroids',
      algorithm,
      centroids: fitted.centroids,
      inertia: fitted.inertia,
      iterations: fitted.iterations,
      converged: fitted.converged,
      options: { ...fitted.options },
    },
    labels: fitted.labels,
    warnings: fitted.warnings,
  };
}

/**
 * Fits a distance-based algorithm on the Gower distances between the rows of a Gower space
 * (`metric: 'precomputed'`; agglomerative defaults to average linkage, as Ward needs coordinates).
 */
export function fitOnGower(
  algorithm: ModelAlgorithm,
  space: GowerSpace,
  options: Readonly<Record<string, unknown>>,
): AdapterFit {
  return fitModelAlgorithm(algorithm, gowerDistancesTo(space, space.training), {
    ...options,
    ...(algorithm === 'agglomerative' && options.linkage === undefined
      ? { linkage: 'average' }
      : {}),
    metric: 'precomputed',
  });
}

/**
 * Fits a model algorithm on the clustering matrix X as the model sees it: on Gower distances
 * (`usesGower`, with `encoding`), on numeric columns plus category codes (k-prototypes, with
 * `encoding`), else on X itself. Shared by {@link fitSegmentation} and {@link refitLabels}.
 */
function fitInSpace(
  algorithm: ModelAlgorithm,
  X: Matrix,
  encoding: CategoricalEncoding | null,
  usesGower: boolean,
  options: Readonly<Record<string, unknown>>,
): { fitted: AdapterFit; gower: GowerSpace | null } {
  if (usesGower && encoding) {
    const gower = gowerSpace(X, encoding);
    return { fitted: fitOnGower(algorithm, gower, options), gower };
  }
  const fitted = encoding
    ? fitModelAlgorithm(algorithm, encodeCategorical(X, encoding), {
        ...options,
        categoricalColumns: codeColumns(encoding),
      })
    : fitModelAlgorithm(algorithm, X, options);
  return { fitted, gower: null };
}

/**
 * Labels of a new fit of a model's algorithm on other rows X of its clustering space (e.g.
 * subsamples for stability), with the model's category encoding or Gower metric.
 * @throws SegmintError from the algorithm (e.g. no cluster found).
 */
export function refitLabels(
  clusterer: AlgorithmClusterer,
  X: Matrix,
  options: Readonly<Record<string, unknown>>,
): Int32Array {
  return fitInSpace(clusterer.algorithm, X, clusterer.encoding, clusterer.gower !== null, options)
    .fitted.labels;
}

/** `metric: 'gower'` applies to the distance-based algorithms, on unreduced features. */
function checkGower(algorithm: ModelAlgorithm, reduced: boolean): void {
  if (algorithm !== 'dbscan' && algorithm !== 'hdbscan' && algorithm !== 'agglomerative') {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `fitSegmentation: metric 'gower' applies to dbscan, hdbscan and agglomerative; got algorithm '${algorithm}'.`,
      { parameter: 'metric', value: 'gower' },
    );
  }
  if (reduced) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      "fitSegmentation: metric 'gower' compares the features themselves; PCA mixes them, so 'reduction' must be none.",
      { parameter: 'reduction', value: 'pca' },
    );
  }
}

function fitAlgorithm(
  X: Matrix,
  algorithm: ModelAlgorithm,
  pipeline: FittedPipeline,
  options: FitSegmentationOptions['clusterer'],
  reduced: boolean,
): FittedClusterer {
  const usesGower = options.metric === 'gower';
  if (usesGower) checkGower(algorithm, reduced);
  const encoding =
    algorithm === 'kprototypes' || usesGower
      ? categoricalEncoding(pipeline, X, { requireCategorical: !usesGower })
      : null;
  const { fitted, gower } = fitInSpace(algorithm, X, encoding, usesGower, options);
  const { labels } = fitted;
  const k = labels.reduce((max, label) => Math.max(max, label + 1), 0);
  const { centroids, inertia } = segmentMeans(X, labels, k);
  return {
    clusterer: {
      kind: 'algorithm',
      algorithm,
      centroids,
      inertia,
      iterations: fitted.iterations,
      converged: fitted.converged,
      options: fitted.options,
      fitted: fitted.fitted,
      encoding,
      gower,
      labelMap: null,
    },
    labels,
    warnings: fitted.warnings,
  };
}

/** Mean point of each segment 0..k-1 (noise rows skipped) and the within-segment squares. */
export function segmentMeans(
  X: Matrix,
  labels: Int32Array,
  k: number,
): { centroids: Matrix; inertia: number } {
  const d = X.cols;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < X.rows; i++) {
    const label = labels[i]!;
    if (label < 0) continue;
    counts[label]!++;
    for (let j = 0; j < d; j++) sums[label * d + j]! += X.data[i * d + j]!;
  }
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++)
      sums[c * d + j] = counts[c]! > 0 ? sums[c * d + j]! / counts[c]! : 0;
  }
  const centroids: Matrix = { data: sums, rows: k, cols: d };
  let inertia = 0;
  for (let i = 0; i < X.rows; i++) {
    const label = labels[i]!;
    if (label >= 0) inertia += squaredDistance(X.data, i * d, sums, label * d, d);
  }
  return { centroids, inertia };
}

/** Returns a copy of the model with segment names set (e.g. from profiling). */
export function withSegmentNames(
  model: SegmentationModel,
  names: readonly string[],
): SegmentationModel {
  if (names.length !== model.segments.length) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `withSegmentNames: 'names' must have one name per segment (${model.segments.length}); got ${names.length}.`,
      { parameter: 'names', value: names.length },
    );
  }
  return { ...model, segments: model.segments.map((s, i) => ({ ...s, name: names[i]! })) };
}

/**
 * Per-segment distance quantiles and the out-of-distribution threshold
 * `scale * quantile(member distances, q)`; an empty segment gets threshold 0 (nothing is close).
 */
export function summariseSegments(
  X: Matrix,
  labels: Int32Array,
  centroids: Matrix,
  ood: OutOfDistributionOptions,
): SegmentSummary[] {
  const k = centroids.rows;
  const d = X.cols;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < X.rows; i++) {
    const label = labels[i]!;
    if (label < 0) continue; // noise belongs to no segment
    members[label]!.push(Math.sqrt(squaredDistance(X.data, i * d, centroids.data, label * d, d)));
  }
  return members.map((list, id) => {
    const sorted = Float64Array.from(list).sort();
    const q = (p: number) => (sorted.length === 0 ? 0 : quantileSorted(sorted, p));
    return {
      id,
      name: `Segment ${id + 1}`,
      size: sorted.length,
      distance: { median: q(0.5), q90: q(0.9), q99: q(0.99), max: q(1) },
      outOfDistributionThreshold: ood.scale * q(ood.quantile),
    };
  });
}

/** Nearest centroid of each row (the segment), consistent with the k-means kernels. */
export function nearestSegments(Z: Matrix, centroids: Matrix): Int32Array {
  const labels = new Int32Array(Z.rows);
  for (let i = 0; i < Z.rows; i++)
    labels[i] = nearestCenter(Z.data, i * Z.cols, centroids.data, centroids.rows, Z.cols);
  return labels;
}

function checkOutOfDistribution(ood: OutOfDistributionOptions): void {
  if (!(typeof ood.quantile === 'number' && ood.quantile > 0 && ood.quantile <= 1)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `fitSegmentation: 'outOfDistribution.quantile' must be a number in (0, 1]; got ${formatValue(ood.quantile)}.`,
      { parameter: 'outOfDistribution.quantile', value: ood.quantile },
    );
  }
  if (!(typeof ood.scale === 'number' && Number.isFinite(ood.scale) && ood.scale > 0)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `fitSegmentation: 'outOfDistribution.scale' must be a finite number > 0; got ${formatValue(ood.scale)}.`,
      { parameter: 'outOfDistribution.scale', value: ood.scale },
    );
  }
}
