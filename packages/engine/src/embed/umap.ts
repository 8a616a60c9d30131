/**
 * UMAP maps: `umap(X, options)` fits a seeded umap-js embedding and returns an immutable model
 * that can also place new points ({@link umapTransform}).
 *
 * Notation: X is the training data, shape (n, d); Y the embedding, shape (n, components).
 *
 * Model size: umap-js's transform needs the fitted instance (its kNN search graph and random-
 * projection forest), which is not plain data. The model therefore keeps the training data X
 * (n * d float64) and Y (n * components float64), about 8 (d + components) n bytes (16 MB for
 * 100,000 x 18 in 2-D), and rebuilds the instance the first time it transforms (see
 * `umap-transform.ts`).
 */
import type { EstimatorWarning } from '../core/warnings.js';
import { warning } from '../core/warnings.js';
import type { Matrix, MatrixLike } from '../matrix/matrix.js';
import { type EpochCallback, umapKernel } from './umap-kernel.js';
import { type UMAPOptions, prepareUmap } from './umap-options.js';

/** A fitted UMAP map. Plain immutable data (serialise with `umapToJSON`). */
export interface UMAPModel {
  /** Y: coordinates of the training rows, shape (n, components). */
  readonly embedding: Matrix;
  /** X: the training data, shape (n, d), kept so new points can be placed. */
  readonly training: Matrix;
  /** The merged options (JSON-safe). */
  readonly options: UMAPOptions;
  /** Optimisation epochs run. */
  readonly epochs: number;
  /** Soft failures (e.g. `UMAP_STOPPED_EARLY`). */
  readonly warnings: EstimatorWarning[];
}

/**
 * Builds the model from a kernel result (shared with the worker version so both are identical).
 * @internal
 */
export function buildUmapModel(
  X: Matrix,
  settings: UMAPOptions,
  embedding: Matrix,
  epochs: number,
  plannedEpochs: number,
): UMAPModel {
  const warnings: EstimatorWarning[] = [];
  if (epochs < plannedEpochs) {
    warnings.push(
      warning('UMAP_STOPPED_EARLY', `umap: stopped after ${epochs} of ${plannedEpochs} epochs.`, {
        epochs,
        plannedEpochs,
      }),
    );
  }
  return {
    embedding,
    training: { data: X.data.slice(), rows: X.rows, cols: X.cols },
    options: settings,
    epochs,
    warnings,
  };
}

/**
 * Fits a UMAP embedding (McInnes, Healy & Melville 2018) with umap-js, seeded so the same seed
 * gives the same map everywhere. Blocks the calling thread: on a server use `umapInWorker` from
 * `@segmint/engine/node`.
 *
 * @param X - data, shape (n, d), n > `neighbors`; usually standardised features.
 * @param options - {@link UMAPOptions}; defaults {@link UMAP_DEFAULTS} (2 components, 15
 *   neighbours, minDist 0.1, umap-js's epoch schedule, seed 0).
 * @param onEpoch - optional progress callback `(epoch, epochs)`; return false to stop early
 *   (the model then carries a `UMAP_STOPPED_EARLY` warning).
 * @returns a {@link UMAPModel}; `embedding` has shape (n, components).
 * @throws SegmintError INVALID_PARAMETER (bad option, neighbors >= n), INVALID_SHAPE (fewer than
 *   3 rows), NON_FINITE_VALUE.
 * @example
 * const map = umap(X, { seed: 1 });
 * map.embedding.rows === X.rows; // 2-D coordinates per row
 */
export function umap(
  X: MatrixLike,
  options?: Partial<UMAPOptions>,
  onEpoch?: EpochCallback,
): UMAPModel {
  const { X: matrix, settings } = prepareUmap('umap', X, options);
  const result = umapKernel(matrix, settings, onEpoch);
  return buildUmapModel(matrix, settings, result.embedding, result.epochs, result.plannedEpochs);
}
