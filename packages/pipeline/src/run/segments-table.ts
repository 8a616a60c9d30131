/**
 * The segment assignment table written to segments.csv / segments.parquet and by predict:
 * first the id (the configured id column, or `row` = 1..n), then `segment` (0-based id, as in
 * model.json and report.json), `segment_name`, `confidence`, `out_of_distribution`, `outlier`
 * (an outlier rule matched; such rows were left out of fitting and are scored by predict), and
 * for RFM runs `recency`, `frequency`, `monetary`, `rfm_score`, `rfm_segment`.
 */
import type { SegmentPrediction } from '@segmint/engine';

/** Columns in the shape `writeTable` takes. */
export interface OutputColumns {
  readonly columns: { name: string; values: ArrayLike<unknown> }[];
}

/** The fixed columns after the id, in order. */
export const ASSIGNMENT_COLUMNS = [
  'segment',
  'segment_name',
  'confidence',
  'out_of_distribution',
  'outlier',
] as const;

/**
 * Builds the assignment columns.
 * @param ids - `{ name, values }` of the id column, or null for row numbers 1..n named `row`.
 * @param extra - further columns appended as given (the RFM columns).
 * @example assignmentColumns(null, predictions).columns.map((c) => c.name)
 *   // ['row', 'segment', 'segment_name', 'confidence', 'out_of_distribution', 'outlier']
 */
export function assignmentColumns(
  ids: { readonly name: string; readonly values: ArrayLike<unknown> } | null,
  predictions: readonly SegmentPrediction[],
  extra: readonly { name: string; values: ArrayLike<unknown> }[] = [],
): OutputColumns {
  const n = predictions.length;
  const id = ids ?? { name: 'row', values: Int32Array.from({ length: n }, (_, i) => i + 1) };
  return {
    columns: [
      { name: id.name, values: id.values },
      { name: 'segment', values: Int32Array.from(predictions, (p) => p.segment) },
      { name: 'segment_name', values: predictions.map((p) => p.segmentName) },
      { name: 'confidence', values: Float64Array.from(predictions, (p) => roundTo(p.confidence)) },
      { name: 'out_of_distribution', values: predictions.map((p) => p.outOfDistribution) },
      { name: 'outlier', values: predictions.map((p) => p.outlier) },
      ...extra,
    ],
  };
}

/** Rounds to 6 decimals (confidence is a heuristic margin; more digits only add noise). */
function roundTo(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
