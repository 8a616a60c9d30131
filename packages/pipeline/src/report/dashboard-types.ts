/**
 * dashboard.json: what the web dashboard needs beyond report.json, computed once at the end of a
 * run so the server answers its charts without reloading the data:
 * - `projection`: the 3-D PCA of the clustering matrix (its model, to place predicted rows) and
 *   the coordinates, ids and every compared algorithm's labels of a stratified sample of at most
 *   {@link DASHBOARD_LIMITS.projectionPoints} points;
 * - `silhouette`: per-sample silhouette values of a stratified sample, per algorithm;
 * - `features`, `columns`, `distributions` and `means`: every feature and other input or
 *   derived column in raw units by segment (numeric: a sample of values and the five-number
 *   summary; categorical: counts), and the features' raw means;
 * - `schema`: the model's input columns with the data's ranges or categories (predict form).
 * Numbers that are not finite are written as null (JSON has no NaN).
 */
import type { PCAModelJSON } from '@segmint/engine';

/** `format` of dashboard.json. */
export const DASHBOARD_FORMAT = 'segmint.dashboard';
/** `version` of dashboard.json. */
export const DASHBOARD_VERSION = 1;
/** File name inside the run's output folder. */
export const DASHBOARD_FILE = 'dashboard.json';

/** Sample sizes of dashboard.json. */
export const DASHBOARD_LIMITS = Object.freeze({
  /** Points kept for the maps. */
  projectionPoints: 50_000,
  /** Raw values kept per segment and numeric feature. */
  distributionValues: 2000,
  /** Categories kept per categorical feature (the rest are counted as '(other)'). */
  categories: 30,
  /** Points the UMAP map is computed on (on request, by the server, in a worker). */
  umapPoints: 2000,
});

/**
 * The clustering-space rows the UMAP map is computed from: a sample, stratified by segment, of
 * the projection's points (`index` into its arrays), with their clustering-space values.
 */
export interface DashboardUmapSample {
  readonly index: number[];
  readonly cols: number;
  /** (index.length, cols), row-major. */
  readonly data: number[];
}

/** The 3-D map: PCA of the clustering space, sampled per segment. */
export interface DashboardProjection {
  /** 'pca', or 'identity' when the clustering space has a single column. */
  readonly method: 'pca' | 'identity';
  /** Axes with data: min(3, clustering columns); missing axes are zeros. */
  readonly dims: number;
  readonly explainedVarianceRatio: number[];
  /** The fitted PCA (null for 'identity'): clustering space -> map coordinates. */
  readonly pca: PCAModelJSON | null;
  /** Rows clustered (before sampling). */
  readonly total: number;
  /** Ids of the sampled points (the id column, else 1-based row numbers), as strings. */
  readonly id: string[];
  readonly x: number[];
  readonly y: number[];
  readonly z: number[];
  /** Segment of every sampled point, per compared algorithm (the primary one first). */
  readonly labels: Record<string, number[]>;
}

/** One algorithm's silhouette plot data. */
export interface DashboardSilhouette {
  readonly algorithm: string;
  /** 'exact' when every clustered row is shown, else 'sample' (stratified by segment). */
  readonly method: 'exact' | 'sample';
  /** Mean of the shown values (null when undefined: a single segment). */
  readonly average: number | null;
  readonly total: number;
  readonly shown: number;
  readonly segments: { segment: number; name: string; values: number[] }[];
}

/** Five-number summary, mean and a sample of one segment's values of a numeric feature. */
export interface DashboardNumericSegment {
  readonly segment: number;
  readonly name: string;
  readonly values: number[];
  readonly count: number;
  readonly min: number | null;
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
  readonly max: number | null;
  readonly mean: number | null;
}

/** A feature's distribution by segment (primary algorithm, every input row). */
export type DashboardDistribution =
  | {
      readonly feature: string;
      readonly kind: 'numeric';
      readonly segments: DashboardNumericSegment[];
    }
  | {
      readonly feature: string;
      readonly kind: 'categorical';
      readonly categories: string[];
      readonly segments: { segment: number; name: string; counts: number[] }[];
    };

/** One input column of the predict form. */
export type DashboardSchemaFeature =
  | {
      readonly name: string;
      readonly kind: 'numeric';
      readonly min: number;
      readonly max: number;
      readonly median: number;
      readonly step: number;
    }
  | {
      readonly name: string;
      readonly kind: 'categorical';
      readonly categories: string[];
      readonly mode: string | null;
    };

/** dashboard.json. */
export interface DashboardFile {
  readonly format: typeof DASHBOARD_FORMAT;
  readonly version: typeof DASHBOARD_VERSION;
  readonly runId: string;
  readonly primaryAlgorithm: string;
  readonly algorithms: string[];
  /** Segment names of the primary algorithm, by segment id. */
  readonly segmentNames: string[];
  readonly projection: DashboardProjection;
  /** Input of the UMAP map (absent in files written before it existed). */
  readonly umapSample?: DashboardUmapSample;
  readonly silhouette: DashboardSilhouette[];
  /** The clustering features (original units). */
  readonly features: { name: string; kind: 'numeric' | 'categorical' }[];
  /** Every column with a distribution: the features, then the customer table's other columns. */
  readonly columns: { name: string; kind: 'numeric' | 'categorical' }[];
  readonly distributions: DashboardDistribution[];
  /** Raw per-segment means of the numeric features (order of `features` filtered to numeric). */
  readonly means: { segment: number; name: string; values: (number | null)[] }[];
  readonly schema: { idColumn: string | null; features: DashboardSchemaFeature[] };
}
