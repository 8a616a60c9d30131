/**
 * Config sections about clustering: `clustering` (algorithms, k or a k range, parameters, seed),
 * `selection` (criteria that vote on k, engine select/choose-k.ts) and `profiling`.
 *
 * The algorithm list is data ({@link CLUSTERING_ALGORITHMS}); issue 7's algorithms extend it by one
 * entry each (plus their parameters in {@link clusteringParamsSchema}).
 */
import type { SegmentationAlgorithm, SelectionCriterion } from '@segmint/engine';
import { z } from 'zod';
import { expecting, integer, listWords, numberIn, oneOf, section } from './schema-parts.js';

/** Clustering algorithms a config may name. */
export const CLUSTERING_ALGORITHMS = [
  'kmeans',
  'minibatch-kmeans',
  'dbscan',
  'hdbscan',
  'agglomerative',
  'gmm',
  'kprototypes',
] as const satisfies readonly SegmentationAlgorithm[];

/** A clustering algorithm name. */
export type ClusteringAlgorithm = (typeof CLUSTERING_ALGORITHMS)[number];

/** Largest k a range may reach (silhouette and friends get expensive and unreadable beyond). */
export const MAX_K_IN_RANGE = 50;

/** Largest fixed k. */
export const MAX_K = 10_000;

/** Criteria that vote on k (the engine's SelectionCriterion). */
export const SELECTION_CRITERIA = [
  'elbow',
  'silhouette',
  'calinski-harabasz',
  'davies-bouldin',
  'stability',
] as const satisfies readonly SelectionCriterion[];

/**
 * The criteria that vote unless the config lists others: every one but 'stability', which refits
 * each k on `stability.resamples` subsamples (ask for it explicitly).
 */
export const DEFAULT_SELECTION_CRITERIA = SELECTION_CRITERIA.filter((c) => c !== 'stability');

const K_EXPECTED = 'an integer >= 1 or { min, max }';

/** `clustering.k` as a range: { min >= 2, max <= 50, max >= min }. */
export const kRangeSchema = section({
  min: integer(2, MAX_K_IN_RANGE, `an integer in [2, ${MAX_K_IN_RANGE}]`),
  max: integer(2, MAX_K_IN_RANGE, `an integer in [2, ${MAX_K_IN_RANGE}]`),
}).refine((range) => range.max >= range.min, expecting('a range with max >= min'));

/** `clustering.k`: a fixed k or a range to choose from. */
export const kSchema = z
  .union([integer(1, MAX_K, K_EXPECTED), kRangeSchema], expecting(K_EXPECTED))
  .default(5)
  .describe('The number of segments, or a range to choose from: { min: 2, max: 10 }.');

const algorithmName = oneOf(CLUSTERING_ALGORITHMS);

/**
 * `clustering.algorithm`: one name or a list to compare, normalised to a list of distinct names.
 */
export const algorithmSchema = z
  .union(
    [
      algorithmName,
      z
        .array(algorithmName, expecting('a list of algorithms'))
        .min(1, expecting('a non-empty list of algorithms'))
        .refine(
          (names) => new Set(names).size === names.length,
          expecting('a list of distinct algorithms'),
        ),
    ],
    expecting(`${listWords(CLUSTERING_ALGORITHMS)}, or a list of them`),
  )
  .default('kmeans')
  .transform((value): ClusteringAlgorithm[] => (typeof value === 'string' ? [value] : value))
  .describe(`The algorithm, or a list to compare: ${CLUSTERING_ALGORITHMS.join(', ')}.`);

/**
 * `clustering.params`: algorithm parameters; each algorithm reads those it knows (unset ones keep
 * the engine's defaults, which differ per algorithm).
 */
