/**
 * Builds dashboard.json (see report/dashboard-types.ts) at the end of a run: the 3-D PCA map of
 * the clustering space sampled per segment with every compared algorithm's labels, per-sample
 * silhouettes of a stratified sample per algorithm, the features' raw distributions by segment,
 * and the predict form's schema; plus {@link mapCoordinates}, which places new rows on the map.
 *
 * Names: X = a fit's clustering matrix (n kept rows, d columns), Z = X's map coordinates (n, 3).
 * The silhouette of a sample is Rousseeuw's (1987) silhouette computed within the sample (as
 * scikit-learn's `silhouette_score(sample_size=...)`), exact when the sample is every row.
 */
import {
  isSegmintError,
  pca,
  pcaFromJSON,
  pcaToJSON,
  pcaTransform,
  pipelineInputSchema,
  silhouetteSamples,
  tableFromRecords,
  transformPipeline,
  type Matrix,
  type SegmentationFit,
  type SegmentationModel,
  type Table,
} from '@segmint/engine';
import {
  DASHBOARD_FORMAT,
  DASHBOARD_LIMITS,
  DASHBOARD_VERSION,
  type DashboardFile,
  type DashboardProjection,
  type DashboardSilhouette,
  type DashboardUmapSample,
} from '../report/dashboard-types.js';
import {
  featureDistributions,
  finiteOrNull,
  predictSchema,
  segmentMeans,
} from './dashboard-features.js';
import { stratifiedSample } from './stratified-sample.js';

/** What {@link buildDashboard} reads from a finished run. */
export interface DashboardInput {
  readonly runId: string;
  /** Fits in config order (the first is the primary one); all share the kept rows. */
  readonly fits: readonly { algorithm: string; fit: SegmentationFit }[];
  /** The primary model with its segment names. */
  readonly model: SegmentationModel;
  /** The profiled features in raw units, every input row. */
  readonly table: Table;
  /** Primary segment of every input row (outliers included). */
  readonly segments: Int32Array;
  /** Id of each input row, or null (1-based row numbers). */
  readonly ids: readonly (string | number | null)[] | null;
  readonly idColumn: string | null;
  /** Rows in the silhouette sample (the config's `selection.silhouetteSampleSize`). */
  readonly silhouetteSampleSize: number;
  readonly seed: number;
  /** Points kept for the map; default {@link DASHBOARD_LIMITS.projectionPoints}. */
  readonly projectionPoints?: number;
  /** Other columns of the customer table (same rows as `table`), offered as distributions. */
  readonly extraColumns?: Table | null;
}

function rowsOf(X: Matrix, rows: Int32Array): Matrix {
  const d = X.cols;
  const data = new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++)
    data.set(X.data.subarray(rows[r]! * d, rows[r]! * d + d), r * d);
  return { data, rows: rows.length, cols: d };
}

/** The map's 3 coordinates of each row of X (missing axes are 0). */
function toMap(X: Matrix, model: ReturnType<typeof pca> | null): number[][] {
  const Z = model === null ? X : pcaTransform(model, X);
  return Array.from({ length: 3 }, (_, axis) =>
    Array.from({ length: Z.rows }, (_, i) => (axis < Z.cols ? Z.data[i * Z.cols + axis]! : 0)),
  );
}

/**
 * The UMAP input: up to {@link DASHBOARD_LIMITS.umapPoints} of the projection's points, stratified
 * by segment, with their clustering-space values.
 */
function umapSample(input: DashboardInput, sample: Int32Array): DashboardUmapSample {
  const primary = input.fits[0]!.fit;
  const labels = Int32Array.from(sample, (i) => primary.labels[i]!);
  const index = stratifiedSample(labels, DASHBOARD_LIMITS.umapPoints, input.seed);
  const rows = rowsOf(
    primary.X,
    Int32Array.from(index, (j) => sample[j]!),
  );
  return { index: Array.from(index), cols: rows.cols, data: Array.from(rows.data) };
}

function projectionSample(input: DashboardInput): Int32Array {
  return stratifiedSample(
    input.fits[0]!.fit.labels,
    input.projectionPoints ?? DASHBOARD_LIMITS.projectionPoints,
    input.seed,
  );
}

function projection(input: DashboardInput, sample: Int32Array): DashboardProjection {
  const primary = input.fits[0]!.fit;
  const { X, keptRows } = primary;
  const model = X.cols >= 2 ? pca(X, { components: Math.min(3, X.cols) }) : null;
  const [x, y, z] = toMap(rowsOf(X, sample), model);
  const id = Array.from(sample, (i) => {
    const row = keptRows[i]!;
    return input.ids === null ? String(row + 1) : String(input.ids[row] ?? '');
  });
  const labels: Record<string, number[]> = {};
  for (const { algorithm, fit } of input.fits) {
    labels[algorithm] = Array.from(sample, (i) => fit.labels[i]!);
  }
  return {
    method: model === null ? 'identity' : 'pca',
    dims: Math.min(3, X.cols),
    explainedVarianceRatio: model === null ? [] : Array.from(model.explainedVarianceRatio),
    pca: model === null ? null : pcaToJSON(model),
    total: X.rows,
    id,
    x: x!,
    y: y!,
    z: z!,
    labels,
  };
}

/**
 * One algorithm's silhouette plot: per-sample silhouettes of a stratified sample of at most
 * `sampleSize` clustered rows (noise, label -1, has no silhouette and is left out), sorted
 * descending within each segment. Fewer than two segments: values 0 and average null.
 * @example silhouettePlot('kmeans', fit, ['Savers', 'Spenders'], 2000, 0).average
 */
