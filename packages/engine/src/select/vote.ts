/**
 * Choosing k from precomputed quality curves: every criterion votes for one k, and the votes
 * plus the silhouette's absolute scale decide how much to trust the result.
 *
 * Criteria: the elbow of the inertia curve (Kneedle, Satopää et al. 2011), the largest mean
 * silhouette (Rousseeuw 1987), the largest Calinski-Harabasz index (Calinski & Harabasz 1974),
 * the smallest Davies-Bouldin index (Davies & Bouldin 1979), and, when asked for, the most
 * stable k under resampling (mean adjusted Rand index of refits, Ben-Hur et al. 2002;
 * stability/stability-curve.ts: the finest k within {@link STABILITY_TOLERANCE} of the best). Silhouette bands follow Kaufman &
 * Rousseeuw (1990, ch. 2): below 0.25 "no substantial structure has been found".
 *
 * Pure: no clustering happens here, so the pipeline and the server reuse it on stored curves.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, mergeOptions } from '../core/params.js';
import { kneedleKernel, KNEEDLE_DEFAULTS, type KneedleResult } from './kneedle.js';

/** A criterion that votes for k. */
export type SelectionCriterion =
  'elbow' | 'silhouette' | 'calinski-harabasz' | 'davies-bouldin' | 'stability';

/** The default criteria (cheap: one fit per k), in the order votes are listed. */
export const SELECTION_CRITERIA: readonly SelectionCriterion[] = Object.freeze([
  'elbow',
  'silhouette',
  'calinski-harabasz',
  'davies-bouldin',
]);

/**
 * The stability vote goes to the largest k whose mean resampling ARI is within this of the best
 * one (see `castVote`).
 */
export const STABILITY_TOLERANCE = 0.02;

/**
 * Every criterion, in the order votes are listed: the defaults plus 'stability', which refits
 * each k on resamples (several fits per k), so it votes only when asked for.
 */
export const ALL_SELECTION_CRITERIA: readonly SelectionCriterion[] = Object.freeze([
  ...SELECTION_CRITERIA,
  'stability',
]);

/**
 * Quality curves over candidate cluster counts, all of length m (one entry per k). A value
 * that was not computed is NaN (e.g. the silhouette when that criterion was not requested).
 */
export interface SelectionCurves {
  /** Candidate cluster counts, strictly increasing. */
  readonly k: readonly number[];
  /** Within-cluster sum of squares (lower is better; always falls with k). */
  readonly inertia: readonly number[];
  /** Mean silhouette in [-1, 1] (exact or estimated; higher is better). */
  readonly silhouette: readonly number[];
  /** Lower end of the silhouette's confidence interval (= silhouette when exact). */
  readonly silhouetteLower: readonly number[];
  /** Upper end of the silhouette's confidence interval (= silhouette when exact). */
  readonly silhouetteUpper: readonly number[];
  /** Calinski-Harabasz index (higher is better). */
  readonly calinskiHarabasz: readonly number[];
  /** Davies-Bouldin index (lower is better). */
  readonly daviesBouldin: readonly number[];
  /**
   * Mean adjusted Rand index between the fit on all rows and refits on resamples (higher is
   * more stable); absent or NaN when the 'stability' criterion was not requested.
   */
  readonly stability?: readonly number[];
}

/** One criterion's vote: `k` null means it abstained (`reason` says why). */
export interface CriterionVote {
  readonly criterion: SelectionCriterion;
  readonly k: number | null;
  /** The criterion's value at its k (inertia at the elbow), or null when abstaining. */
  readonly score: number | null;
  readonly reason?: string;
}

/** How sure the recommendation is. See {@link chooseKFromCurves} for the rules. */
export type SelectionVerdict = 'clear' | 'weak' | 'no-clear-structure';

/** The recommended k and why. */
export interface SelectionRecommendation {
  /** Best-supported k, or null when no criterion could vote. */
  readonly k: number | null;
  readonly verdict: SelectionVerdict;
  /** How many casting (non-abstaining) votes went to `k`, out of how many were cast. */
  readonly agreement: { readonly agreeing: number; readonly total: number };
  /** One line for people: "k = 5, 3 of 4 criteria agree". */
  readonly summary: string;
  /** Every rule that shaped the verdict, in plain words. */
  readonly reasons: readonly string[];
}

