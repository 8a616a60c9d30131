/**
 * Mutual information between two labellings and its chance-adjusted form (Vinh, Epps & Bailey
 * 2010, "Information theoretic measures for clusterings comparison"), as scikit-learn 1.2.1's
 * `mutual_info_score`, `expected_mutual_information` and `adjusted_mutual_info_score`.
 *
 * Notation: contingency n_ij with row sums a_i, column sums b_j, n samples (natural logs):
 *   MI  = sum_ij (n_ij / n) log(n n_ij / (a_i b_j))
 *   H(a) = -sum_i (a_i / n) log(a_i / n), H(b) likewise
 *   EMI = sum_ij sum_{n_ij = max(1, a_i + b_j - n)}^{min(a_i, b_j)} (n_ij / n) log(n n_ij / (a_i b_j))
 *         * a_i! b_j! (n - a_i)! (n - b_j)! / (n! n_ij! (a_i - n_ij)! (b_j - n_ij)! (n - a_i - b_j + n_ij)!)
 *   AMI = (MI - EMI) / (mean(H(a), H(b)) - EMI),
 * with scikit-learn's guards: AMI = 1 when both labellings have one cluster (or none); the
 * denominator is kept at least machine epsilon in magnitude. EMI costs O(R C min(a_i, b_j)).
 */
import { type Constraints, checkParams, mergeOptions } from '../core/params.js';
import { type ContingencyTable, contingencyTable } from './contingency.js';
import { logFactorialTable } from './log-factorial.js';

/** How the two entropies are averaged in the AMI denominator. */
export type AverageMethod = 'min' | 'geometric' | 'arithmetic' | 'max';

/** Options of {@link adjustedMutualInfo}. */
export interface AdjustedMutualInfoOptions {
  /** Default `'arithmetic'`, scikit-learn's default. */
  averageMethod: AverageMethod;
}

/** Defaults of {@link adjustedMutualInfo}. */
export const ADJUSTED_MUTUAL_INFO_DEFAULTS: Readonly<AdjustedMutualInfoOptions> = {
  averageMethod: 'arithmetic',
};

const CONSTRAINTS: Constraints<AdjustedMutualInfoOptions> = {
  averageMethod: { type: 'enum', values: ['min', 'geometric', 'arithmetic', 'max'] },
};

const EPSILON = 2.220446049250313e-16;

/**
 * Mutual information (nats) of two labellings; 0 when either has a single cluster.
 * @throws SegmintError INVALID_LABELS for different lengths or non-integer labels.
 * @example mutualInfo([0, 0, 1, 1], [0, 0, 1, 1]) // log 2 = 0.693...
 */
export function mutualInfo(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return mutualInfoOfTable(contingencyTable(a, b, 'mutualInfo'));
}

/**
 * Adjusted mutual information: 1 for identical partitions (up to renaming), about 0 for
 * independent ones. Symmetric for the default arithmetic average.
 * @param a - integer labels (any sign), length n.
 * @param b - integer labels, length n.
 * @param options - `averageMethod` ('arithmetic').
 * @throws SegmintError INVALID_LABELS (lengths, non-integers), INVALID_PARAMETER (averageMethod).
 * @example adjustedMutualInfo([0, 0, 1, 1], [1, 1, 0, 0]) // 1
 */
export function adjustedMutualInfo(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options?: Partial<AdjustedMutualInfoOptions>,
): number {
  const settings = mergeOptions(ADJUSTED_MUTUAL_INFO_DEFAULTS, options);
  checkParams('adjustedMutualInfo', settings, CONSTRAINTS);
  const table = contingencyTable(a, b, 'adjustedMutualInfo');
  const R = table.rowValues.length;
  const C = table.columnValues.length;
  if ((R === 1 && C === 1) || (R === 0 && C === 0)) return 1;
  const mi = mutualInfoOfTable(table);
  const emi = expectedMutualInfo(table);
  const normalizer = average(
    entropy(table.rowSums, table.sampleCount),
    entropy(table.columnSums, table.sampleCount),
    settings.averageMethod,
  );
  let denominator = normalizer - emi;
  // As scikit-learn: keep the sign, avoid 0/0 when the expectation equals the maximum.
  denominator = denominator < 0 ? Math.min(denominator, -EPSILON) : Math.max(denominator, EPSILON);
  return (mi - emi) / denominator;
}

function average(u: number, v: number, method: AverageMethod): number {
  switch (method) {
    case 'min':
      return Math.min(u, v);
    case 'geometric':
      return Math.sqrt(u * v);
    case 'arithmetic':
      return (u + v) / 2;
    case 'max':
      return Math.max(u, v);
  }
}

/** Entropy (nats) of a labelling given its cluster sizes; 0 for one cluster, 1 when empty. */
export function entropy(sizes: Float64Array, sampleCount: number): number {
  if (sampleCount === 0) return 1;
  if (sizes.length === 1) return 0;
  const logTotal = Math.log(sampleCount);
  let sum = 0;
  for (const size of sizes) sum += (size / sampleCount) * (Math.log(size) - logTotal);
  return -sum;
}

/** MI from a contingency table (scikit-learn's term order, tiny terms zeroed, clipped at 0). */
export function mutualInfoOfTable(table: ContingencyTable): number {
  const { rowSums, columnSums, cellRows, cellColumns, cellCounts, sampleCount: n } = table;
  if (rowSums.length === 1 || columnSums.length === 1) return 0;
  const logN = Math.log(n);
  let sum = 0;
  for (let cell = 0; cell < cellCounts.length; cell++) {
    const count = cellCounts[cell]!;
    const share = count / n;
    const logOuter =
      -Math.log(rowSums[cellRows[cell]!]! * columnSums[cellColumns[cell]!]!) + logN + logN;
    const term = share * (Math.log(count) - logN) + share * logOuter;
    if (Math.abs(term) >= EPSILON) sum += term;
  }
  return Math.max(0, sum);
}

/** EMI under the hypergeometric model of random labellings with the same cluster sizes. */
export function expectedMutualInfo(table: ContingencyTable): number {
  const { rowSums: a, columnSums: b, sampleCount: n } = table;
  const R = a.length;
  const C = b.length;
  if (R === 1 || C === 1) return 0;
  const logFactorials = logFactorialTable(n);
  const logN = Math.log(n);
  let emi = 0;
  for (let i = 0; i < R; i++) {
    const ai = a[i]!;
    const logA = Math.log(ai);
    for (let j = 0; j < C; j++) {
      const bj = b[j]!;
      const logB = Math.log(bj);
      const fixed =
        logFactorials[ai]! + logFactorials[bj]! + logFactorials[n - ai]! + logFactorials[n - bj]!;
      const start = Math.max(1, ai - n + bj);
      const end = Math.min(ai, bj);
      for (let nij = start; nij <= end; nij++) {
        const term2 = logN + Math.log(nij) - logA - logB;
        const gln =
          fixed -
          (logFactorials[nij]! + logFactorials[n]!) -
          logFactorials[ai - nij]! -
          logFactorials[bj - nij]! -
          logFactorials[n - ai - bj + nij]!;
        emi += (nij / n) * term2 * Math.exp(gln);
      }
    }
  }
  return emi;
}