export function silhouettePlot(
  algorithm: string,
  fit: Pick<SegmentationFit, 'X' | 'labels'> & {
    readonly model: Pick<SegmentationModel, 'segments'>;
  },
  names: readonly string[],
  sampleSize: number,
  seed: number,
): DashboardSilhouette {
  const clustered: number[] = [];
  for (let i = 0; i < fit.labels.length; i++) if (fit.labels[i]! >= 0) clustered.push(i);
  const clusteredLabels = Int32Array.from(clustered, (i) => fit.labels[i]!);
  const sample = Int32Array.from(
    stratifiedSample(clusteredLabels, sampleSize, seed),
    (j) => clustered[j]!,
  );
  const labels = Int32Array.from(sample, (i) => fit.labels[i]!);
  let values: Float64Array | null = null;
  if (new Set(labels).size >= 2) {
    try {
      values = silhouetteSamples(rowsOf(fit.X, sample), labels);
    } catch (error) {
      // A degenerate sample (e.g. every row identical) has no silhouette: show none.
      if (!isSegmintError(error)) throw error;
    }
  }
  let k = fit.model.segments.length;
  for (const label of labels) k = Math.max(k, label + 1);
  const bySegment = Array.from({ length: k }, () => [] as number[]);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const value = values === null ? 0 : values[i]!;
    sum += value;
    bySegment[labels[i]!]!.push(value);
  }
  return {
    algorithm,
    method: sample.length === clustered.length ? 'exact' : 'sample',
    average: values === null || labels.length === 0 ? null : finiteOrNull(sum / labels.length),
    total: clustered.length,
    shown: sample.length,
    segments: bySegment.map((list, segment) => ({
      segment,
      name: names[segment] ?? `Segment ${segment + 1}`,
      values: list.sort((a, b) => b - a),
    })),
  };
}

/**
 * dashboard.json's content for a finished run.
 * @throws SegmintError from the engine (PCA, silhouette) only for inputs a run never produces.
 * @example const dashboard = buildDashboard({ runId, fits, model, table, segments, ... });
 */
export function buildDashboard(input: DashboardInput): DashboardFile {
  const primary = input.fits[0];
  if (primary === undefined) throw new Error('buildDashboard: no fitted algorithm');
  const names = input.model.segments.map((s) => s.name);
  const sample = projectionSample(input);
  const extra = input.extraColumns?.rows === input.table.rows ? input.extraColumns.columns : [];
  const everyColumn: Table = {
    rows: input.table.rows,
    columns: [...input.table.columns, ...extra],
  };
  const distributions = featureDistributions(everyColumn, input.segments, names, input.seed);
  return {
    format: DASHBOARD_FORMAT,
    version: DASHBOARD_VERSION,
    runId: input.runId,
    primaryAlgorithm: primary.algorithm,
    algorithms: input.fits.map((f) => f.algorithm),
    segmentNames: names,
    projection: projection(input, sample),
    umapSample: umapSample(input, sample),
    silhouette: input.fits.map(({ algorithm, fit }) =>
      silhouettePlot(
        algorithm,
        fit,
        algorithm === primary.algorithm ? names : [],
        input.silhouetteSampleSize,
        input.seed,
      ),
    ),
    features: input.table.columns.map((c) => ({ name: c.name, kind: c.kind })),
    columns: everyColumn.columns.map((c) => ({ name: c.name, kind: c.kind })),
    distributions,
    means: segmentMeans(
      distributions.filter((d) => input.table.columns.some((c) => c.name === d.feature)),
      names,
    ),
    schema: {
      idColumn: input.idColumn,
      features: predictSchema(
        pipelineInputSchema(input.model.pipeline),
        input.table,
        distributions,
      ),
    },
  };
}

/**
 * New rows in the model's clustering space (its preprocessing in predict mode, then its PCA when
 * it has one): what the run's maps are computed from.
 * @throws SegmintError as `predictSegments` does for values that cannot be transformed.
 * @example clusteringRows(model, [{ Income: 52000 }]).cols // the model's clustering columns
 */
export function clusteringRows(
  model: SegmentationModel,
  records: readonly Record<string, unknown>[],
): Matrix {
  const t = tableFromRecords(records, pipelineInputSchema(model.pipeline));
  const result = transformPipeline(model.pipeline, t, { mode: 'predict' });
  return model.reduction ? pcaTransform(model.reduction, result.X) : result.X;
}

/**
 * Places rows on a run's map: the model's preprocessing (predict mode) and reduction, then the
 * dashboard's PCA. Returns 3 numbers per row (missing axes 0).
 * @param records - one object per row with the model's input columns.
 * @throws SegmintError as `predictSegments` does for values that cannot be transformed;
 *   INVALID_MODEL for a malformed PCA in dashboard.json.
 * @example mapCoordinates(model, dashboard.projection, [{ Income: 52000 }])[0] // [x, y, z]
 */
export function mapCoordinates(
  model: SegmentationModel,
  projectionData: Pick<DashboardProjection, 'pca'>,
  records: readonly Record<string, unknown>[],
): number[][] {
  return mapCoordinatesOf(clusteringRows(model, records), projectionData);
}

/**
 * {@link mapCoordinates} for rows already in the clustering space (see {@link clusteringRows}).
 * @throws SegmintError INVALID_MODEL for a malformed PCA in dashboard.json.
 */
export function mapCoordinatesOf(
  X: Matrix,
  projectionData: Pick<DashboardProjection, 'pca'>,
): number[][] {
  const map = projectionData.pca === null ? null : pcaFromJSON(projectionData.pca);
  const [x, y, z] = toMap(X, map);
  return Array.from({ length: X.rows }, (_, i) => [x![i]!, y![i]!, z![i]!]);
}
