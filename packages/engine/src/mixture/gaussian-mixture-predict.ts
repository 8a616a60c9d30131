/**
 * Using a fitted Gaussian mixture on (new) rows: posterior membership probabilities, hard
 * assignments with their strength, the mean log-likelihood and the information criteria, as
 * scikit-learn 1.2.1's `predict_proba`, `predict`, `score`, `bic` and `aic`.
 *
 * Notation: X is (n, d), k components, p the number of free parameters: k - 1 weights, k d means
 * and k d (d + 1) / 2 ('full') or k d ('diag') covariance entries. BIC = -2 n L + p ln n and
 * AIC = -2 n L + 2 p with L the mean log-likelihood (Schwarz 1978; Akaike 1974).
 */
import type { ClusterAssignment } from '../cluster/assignment.js';
import { toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertColumns, assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { argmaxRows, normaliseLogProb, weightedLogProb } from './gaussian-mixture-log-prob.js';
import type { GaussianMixtureModel } from './gaussian-mixture-options.js';

function checked(owner: string, model: GaussianMixtureModel, X: MatrixLike): Matrix {
  const matrix = toMatrix(X);
  assertNonEmpty(owner, matrix);
  assertColumns(owner, matrix, model.means.cols);
  assertFinite(owner, matrix);
  return matrix;
}

/** Log responsibilities (n * k) and the mean log-likelihood of the rows of X. */
function logResponsibilities(
  model: GaussianMixtureModel,
  X: Matrix,
): { logResponsibility: Float64Array; meanLogLikelihood: number } {
  const k = model.clusterCount;
  const out = new Float64Array(X.rows * k);
  weightedLogProb(
    X.data,
    X.rows,
    X.cols,
    model.weights,
    model.means.data,
    model.precisionsCholesky,
    k,
    model.options.covariance,
    out,
  );
  const meanLogLikelihood = normaliseLogProb(out, X.rows, k);
  return { logResponsibility: out, meanLogLikelihood };
}

/**
 * Posterior probability of each component for each row.
 *
 * @param model - a fitted {@link GaussianMixtureModel}.
 * @param X - rows, shape (n, d) with the model's d; finite.
 * @returns an (n, k) matrix whose rows sum to 1.
 * @throws SegmintError INVALID_SHAPE (empty X, wrong column count), NON_FINITE_VALUE.
 * @example gaussianMixtureProba(model, [[0, 1]]).data; // Float64Array (k)
 */
export function gaussianMixtureProba(model: GaussianMixtureModel, X: MatrixLike): Matrix {
  const matrix = checked('gaussianMixtureProba', model, X);
  const { logResponsibility } = logResponsibilities(model, matrix);
  for (let p = 0; p < logResponsibility.length; p++)
    logResponsibility[p] = Math.exp(logResponsibility[p]!);
  return { data: logResponsibility, rows: matrix.rows, cols: model.clusterCount };
}

/**
 * The most probable component of each row (label) and its posterior probability (strength).
 * On the training rows the labels equal `model.labels`.
 *
 * @param model - a fitted {@link GaussianMixtureModel}.
 * @param X - rows, shape (n, d); finite.
 * @returns labels (n) in [0, k) and strength (n) in (0, 1].
 * @throws SegmintError INVALID_SHAPE, NON_FINITE_VALUE.
 * @example gaussianMixturePredict(model, [[0, 1]]); // { labels: [0], strength: [0.99...] }
 */
export function gaussianMixturePredict(
  model: GaussianMixtureModel,
  X: MatrixLike,
): ClusterAssignment {
  const matrix = checked('gaussianMixturePredict', model, X);
  const k = model.clusterCount;
  const { logResponsibility } = logResponsibilities(model, matrix);
  const labels = argmaxRows(logResponsibility, matrix.rows, k);
  const strength = new Float64Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++)
    strength[i] = Math.exp(logResponsibility[i * k + labels[i]!]!);
  return { labels, strength };
}

/**
 * Mean log-likelihood of the rows of X under the model (scikit-learn's `score`).
 * @throws SegmintError INVALID_SHAPE, NON_FINITE_VALUE.
 * @example gaussianMixtureScore(model, X); // e.g. -2.75
 */
export function gaussianMixtureScore(model: GaussianMixtureModel, X: MatrixLike): number {
  return logResponsibilities(model, checked('gaussianMixtureScore', model, X)).meanLogLikelihood;
}

/** Number of free parameters of the model (scikit-learn's `_n_parameters`). */
export function gaussianMixtureParameterCount(model: GaussianMixtureModel): number {
  const k = model.clusterCount;
  const d = model.means.cols;
  const covariance = model.options.covariance === 'full' ? (k * d * (d + 1)) / 2 : k * d;
  return covariance + k * d + k - 1;
}

/**
 * Bayesian information criterion on X (lower is better): -2 n L + p ln n.
 * @throws SegmintError INVALID_SHAPE, NON_FINITE_VALUE.
 * @example gaussianMixtureBic(model, X);
 */
export function gaussianMixtureBic(model: GaussianMixtureModel, X: MatrixLike): number {
  const matrix = checked('gaussianMixtureBic', model, X);
  const score = logResponsibilities(model, matrix).meanLogLikelihood;
  return -2 * score * matrix.rows + gaussianMixtureParameterCount(model) * Math.log(matrix.rows);
}

/**
 * Akaike information criterion on X (lower is better): -2 n L + 2 p.
 * @throws SegmintError INVALID_SHAPE, NON_FINITE_VALUE.
 * @example gaussianMixtureAic(model, X);
 */
export function gaussianMixtureAic(model: GaussianMixtureModel, X: MatrixLike): number {
  const matrix = checked('gaussianMixtureAic', model, X);
  const score = logResponsibilities(model, matrix).meanLogLikelihood;
  return -2 * score * matrix.rows + 2 * gaussianMixtureParameterCount(model);
}