export const clusteringParamsSchema = section({
  init: oneOf(['k-means++', 'random']).optional().describe("Initial centres; default 'k-means++'."),
  nInit: z
    .union([integer(1, 1000), z.literal('auto')], expecting("an integer in [1, 1000] or 'auto'"))
    .optional()
    .describe('Restarts (best inertia kept).'),
  maxIterations: integer(1, 1_000_000).optional().describe('Iterations (epochs for mini-batch).'),
  tolerance: numberIn(0).optional().describe('Convergence tolerance on the centre shift.'),
  batchSize: integer(1).optional().describe('Mini-batch k-means: rows per batch; default 1024.'),
  initSize: integer(1)
    .nullable()
    .optional()
    .describe('Mini-batch k-means: rows sampled for initialisation.'),
  maxNoImprovement: integer(1)
    .nullable()
    .optional()
    .describe('Mini-batch k-means: early stop after this many steps without improvement.'),
  reassignmentRatio: numberIn(0, 1)
    .optional()
    .describe('Mini-batch k-means: re-seed centres smaller than this share of the largest.'),
  eps: numberIn(0)
    .optional()
    .describe(
      'DBSCAN: neighbourhood radius in the prepared (scaled) space; default 0.5. The report of a run with a k-distance curve helps choose it.',
    ),
  minSamples: integer(1)
    .optional()
    .describe(
      'DBSCAN: rows (itself included) within eps that make a core point; default 5. HDBSCAN: neighbours for core distances; default minClusterSize.',
    ),
  minClusterSize: integer(2)
    .optional()
    .describe('HDBSCAN: smallest group that counts as a segment; default 5.'),
  clusterSelectionMethod: oneOf(['eom', 'leaf'])
    .optional()
    .describe("HDBSCAN: 'eom' (excess of mass, default) or 'leaf' (finer segments)."),
  clusterSelectionEpsilon: numberIn(0)
    .optional()
    .describe('HDBSCAN: merge segments closer than this distance; default 0.'),
  allowSingleCluster: z
    .boolean(expecting('true or false'))
    .optional()
    .describe('HDBSCAN: allow one segment for the whole data; default false.'),
  linkage: oneOf(['ward', 'complete', 'average', 'single'])
    .optional()
    .describe("Agglomerative: how cluster distances are measured; default 'ward'."),
  distanceThreshold: numberIn(0)
    .optional()
    .describe('Agglomerative: cut the tree at this merge distance instead of at k.'),
  covariance: oneOf(['full', 'diag'])
    .optional()
    .describe("Gaussian mixture: 'full' (default) or 'diag' covariance matrices."),
  regCovar: numberIn(0)
    .optional()
    .describe('Gaussian mixture: added to the covariance diagonals; default 1e-6.'),
  metric: oneOf(['euclidean', 'gower'])
    .optional()
    .describe(
      "DBSCAN, HDBSCAN, agglomerative: 'euclidean' (default) or 'gower' for mixed numeric and categorical features (up to 10,000 rows; eps is then a Gower distance in [0, 1]).",
    ),
  gamma: numberIn(0)
    .optional()
    .describe(
      "k-prototypes: weight of a categorical mismatch against squared numeric distance; default Huang's 0.5 x mean numeric standard deviation.",
    ),
});

/** `clustering`. `seed` defaults to the top-level `seed` (filled in by the config schema). */
export const clusteringSchema = section({
  algorithm: algorithmSchema,
  k: kSchema,
  params: clusteringParamsSchema.prefault({}),
  seed: integer(0, 2 ** 32 - 1)
    .optional()
    .describe('Seed of the clustering; default the top-level seed.'),
});

/** `selection`: how k is chosen when `clustering.k` is a range. */
export const selectionSchema = section({
  criteria: z
    .array(oneOf(SELECTION_CRITERIA), expecting('a list of criteria'))
    .min(1, expecting('a non-empty list of criteria'))
    .refine(
      (names) => new Set(names).size === names.length,
      expecting('a list of distinct criteria'),
    )
    .default([...DEFAULT_SELECTION_CRITERIA])
    .describe(
      "Criteria that vote on k; default all but 'stability' (which refits each k on subsamples: stability.resamples of them, 10 when 0).",
    ),
  silhouetteSampleSize: integer(10)
    .default(2000)
    .describe('Rows beyond which the silhouette is estimated on a stratified sample.'),
});

/** `stability`: refits on subsamples that measure how reproducible each segment is. */
export const stabilitySchema = section({
  resamples: integer(0, 200)
    .default(10)
    .describe('Refits on subsamples (0 turns the stability check off).'),
  fraction: numberIn(0.1, 1).default(0.8).describe('Share of rows in each subsample.'),
  maxRows: integer(100)
    .default(100_000)
    .describe('Skip the check (and say so) when the data has more rows than this.'),
});

/** `profiling`. */
export const profilingSchema = section({
  topTraits: integer(1, 50).default(5).describe('Distinguishing traits listed per segment.'),
});
