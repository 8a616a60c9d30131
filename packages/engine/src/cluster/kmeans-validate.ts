/**
 * Edge checks shared by `kmeans` and `kmeansPlusPlus` (and their Node twins): data shape and
 * finiteness, the row count against k, sample weights, explicit initial centroids.
 *
 * Notation: X is (n, d), k the cluster count, w the (n) sample weights.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { invalidParameter } from '../core/params.js';
import { isMatrix, toMatrix, type Matrix, type MatrixLike } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';

/**
 * X as a Matrix, non-empty, finite (unless `checkFinite` is false: the caller then checks it
 * during its own pass over X), with at least `clusterCount` rows.
 * @throws SegmintError INVALID_SHAPE (empty, ragged, fewer rows than clusters) or
 *   NON_FINITE_VALUE naming the row and column.
 */
export function validateClusterData(
  owner: string,
  input: MatrixLike,
  clusterCount: number,
  checkFinite = true,
): Matrix {
  const X = toMatrix(input);
  assertNonEmpty(owner, X);
  if (checkFinite) assertFinite(owner, X);
  if (X.rows < clusterCount) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${owner}: X has ${X.rows} rows but 'clusterCount' is ${clusterCount}; ` +
        'need at least as many rows as clusters.',
      { rows: X.rows, parameter: 'clusterCount', value: clusterCount },
    );
  }
  return X;
}

/**
 * Sample weights as a fresh Float64Array of length n, or null when absent.
 * @throws SegmintError INVALID_PARAMETER for a wrong length, a negative/NaN/infinite weight
 *   (naming its index) or an all-zero weight vector.
 */
export function validateSampleWeight(
  owner: string,
  value: unknown,
  n: number,
): Float64Array | null {
  if (value === undefined || value === null) return null;
  if (!(value instanceof Float64Array) && !Array.isArray(value)) {
    throw invalidParameter(owner, 'sampleWeight', 'a Float64Array or number[]', value);
  }
  const source = value as ArrayLike<unknown>;
  if (source.length !== n) {
    throw invalidParameter(owner, 'sampleWeight', `of length ${n} (one weight per row)`, value);
  }
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = source[i];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `${owner}: 'sampleWeight' must hold finite numbers >= 0; got ${String(w)} at index ${i}.`,
        { parameter: 'sampleWeight', row: i, value: w },
      );
    }
    weights[i] = w;
    total += w;
  }
  if (!(total > 0)) throw invalidParameter(owner, 'sampleWeight', 'not all zero', 'all zeros');
  return weights;
}

/** True when `init` is explicit centroids (a Matrix or rows) rather than a method name. */
export function isExplicitInit(init: unknown): init is Matrix | readonly (readonly number[])[] {
  return isMatrix(init) || Array.isArray(init);
}

/**
 * Explicit initial centroids as a fresh (k, d) Float64Array.
 * @throws SegmintError INVALID_PARAMETER when the shape is not (clusterCount, d) or a value is
 *   not finite.
 */
export function validateInitCentroids(
  owner: string,
  init: Matrix | readonly (readonly number[])[],
  clusterCount: number,
  d: number,
): Float64Array {
  let C: Matrix;
  try {
    C = toMatrix(init, 'init');
  } catch {
    throw invalidParameter(owner, 'init', 'a (clusterCount, features) matrix', init);
  }
  if (C.rows !== clusterCount || C.cols !== d) {
    throw invalidParameter(
      owner,
      'init',
      `a matrix of shape (${clusterCount}, ${d}) (clusterCount, features)`,
      `shape (${C.rows}, ${C.cols})`,
    );
  }
  for (let p = 0; p < C.data.length; p++) {
    if (!Number.isFinite(C.data[p])) {
      throw invalidParameter(owner, 'init', 'finite centroids', C.data[p]);
    }
  }
  return C.data.slice();
}