/** What {@link chooseKFromCurves} returns. */
export interface CurveSelection {
  /** Kneedle on the inertia curve (convex, decreasing). */
  readonly knee: KneedleResult;
  /** One vote per requested criterion, in {@link SELECTION_CRITERIA} order. */
  readonly votes: readonly CriterionVote[];
  readonly recommendation: SelectionRecommendation;
}

/** Options of {@link chooseKFromCurves}. */
export interface VoteOptions {
  /** Criteria that vote. Default all four. */
  criteria: readonly SelectionCriterion[];
  /** Silhouette below which structure counts as weak. Default 0.25 (Kaufman & Rousseeuw). */
  weakSilhouette: number;
  /** Kneedle sensitivity S for the elbow. Default 1. */
  kneeSensitivity: number;
}

/** Defaults of {@link chooseKFromCurves}. */
export const VOTE_DEFAULTS: Readonly<VoteOptions> = Object.freeze({
  criteria: SELECTION_CRITERIA,
  weakSilhouette: 0.25,
  kneeSensitivity: 1,
});

const CONSTRAINTS = {
  criteria: { type: 'any' },
  weakSilhouette: { type: 'number', min: -1, max: 1 },
  kneeSensitivity: { type: 'number', min: 0 },
} as const;

/**
 * Votes for a cluster count over precomputed curves and says how much to trust the vote.
 *
 * Votes: `elbow` = the Kneedle knee of inertia against k (abstains when there is no knee);
 * `silhouette` = argmax; `calinski-harabasz` = argmax, but it abstains when the index rises
 * over the whole range and peaks at the largest k (CH grows with k on structureless data, so
 * such a peak says nothing); `davies-bouldin` = argmin. A criterion whose curve is all NaN
 * abstains. Ties go to the smaller k.
 *
 * The recommended k is the one with most votes (ties: higher silhouette, then smaller k). With
 * `agreeing` of the `total` casting votes on it and `s` the silhouette at that k:
 * - `'no-clear-structure'` when the silhouette is below `weakSilhouette` (0.25) at every k,
 *   or when the votes scatter (fewer than half agree, or one vote of two); `k` still carries
 *   the best-supported value and the summary says there is no clear structure.
 * - `'clear'` when a strict majority agree (agreeing > total / 2) and `s >= weakSilhouette`.
 * - `'weak'` otherwise: a strict majority but a weak `s`, or exactly half agree; also a strict
 *   majority when the silhouette was not computed (nothing confirms structure on an absolute
 *   scale, so the vote alone is not called clear).
 * Votes at the edge of the k range add a reason suggesting a wider range.
 *
 * @param curves - see {@link SelectionCurves}; arrays of equal length m >= 1, k strictly
 *   increasing.
 * @param options - see {@link VoteOptions}; defaults {@link VOTE_DEFAULTS}.
 * @throws SegmintError INVALID_SHAPE when the curves differ in length or k is not strictly
 *   increasing; INVALID_PARAMETER for bad options or an unknown criterion.
 * @example
 * const silhouette = [0.5, 0.7, 0.5, 0.4];
 * chooseKFromCurves({
 *   k: [2, 3, 4, 5],
 *   inertia: [100, 20, 15, 12],
 *   silhouette,
 *   silhouetteLower: silhouette,
 *   silhouetteUpper: silhouette,
 *   calinskiHarabasz: [50, 90, 70, 60],
 *   daviesBouldin: [0.8, 0.4, 0.7, 0.9],
 * }).recommendation.summary; // "k = 3, 4 of 4 criteria agree"
 */
export function chooseKFromCurves(
  curves: SelectionCurves,
  options?: Partial<VoteOptions>,
): CurveSelection {
  const merged = mergeOptions<VoteOptions>(VOTE_DEFAULTS, options);
  checkParams('chooseKFromCurves', merged, CONSTRAINTS);
  checkCriteria('chooseKFromCurves', merged.criteria);
  checkCurves(curves);
  return chooseKFromCurvesKernel(curves, merged);
}

