/**
 * A fast, honest silhouette for large n: a stratified random sample of rows, each scored
 * EXACTLY against all n rows, with a confidence interval.
 *
 * Notation: n rows, k clusters (strata) h with sizes N_h and weights W_h = N_h / n; m_h rows
 * are sampled from stratum h without replacement; ybar_h and s_h^2 are the sample mean and
 * variance (denominator m_h - 1) of their silhouettes. Then (Cochran 1977, "Sampling
 * Techniques", ch. 5, stratified random sampling):
 *   score  = sum_h W_h ybar_h                                    (unbiased for the exact mean)
 *   var    = sum_h W_h^2 (1 - m_h / N_h) s_h^2 / m_h             (finite population correction)
 *   CI     = score +- z_{(1 + confidence) / 2} sqrt(var), clipped to [-1, 1].
 * Allocation: every cluster first gets min(N_h, max(10, floor(sampleSize / (2k)))) rows, so
 * small clusters are never missed (a plain random sample of 2,000 from 1M rows skips a 200-row
 * segment 2/3 of the time); the rest of the budget is allocated in proportion to N_h.
 * Cost O(m n d) for m sampled rows instead of O(n^2 d).
 */
import { type Constraints, checkParams, mergeOptions } from '../core/params.js';
import { createRandom } from '../core/random.js';
import type { MatrixLike } from '../matrix/matrix.js';
import type { Labels } from './labels.js';
import { normalQuantile } from './normal-quantile.js';
import { silhouetteRowsKernel } from './silhouette-kernel.js';
import {
  type SilhouetteInput,
  identityRows,
  mean,
  prepareSilhouette,
  silhouetteAllKernel,
} from './silhouette.js';

/** Options of {@link silhouetteEstimate}. */
export interface SilhouetteEstimateOptions {
  /** Rows to score exactly (raised if the per-cluster floors need more). Default 2000. */
  sampleSize: number;
  /** Seed of the row sampling. Default 0. */
  seed: number;
  /** Confidence level of [lower, upper], in (0, 1). Default 0.95. */
  confidence: number;
}

/** Defaults of {@link silhouetteEstimate}. */
export const SILHOUETTE_ESTIMATE_DEFAULTS: Readonly<SilhouetteEstimateOptions> = {
  sampleSize: 2000,
  seed: 0,
  confidence: 0.95,
};

const CONSTRAINTS: Constraints<SilhouetteEstimateOptions> = {
  sampleSize: { type: 'integer', min: 10, max: 100_000_000 },
  seed: { type: 'integer' },
  confidence: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
};

/** Result of {@link silhouetteEstimate}. */
export interface SilhouetteEstimate {
  /** Estimated (or exact) mean silhouette. */
  readonly score: number;
  /** Lower end of the confidence interval (== score when exact). */
  readonly lower: number;
  /** Upper end of the confidence interval (== score when exact). */
  readonly upper: number;
  /** The confidence level of [lower, upper]. */
  readonly confidence: number;
  /** Standard error of `score` (0 when exact). */
  readonly standardError: number;
  /** Number of rows scored. */
  readonly sampleSize: number;
  /** Mean silhouette of each cluster, indexed by label value (length max label + 1; NaN for absent labels). */
  readonly perCluster: Float64Array;
  /** Rows sampled per cluster, indexed like `perCluster` (0 for absent labels). */
  readonly perClusterSampleSize: Int32Array;
  /** `'exact'` when n <= sampleSize (every row scored), else `'stratified-sample'`. */
  readonly method: 'exact' | 'stratified-sample';
}

/**
 * Estimates the mean silhouette from a stratified sample with a confidence interval; exact
 * (method `'exact'`, lower == upper == score) when n <= sampleSize.
 *
 * @param X - data, shape (n, d).
 * @param labels - one non-negative integer cluster label per row.
 * @param options - `sampleSize` (2000), `seed` (0), `confidence` (0.95).
 * @throws SegmintError INVALID_PARAMETER for bad options; INVALID_SHAPE, NON_FINITE_VALUE,
 *   INVALID_LABELS as {@link silhouetteSamples}.
 * @example
 * const { score, lower, upper } = silhouetteEstimate(X, model.labels, { sampleSize: 5000 });
 */
export function silhouetteEstimate(
  X: MatrixLike,
  labels: Labels,
  options?: Partial<SilhouetteEstimateOptions>,
): SilhouetteEstimate {
  const settings = checkEstimateOptions('silhouetteEstimate', options);
  const input = prepareSilhouette('silhouetteEstimate', X, labels);
  const plan = planEstimate(input, settings);
  let silhouettes: Float64Array;
  if (plan.exact) {
    silhouettes = silhouetteAllKernel(input);
  } else {
    const { codes, counts } = input.labels;
    silhouettes = new Float64Array(plan.rows.length);
    const end = plan.rows.length;
    silhouetteRowsKernel(input.X.data, input.sorted, codes, counts, plan.rows, 0, end, silhouettes);
  }
  return finishEstimate(input, settings, plan, silhouettes);
}

/** Merges and checks {@link silhouetteEstimate}'s options. */
export function checkEstimateOptions(
  owner: string,
  options: Partial<SilhouetteEstimateOptions> | undefined,
): SilhouetteEstimateOptions {
  const settings = mergeOptions(SILHOUETTE_ESTIMATE_DEFAULTS, options);
  checkParams(owner, settings, CONSTRAINTS);
  return settings;
}

/** Which rows to score: all of them (exact) or a stratified sample, sorted by cluster then row. */
export interface EstimatePlan {
  readonly exact: boolean;
  /** Rows scored per cluster code. */
  readonly allocation: Int32Array;
  /** The rows to score (0..n-1 when exact). */
  readonly rows: Int32Array;
}

