/**
 * The feature half of dashboard.json: each profiled feature's distribution by segment in raw
 * units (numeric: count, min, quartiles, max, mean over every row of the segment, plus a seeded
 * sample of at most {@link DASHBOARD_LIMITS.distributionValues} values for box and violin plots;
 * categorical: counts of the most frequent categories, the rest as '(other)', missing values as
 * '(missing)'), the raw per-segment means of the numeric features, and the predict form's schema
 * (the model's input columns with the data's range, median and a round step, or the categories
 * and the most frequent one).
 *
 * Names: n = input rows, k = segments.
 */
import { createRandom, permutation, quantileSorted, type Table } from '@segmint/engine';
import {
  DASHBOARD_LIMITS,
  type DashboardDistribution,
  type DashboardNumericSegment,
  type DashboardSchemaFeature,
} from '../report/dashboard-types.js';

/** null for NaN and infinities (JSON has no NaN). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function numericSegment(
  segment: number,
  name: string,
  values: number[],
  sampleSize: number,
  seed: number,
): DashboardNumericSegment {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of values) sum += value;
  let sample = values;
  if (values.length > sampleSize) {
    const order = permutation(values.length, createRandom(seed + segment));
    sample = Array.from(order.subarray(0, sampleSize), (i) => values[i]!);
  }
  const quantile = (q: number): number | null =>
    sorted.length === 0 ? null : finiteOrNull(quantileSorted(sorted, q));
  return {
    segment,
    name,
    values: sample,
    count: values.length,
    min: quantile(0),
    q1: quantile(0.25),
    median: quantile(0.5),
    q3: quantile(0.75),
    max: quantile(1),
    mean: values.length === 0 ? null : finiteOrNull(sum / values.length),
  };
}

/**
 * Every column's distribution by segment.
 * @param t - the profiled features in raw units, every input row.
 * @param segments - segment of each row of `t`.
 * @param names - segment names by id (k = names.length).
 */
export function featureDistributions(
  t: Table,
  segments: Int32Array,
  names: readonly string[],
  seed: number,
): DashboardDistribution[] {
  const k = names.length;
  return t.columns.map((column): DashboardDistribution => {
    if (column.kind === 'numeric') {
      const bySegment = Array.from({ length: k }, () => [] as number[]);
      for (let i = 0; i < t.rows; i++) {
        const value = column.values[i]!;
        if (Number.isFinite(value)) bySegment[segments[i]!]?.push(value);
      }
      return {
        feature: column.name,
        kind: 'numeric',
        segments: bySegment.map((values, segment) =>
          numericSegment(
            segment,
            names[segment]!,
            values,
            DASHBOARD_LIMITS.distributionValues,
            seed,
          ),
        ),
      };
    }
    const totals = new Map<string, number>();
    const label = (value: string | null): string => value ?? '(missing)';
    for (const value of column.values)
      totals.set(label(value), (totals.get(label(value)) ?? 0) + 1);
    const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const kept = ranked.slice(0, DASHBOARD_LIMITS.categories).map(([name]) => name);
    const hasOther = ranked.length > kept.length;
    const categories = hasOther ? [...kept, '(other)'] : kept;
    const position = new Map(kept.map((name, index) => [name, index]));
    const counts = Array.from({ length: k }, () => new Array<number>(categories.length).fill(0));
    for (let i = 0; i < t.rows; i++) {
      const index = position.get(label(column.values[i]!)) ?? categories.length - 1;
      const row = counts[segments[i]!];
      if (row) row[index]! += 1;
    }
    return {
      feature: column.name,
      kind: 'categorical',
      categories,
      segments: counts.map((row, segment) => ({ segment, name: names[segment]!, counts: row })),
    };
  });
}

/** Raw per-segment means of the numeric distributions (null when a segment has no value). */
export function segmentMeans(
  distributions: readonly DashboardDistribution[],
  names: readonly string[],
): { segment: number; name: string; values: (number | null)[] }[] {
  const numeric = distributions.filter((d) => d.kind === 'numeric');
  return names.map((name, segment) => ({
    segment,
    name,
    values: numeric.map((d) => d.segments[segment]?.mean ?? null),
  }));
}

/** A round slider step: about a hundredth of the range, 1 for integer columns. */
export function sliderStep(min: number, max: number, integers: boolean): number {
  const range = max - min;
  if (!(range > 0)) return integers ? 1 : 0.01;
  const step = 10 ** Math.floor(Math.log10(range / 100));
  return integers ? Math.max(1, step) : step;
}

/**
 * The predict form's schema: `input` columns (the model pipeline's input, in order) described by
 * the data in `t` (columns absent from `t` get an empty range or no categories).
 */
export function predictSchema(
  input: readonly { name: string; kind: 'numeric' | 'categorical' }[],
  t: Table,
  distributions: readonly DashboardDistribution[],
): DashboardSchemaFeature[] {
  return input.map((column): DashboardSchemaFeature => {
    const data = t.columns.find((c) => c.name === column.name);
    const distribution = distributions.find((d) => d.feature === column.name);
    if (column.kind === 'numeric') {
      const finite: number[] = [];
      if (data?.kind === 'numeric') {
        for (const value of data.values) if (Number.isFinite(value)) finite.push(value);
      }
      const sorted = Float64Array.from(finite).sort();
      const min = sorted.length > 0 ? sorted[0]! : 0;
      const max = sorted.length > 0 ? sorted[sorted.length - 1]! : 0;
      return {
        name: column.name,
        kind: 'numeric',
        min,
        max,
        median: sorted.length > 0 ? quantileSorted(sorted, 0.5) : 0,
        step: sliderStep(
          min,
          max,
          finite.every((value) => Number.isInteger(value)),
        ),
      };
    }
    const categories =
      distribution?.kind === 'categorical'
        ? distribution.categories.filter((c) => c !== '(other)' && c !== '(missing)')
        : [];
    return { name: column.name, kind: 'categorical', categories, mode: categories[0] ?? null };
  });
}
