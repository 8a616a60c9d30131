/**
 * Projecting with a fitted PCA, as scikit-learn 1.2.1's `PCA.transform` / `inverse_transform`.
 *
 * Notation: model mean m (d), components W (k, d), explained variances e (k).
 *   transform:          Y = (X - m) W^T, then Y[:, j] /= sqrt(e_j) when whitening   (n, k)
 *   inverse transform:  X = Y W + m, with W's rows scaled by sqrt(e_j) when whitening (n, d)
 */
import { type Matrix, type MatrixLike, toMatrix } from '../matrix/matrix.js';
import { assertColumns, assertFinite } from '../matrix/validate.js';
import type { PCAModel } from './pca.js';

/**
 * Projects rows onto the fitted components (new rows use the training mean).
 * @param model - a fitted {@link PCAModel}.
 * @param X - shape (n, d) with d == model.featureCount.
 * @returns a new matrix of shape (n, k).
 * @throws SegmintError INVALID_SHAPE (column count), NON_FINITE_VALUE.
 * @example const Y = pcaTransform(model, [[1, 2, 3]]); // shape (1, k)
 */
export function pcaTransform(model: PCAModel, X: MatrixLike): Matrix {
  const matrix = toMatrix(X);
  assertColumns('pcaTransform', matrix, model.featureCount);
  assertFinite('pcaTransform', matrix);
  return pcaTransformKernel(model, matrix);
}

/** Unchecked {@link pcaTransform}. */
export function pcaTransformKernel(model: PCAModel, X: Matrix): Matrix {
  const { rows: n, cols: d, data } = X;
  const k = model.components.rows;
  const W = model.components.data;
  const mean = model.mean;
  const scale = new Float64Array(k).fill(1);
  if (model.whiten) for (let c = 0; c < k; c++) scale[c] = Math.sqrt(model.explainedVariance[c]!);
  const out = new Float64Array(n * k);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) centred[t] = data[i * d + t]! - mean[t]!;
    for (let c = 0; c < k; c++) {
      let projection = 0;
      for (let t = 0; t < d; t++) projection += centred[t]! * W[c * d + t]!;
      out[i * k + c] = model.whiten ? projection / scale[c]! : projection;
    }
  }
  return { data: out, rows: n, cols: k };
}

/**
 * Maps projections back to feature space (the reconstruction from k components).
 * @param model - a fitted {@link PCAModel}.
 * @param Y - shape (n, k) with k == model.components.rows.
 * @returns a new matrix of shape (n, d).
 * @throws SegmintError INVALID_SHAPE (column count), NON_FINITE_VALUE.
 * @example const Xhat = pcaInverseTransform(model, pcaTransform(model, X));
 */
export function pcaInverseTransform(model: PCAModel, Y: MatrixLike): Matrix {
  const matrix = toMatrix(Y, 'Y');
  const k = model.components.rows;
  assertColumns('pcaInverseTransform', matrix, k, 'Y');
  assertFinite('pcaInverseTransform', matrix, 'Y');
  const d = model.featureCount;
  const n = matrix.rows;
  const W = model.components.data;
  const weights = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    const scale = model.whiten ? Math.sqrt(model.explainedVariance[c]!) : 1;
    for (let t = 0; t < d; t++) weights[c * d + t] = scale * W[c * d + t]!;
  }
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) {
      let value = 0;
      for (let c = 0; c < k; c++) value += matrix.data[i * k + c]! * weights[c * d + t]!;
      out[i * d + t] = value + model.mean[t]!;
    }
  }
  return { data: out, rows: n, cols: d };
}
