/**
 * The clustering half of a run: choose k over a range (engine `chooseK`), fit each configured
 * algorithm at that k (engine `fitSegmentation`, with the same preprocessing steps so the saved
 * model reproduces the data k was chosen on), and score every fit (silhouette, exact up to
 * `silhouetteSampleSize` rows and a stratified estimate beyond; Calinski-Harabasz;
 * Davies-Bouldin; adjusted Rand index between algorithms).
 *
 * Names: X is the clustering matrix (n, d) after preprocessing and the optional PCA.
 */
import {
  adjustedRandIndex,
  calinskiHarabasz,
  chooseK,
  daviesBouldin,
  ERROR_CODES,
  fitSegmentation,
  K_ALGORITHMS,
  isSegmintError,
  SegmintError,
  silhouetteEstimate,
  type Matrix,
  type SegmentationFit,
  type StepSpec,
  type Table,
} from '@segmint/engine';
import type { ReportAlgorithm, ReportSelection } from '../report/report-types.js';
import type { RunConfig } from './run-config.js';

/** Restarts used both when choosing k and when fitting, unless `params.nInit` says otherwise. */
export const DEFAULT_RESTARTS = 3;

type Algorithm = RunConfig['clustering']['algorithm'][number];

const KMEANS_KEYS = ['init', 'maxIterations', 'tolerance'] as const;
const MINI_BATCH_KEYS = [
  ...KMEANS_KEYS,
  'batchSize',
  'initSize',
  'maxNoImprovement',
  'reassignmentRatio',
] as const;

/**
 * The config's `clustering.params` that apply to `algorithm`. The k-means family takes only its
 * own keys; every other algorithm receives them all and reads its own (engine
 * model/clusterers.ts), so one `params` block serves a list of algorithms.
 */
export function clustererParams(
  algorithm: Algorithm,
  params: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (algorithm !== 'kmeans' && algorithm !== 'minibatch-kmeans') {
    return Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'nInit'));
  }
  const keys: readonly string[] = algorithm === 'kmeans' ? KMEANS_KEYS : MINI_BATCH_KEYS;
  return Object.fromEntries(Object.entries(params).filter(([key]) => keys.includes(key)));
}

/** True when some configured algorithm takes k (so a k range must be chosen from). */
export function needsK(config: Pick<RunConfig, 'clustering'>): boolean {
  return config.clustering.algorithm.some((algorithm) => K_ALGORITHMS.includes(algorithm));
}

/** The algorithm k is chosen with: the first of the k-means family listed, else k-means. */
export function selectionAlgorithm(
  config: Pick<RunConfig, 'clustering'>,
): 'kmeans' | 'minibatch-kmeans' {
  return (
    config.clustering.algorithm.find(
      (a): a is 'kmeans' | 'minibatch-kmeans' => a === 'kmeans' || a === 'minibatch-kmeans',
    ) ?? 'kmeans'
  );
}

/** Restarts: `params.nInit` when an integer, else {@link DEFAULT_RESTARTS}. */
export function restarts(params: Readonly<Record<string, unknown>>): number {
  return typeof params.nInit === 'number' ? params.nInit : DEFAULT_RESTARTS;
}

/**
 * Chooses k on X over the configured range (clamped to n - 1 rows).
 * @throws SegmintError INVALID_CONFIG when the data has too few rows for the range; CANCELLED.
 */
export function selectK(
  X: Matrix,
  config: RunConfig,
  range: { readonly min: number; readonly max: number },
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number, k: number) => void },
): { selection: ReportSelection; k: number } {
  const max = Math.min(range.max, X.rows - 1);
  if (max < range.min) {
    throw new SegmintError(
      ERROR_CODES.INVALID_CONFIG,
      `'clustering.k': the range { min: ${range.min}, max: ${range.max} } needs more than ${range.min} rows; the data has ${X.rows} after cleaning.`,
      { key: 'clustering.k', value: range },
    );
  }
  const algorithm = selectionAlgorithm(config);
  const result = chooseK(X, {
    kRange: [range.min, max],
    criteria: config.selection.criteria,
    clusterer: algorithm,
    nInit: restarts(config.clustering.params),
    seed: clusteringSeed(config),
    silhouetteSampleSize: config.selection.silhouetteSampleSize,
    stabilityResamples: config.stability.resamples > 0 ? config.stability.resamples : 10,
    clustererOptions: clustererParams(algorithm, config.clustering.params),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (event) => options.onProgress?.(event.done, event.total, event.k),
  });
  const k = result.recommendation.k ?? range.min;
  return {
    k,
    selection: {
      kRange: [range.min, max],
      criteria: [...config.selection.criteria],
      curves: result.curves,
      knee: result.knee.knee,
      votes: result.votes,
      recommendation: result.recommendation,
      silhouetteMethod:
        X.rows <= config.selection.silhouetteSampleSize ? 'exact' : 'stratified-sample',
    },
  };
}

