/**
 * Profiling a fitted segmentation: assign every input row (rows an outlier rule removed while
 * fitting are scored too, through the model's predict path, and flagged), profile the segments
 * on the ORIGINAL-unit features (engine `profileSegments`: sizes, means vs the rest, Cohen's d,
 * lifts, generated names and descriptions), and build the 2-D map of the clustering space.
 *
 * Names: n = input rows, k = segments, X = the fit's clustering matrix (kept rows, p columns).
 */
import {
  crossTabulate,
  NOISE_SEGMENT_NAME,
  segmentRules,
  takeTableRows,
  pca,
  pcaTransform,
  predictSegments,
  profileSegments,
  withSegmentNames,
  type SegmentationFit,
  type SegmentationModel,
  type SegmentPrediction,
  type SegmentProfile,
  type Table,
} from '@segmint/engine';
import type { ReportMap } from '../report/report-types.js';
import { downsamplePoints } from '../report/segment-map-svg.js';
import { stratifiedSample } from './stratified-sample.js';

/** Points kept in the report's map. */
export const MAP_MAX_POINTS = 5000;

/** Every row's segment plus the named model and profiles. */
export interface ProfiledSegments {
  readonly model: SegmentationModel;
  readonly predictions: readonly SegmentPrediction[];
  readonly segments: Int32Array;
  readonly profiles: SegmentProfile[];
}

/**
 * Assigns all rows, profiles the segments and names the model's segments after the profiles.
 * @param t - the selected features in original units, every input row.
 * @param profileColumns - the columns to profile (features minus those dropped for missing values).
 */
export function profileRun(
  fit: Pick<SegmentationFit, 'model' | 'labels' | 'keptRows'>,
  t: Table,
  profileColumns: readonly string[],
  topTraits: number,
): ProfiledSegments {
  const { model } = fit;
  const predictions = fittedPredictions(fit, predictSegments(model, t));
  const segments = Int32Array.from(predictions, (p) => p.segment);
  const profiled = profileSegments(t, segments, { features: profileColumns, topTraits });
  const bySegment = new Map(profiled.map((p) => [p.segment, p]));
  const names = uniqueNames(
    model.segments.map((s) => bySegment.get(s.id)?.name ?? `Segment ${s.id + 1}`),
  );
  const named = withSegmentNames(model, names);
  const profiles = profiled.map((p) => ({ ...p, name: names[p.segment] ?? p.name }));
  return {
    model: named,
    predictions: predictions.map((p) => ({ ...p, segmentName: names[p.segment] ?? p.segmentName })),
    segments,
    profiles,
  };
}

/**
 * Training rows keep the segment they were fitted into: DBSCAN's border points and HDBSCAN's
 * approximate prediction can place a training row elsewhere than the fit did, and the fit is the
 * truth for the data it saw. A row whose fitted segment differs from its prediction takes the
 * fitted segment (noise: name 'Noise', confidence 0).
 */
function fittedPredictions(
  fit: Pick<SegmentationFit, 'model' | 'labels' | 'keptRows'>,
  predictions: SegmentPrediction[],
): SegmentPrediction[] {
  const out = predictions.slice();
  fit.keptRows.forEach((row, i) => {
    const segment = fit.labels[i]!;
    const predicted = out[row]!;
    if (predicted.segment === segment) return;
    out[row] =
      segment < 0
        ? { ...predicted, segment, segmentName: NOISE_SEGMENT_NAME, confidence: 0 }
        : { ...predicted, segment, segmentName: fit.model.segments[segment]!.name };
  });
  return out;
}

/** Rows the rule trees learn from at most (a stratified sample beyond). */
export const RULES_MAX_ROWS = 50_000;

/**
 * Readable rules per segment (engine `segmentRules`: one-vs-rest decision trees of depth 3 on
 * the profiled features in original units), learned on at most {@link RULES_MAX_ROWS} rows
 * sampled per segment; precision and coverage are measured on those rows.
 */
export function segmentRulesFor(
  t: Table,
  profileColumns: readonly string[],
  segments: Int32Array,
  seed: number,
): ReportSegmentRules[] {
  const columns = t.columns.filter((c) => profileColumns.includes(c.name));
  const features: Table = { rows: t.rows, columns };
  const sample = stratifiedSample(segments, RULES_MAX_ROWS, seed);
  const rows = sample.length === t.rows ? features : takeTableRows(features, sample);
  const labels = sample.length === t.rows ? segments : Int32Array.from(sample, (i) => segments[i]!);
  return segmentRules(rows, labels).map((set) => ({
    segment: set.segment,
    rules: set.rules.map((rule) => ({
      text: rule.text,
      precision: rule.precision,
      coverage: rule.coverage,
    })),
  }));
}

/** One segment's rules as report.json stores them. */
export interface ReportSegmentRules {
  readonly segment: number;
  readonly rules: readonly {
    readonly text: string;
    readonly precision: number;
    readonly coverage: number;
  }[];
}

/** Appends " (2)", " (3)", ... to repeated names so every segment is told apart. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** Clusters x named RFM segments: customer counts. */
export function rfmCrossTab(
  segments: Int32Array,
  names: readonly string[],
  rfmSegments: readonly (string | null)[],
): { rows: string[]; columns: string[]; counts: number[][] } {
  return crossTabulate(segments, names, rfmSegments);
}

/**
 * The report's map of the clustering space: its first two PCA axes (the fitted PCA's when the
 * run clusters in PCA space, else a PCA of X), or the single column with y = 0 when p = 1;
 * downsampled to {@link MAP_MAX_POINTS} points with the given seed.
 */
export function segmentMap(fit: SegmentationFit, seed: number): ReportMap {
  const { X, labels, model } = fit;
  let x: Float64Array;
  let y: Float64Array;
  let method: ReportMap['method'] = 'pca';
  let ratio: number[] = [];
  if (X.cols === 1) {
    method = 'identity';
    x = Float64Array.from(X.data);
    y = new Float64Array(X.rows);
  } else if (model.reduction && X.cols >= 2) {
    x = Float64Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols]!);
    y = Float64Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols + 1]!);
    ratio = Array.from(model.reduction.explainedVarianceRatio.subarray(0, 2));
  } else {
    const projection = pca(X, { components: 2 });
    const Z = pcaTransform(projection, X);
    x = Float64Array.from({ length: Z.rows }, (_, i) => Z.data[i * 2]!);
    y = Float64Array.from({ length: Z.rows }, (_, i) => Z.data[i * 2 + 1]!);
    ratio = Array.from(projection.explainedVarianceRatio);
  }
  const sample = downsamplePoints({ x, y, segment: labels }, { maxPoints: MAP_MAX_POINTS, seed });
  return { method, explainedVarianceRatio: ratio, ...sample };
}
