/**
 * The feature half of dashboard.json: each profiled feature's distribution by segment in raw
 * units (numeric: count, min, quartiles, max, mean over every row of the segment, plus a seeded
 * sample of at most {@link DASHBOARD_LIMITS.distributionValues} values for box and violin plots;
 * categorical: counts of the most frequent categories, the rest as '(other)', missing values as
 * '(missing)'), the raw per-segment means of the numeric features, and the predict form's schema
 * (the model's input columns with the data's range, median and a round step, or the categories
 * and the most frequent one).
 *
 * Quantiles come from selection (select-quantiles.ts), not sorting: at a million rows the
 * summaries cost a few linear passes per feature.
 *
 * Names: n = input rows, k = segments.
 */
import { createRandom, type Table } from '@segmint/engine';
import {
  DASHBOARD_LIMITS,
  type DashboardDistribution,
  type DashboardNumericSegment,
  type DashboardSchemaFeature,
} from '../report/dashboard-types.js';
import { selectQuantiles } from './select-quantiles.js';

/** null for NaN and infinities (JSON has no NaN). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function numericSegment(
  segment: number,
  name: string,
  values: Float64Array,
  sampleSize: number,
  seed: number,
): DashboardNumericSegment {
  const m = values.length;
  let sum = 0;
  for (let i = 0; i < m; i++) sum += values[i]!;
  // Partial Fisher-Yates: the first `sampleSize` entries become a uniform sample without
  // replacement (the reordering does not matter to the quantiles below).
  if (m > sampleSize) {
    const random = createRandom(seed + segment);
    for (let i = 0; i < sampleSize; i++) {
      const j = i + random.int(m - i);
      const t = values[i]!;
      values[i] = values[j]!;
      values[j] = t;
    }
  }
  const sample = Array.from(values.subarray(0, Math.min(m, sampleSize)));
  const [min, q1, median, q3, max] = selectQuantiles(values, [0, 0.25, 0.5, 0.75, 1]).map(
    finiteOrNull,
  );
  return {
    segment,
    name,
    values: sample,
    count: m,
    min: min ?? null,
    q1: q1 ?? null,
    median: median ?? null,
    q3: q3 ?? null,
    max: max ?? null,
    mean: m === 0 ? null : finiteOrNull(sum / m),
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
      // Two passes into typed arrays: count the finite values per segment, then fill.
      const counts = new Int32Array(k);
      for (let i = 0; i < t.rows; i++) {
        const s = segments[i]!;
        if (s >= 0 && s < k && Number.isFinite(column.values[i]!)) counts[s]! += 1;
      }
      const bySegment = Array.from(counts, (count) => new Float64Array(count));
      const filled = new Int32Array(k);
      for (let i = 0; i < t.rows; i++) {
        const s = segments[i]!;
        const value = column.values[i]!;
        if (s >= 0 && s < k && Number.isFinite(value)) bySegment[s]![filled[s]!++] = value;
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
      let integers = true;
      if (data?.kind === 'numeric') {
        for (const value of data.values) {
          if (!Number.isFinite(value)) continue;
          finite.push(value);
          if (integers && !Number.isInteger(value)) integers = false;
        }
      }
      const [min = 0, median = 0, max = 0] =
        finite.length === 0 ? [] : selectQuantiles(Float64Array.from(finite), [0, 0.5, 1]);
      return {
        name: column.name,
        kind: 'numeric',
        min,
        max,
        median,
        step: sliderStep(min, max, integers),
      };
    }
    const categories =
      distribution?.kind === 'categorical'
        ? distribution.categories.filter((c) => c !== '(other)' && c !== '(missing)')
        : [];
    return { name: column.name, kind: 'categorical', categories, mode: categories[0] ?? null };
  });
}
