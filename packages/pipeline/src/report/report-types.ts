/**
 * The run report: everything a person (report.html) or a program (report.json, the dashboard)
 * needs to judge a segmentation: how k was chosen and how sure that is, how the algorithms
 * compare, what each segment looks like, how the data was cleaned, and (for RFM runs) how the
 * clusters relate to the classic RFM segments.
 *
 * In report.json, non-finite numbers (NaN curves where a criterion could not be computed) are
 * written as null.
 */
import type {
  CriterionVote,
  EstimatorWarning,
  SelectionCurves,
  SelectionRecommendation,
} from '@segmint/engine';

import type { ReportContinuity } from '../run/continuity-stage.js';
import type { RunDendrogram } from '../run/dendrogram-stage.js';
import type { ReportStability } from '../run/stability-stage.js';

/** Format tag of report.json. */
export const REPORT_FORMAT = 'segmint.report';
/** Version of report.json this package writes. */
export const REPORT_VERSION = 1;

/** One segment's profile (the engine's `SegmentProfile` shape). */
export interface ReportSegment {
  readonly segment: number;
  readonly size: number;
  readonly share: number;
  readonly name: string;
  readonly description: string;
  readonly numeric: readonly {
    readonly feature: string;
    readonly mean: number;
    readonly median: number;
    readonly std: number;
    readonly overallMean: number;
    readonly overallStd: number;
    readonly restMean: number;
    readonly z: number;
    readonly cohenD: number;
  }[];
  readonly categorical: readonly {
    readonly feature: string;
    readonly value: string;
    readonly share: number;
    readonly overallShare: number;
    readonly lift: number;
  }[];
  readonly topTraits: readonly {
    readonly feature: string;
    readonly kind: 'numeric' | 'categorical';
    readonly text: string;
    readonly effect: number;
  }[];
  /**
   * Readable rules that pick the segment out ("Income > 70,000 and Kidhome = 0"), from a shallow
   * one-vs-rest decision tree: precision = share of matching rows in the segment, coverage =
   * share of the segment matched. Best first; empty when no rule separates the segment.
   */
  readonly rules: readonly {
    readonly text: string;
    readonly precision: number;
    readonly coverage: number;
  }[];
}

/** How k was chosen (present when the config gave a k range). */
export interface ReportSelection {
  readonly kRange: readonly [number, number];
  readonly criteria: readonly string[];
  readonly curves: SelectionCurves;
  /** The knee of the inertia curve (a k), or null. */
  readonly knee: number | null;
  readonly votes: readonly CriterionVote[];
  readonly recommendation: SelectionRecommendation;
  /** 'exact' or 'stratified-sample' (beyond `silhouetteSampleSize` rows). */
  readonly silhouetteMethod: 'exact' | 'stratified-sample';
}

/** Quality of one fitted algorithm at the chosen k. */
export interface ReportAlgorithm {
  readonly algorithm: string;
  /** Segments found (noise excluded). */
  readonly k: number;
  /** Training rows labelled noise (dbscan, hdbscan; 0 otherwise). */
  readonly noise: number;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly silhouette: number;
  readonly silhouetteLower: number;
  readonly silhouetteUpper: number;
  readonly silhouetteMethod: 'exact' | 'stratified-sample';
  readonly calinskiHarabasz: number;
  readonly daviesBouldin: number;
  readonly sizes: readonly number[];
  readonly warnings: readonly EstimatorWarning[];
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
  /** Share of the prepared data's variance along each axis (empty for 'identity'). */
  readonly explainedVarianceRatio: readonly number[];
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly segment: readonly number[];
  /** Points before downsampling. */
  readonly total: number;
}

/** report.json. */
export interface RunReport {
  readonly format: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly runId: string;
  readonly createdAt: string;
  readonly source: {
    readonly file: string;
    readonly format: string;
    readonly rows: number;
    readonly columns: number;
  };
  /** Rows in (customers), rows used for fitting, rows removed by outlier rules when fitting. */
  readonly rows: { readonly input: number; readonly fitted: number; readonly outliers: number };
  readonly features: {
    readonly numeric: readonly string[];
    readonly categorical: readonly string[];
    readonly derived: readonly string[];
    /** Columns of the prepared matrix (after encoding, before PCA). */
    readonly prepared: readonly string[];
  };
  /** What cleaning did, one line each ("Filled 24 missing values in numeric "Income" ..."). */
  readonly cleaning: readonly string[];
  readonly selection: ReportSelection | null;
  /** The number of segments fitted. */
  readonly k: number;
  /** The algorithm whose segments are written (the first listed). */
  readonly primaryAlgorithm: string;
  readonly algorithms: readonly ReportAlgorithm[];
  /** Adjusted Rand index between every pair of algorithms (empty with one algorithm). */
  readonly agreement: readonly {
    readonly a: string;
    readonly b: string;
    readonly adjustedRandIndex: number;
  }[];
  readonly segments: readonly ReportSegment[];
  readonly map: ReportMap | null;
  /** Jaccard stability of the primary algorithm's segments over refits on subsamples. */
  readonly stability: ReportStability;
  /** Re-runs (`previousRun`): which segments continue which, and who moved; else null. */
  readonly continuity: ReportContinuity | null;
  /** The first agglomerative fit's dendrogram (truncated for large n), or null. */
  readonly dendrogram: RunDendrogram | null;
  readonly rfm: ReportRfm | null;
  readonly warnings: readonly EstimatorWarning[];
}

/**
 * report.json text: pretty-printed, non-finite numbers as null, typed arrays as arrays.
 * @example JSON.parse(reportToJSONText(report)).format // 'segmint.report'
 */
export function reportToJSONText(report: RunReport): string {
  return `${JSON.stringify(
    report,
    (_key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) return null;
      if (ArrayBuffer.isView(value) && !(value instanceof DataView))
        return Array.from(value as unknown as ArrayLike<number>);
      return value;
    },
    2,
  )}\n`;
}