/** Draws the stratified sample (or decides to be exact). */
export function planEstimate(
  input: SilhouetteInput,
  settings: SilhouetteEstimateOptions,
): EstimatePlan {
  const n = input.X.rows;
  const { codes, counts } = input.labels;
  const exact = n <= settings.sampleSize;
  const allocation = exact ? counts : allocate(counts, settings.sampleSize);
  const rows = exact ? identityRows(n) : sampleRows(codes, counts, allocation, settings.seed);
  return { exact, allocation, rows };
}

/** The estimate, its interval and per-cluster means from the scored rows' silhouettes. */
export function finishEstimate(
  input: SilhouetteInput,
  settings: SilhouetteEstimateOptions,
  plan: EstimatePlan,
  silhouettes: Float64Array,
): SilhouetteEstimate {
  const n = input.X.rows;
  const { codes, counts, values } = input.labels;
  const k = counts.length;
  const { exact, allocation, rows } = plan;
  // Per-stratum sums in a fixed order (the rows are sorted by cluster, then by index).
  const sum = new Float64Array(k);
  for (let r = 0; r < rows.length; r++) sum[codes[rows[r]!]!]! += silhouettes[r]!;
  const stratumMean = new Float64Array(k);
  for (let h = 0; h < k; h++) stratumMean[h] = sum[h]! / allocation[h]!;
  const squares = new Float64Array(k);
  for (let r = 0; r < rows.length; r++) {
    const h = codes[rows[r]!]!;
    const deviation = silhouettes[r]! - stratumMean[h]!;
    squares[h]! += deviation * deviation;
  }
  let score = 0;
  let variance = 0;
  for (let h = 0; h < k; h++) {
    const weight = counts[h]! / n;
    const m = allocation[h]!;
    score += weight * stratumMean[h]!;
    if (m > 1 && m < counts[h]!) {
      const sampleVariance = squares[h]! / (m - 1);
      variance += weight * weight * (1 - m / counts[h]!) * (sampleVariance / m);
    }
  }
  const standardError = exact ? 0 : Math.sqrt(variance);
  const z = normalQuantile((1 + settings.confidence) / 2);
  const perCluster = new Float64Array(values[k - 1]! + 1).fill(NaN);
  const perClusterSampleSize = new Int32Array(perCluster.length);
  for (let h = 0; h < k; h++) {
    perCluster[values[h]!] = stratumMean[h]!;
    perClusterSampleSize[values[h]!] = allocation[h]!;
  }
  // The exact case reports exactly silhouetteScore's value (same terms, same summation).
  if (exact) score = mean(silhouettes);
  return {
    score,
    lower: exact ? score : Math.max(-1, score - z * standardError),
    upper: exact ? score : Math.min(1, score + z * standardError),
    confidence: settings.confidence,
    standardError,
    sampleSize: rows.length,
    perCluster,
    perClusterSampleSize,
    method: exact ? 'exact' : 'stratified-sample',
  };
}

/**
 * Rows to sample per stratum: a floor for every cluster, then the rest of `budget` in
 * proportion to cluster size (largest remainders), never more than a cluster holds.
 */
export function allocate(counts: Int32Array, budget: number): Int32Array {
  const k = counts.length;
  const floor = Math.max(10, Math.floor(budget / (2 * k)));
  const allocation = new Int32Array(k);
  let used = 0;
  for (let h = 0; h < k; h++) {
    allocation[h] = Math.min(counts[h]!, floor);
    used += allocation[h]!;
  }
  let remaining = budget - used;
  while (remaining > 0) {
    let open = 0;
    for (let h = 0; h < k; h++) if (allocation[h]! < counts[h]!) open += counts[h]!;
    if (open === 0) break;
    const shares = new Float64Array(k);
    let given = 0;
    for (let h = 0; h < k; h++) {
      if (allocation[h]! >= counts[h]!) continue;
      shares[h] = (remaining * counts[h]!) / open;
      const add = Math.min(counts[h]! - allocation[h]!, Math.floor(shares[h]!));
      allocation[h]! += add;
      shares[h]! -= add;
      given += add;
    }
    if (given === 0) {
      // Fewer rows left than strata can split evenly: one each, largest remainder first.
      const order = Array.from({ length: k }, (_, h) => h)
        .filter((h) => allocation[h]! < counts[h]!)
        .sort((a, b) => shares[b]! - shares[a]! || a - b);
      for (const h of order) {
        if (given >= remaining) break;
        allocation[h]!++;
        given++;
      }
    }
    remaining -= given;
  }
  return allocation;
}

/** Draws `allocation[h]` distinct rows of each cluster h (partial Fisher-Yates), sorted. */
function sampleRows(
  codes: Int32Array,
  counts: Int32Array,
  allocation: Int32Array,
  seed: number,
): Int32Array {
  const k = counts.length;
  const random = createRandom(seed);
  const members: Int32Array[] = [];
  const filled = new Int32Array(k);
  for (let h = 0; h < k; h++) members.push(new Int32Array(counts[h]!));
  for (let i = 0; i < codes.length; i++) members[codes[i]!]![filled[codes[i]!]!++] = i;
  let total = 0;
  for (let h = 0; h < k; h++) total += allocation[h]!;
  const rows = new Int32Array(total);
  let at = 0;
  for (let h = 0; h < k; h++) {
    const pool = members[h]!;
    const take = allocation[h]!;
    for (let t = 0; t < take; t++) {
      const j = t + random.int(pool.length - t);
      const chosen = pool[j]!;
      pool[j] = pool[t]!;
      pool[t] = chosen;
    }
    const picked = pool.subarray(0, take).sort();
    rows.set(picked, at);
    at += take;
  }
  return rows;
}
