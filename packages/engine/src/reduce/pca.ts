/**
 * Principal component analysis (Pearson 1901; Hotelling 1933) by eigendecomposition of the
 * scatter matrix, matching scikit-learn 1.2.1's `PCA(svd_solver='full')`.
 *
 * Notation: X is (n, d), m its column means, Xc = X - m, k the number of components. The
 * scatter S = Xc^T Xc (d, d) is accumulated in row parts (`scatter.ts`), then diagonalised by
 * cyclic Jacobi (`symmetric-eigen.ts`): S = V diag(lambda) V^T. Since Xc = U s V^T, the
 * singular values are s_j = sqrt(lambda_j), the explained variances lambda_j / (n - 1), and the
 * components the rows V^T. This costs O(n d^2 / 2 + d^3) instead of the O(n d^2) SVD with a much
 * larger constant, and never holds more than O(d^2) extra memory.
 *
 * Sign (scikit-learn's u-based `svd_flip`): U[:, j] = Xc v_j / s_j, and sklearn makes the
 * largest-|value| entry of each column of U positive; s_j > 0, so component j is negated
 * exactly when the first row i maximising |(x_i - m) . v_j| has a negative projection.
 *
 * Limits: d <= 1000 features (the Jacobi step is O(d^3)); 2 <= n; 1 <= k <= min(n, d). Small
 * eigenvalues are accurate to about eps * lambda_1 (the scatter squares the condition number),
 * ample for choosing and projecting onto the leading components.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { type Constraints, checkParams, invalidParameter, mergeOptions } from '../core/params.js';
import { type Matrix, type MatrixLike, toMatrix } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';
import {
  columnSumsKernel,
  combinePivots,
  partCount,
  partRows,
  scatterKernel,
  signPivotKernel,
  sumPartials,
  triangleSize,
} from './scatter.js';
import { symmetricEigen } from './symmetric-eigen.js';

/** Options of {@link pca}. */
export interface PCAOptions {
  /** Number of components k, in [1, min(n, d)]. Required. */
  components: number;
  /** Scale projections to unit variance (divide by sqrt(explained variance)). Default false. */
  whiten: boolean;
}

/** Defaults of {@link pca} (`components` has no default). */
export const PCA_DEFAULTS: Readonly<Omit<PCAOptions, 'components'>> = { whiten: false };

const CONSTRAINTS: Constraints<PCAOptions> = {
  components: { type: 'integer', min: 1, max: 1000 },
  whiten: { type: 'boolean' },
};

/** Largest feature count accepted (the eigen step is O(d^3)). */
export const PCA_MAX_FEATURES = 1000;

/** A fitted PCA. Arrays of length k unless noted. */
export interface PCAModel {
  readonly kind: 'pca';
  /** Column means of the training data, length d. */
  readonly mean: Float64Array;
  /** Principal axes as rows, shape (k, d), orthonormal, signs as scikit-learn's svd_flip. */
  readonly components: Matrix;
  /** Variance of the data along each component (denominator n - 1), descending. */
  readonly explainedVariance: Float64Array;
  /** explainedVariance / total variance. */
  readonly explainedVarianceRatio: Float64Array;
  /** Running sum of explainedVarianceRatio. */
  readonly cumulativeVarianceRatio: Float64Array;
  /** Singular values of the centred data, sqrt((n - 1) explainedVariance). */
  readonly singularValues: Float64Array;
  /** Mean of the discarded explained variances (probabilistic PCA's sigma^2); 0 if none. */
  readonly noiseVariance: number;
  readonly whiten: boolean;
  /** d. */
  readonly featureCount: number;
  /** n. */
  readonly sampleCount: number;
}

/** Validated PCA input (shared with the threaded `pcaParallel`). */
export interface PCAInput {
  readonly X: Matrix;
  readonly settings: PCAOptions;
}

/**
 * Validates X and options for {@link pca}.
 * @throws see {@link pca}.
 */
