/**
 * Segment profiles: what makes each segment different, in the original units of the analysis
 * table (before scaling and encoding), with a generated name and description.
 *
 * Names used below: n = rows of the table, k = segments, d = profiled features.
 *
 * For every segment: size and share of all rows; per numeric feature the mean, median and
 * standard deviation, the standardised difference z = (mean - restMean) / overallStd and Cohen's
 * d against the rest (pooled standard deviation; Cohen 1988); per categorical value the share,
 * the lift share / overallShare and Cohen's h against the rest; the top distinguishing traits by
 * |effect| (|d| or |h|, comparable scales); a name and a paragraph built only from those numbers.
 *
 * Noise (rows labelled `noiseLabel`, e.g. HDBSCAN's -1) forms no segment but stays in "the rest"
 * and in the overall statistics: profiles compare a segment with the whole customer base, of
 * which unassigned customers are a part. Shares are of all n rows, so they sum to 1 - noise share.
 * Cost: O(n d) plus one sort per segment and numeric feature, O(n log n) overall.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import { checkParams, mergeOptions } from '../core/params.js';
import { checkIntegerLabels } from '../metrics/labels.js';
import { listNames, type Table } from '../preprocess/table.js';
import { rankTraits, traitText, type RankedTrait } from './ranked-trait.js';
import { describeSegment } from './segment-description.js';
import { nameFromTraits, uniqueNames } from './segment-names.js';
import {
  categoricalTraits,
  groupRows,
  numericTraits,
  type CategoricalTrait,
  type NumericTrait,
} from './segment-statistics.js';

/** One of a segment's top distinguishing traits. */
export interface TopTrait {
  readonly feature: string;
  readonly kind: 'numeric' | 'categorical';
  /** "income much higher (d = 1.83)", "\"PhD\" (education) 1.9x as common (h = 0.52)". */
  readonly text: string;
  /** Signed Cohen's d (numeric) or Cohen's h (categorical); |effect| >= 0.2. */
  readonly effect: number;
}

/** The profile of one segment (plain JSON-safe data, except NaN for features it never observes). */
export interface SegmentProfile {
  /** The segment's label. */
  readonly segment: number;
  readonly size: number;
  /** size / n (all rows, noise included). */
  readonly share: number;
  /** One entry per numeric feature, in feature order. */
  readonly numeric: NumericTrait[];
  /** Per categorical feature (in feature order), its most frequent values (at most 30). */
  readonly categorical: CategoricalTrait[];
  /** At most `topTraits` traits with |effect| >= 0.2, strongest first, one per feature. */
  readonly topTraits: TopTrait[];
  /** Short, unique within the call: "Affluent wine lovers, no kids". */
  readonly name: string;
  /** One paragraph with the size, share and the strongest traits' numbers. */
  readonly description: string;
}

/** Options of {@link profileSegments}. */
export interface ProfileOptions {
  /** Columns to profile, in order (default: every column of the table). */
  readonly features?: readonly string[];
  /** Top traits kept per segment (default 5). */
  readonly topTraits: number;
  /** Label of rows that belong to no segment (default -1). */
  readonly noiseLabel: number;
}

/** Defaults of {@link profileSegments}. */
export const PROFILE_DEFAULTS: ProfileOptions = {
  features: undefined,
  topTraits: 5,
  noiseLabel: -1,
};

/**
 * Profiles every segment (labels that occur, ascending) of a table against the rest.
 *
 * @param t - the analysis table in original units, n rows (numeric NaN / categorical null = missing).
 * @param labels - segment label per row (length n): integers >= 0, or `noiseLabel`.
 * @param options - `features` (default all columns), `topTraits` (default 5, in [0, 100]),
 *   `noiseLabel` (default -1).
 * @returns one {@link SegmentProfile} per segment, ordered by label.
 * @throws SegmintError INVALID_PARAMETER for bad options or an unknown feature; INVALID_LABELS
 *   for labels of the wrong length, non-integers or negative labels other than `noiseLabel`;
 *   INVALID_SHAPE for a table without rows.
 * @example
 * const profiles = profileSegments(customers, fit.labels, { features: ['Income', 'MntWines'] });
 * profiles[0].name; // 'Affluent wine lovers'
 */