/** Throws INVALID_PARAMETER unless `criteria` is a non-empty array of known criteria. */
export function checkCriteria(owner: string, criteria: unknown): void {
  const valid =
    Array.isArray(criteria) &&
    criteria.length > 0 &&
    criteria.every((c) => ALL_SELECTION_CRITERIA.includes(c as SelectionCriterion));
  if (!valid) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `${owner}: 'criteria' must be a non-empty array of ${ALL_SELECTION_CRITERIA.map((c) => `'${c}'`).join(', ')}; got ${JSON.stringify(criteria)}.`,
      { parameter: 'criteria', value: criteria },
    );
  }
}

function checkCurves(curves: SelectionCurves): void {
  const m = curves.k.length;
  const keys = [
    'inertia',
    'silhouette',
    'silhouetteLower',
    'silhouetteUpper',
    'calinskiHarabasz',
    'daviesBouldin',
  ] as const;
  if (curves.stability !== undefined && curves.stability.length !== m) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `chooseKFromCurves: curve 'stability' has ${curves.stability.length} values but 'k' has ${m}.`,
      { parameter: 'stability', value: curves.stability.length },
    );
  }
  for (const key of keys) {
    if (curves[key].length !== m || m < 1) {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `chooseKFromCurves: curve '${key}' has ${curves[key].length} values but 'k' has ${m} (need >= 1).`,
        { parameter: key, value: curves[key].length },
      );
    }
  }
  for (let i = 0; i < m; i++) {
    const k = curves.k[i]!;
    if (!Number.isFinite(k) || (i > 0 && !(k > curves.k[i - 1]!))) {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `chooseKFromCurves: 'k' must be finite and strictly increasing; got ${k} at index ${i}.`,
        { parameter: 'k', row: i, value: k },
      );
    }
  }
}

/** Unchecked twin of {@link chooseKFromCurves}. */
export function chooseKFromCurvesKernel(
  curves: SelectionCurves,
  options: VoteOptions,
): CurveSelection {
  const { k: ks } = curves;
  const m = ks.length;
  const knee = elbowOf(curves, options.kneeSensitivity);
  const votes: CriterionVote[] = [];
  for (const criterion of ALL_SELECTION_CRITERIA) {
    if (options.criteria.includes(criterion)) votes.push(castVote(criterion, curves, knee));
  }
  const reasons: string[] = [];
  for (const vote of votes) {
    if (vote.k === null) reasons.push(`${vote.criterion} abstained: ${vote.reason ?? ''}`);
    else if (m > 2 && (vote.k === ks[0] || vote.k === ks[m - 1]))
      reasons.push(
        `${vote.criterion} chose k = ${vote.k}, the edge of the range [${ks[0]}, ${ks[m - 1]}]; ` +
          'a wider range may find a better k.',
      );
  }

  const cast = votes.filter((v) => v.k !== null);
  const total = cast.length;
  const silhouetteAt = (k: number) => curves.silhouette[ks.indexOf(k)] ?? NaN;
  let bestSilhouette = -Infinity;
  for (const s of curves.silhouette) if (s > bestSilhouette) bestSilhouette = s;
  const hasSilhouette = bestSilhouette > -Infinity;

  if (total === 0) {
    reasons.push('No criterion could vote.');
    return {
      knee,
      votes,
      recommendation: {
        k: null,
        verdict: 'no-clear-structure',
        agreement: { agreeing: 0, total: 0 },
        summary: 'No clear cluster structure: no criterion could vote.',
        reasons,
      },
    };
  }

  const counts = new Map<number, number>();
  for (const vote of cast) counts.set(vote.k!, (counts.get(vote.k!) ?? 0) + 1);
  let chosen = cast[0]!.k!;
  for (const [k, count] of counts) {
    const best = counts.get(chosen)!;
    const better =
      count > best ||
      (count === best &&
        (silhouetteAt(k) > silhouetteAt(chosen) ||
          (!(silhouetteAt(k) < silhouetteAt(chosen)) && k < chosen)));
    if (better) chosen = k;
  }
  const agreeing = counts.get(chosen)!;
  const tied = [...counts].filter(([, c]) => c === agreeing).map(([k]) => k);
  const chosenSilhouette = silhouetteAt(chosen);
  const weak = options.weakSilhouette;
  const majority = agreeing * 2 > total;
  const half = agreeing * 2 === total && agreeing >= 2;

  let verdict: SelectionVerdict;
  if (hasSilhouette && bestSilhouette < weak) {
    verdict = 'no-clear-structure';
    reasons.push(
      `The silhouette is below ${weak} at every k (best ${bestSilhouette.toFixed(3)}): ` +
        'no substantial structure (Kaufman & Rousseeuw).',
    );
  } else if (!majority && !half) {
    verdict = 'no-clear-structure';
    reasons.push(`The votes scatter: no k is backed by half of the ${total} criteria.`);
  } else if (majority && hasSilhouette && chosenSilhouette >= weak) {
    verdict = 'clear';
    reasons.push(
      `A majority (${agreeing} of ${total}) chose k = ${chosen}, where the silhouette is ` +
        `${chosenSilhouette.toFixed(3)} (>= ${weak}).`,
    );
  } else {
    verdict = 'weak';
    if (half)
      reasons.push(
        `Only half the criteria (${agreeing} of ${total}) agree` +
          (tied.length > 1 ? `; k = ${tied.join(' and k = ')} tie.` : '.'),
      );
    if (!hasSilhouette)
      reasons.push('The silhouette was not computed, so nothing confirms the structure.');
    else if (chosenSilhouette < weak)
      reasons.push(
        `The silhouette at k = ${chosen} is ${chosenSilhouette.toFixed(3)} (< ${weak}): weak structure.`,
      );
  }

  const criteria = `${agreeing} of ${total} ${total === 1 ? 'criterion agrees' : 'criteria agree'}`;
  const summary =
    verdict === 'clear'
      ? `k = ${chosen}, ${criteria}`
      : verdict === 'weak'
        ? `k = ${chosen} (weak), ${criteria}`
        : `No clear cluster structure; best-supported k = ${chosen} (${criteria})`;
  return {
    knee,
    votes,
    recommendation: { k: chosen, verdict, agreement: { agreeing, total }, summary, reasons },
  };
}

