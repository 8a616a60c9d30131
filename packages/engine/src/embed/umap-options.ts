/**
 * UMAP options, their defaults and the edge checks shared by {@link umap} and the worker version
 * (`umapInWorker` in `@segmint/engine/node`), so both validate identically.
 *
 * Notation: X is the training data, shape (n, d); the embedding has shape (n, components).
 */
import { checkParams, invalidParameter, mergeOptions, type Constraints } from '../core/params.js';
import { type Matrix, type MatrixLike, toMatrix } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';

/** Options of {@link umap}. */
export interface UMAPOptions {
  /** Output dimensions (2 for maps). Default 2. */
  readonly components: number;
  /** Size of the local neighbourhood (k of the kNN graph); larger keeps more global structure. Default 15. */
  readonly neighbors: number;
  /** Minimum distance between embedded points, in [0, 1] (spread is 1). Default 0.1. */
  readonly minDist: number;
  /**
   * Optimisation epochs. Default `undefined`: umap-js picks 500 for n <= 2,500, 400 for <= 5,000,
   * 300 for <= 7,500, else 200. Transforming new points runs a third of this (or 100 / 30).
   */
  readonly epochs?: number;
  /** Seed of every random draw (forest, NN-descent, initial layout, negative sampling). Default 0. */
  readonly seed: number;
}

/** Defaults of {@link UMAPOptions}. */
export const UMAP_DEFAULTS: UMAPOptions = Object.freeze({
  components: 2,
  neighbors: 15,
  minDist: 0.1,
  epochs: undefined,
  seed: 0,
});

const CONSTRAINTS: Constraints<UMAPOptions> = {
  components: { type: 'integer', min: 1, max: 100 },
  neighbors: { type: 'integer', min: 2, max: 1000 },
  minDist: { type: 'number', min: 0, max: 1 },
  epochs: { type: 'integer', min: 1, max: 100000, optional: true },
  seed: { type: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER },
};

/** Validated input of a UMAP fit. */
export interface PreparedUmap {
  readonly X: Matrix;
  readonly settings: UMAPOptions;
}

/**
 * Checks options and data at the public edge: known options in range, finite values, and more
 * rows than `neighbors` (umap-js needs n > neighbors).
 * @throws SegmintError INVALID_PARAMETER, INVALID_SHAPE or NON_FINITE_VALUE.
 */
export function prepareUmap(
  owner: string,
  X: MatrixLike,
  options: Partial<UMAPOptions> | undefined,
): PreparedUmap {
  const settings = mergeOptions(UMAP_DEFAULTS, options);
  checkParams(owner, settings, CONSTRAINTS);
  // Without epochs, drop the key so the merged options are the same before and after JSON.
  const { epochs, ...rest } = settings;
  return prepareData(owner, X, epochs === undefined ? rest : settings);
}

function prepareData(owner: string, X: MatrixLike, settings: UMAPOptions): PreparedUmap {
  const matrix = toMatrix(X);
  assertNonEmpty(owner, matrix, 3);
  assertFinite(owner, matrix);
  if (matrix.rows <= settings.neighbors) {
    throw invalidParameter(
      owner,
      'neighbors',
      `an integer below the row count ${matrix.rows}`,
      settings.neighbors,
    );
  }
  return { X: matrix, settings };
}
