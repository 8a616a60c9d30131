/**
 * TypeScript types of every HTTP response the dashboard reads, written by hand: the web app talks
 * HTTP and never imports @segmint/* packages (lint rule), so these mirror
 * packages/server/src/routes/*-schemas.ts (zod), packages/server/src/routes/models.ts and
 * packages/pipeline/src/report/report-types.ts (report.json). Keep them in step with those files.
 *
 * Conventions: every field is readonly (responses are data, never mutated); numbers that the
 * server writes as JSON `null` when non-finite (NaN curve values in report.json) are typed
 * `number | null`.
 */

// ---------------------------------------------------------------------------------------------
// Errors

/** `{ error: { code, message, details } }`, the body of every error response (4xx/5xx). */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: Readonly<Record<string, unknown>>;
  };
}

/** A soft failure reported by the engine (`EstimatorWarning`). */
export interface EstimatorWarning {
  /** Stable SCREAMING_SNAKE_CASE identifier, e.g. `'EMPTY_CLUSTER_RESEEDED'`. */
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

// ---------------------------------------------------------------------------------------------
// Datasets

/** A dataset (`POST /api/datasets` 201, `GET /api/datasets/:id`, items of the list). */
export interface Dataset {
  readonly id: string;
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly format: string;
  readonly origin: 'upload' | 'registered';
  readonly createdAt: string;
}

/** `GET /api/datasets`. */
export interface DatasetList {
  readonly datasets: readonly Dataset[];
}

/** The role the profiler guessed for a column. */
export type ColumnRole = 'id' | 'numeric' | 'categorical' | 'date' | 'text';

/** One column's profile. */
export interface ColumnProfile {
  readonly name: string;
  readonly type: string;
  readonly role: ColumnRole;
  readonly count: number;
  readonly missing: number;
  readonly missingShare: number;
  readonly distinct: number;
  readonly min: number | string | null;
  readonly max: number | string | null;
  readonly mean: number | null;
  readonly std: number | null;
  readonly quantiles: {
    readonly p5: number;
    readonly p25: number;
    readonly p50: number;
    readonly p75: number;
    readonly p95: number;
  } | null;
  readonly top: readonly { readonly value: string; readonly count: number }[];
  /** `edges` has `counts.length + 1` entries. */
  readonly histogram: {
    readonly edges: readonly number[];
    readonly counts: readonly number[];
  } | null;
}

/** `GET /api/datasets/:id/profile`. */
export interface DatasetProfile {
  readonly columns: readonly ColumnProfile[];
}

/** `GET /api/datasets/:id/rows?offset&limit` (limit <= 1000). */
export interface DatasetRows {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

// ---------------------------------------------------------------------------------------------
// Runs

/** Run states (Contract). */
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

/** Statuses after which a run never changes again. */
export const FINISHED_RUN_STATUSES: readonly RunStatus[] = [
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
];

/** A run (`GET /api/runs/:id`, items of `GET /api/runs`). `progress` is in [0, 1]. */
export interface Run {
  readonly id: string;
  readonly status: RunStatus;
  readonly progress: number;
  readonly error?: { readonly code: string; readonly message: string; readonly details?: unknown };
  readonly modelId?: string;
  readonly datasetId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** `GET /api/runs`. */
export interface RunList {
  readonly runs: readonly Run[];
}

/** 202 body of `POST /api/runs`, `/cancel` and `/rerun`. */
export interface AcceptedRun {
  readonly id: string;
  readonly status: RunStatus;
}

/** `POST /api/runs` body: config without `source`/`output` (object, `{ yaml }` or YAML text). */
export interface CreateRunBody {
  readonly datasetId: string;
  readonly config: string | Readonly<Record<string, unknown>>;
}

/** A step of a run, in run order. */
export type RunStep =
  | 'load'
  | 'features'
  | 'clean'
  | 'encode'
  | 'reduce'
  | 'select'
  | 'fit'
  | 'evaluate'
  | 'profile'
  | 'write';

/** Every step, in run order. */
export const RUN_STEPS: readonly RunStep[] = [
  'load',
  'features',
  'clean',
  'encode',
  'reduce',
  'select',
  'fit',
  'evaluate',
  'profile',
  'write',
];

/** A pipeline progress event: each step emits 'start', zero or more 'progress', then 'done'. */
export interface ProgressEvent {
  readonly step: RunStep;
  readonly status: 'start' | 'progress' | 'done';
  /** Fraction within the step, in [0, 1] (only on 'progress'). */
  readonly fraction?: number;
  readonly message: string;
}

/**
 * Server-sent events of `GET /api/runs/:id/events`: `event: progress` (data: a
 * {@link ProgressEvent}, `id:` its sequence number, honours Last-Event-ID) and `event: status`
 * (data: `{ status }` while running, the full {@link Run} when finished; the stream then closes).
 */
export type RunStreamEvent =
  | { readonly type: 'progress'; readonly seq: number; readonly event: ProgressEvent }
  | { readonly type: 'status'; readonly data: { readonly status: RunStatus } | Run };

// ---------------------------------------------------------------------------------------------
// Run results

/** One assignment row (Contract fields; more columns when present). */
export interface SegmentRow {
  readonly id: unknown;
  readonly segment: number;
  readonly segmentName: string;
  readonly confidence: number | null;
  readonly outOfDistribution?: boolean;
  readonly outlier?: boolean;
  readonly [column: string]: unknown;
}

/** `GET /api/runs/:id/segments?segment&offset&limit`. */
export interface SegmentPage {
  readonly total: number;
  readonly rows: readonly SegmentRow[];
}

/**
 * `GET /api/runs/:id/projection?dims=2|3&algorithm=&maxPoints=`: PCA coordinates of the
 * (possibly sampled) rows. `x`, `y`, `segment`, `id` (and `z` when dims = 3) have one entry per
 * shown point. `points` is the older shape, kept by the server.
 */
export interface Projection {
  readonly method: string;
  readonly dims?: number;
  /** Whose labels colour the points. */
  readonly algorithm?: string;
  readonly explainedVarianceRatio: readonly number[];
  readonly total: number;
  readonly shown?: number;
  readonly sampled: boolean;
  /** Plain-language statement, e.g. "Showing 50,000 of 1,000,000 points, sampled per segment". */
  readonly sampling?: string;
  readonly x?: readonly number[];
  readonly y?: readonly number[];
  readonly z?: readonly number[];
  readonly segment?: readonly number[];
  readonly id?: readonly string[];
  readonly points?: readonly { readonly x: number; readonly y: number; readonly segment: number }[];
}

/** `GET /api/runs/:id/silhouette?algorithm=`: per-point silhouettes, descending per segment. */
export interface SilhouetteResponse {
  readonly algorithm: string;
  readonly method: 'exact' | 'sample';
  /** Mean silhouette; null when it could not be computed (one segment). */
  readonly average: number | null;
  readonly total: number;
  readonly shown: number;
  readonly segments: readonly {
    readonly segment: number;
    readonly name: string;
    readonly values: readonly number[];
  }[];
}

/** Numeric branch of `GET /api/runs/:id/distribution?feature=` (raw units). */
export interface NumericDistribution {
  readonly feature: string;
  readonly kind: 'numeric';
  readonly segments: readonly {
    readonly segment: number;
    readonly name: string;
    /** A sample of at most 2,000 values per segment. */
    readonly values: readonly number[];
    /** Rows of the segment with a value (the sample may be smaller). */
    readonly count?: number;
    /** Summary statistics, null when the segment has no value. */
    readonly min: number | null;
    readonly q1: number | null;
    readonly median: number | null;
    readonly q3: number | null;
    readonly max: number | null;
    readonly mean: number | null;
  }[];
}

/** Categorical branch of `GET /api/runs/:id/distribution?feature=`. */
export interface CategoricalDistribution {
  readonly feature: string;
  readonly kind: 'categorical';
  readonly categories: readonly string[];
  readonly segments: readonly {
    readonly segment: number;
    readonly name: string;
    /** Count per category, aligned with `categories`. */
    readonly counts: readonly number[];
  }[];
}

/** `GET /api/runs/:id/distribution?feature=`. */
export type DistributionResponse = NumericDistribution | CategoricalDistribution;

/** `GET /api/runs/:id/features`: the run's features and raw per-segment means of numeric ones. */
export interface FeaturesResponse {
  readonly features: readonly { readonly name: string; readonly kind: 'numeric' | 'categorical' }[];
  /** `values` aligned with the numeric entries of `features`, in order; null when undefined. */
  readonly means: readonly {
    readonly segment: number;
    readonly name: string;
    readonly values: readonly (number | null)[];
  }[];
}

/**
 * `GET /api/runs/:id/dendrogram` (hierarchical runs only; 404 otherwise): SciPy's
 * `dendrogram()` output. Each link i is drawn through the 4 points (icoord[i][j], dcoord[i][j]).
 */
export interface DendrogramResponse {
  readonly icoord: readonly (readonly number[])[];
  readonly dcoord: readonly (readonly number[])[];
  /** Leaf order (row or cluster ids), left to right. */
  readonly leaves: readonly number[];
  /** SciPy's leaf labels: the row id, or "(size)" for a truncated cluster (engine Dendrogram). */
  readonly leafLabels?: readonly string[];
  /** Rows under each leaf. */
  readonly leafSizes?: readonly number[];
  /**
   * Colour group of each link (aligned with icoord): -1 above the cut (SciPy's 'C0'), else an
   * index in [0, 9) into SciPy's palette 'C1'..'C9' (wraps beyond 9 clusters).
   */
  readonly colors?: readonly number[];
  /** Height of the cut that gives the run's segments, or null. */
  readonly cutHeight?: number | null;
  /** Leaves shown when the tree was truncated, else null. */
  readonly truncatedTo?: number | null;
  /** Rows clustered (leaves before truncation). */
  readonly rows?: number;
  readonly algorithm?: string;
  readonly linkage?: string;
  /** Leaf labels under another name (older shape). */
  readonly labels?: readonly string[];
  /** Segment of each link (aligned with icoord), -1 above the cut, when the server sends it. */
  readonly linkSegments?: readonly number[];
  /** SciPy's colour name per link ('C0' above the cut), when the server sends it. */
  readonly colorList?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// report.json (GET /api/runs/:id/report)

/** A k-selection criterion. */
export type SelectionCriterion = 'elbow' | 'silhouette' | 'calinski-harabasz' | 'davies-bouldin';

/** Criterion curves over the candidate ks (null where a criterion could not be computed). */
export interface SelectionCurves {
  /** Candidate cluster counts, strictly increasing. */
  readonly k: readonly number[];
  readonly inertia: readonly (number | null)[];
  readonly silhouette: readonly (number | null)[];
  readonly silhouetteLower: readonly (number | null)[];
  readonly silhouetteUpper: readonly (number | null)[];
  readonly calinskiHarabasz: readonly (number | null)[];
  readonly daviesBouldin: readonly (number | null)[];
}

/** One criterion's vote: `k` null means it abstained (`reason` says why). */
export interface CriterionVote {
  readonly criterion: SelectionCriterion;
  readonly k: number | null;
  readonly score: number | null;
  readonly reason?: string;
}

/** How sure the recommendation is. */
export type SelectionVerdict = 'clear' | 'weak' | 'no-clear-structure';

/** The recommended k and why. */
export interface SelectionRecommendation {
  readonly k: number | null;
  readonly verdict: SelectionVerdict;
  readonly agreement: { readonly agreeing: number; readonly total: number };
  /** One line for people: "k = 5, 3 of 4 criteria agree". */
  readonly summary: string;
  readonly reasons: readonly string[];
}

/** How k was chosen (present when the config gave a k range). */
export interface ReportSelection {
  readonly kRange: readonly [number, number];
  readonly criteria: readonly string[];
  readonly curves: SelectionCurves;
  readonly knee: number | null;
  readonly votes: readonly CriterionVote[];
  readonly recommendation: SelectionRecommendation;
  readonly silhouetteMethod: 'exact' | 'stratified-sample';
}

/** Quality of one fitted algorithm at the chosen k. */
export interface ReportAlgorithm {
  readonly algorithm: string;
  readonly k: number;
  /** Training rows labelled noise (dbscan, hdbscan); absent in older reports. */
  readonly noise?: number;
  readonly inertia: number | null;
  readonly iterations: number;
  readonly converged: boolean;
  readonly silhouette: number | null;
  readonly silhouetteLower: number | null;
  readonly silhouetteUpper: number | null;
  readonly silhouetteMethod: 'exact' | 'stratified-sample';
  readonly calinskiHarabasz: number | null;
  readonly daviesBouldin: number | null;
  readonly sizes: readonly number[];
  readonly warnings: readonly EstimatorWarning[];
}

/** One numeric feature of a segment profile. */
export interface ReportNumericTrait {
  readonly feature: string;
  readonly mean: number | null;
  readonly median: number | null;
  readonly std: number | null;
  readonly overallMean: number | null;
  readonly overallStd: number | null;
  readonly restMean: number | null;
  readonly z: number | null;
  readonly cohenD: number | null;
}

/** One categorical value of a segment profile. */
export interface ReportCategoricalTrait {
  readonly feature: string;
  readonly value: string;
  readonly share: number;
  readonly overallShare: number;
  readonly lift: number | null;
}

/** One segment's profile. */
export interface ReportSegment {
  readonly segment: number;
  readonly size: number;
  readonly share: number;
  readonly name: string;
  readonly description: string;
  readonly numeric: readonly ReportNumericTrait[];
  readonly categorical: readonly ReportCategoricalTrait[];
  readonly topTraits: readonly {
    readonly feature: string;
    readonly kind: 'numeric' | 'categorical';
    readonly text: string;
    readonly effect: number;
  }[];
  /**
   * Readable rules that pick the segment out, with precision (share of matching rows in the
   * segment) and coverage (share of the segment matched); absent in reports before rules existed.
   */
  readonly rules?: readonly {
    readonly text: string;
    readonly precision: number;
    readonly coverage: number;
  }[];
}

/** RFM facts (present when the config has a `transactions` block). */
export interface ReportRfm {
  readonly customers: number;
  readonly transactions: number;
  readonly droppedNoCustomer: number;
  readonly droppedNonPositive: number;
  readonly asOf: string;
  readonly warnings: readonly EstimatorWarning[];
  /** Clusters (rows, by segment name) x named RFM segments (columns): customer counts. */
  readonly crossTab: {
    readonly rows: readonly string[];
    readonly columns: readonly string[];
    readonly counts: readonly (readonly number[])[];
  };
}

/** The 2-D PCA map of the prepared data (downsampled to at most 5,000 points). */
export interface ReportMap {
  readonly method: 'pca' | 'identity';
  readonly explainedVarianceRatio: readonly number[];
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly segment: readonly number[];
  readonly total: number;
}

/** report.json (`format: 'segmint.report'`, `version: 1`). */
export interface RunReport {
  readonly format: 'segmint.report';
  readonly version: 1;
  readonly runId: string;
  readonly createdAt: string;
  readonly source: {
    readonly file: string;
    readonly format: string;
    readonly rows: number;
    readonly columns: number;
  };
  readonly rows: { readonly input: number; readonly fitted: number; readonly outliers: number };
  readonly features: {
    readonly numeric: readonly string[];
    readonly categorical: readonly string[];
    readonly derived: readonly string[];
    readonly prepared: readonly string[];
  };
  readonly cleaning: readonly string[];
  readonly selection: ReportSelection | null;
  readonly k: number;
  readonly primaryAlgorithm: string;
  readonly algorithms: readonly ReportAlgorithm[];
  readonly agreement: readonly {
    readonly a: string;
    readonly b: string;
    readonly adjustedRandIndex: number | null;
  }[];
  readonly segments: readonly ReportSegment[];
  readonly map: ReportMap | null;
  readonly rfm: ReportRfm | null;
  /** The first agglomerative fit's dendrogram (truncated to 40 leaves), when one ran. */
  readonly dendrogram?: DendrogramResponse | null;
  readonly warnings: readonly EstimatorWarning[];
}

// ---------------------------------------------------------------------------------------------
// Models and predictions

/** A model's metadata (`GET /api/models/:id`, items of `GET /api/models`). */
export interface Model {
  readonly id: string;
  readonly runId: string;
  readonly createdAt: string;
  readonly algorithm: string;
  readonly idColumn: string | null;
  readonly input: readonly { readonly name: string; readonly kind: 'numeric' | 'categorical' }[];
  readonly features: {
    readonly numeric: readonly string[];
    readonly categorical: readonly string[];
  };
  readonly derived: readonly string[];
  readonly rfm: boolean;
  readonly trainingRows: number;
  readonly segments: readonly {
    readonly id: number;
    readonly name: string;
    readonly size: number;
  }[];
}

/** `GET /api/models`. */
export interface ModelList {
  readonly models: readonly Model[];
}

/** One field of the predict form. */
export type ModelSchemaFeature =
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
      readonly categories: readonly string[];
      /**
       * Most common category. The server's zod schema allows null (a column with no value);
       * typed non-null until the predict form handles that case.
       */
      readonly mode: string;
    };

/** `GET /api/models/:id/schema`: what the predict form asks for. */
export interface ModelSchema {
  readonly idColumn: string | null;
  readonly features: readonly ModelSchemaFeature[];
}

/** `POST /api/models/:id/predict` body (JSON form). */
export interface PredictBody {
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** One prediction. */
export interface Prediction {
  readonly id?: unknown;
  readonly segment: number;
  readonly segmentName: string;
  readonly confidence: number;
  readonly outOfDistribution: boolean;
  readonly outlier?: boolean;
  /** With `?coordinates=true`: the row in the run's 3-D PCA projection space (3 numbers). */
  readonly coordinates?: readonly number[];
  /** With `?coordinates=true`, once the run's UMAP map exists: the row placed on it (2 numbers). */
  readonly umapCoordinates?: readonly number[];
}

/** `POST /api/models/:id/predict` response (JSON). */
export interface PredictResponse {
  readonly predictions: readonly Prediction[];
}

// ---------------------------------------------------------------------------------------------
// Config

/** `GET /api/config/defaults`: a default run config (no source/output). */
export type ConfigDefaults = Readonly<Record<string, unknown>>;

/** `GET /api/config/schema`: the JSON Schema of the run config. */
export type ConfigJsonSchema = Readonly<Record<string, unknown>>;