/** The clustering seed: `clustering.seed`, else the top-level `seed`. */
export function clusteringSeed(config: Pick<RunConfig, 'clustering' | 'seed'>): number {
  return config.clustering.seed ?? config.seed;
}

/**
 * Fits one segmentation per algorithm at k, with the run's preprocessing steps and reduction.
 * @throws SegmintError from the engine (naming the step, column or parameter).
 */
export function fitAlgorithms(
  t: Table,
  steps: readonly StepSpec[],
  config: RunConfig,
  k: number,
): { algorithm: Algorithm; fit: SegmentationFit }[] {
  const reduction =
    config.reduction.method === 'pca' ? { components: config.reduction.components } : null;
  return config.clustering.algorithm.map((algorithm) => ({
    algorithm,
    fit: fitSegmentation(t, {
      steps,
      reduction,
      algorithm,
      clusterer: {
        ...clustererParams(algorithm, config.clustering.params),
        clusterCount: k,
        nInit: restarts(config.clustering.params),
        seed: clusteringSeed(config),
      },
    }),
  }));
}

/**
 * Scores a fit on its clustering matrix; noise rows (label -1: dbscan, hdbscan) are left out of
 * the silhouette, Calinski-Harabasz and Davies-Bouldin and counted in `noise`. Metrics undefined
 * for one cluster are NaN.
 */
export function evaluateFit(
  algorithm: string,
  fit: SegmentationFit,
  sampleSize: number,
  seed: number,
): ReportAlgorithm {
  const { model } = fit;
  const { X, labels, noise } = withoutNoise(fit.X, fit.labels);
  const silhouette = orNaN(() => silhouetteEstimate(X, labels, { sampleSize, seed }));
  return {
    algorithm,
    k: model.segments.length,
    noise,
    inertia: model.clusterer.inertia,
    iterations: model.clusterer.iterations,
    converged: model.clusterer.converged,
    silhouette: silhouette?.score ?? NaN,
    silhouetteLower: silhouette?.lower ?? NaN,
    silhouetteUpper: silhouette?.upper ?? NaN,
    silhouetteMethod: silhouette?.method ?? 'exact',
    calinskiHarabasz: orNaN(() => calinskiHarabasz(X, labels)) ?? NaN,
    daviesBouldin: orNaN(() => daviesBouldin(X, labels)) ?? NaN,
    sizes: model.segments.map((s) => s.size),
    warnings: [...fit.warnings],
  };
}

/** X and labels without the noise rows (label < 0), and how many there were. */
export function withoutNoise(
  X: Matrix,
  labels: Int32Array,
): { X: Matrix; labels: Int32Array; noise: number } {
  let noise = 0;
  for (const label of labels) if (label < 0) noise++;
  if (noise === 0) return { X, labels, noise };
  const keep = X.rows - noise;
  const data = new Float64Array(keep * X.cols);
  const kept = new Int32Array(keep);
  let r = 0;
  for (let i = 0; i < X.rows; i++) {
    if (labels[i]! < 0) continue;
    data.set(X.data.subarray(i * X.cols, (i + 1) * X.cols), r * X.cols);
    kept[r++] = labels[i]!;
  }
  return { X: { data, rows: keep, cols: X.cols }, labels: kept, noise };
}

/** Adjusted Rand index between every pair of fits (same kept rows, so labels align). */
export function agreementBetween(
  fits: readonly { algorithm: string; fit: SegmentationFit }[],
): { a: string; b: string; adjustedRandIndex: number }[] {
  const pairs: { a: string; b: string; adjustedRandIndex: number }[] = [];
  for (let i = 0; i < fits.length; i++) {
    for (let j = i + 1; j < fits.length; j++) {
      pairs.push({
        a: fits[i]!.algorithm,
        b: fits[j]!.algorithm,
        adjustedRandIndex: adjustedRandIndex(fits[i]!.fit.labels, fits[j]!.fit.labels),
      });
    }
  }
  return pairs;
}

function orNaN<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (isSegmintError(error, ERROR_CODES.INVALID_LABELS)) return null;
    throw error;
  }
}
