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

/** Clustering algorithms a segmentation model can hold today (the union grows with issue 7). */
export type SegmentationAlgorithm = 'kmeans' | 'minibatch-kmeans';

/** The clusterer part of the model: centroids and what produced them. */
export interface CentroidClusterer {
  readonly kind: 'centroids';
  readonly algorithm: SegmentationAlgorithm;
  /** (k, p): one centroid per segment in the clustering space. */
  readonly centroids: Matrix;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Hyperparameters used (JSON-safe). */
  readonly options: Readonly<Record<string, unknown>>;
}

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
  readonly clusterer: CentroidClusterer;
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
  /** Options for the clusterer (`clusterCount` required). */
  readonly clusterer: Partial<KMeansOptions> &
    Partial<MiniBatchKMeansOptions> & { clusterCount: number };
  readonly outOfDistribution?: Partial<OutOfDistributionOptions>;
}

/** What {@link fitSegmentation} returns: the model plus the training assignment. */
export interface SegmentationFit {
  readonly model: SegmentationModel;
  /** Segment of each kept training row. */
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
  if (algorithm !== 'kmeans' && algorithm !== 'minibatch-kmeans') {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `fitSegmentation: 'algorithm' must be one of 'kmeans', 'minibatch-kmeans'; got ${formatValue(algorithm)}.`,
      { parameter: 'algorithm', value: algorithm },
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
  const fitted =
    algorithm === 'kmeans' ? kmeans(X, options.clusterer) : miniBatchKMeans(X, options.clusterer);
  const clusterer: CentroidClusterer = {
    kind: 'centroids',
    algorithm,
    centroids: fitted.centroids,
    inertia: fitted.inertia,
    iterations: fitted.iterations,
    converged: fitted.converged,
    options: { ...fitted.options },
  };
  const segments = summariseSegments(X, fitted.labels, fitted.centroids, ood);
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
    labels: fitted.labels,
    keptRows: result.keptRows,
    X,
    featureNames: reduction
      ? Array.from({ length: X.cols }, (_, j) => `PC${j + 1}`)
      : result.featureNames,
    report: result.report,
    warnings: fitted.warnings,
  };
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
