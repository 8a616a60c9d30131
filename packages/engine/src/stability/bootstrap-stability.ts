/**
 * Cluster-wise stability by resampling (Hennig 2007, "Cluster-wise assessment of cluster
 * stability", Computational Statistics & Data Analysis 52:258-271), plus the overall agreement
 * of refits with the reference partition (ARI, Hubert & Arabie 1985).
 *
 * Notation: X has n rows; the reference labels L come from fitting on all of X. Each of B
 * resamples draws rows S_b (a subsample of round(fraction * n) rows without replacement, or a
 * bootstrap sample of n rows with replacement whose distinct rows form S_b), refits on them and
 * compares on the shared rows S_b: for each reference segment C, the Jaccard similarity
 * |C' ∩ D| / |C' ∪ D| with C' = C ∩ S_b, maximised over the refit's segments D. A segment's
 * stability is the mean over the resamples where C' is not empty; Hennig reads < 0.5 as
 * "dissolved" and > 0.75 as stable. Noise (-1) is never a segment.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import { checkParams, mergeOptions, type Constraints } from '../core/params.js';
import { createRandom, permutation } from '../core/random.js';
import { type Matrix, type MatrixLike, takeRows, toMatrix } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';

/** Options of {@link bootstrapStability}. */
export interface StabilityOptions {
  /** Number of refits B. Default 20. */
  readonly resamples: number;
  /** Share of rows per subsample in (0, 1], or 'bootstrap' (n rows with replacement). Default 0.8. */
  readonly fraction: number | 'bootstrap';
  readonly seed: number;
  /** Reference labels (default: `fit(X)` on all rows). */
  readonly reference?: ArrayLike<number>;
}

/** Defaults of {@link StabilityOptions}. */
export const STABILITY_DEFAULTS: StabilityOptions = Object.freeze({
  resamples: 20,
  fraction: 0.8,
  seed: 0,
  reference: undefined,
});

const CONSTRAINTS: Constraints<StabilityOptions> = {
  resamples: { type: 'integer', min: 1, max: 10000 },
  fraction: { type: 'any' },
  seed: { type: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER },
  reference: { type: 'any', optional: true },
};

/** One reference segment's stability. */
export interface SegmentStability {
  /** The reference label. */
  readonly segment: number;
  /** Rows of the segment in the reference. */
  readonly size: number;
  /** Mean best-match Jaccard over resamples (Hennig's gamma), in [0, 1]. */
  readonly jaccard: number;
  /** Share of resamples where the best Jaccard was below 0.5 ("dissolved"). */
  readonly dissolved: number;
}

/** Result of {@link bootstrapStability}. */
export interface StabilityReport {
  /** Reference labels used (length n). */
  readonly reference: Int32Array;
  /** One entry per reference segment, ascending label. */
  readonly segments: SegmentStability[];
  /** Mean ARI between the reference and each refit on the shared rows. */
  readonly meanARI: number;
  /** ARI of each resample. */
  readonly ari: Float64Array;
  readonly resamples: number;
}

/** A clustering to assess: fits rows and returns one integer label per row (-1 = noise). */
export type FitLabels = (X: Matrix) => ArrayLike<number>;

function fitChecked(fit: FitLabels, X: Matrix): ArrayLike<number> {
  const labels = fit(X);
  if (labels.length !== X.rows) {
    throw new SegmintError(
      ERROR_CODES.INVALID_LABELS,
      `bootstrapStability: fit returned ${labels.length} labels for ${X.rows} rows.`,
      { value: labels.length },
    );
  }
  return labels;
}

/**
 * Per-segment Jaccard stability and mean ARI of refits on resamples (Hennig 2007).
 *
 * @param X - data, shape (n, d).
 * @param fit - the clustering to assess, e.g. `(rows) => kmeans(rows, { clusterCount: 4 }).labels`.
 * @param options - `resamples` (20), `fraction` (0.8 | 'bootstrap'), `seed` (0), `reference`.
 * @returns {@link StabilityReport}.
 * @throws SegmintError INVALID_PARAMETER, INVALID_SHAPE, NON_FINITE_VALUE, INVALID_LABELS (fit
 *   returned the wrong number of labels); whatever `fit` throws.
 * @example
 * const report = bootstrapStability(X, (rows) => kmeans(rows, { clusterCount: 3 }).labels);
 * report.segments.map((s) => s.jaccard); // near 1 for stable segments
 */