export function preparePca(
  owner: string,
  X: MatrixLike,
  options: Partial<PCAOptions> & { components: number },
): PCAInput {
  const settings = mergeOptions<PCAOptions>({ ...PCA_DEFAULTS, components: NaN }, options);
  checkParams(owner, settings, CONSTRAINTS);
  const matrix = toMatrix(X);
  assertNonEmpty(owner, matrix, 2);
  assertFinite(owner, matrix);
  if (matrix.cols > PCA_MAX_FEATURES) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: X has ${matrix.cols} columns; at most ${PCA_MAX_FEATURES} are supported (select or aggregate features first).`,
      { value: matrix.cols, max: PCA_MAX_FEATURES },
    );
  }
  const limit = Math.min(matrix.rows, matrix.cols);
  if (settings.components > limit) {
    throw invalidParameter(
      owner,
      'components',
      `an integer in [1, min(n, d)] = [1, ${limit}] for X of shape (${matrix.rows}, ${matrix.cols})`,
      settings.components,
    );
  }
  return { X: matrix, settings };
}

/**
 * Fits PCA: the k directions of largest variance of X.
 *
 * @param X - training data, shape (n, d), finite; n >= 2, d <= 1000.
 * @param options - `components` (k, required, 1 <= k <= min(n, d)), `whiten` (false).
 * @returns an immutable {@link PCAModel}; project with {@link pcaTransform}.
 * @throws SegmintError INVALID_PARAMETER (components out of range, unknown option, or whitening
 *   a component whose variance is zero),
 *   INVALID_SHAPE (fewer than 2 rows, no columns, more than 1000 columns), NON_FINITE_VALUE.
 * @example
 * const model = pca(X, { components: 2 });
 * const Y = pcaTransform(model, X); // shape (n, 2)
 */
export function pca(
  X: MatrixLike,
  options: Partial<PCAOptions> & { components: number },
): PCAModel {
  const { X: matrix, settings } = preparePca('pca', X, options);
  return pcaKernel(matrix, settings);
}

/** Unchecked PCA fit (serial). Assumes {@link preparePca} passed. */
export function pcaKernel(X: Matrix, settings: PCAOptions): PCAModel {
  const { rows: n, cols: d, data } = X;
  const parts = partCount(n, d);
  const sums = new Float64Array(parts * d);
  for (let p = 0; p < parts; p++) {
    const [start, end] = partRows(n, parts, p);
    columnSumsKernel(data, d, start, end, sums, p * d);
  }
  const mean = meanFromSums(sumPartials(sums, d, parts), n);
  const size = triangleSize(d);
  const scatters = new Float64Array(parts * size);
  for (let p = 0; p < parts; p++) {
    const [start, end] = partRows(n, parts, p);
    scatterKernel(data, d, mean, start, end, scatters, p * size);
  }
  const axes = principalAxes(sumPartials(scatters, size, parts), d, settings.components);
  const pivots = new Float64Array(parts * 2 * settings.components);
  for (let p = 0; p < parts; p++) {
    const [start, end] = partRows(n, parts, p);
    signPivotKernel(
      data,
      d,
      mean,
      axes.components,
      settings.components,
      start,
      end,
      pivots,
      p * 2 * settings.components,
    );
  }
  const signs = combinePivots(pivots, settings.components, parts);
  return buildPcaModel(settings, mean, axes, signs, n, d);
}

/** Column means from column sums. */
export function meanFromSums(sums: Float64Array, n: number): Float64Array {
  return sums.map((s) => s / n);
}

/** Eigenvalues of the scatter (all d, descending, clamped at 0) and the top-k axes as rows. */
export interface PrincipalAxes {
  readonly eigenvalues: Float64Array;
  /** Shape (k, d) row-major, signs not yet fixed. */
  readonly components: Float64Array;
}

/** Diagonalises the packed scatter triangle and keeps the top k axes. */
export function principalAxes(triangle: Float64Array, d: number, k: number): PrincipalAxes {
  const full = new Float64Array(d * d);
  let p = 0;
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) full[a * d + b] = triangle[p++]!;
  const { values, vectors } = symmetricEigen(full, d);
  return {
    eigenvalues: values.map((v) => Math.max(0, v)),
    components: vectors.slice(0, k * d),
  };
}

/** Assembles the model from the axes and the svd_flip signs (one +-1 per component). */
export function buildPcaModel(
  settings: PCAOptions,
  mean: Float64Array,
  axes: PrincipalAxes,
  signs: Float64Array,
  n: number,
  d: number,
): PCAModel {
  const k = settings.components;
  const rank = Math.min(n, d);
  const components = axes.components.slice();
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) components[c * d + t]! *= signs[c]!;
  const allVariances = axes.eigenvalues.subarray(0, rank).map((v) => v / (n - 1));
  let total = 0;
  for (const v of allVariances) total += v;
  const explainedVariance = allVariances.slice(0, k);
  if (settings.whiten) {
    // Whitening divides by sqrt(variance): a (numerically) zero-variance component would turn
    // projections into NaN or huge noise, so ask for fewer components instead.
    const floor = 1e-12 * (allVariances[0] ?? 0);
    for (let c = 0; c < k; c++) {
      if (!(explainedVariance[c]! > floor)) {
        throw invalidParameter(
          'pca',
          'components',
          `at most ${c} when whitening, the number of components with non-zero variance`,
          k,
        );
      }
    }
  }
  const explainedVarianceRatio = explainedVariance.map((v) => (total > 0 ? v / total : 0));
  const cumulativeVarianceRatio = new Float64Array(k);
  let running = 0;
  for (let c = 0; c < k; c++) {
    running += explainedVarianceRatio[c]!;
    cumulativeVarianceRatio[c] = running;
  }
  let noiseVariance = 0;
  if (k < rank) {
    for (let c = k; c < rank; c++) noiseVariance += allVariances[c]!;
    noiseVariance /= rank - k;
  }
  return {
    kind: 'pca',
    mean,
    components: { data: components, rows: k, cols: d },
    explainedVariance,
    explainedVarianceRatio,
    cumulativeVarianceRatio,
    singularValues: axes.eigenvalues.slice(0, k).map((v) => Math.sqrt(v)),
    noiseVariance,
    whiten: settings.whiten,
    featureCount: d,
    sampleCount: n,
  };
}
