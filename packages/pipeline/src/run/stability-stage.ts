/**
 * How stable are the run's segments? The primary algorithm is refitted with the run's parameters
 * on `stability.resamples` subsamples of the clustering matrix X (`stability.fraction` of the
 * rows each), and each segment gets Hennig's (2007) Jaccard stability: the mean, over refits, of
 * its best Jaccard overlap with a refitted cluster (near 1: it comes back every time; below 0.5:
 * it dissolves). The mean adjusted Rand index between the run and the refits summarises the whole
 * segmentation (engine `bootstrapStability`).
 */
import {
  bootstrapStability,
  isSegmintError,
  kmeans,
  miniBatchKMeans,
  refitLabels,
  type Matrix,
  type SegmentationFit,
} from '@segmint/engine';
import { clustererParams, clusteringSeed, restarts } from './cluster-stage.js';
import type { RunConfig } from './run-config.js';

/** report.json's `stability`. */
export interface ReportStability {
  readonly algorithm: string;
  /** 'measured', or why not ('off': resamples 0; 'too-many-rows': beyond `maxRows`). */
  readonly status: 'measured' | 'off' | 'too-many-rows';
  readonly resamples: number;
  readonly fraction: number;
  /** Mean ARI between the run's segments and each refit (null when not measured). */
  readonly meanAdjustedRandIndex: number | null;
  readonly segments: readonly {
    readonly segment: number;
    readonly size: number;
    /** Mean best-match Jaccard over refits, in [0, 1]. */
    readonly jaccard: number;
    /** Share of refits in which the segment dissolved (best Jaccard below 0.5). */
    readonly dissolved: number;
  }[];
}

/** Labels of a refit of `algorithm` on rows Xs, with the run's parameters at k. */
function refitter(
  algorithm: RunConfig['clustering']['algorithm'][number],
  fit: SegmentationFit,
  config: RunConfig,
  k: number,
): (Xs: Matrix) => ArrayLike<number> {
  const params = {
    ...clustererParams(algorithm, config.clustering.params),
    clusterCount: k,
    nInit: restarts(config.clustering.params),
    seed: clusteringSeed(config),
  };
  if (algorithm === 'kmeans') return (Xs) => kmeans(Xs, params).labels;
  if (algorithm === 'minibatch-kmeans') return (Xs) => miniBatchKMeans(Xs, params).labels;
  const { clusterer } = fit.model;
  if (clusterer.kind !== 'algorithm') throw new Error(`no fitted model for ${algorithm}`);
  return (Xs) => {
    try {
      return refitLabels(clusterer, Xs, params);
    } catch (error) {
      // A subsample in which a density algorithm finds no cluster: every row is noise.
      if (isSegmintError(error)) return new Int32Array(Xs.rows).fill(-1);
      throw error;
    }
  };
}

/**
 * The stability of a fit, or a record of why it was not measured.
 * @throws whatever the refits throw (other than "no cluster found").
 */
export function runStability(
  algorithm: RunConfig['clustering']['algorithm'][number],
  fit: SegmentationFit,
  config: RunConfig,
): ReportStability {
  const { resamples, fraction, maxRows } = config.stability;
  const base = { algorithm, resamples, fraction, meanAdjustedRandIndex: null, segments: [] };
  if (resamples === 0) return { ...base, status: 'off' };
  if (fit.X.rows > maxRows) return { ...base, status: 'too-many-rows' };
  const k = fit.model.segments.length;
  const report = bootstrapStability(fit.X, refitter(algorithm, fit, config, k), {
    resamples,
    fraction,
    seed: clusteringSeed(config),
    reference: fit.labels,
  });
  return {
    ...base,
    status: 'measured',
    meanAdjustedRandIndex: report.meanARI,
    segments: report.segments
      .filter((s) => s.segment >= 0)
      .map((s) => ({
        segment: s.segment,
        size: s.size,
        jaccard: s.jaccard,
        dissolved: s.dissolved,
      })),
  };
}
