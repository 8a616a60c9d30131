/**
 * Scoring new customers with a fitted {@link SegmentationModel}: the same preprocessing (in
 * 'predict' mode, so outlier rules flag instead of dropping), the same PCA, then the nearest
 * centroid, a distance-based confidence and an out-of-distribution flag.
 *
 * Confidence is the relative margin between the two nearest centroids, `1 - d1 / d2` (d1 <= d2
 * Euclidean distances in clustering space): 1 at a centroid, 0 on the boundary between two
 * segments; with a single segment it is 1. It says how clearly a row belongs to its segment
 * rather than the next one; whether the row is like the training data at all is the separate
 * `outOfDistribution` flag: d1 above the segment's threshold (a multiple of a high quantile of
 * its members' distances, see `OUT_OF_DISTRIBUTION_DEFAULTS`).
 */
import type { Matrix } from '../matrix/matrix.js';
import { squaredDistance } from '../cluster/squared-distance.js';
import { pipelineInputSchema, transformPipeline } from '../preprocess/pipeline.js';
import { tableFromRecords, type Table } from '../preprocess/table.js';
import { pcaTransform } from '../reduce/pca-transform.js';
import { encodeCategorical } from './categorical-encoding.js';
import { predictModelAlgorithm } from './clusterers.js';
import { gowerDistancesTo } from './gower-space.js';
import {
  nearestSegments,
  NOISE_SEGMENT,
  NOISE_SEGMENT_NAME,
  type SegmentationModel,
} from './segmentation.js';

/** The verdict for one input row. */
export interface SegmentPrediction {
  /** Segment id (index into `model.segments`), or -1 for noise (dbscan, hdbscan). */
  readonly segment: number;
  readonly segmentName: string;
  /**
   * In [0, 1]. k-means family: the relative margin `1 - d1/d2`; other algorithms: their own
   * strength (agglomerative and k-prototypes: the margin to the next segment; gmm: the posterior
   * probability; hdbscan: the membership strength; dbscan: 1 within reach of a core point); 0 for
   * noise.
   */
  readonly confidence: number;
  /** True when the row lies farther from its segment's centroid than the segment's threshold. */
  readonly outOfDistribution: boolean;
  /** Euclidean distance to the segment's centroid (clustering space; noise: to the nearest). */
  readonly distance: number;
  /** True when a preprocessing outlier rule matches the row (it is still scored). */
  readonly outlier: boolean;
  /** Why the row is flagged: outlier rules and the out-of-distribution check. */
  readonly reasons: readonly string[];
}

/**
 * Assigns rows to segments.
 * @param input - a {@link Table} with the model's input columns, or JSON records (one object per
 *   customer; missing keys are missing values, imputed as in training).
 * @throws SegmintError naming the column, row and value that cannot be transformed (unknown
 *   column kind, a value that is not a number in a numeric column, NaN left without an imputer).
 * @example predictSegments(model, [{ Income: 52000, Kidhome: 1, Education: 'PhD' }])[0].segmentName
 */
export function predictSegments(
  model: SegmentationModel,
  input: Table | readonly Record<string, unknown>[],
): SegmentPrediction[] {
  const t = isTable(input) ? input : tableFromRecords(input, pipelineInputSchema(model.pipeline));
  const result = transformPipeline(model.pipeline, t, { mode: 'predict' });
  const Z: Matrix = model.reduction ? pcaTransform(model.reduction, result.X) : result.X;
  const { clusterer } = model;
  const { centroids } = clusterer;
  const nearest = nearestSegments(Z, centroids);
  let labels = nearest;
  let strength: Float64Array | null = null;
  if (clusterer.kind === 'algorithm') {
    const mixed = clusterer.encoding ? encodeCategorical(Z, clusterer.encoding) : Z;
    const assigned = predictModelAlgorithm(
      clusterer.algorithm,
      clusterer.fitted,
      // Models on Gower distances assign from the distances to their training rows.
      clusterer.gower ? gowerDistancesTo(clusterer.gower, mixed) : mixed,
    );
    labels = assigned.labels;
    strength = assigned.strength;
    const map = clusterer.labelMap;
    if (map !== null) labels = labels.map((label) => (label < 0 ? label : map[label]!));
  }
  const k = centroids.rows;
  const d = Z.cols;
  const predictions: SegmentPrediction[] = [];
  for (let i = 0; i < Z.rows; i++) {
    const flag = result.flags[i]!;
    const reasons = [...flag.reasons];
    const segment = labels[i]!;
    if (segment === NOISE_SEGMENT) {
      const closest = nearest[i]!;
      const distance = Math.sqrt(squaredDistance(Z.data, i * d, centroids.data, closest * d, d));
      reasons.push(
        `noise: ${clusterer.algorithm} places the row in no segment (nearest: ${model.segments[closest]!.name}, distance ${distance.toPrecision(4)})`,
      );
      predictions.push({
        segment: NOISE_SEGMENT,
        segmentName: NOISE_SEGMENT_NAME,
        confidence: 0,
        outOfDistribution: true,
        distance,
        outlier: flag.outlier,
        reasons,
      });
      continue;
    }
    const d1 = Math.sqrt(squaredDistance(Z.data, i * d, centroids.data, segment * d, d));
    let confidence: number;
    if (strength !== null) {
      confidence = strength[i]!;
    } else {
      let d2 = Infinity;
      for (let j = 0; j < k; j++) {
        if (j === segment) continue;
        d2 = Math.min(d2, Math.sqrt(squaredDistance(Z.data, i * d, centroids.data, j * d, d)));
      }
      confidence = k === 1 || d2 === 0 ? 1 : Math.max(0, 1 - d1 / d2);
    }
    const summary = model.segments[segment]!;
    const outOfDistribution = d1 > summary.outOfDistributionThreshold;
    if (outOfDistribution) {
      reasons.push(
        `distance ${d1.toPrecision(4)} to ${summary.name} exceeds its threshold ` +
          `${summary.outOfDistributionThreshold.toPrecision(4)} (${model.outOfDistribution.scale} x the ` +
          `${Math.round(model.outOfDistribution.quantile * 100)}th percentile of its members)`,
      );
    }
    predictions.push({
      segment,
      segmentName: summary.name,
      confidence,
      outOfDistribution,
      distance: d1,
      outlier: flag.outlier,
      reasons,
    });
  }
  return predictions;
}

function isTable(value: unknown): value is Table {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'columns' in value &&
    'rows' in value
  );
}