function elbowOf(curves: SelectionCurves, sensitivity: number): KneedleResult {
  const finite = curves.inertia.every((v) => Number.isFinite(v));
  const x = curves.k.length >= 2 && finite ? curves.k : [0, 1];
  // With fewer than 2 points or missing inertia there is no curve: a constant has no knee.
  const y = curves.k.length >= 2 && finite ? curves.inertia : [0, 0];
  return kneedleKernel(x, y, {
    ...KNEEDLE_DEFAULTS,
    curve: 'convex',
    direction: 'decreasing',
    sensitivity,
  });
}

function castVote(
  criterion: SelectionCriterion,
  curves: SelectionCurves,
  knee: KneedleResult,
): CriterionVote {
  const ks = curves.k;
  if (criterion === 'elbow') {
    if (knee.kneeIndex === null)
      return { criterion, k: null, score: null, reason: 'the inertia curve has no elbow.' };
    return { criterion, k: ks[knee.kneeIndex]!, score: curves.inertia[knee.kneeIndex]! };
  }
  const values =
    criterion === 'silhouette'
      ? curves.silhouette
      : criterion === 'calinski-harabasz'
        ? curves.calinskiHarabasz
        : criterion === 'stability'
          ? (curves.stability ?? [])
          : curves.daviesBouldin;
  const sign = criterion === 'davies-bouldin' ? -1 : 1;
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v) && (best < 0 || sign * v > sign * values[best]!)) best = i;
  }
  if (best < 0) return { criterion, k: null, score: null, reason: 'it was not computed.' };
  if (criterion === 'stability') {
    // Coarser segmentations of real structure are stable too (two blobs merged the same way
    // every time), so the most stable k is often the smallest. Stability votes for the finest
    // k that is as reproducible as the most reproducible one (within STABILITY_TOLERANCE).
    let finest = best;
    for (let i = 0; i < values.length; i++) {
      if (values[i]! >= values[best]! - STABILITY_TOLERANCE && ks[i]! > ks[finest]!) finest = i;
    }
    return { criterion, k: ks[finest]!, score: values[finest]! };
  }
  if (criterion === 'calinski-harabasz' && values.length > 2 && best === values.length - 1) {
    let rising = true;
    for (let i = 1; i < values.length; i++) if (!(values[i]! >= values[i - 1]!)) rising = false;
    if (rising)
      return {
        criterion,
        k: null,
        score: null,
        reason:
          'the index rises over the whole range, as it does on structureless data; its peak at ' +
          'the largest k says nothing.',
      };
  }
  return { criterion, k: ks[best]!, score: values[best]! };
}
