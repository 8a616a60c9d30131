/**
 * The numbers behind a segment profile, in the original units of each feature, for every
 * segment against the rest of the customers.
 *
 * Names used below: n = rows of the table (noise rows included), k = segments, g = one
 * segment, "rest" = every row not in g (other segments and noise), m = a mean, s = a sample
 * standard deviation (ddof = 1; 0 for fewer than two values), SS = a sum of squared deviations.
 *
 * Missing values (NaN) are left out of a numeric feature's statistics. The rest's variance
 * comes from the decomposition of the total sum of squares (the one-way ANOVA identity,
 * Fisher 1925): SS_total = SS_g + n_g (m_g - m)^2 + SS_rest + n_rest (m_rest - m)^2, so every
 * feature costs two passes over the rows plus one sort per segment for the median.
 */
import { quantileSorted } from '../matrix/stats.js';
import { cohenD, cohenH } from './effect-size.js';

/** One numeric feature of one segment, against the rest and the whole table. */
export interface NumericTrait {
  readonly feature: string;
  /** Mean over the segment's non-missing values (NaN when the segment has none). */
  readonly mean: number;
  readonly median: number;
  /** Sample standard deviation (ddof = 1) within the segment. */
  readonly std: number;
  /** Mean and sample standard deviation over every non-missing value of the table. */
  readonly overallMean: number;
  readonly overallStd: number;
  /** Mean over the rows outside the segment (the overall mean when there are none). */
  readonly restMean: number;
  /** (mean - restMean) / overallStd; 0 when undefined. */
  readonly z: number;
  /** Cohen's d against the rest with the pooled standard deviation; see `cohenD`. */
  readonly cohenD: number;
}

/** One value of one categorical feature in one segment. */
export interface CategoricalTrait {
  readonly feature: string;
  readonly value: string;
  /** Share of the segment's rows holding the value (missing values count in the denominator). */
  readonly share: number;
  /** Share of all rows holding the value. */
  readonly overallShare: number;
  /** share / overallShare. */
  readonly lift: number;
  /** Cohen's h of the segment's share against the rest's share (0 when there is no rest). */
  readonly cohenH: number;
}

/** Rows of each segment: the grouping every feature's statistics reuse. */
export interface SegmentGrouping {
  /** Label values of the segments, ascending (labels that never occur have no segment). */
  readonly segments: readonly number[];
  /** Row indices of each segment, in row order. */
  readonly rows: readonly Int32Array[];
  /** Rows in the whole table, noise included. */
  readonly total: number;
}

/** Most frequent values of a categorical feature kept per segment profile. */
export const MAX_CATEGORY_VALUES = 30;

/** Groups row indices by label; rows labelled `noiseLabel` belong to no segment. */
export function groupRows(labels: ArrayLike<number>, noiseLabel: number): SegmentGrouping {
  const n = labels.length;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (label !== noiseLabel) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const segments = [...counts.keys()].sort((a, b) => a - b);
  const slot = new Map(segments.map((label, g) => [label, g]));
  const rows = segments.map((label) => new Int32Array(counts.get(label)!));
  const fill = new Int32Array(segments.length);
  for (let i = 0; i < n; i++) {
    const g = slot.get(labels[i]!);
    if (g !== undefined) rows[g]![fill[g]!++] = i;
  }
  return { segments, rows, total: n };
}

/** Statistics of one numeric feature for every segment (one entry per segment, in order). */
export function numericTraits(
  feature: string,
  values: Float64Array,
  grouping: SegmentGrouping,
): NumericTrait[] {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isNaN(x)) {
      count++;
      sum += x;
    }
  }
  const m = count > 0 ? sum / count : NaN;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isNaN(x)) total += (x - m) * (x - m);
  }
  const overallStd = count > 1 ? Math.sqrt(total / (count - 1)) : 0;
  return grouping.rows.map((rows) => {
    const sorted = new Float64Array(rows.length);
    let ng = 0;
    let sumG = 0;
    for (let r = 0; r < rows.length; r++) {
      const x = values[rows[r]!]!;
      if (!Number.isNaN(x)) {
        sorted[ng++] = x;
        sumG += x;
      }
    }
    const own = sorted.subarray(0, ng).sort();
    const mg = ng > 0 ? sumG / ng : NaN;
    let ssG = 0;
    for (let r = 0; r < ng; r++) ssG += (own[r]! - mg) * (own[r]! - mg);
    const nRest = count - ng;
    const mRest = nRest > 0 ? (sum - sumG) / nRest : m;
    let ssRest = 0;
    if (nRest > 0) {
      const between = ng > 0 ? ng * (mg - m) * (mg - m) : 0;
      ssRest = Math.max(0, total - ssG - between - nRest * (mRest - m) * (mRest - m));
    }
    const std = ng > 1 ? Math.sqrt(ssG / (ng - 1)) : ng === 1 ? 0 : NaN;
    const restStd = nRest > 1 ? Math.sqrt(ssRest / (nRest - 1)) : 0;
    const comparable = ng > 0 && nRest > 0 && overallStd > 0;
    return {
      feature,
      mean: mg,
      median: quantileSorted(own, 0.5),
      std,
      overallMean: m,
      overallStd,
      restMean: mRest,
      z: comparable ? (mg - mRest) / overallStd : 0,
      cohenD: comparable ? cohenD(mg, std, ng, mRest, restStd, nRest, overallStd) : 0,
    };
  });
}

/**
 * Value shares of one categorical feature for every segment: for each segment, the
 * {@link MAX_CATEGORY_VALUES} most frequent values of the whole table (count descending, then
 * value ascending), missing (null) excluded as a value but counted in the denominators.
 */
export function categoricalTraits(
  feature: string,
  values: readonly (string | null)[],
  grouping: SegmentGrouping,
): CategoricalTrait[][] {
  const overall = new Map<string, number>();
  for (const value of values) if (value !== null) overall.set(value, (overall.get(value) ?? 0) + 1);
  const kept = [...overall]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_CATEGORY_VALUES);
  const n = grouping.total;
  return grouping.rows.map((rows) => {
    const counts = new Map<string, number>();
    for (let r = 0; r < rows.length; r++) {
      const value = values[rows[r]!]!;
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const size = rows.length;
    const restSize = n - size;
    return kept.map(([value, overallCount]) => {
      const own = counts.get(value) ?? 0;
      const share = size > 0 ? own / size : 0;
      const overallShare = overallCount / n;
      const restShare = restSize > 0 ? (overallCount - own) / restSize : share;
      return {
        feature,
        value,
        share,
        overallShare,
        lift: share / overallShare,
        cohenH: restSize > 0 ? cohenH(share, restShare) : 0,
      };
    });
  });
}