export function bootstrapStability(
  X: MatrixLike,
  fit: FitLabels,
  options?: Partial<StabilityOptions>,
): StabilityReport {
  const settings = mergeOptions(STABILITY_DEFAULTS, options);
  checkParams('bootstrapStability', settings, CONSTRAINTS);
  const { fraction } = settings;
  if (
    fraction !== 'bootstrap' &&
    (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1))
  ) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `bootstrapStability: 'fraction' must be a number in (0, 1] or 'bootstrap'; got ${formatValue(fraction)}.`,
      { parameter: 'fraction', value: fraction },
    );
  }
  const matrix = toMatrix(X);
  assertNonEmpty('bootstrapStability', matrix, 2);
  assertFinite('bootstrapStability', matrix);
  const n = matrix.rows;
  const reference = Int32Array.from(settings.reference ?? fitChecked(fit, matrix));
  if (reference.length !== n) {
    throw new SegmintError(
      ERROR_CODES.INVALID_LABELS,
      `bootstrapStability: 'reference' has ${reference.length} labels for ${n} rows.`,
      { parameter: 'reference', value: reference.length },
    );
  }
  const segmentIds = [...new Set(reference)].filter((s) => s >= 0).sort((a, b) => a - b);
  const segmentIndex = new Map(segmentIds.map((s, c) => [s, c]));
  const K = segmentIds.length;
  const jaccardSum = new Float64Array(K);
  const present = new Float64Array(K);
  const dissolvedCount = new Float64Array(K);
  const ari = new Float64Array(settings.resamples);
  const random = createRandom(settings.seed);
  const subsampleSize = fraction === 'bootstrap' ? n : Math.max(2, Math.round(fraction * n));
  for (let b = 0; b < settings.resamples; b++) {
    let drawn: Uint32Array;
    if (fraction === 'bootstrap') {
      drawn = new Uint32Array(n);
      for (let i = 0; i < n; i++) drawn[i] = random.int(n);
    } else {
      drawn = permutation(n, random).slice(0, subsampleSize).sort();
    }
    const refit = fitChecked(fit, takeRows(matrix, drawn));
    // Shared rows: each distinct drawn row once (its first draw's label).
    const seen = new Uint8Array(n);
    const shared: number[] = [];
    const refitLabels: number[] = [];
    for (let r = 0; r < drawn.length; r++) {
      const i = drawn[r]!;
      if (seen[i] === 1) continue;
      seen[i] = 1;
      shared.push(i);
      refitLabels.push(refit[r]!);
    }
    const referenceShared = shared.map((i) => reference[i]!);
    ari[b] = adjustedRandIndex(referenceShared, refitLabels);
    scoreJaccard(referenceShared, refitLabels, segmentIndex, (c, best) => {
      jaccardSum[c]! += best;
      present[c]!++;
      if (best < 0.5) dissolvedCount[c]!++;
    });
  }
  const sizes = new Float64Array(K);
  for (const label of reference) if (label >= 0) sizes[segmentIndex.get(label)!]!++;
  return {
    reference,
    segments: segmentIds.map((segment, c) => ({
      segment,
      size: sizes[c]!,
      jaccard: present[c]! > 0 ? jaccardSum[c]! / present[c]! : NaN,
      dissolved: present[c]! > 0 ? dissolvedCount[c]! / present[c]! : NaN,
    })),
    meanARI: ari.reduce((s, v) => s + v, 0) / settings.resamples,
    ari,
    resamples: settings.resamples,
  };
}

/**
 * For each reference segment present in the shared rows, the best Jaccard against the refit's
 * segments (noise in the refit belongs to no segment, so it only enlarges unions).
 */
function scoreJaccard(
  reference: readonly number[],
  refit: readonly number[],
  segmentIndex: ReadonlyMap<number, number>,
  record: (segment: number, best: number) => void,
): void {
  const referenceSize = new Map<number, number>();
  const refitSize = new Map<number, number>();
  const both = new Map<number, Map<number, number>>();
  for (let r = 0; r < reference.length; r++) {
    const a = reference[r]!;
    const b = refit[r]!;
    if (b >= 0) refitSize.set(b, (refitSize.get(b) ?? 0) + 1);
    if (a < 0) continue;
    referenceSize.set(a, (referenceSize.get(a) ?? 0) + 1);
    if (b < 0) continue;
    let row = both.get(a);
    if (!row) both.set(a, (row = new Map<number, number>()));
    row.set(b, (row.get(b) ?? 0) + 1);
  }
  for (const [a, size] of referenceSize) {
    let best = 0;
    for (const [b, intersection] of both.get(a) ?? []) {
      best = Math.max(best, intersection / (size + refitSize.get(b)! - intersection));
    }
    record(segmentIndex.get(a)!, best);
  }
}