export function profileSegments(
  t: Table,
  labels: Int32Array | ArrayLike<number>,
  options?: Partial<ProfileOptions>,
): SegmentProfile[] {
  const owner = 'profileSegments';
  const merged = mergeOptions(PROFILE_DEFAULTS, options);
  checkParams(owner, merged, {
    features: { type: 'any', optional: true },
    topTraits: { type: 'integer', min: 0, max: 100 },
    noiseLabel: { type: 'integer' },
  });
  if (t.rows === 0) {
    throw new SegmintError(ERROR_CODES.INVALID_SHAPE, `${owner}: the table has no rows.`, {
      value: 0,
    });
  }
  const features = merged.features ?? t.columns.map((c) => c.name);
  const columns = features.map((name) => {
    const column = t.columns.find((c) => c.name === name);
    if (typeof name !== 'string' || column === undefined) {
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `${owner}: 'features' names unknown column ${formatValue(name)}; the table has ${listNames(t)}.`,
        { parameter: 'features', value: name },
      );
    }
    return column;
  });
  checkIntegerLabels(owner, labels, t.rows);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label < 0 && label !== merged.noiseLabel) {
      throw new SegmintError(
        ERROR_CODES.INVALID_LABELS,
        `${owner}: labels[${i}] is ${label}; labels must be >= 0 or the noise label ${merged.noiseLabel}.`,
        { row: i, value: label },
      );
    }
  }
  return profileSegmentsKernel(t.rows, columns, labels, merged.topTraits, merged.noiseLabel);
}

/** Unchecked twin of {@link profileSegments}: valid columns, labels and options assumed. */
export function profileSegmentsKernel(
  n: number,
  columns: Table['columns'],
  labels: ArrayLike<number>,
  topTraits: number,
  noiseLabel: number,
): SegmentProfile[] {
  const grouping = groupRows(labels, noiseLabel);
  const k = grouping.segments.length;
  const numeric: NumericTrait[][] = Array.from({ length: k }, () => []);
  const categorical: CategoricalTrait[][] = Array.from({ length: k }, () => []);
  for (const column of columns) {
    if (column.kind === 'numeric') {
      numericTraits(column.name, column.values, grouping).forEach((trait, g) =>
        numeric[g]!.push(trait),
      );
    } else {
      categoricalTraits(column.name, column.values, grouping).forEach((traits, g) =>
        categorical[g]!.push(...traits),
      );
    }
  }
  const order = columns.map((c) => c.name);
  const ranked: RankedTrait[][] = grouping.segments.map((_, g) =>
    rankTraits(numeric[g]!, categorical[g]!, order),
  );
  // Larger segments claim a shared name first; smaller ones get the qualifier.
  const bySize = grouping.segments
    .map((_, g) => g)
    .sort((a, b) => grouping.rows[b]!.length - grouping.rows[a]!.length || a - b);
  const unique = uniqueNames(
    bySize.map((g) => nameFromTraits(ranked[g]!)),
    bySize.map((g) => ranked[g]!),
  );
  const names: string[] = new Array<string>(k);
  bySize.forEach((g, position) => (names[g] = unique[position]!));
  return grouping.segments.map((segment, g) => {
    const size = grouping.rows[g]!.length;
    return {
      segment,
      size,
      share: size / n,
      numeric: numeric[g]!,
      categorical: categorical[g]!,
      topTraits: ranked[g]!.slice(0, topTraits).map((trait) => ({
        feature: trait.feature,
        kind: trait.kind,
        text: traitText(trait),
        effect: trait.effect,
      })),
      name: names[g]!,
      description: describeSegment(size, n, ranked[g]!),
    };
  });
}
