/**
 * The unchecked UMAP kernel over umap-js (McInnes, Healy & Melville 2018, "UMAP: Uniform
 * Manifold Approximation and Projection for Dimension Reduction", arXiv:1802.03426).
 *
 * Notation: X is the training data, shape (n, d); Y the embedding, shape (n, components).
 * umap-js draws every random number (random-projection forest, NN-descent, the random initial
 * layout it uses instead of the spectral one, negative sampling) from the `random` function it
 * is given; feeding it the engine's seeded xoshiro128** stream makes fits reproducible on every
 * machine. umap-js uses no other source of randomness.
 */
import { UMAP } from 'umap-js';
import { createRandom } from '../core/random.js';
import type { Matrix } from '../matrix/matrix.js';
import type { UMAPOptions } from './umap-options.js';

/** Called after each optimisation epoch; return `false` to stop early. */
export type EpochCallback = (epoch: number, epochs: number) => boolean | void;

/** Plain rows of `X` (umap-js takes number[][]). */
export function matrixRows(X: Matrix): number[][] {
  const out = new Array<number[]>(X.rows);
  for (let i = 0; i < X.rows; i++)
    out[i] = Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols));
  return out;
}

/** Rows of numbers into a row-major matrix of `cols` columns. */
export function rowsMatrix(rows: readonly (readonly number[])[], cols: number): Matrix {
  const data = new Float64Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) data.set(rows[i]!, i * cols);
  return { data, rows: rows.length, cols };
}

/** A switchable seeded source: umap-js keeps one `random` function for its whole life. */
export interface SeededSource {
  readonly random: () => number;
  reseed(seed: number): void;
}

/** A {@link SeededSource} starting at `seed`. */
export function seededSource(seed: number): SeededSource {
  let stream = createRandom(seed);
  return {
    random: () => stream.next(),
    reseed: (next: number) => {
      stream = createRandom(next);
    },
  };
}

/** A umap-js instance configured from validated options. */
export function createUmap(settings: UMAPOptions, source: SeededSource): UMAP {
  return new UMAP({
    nComponents: settings.components,
    nNeighbors: settings.neighbors,
    minDist: settings.minDist,
    nEpochs: settings.epochs ?? 0,
    random: source.random,
  });
}

/** Result of {@link umapKernel}. */
export interface UmapKernelResult {
  /** Y, shape (n, components). */
  readonly embedding: Matrix;
  /** Epochs run. */
  readonly epochs: number;
  /** Epochs planned. */
  readonly plannedEpochs: number;
}

/**
 * Fits UMAP on valid input (finite, n > neighbors). Runs the epochs one by one so a caller can
 * report progress or stop early (`onEpoch` returning false).
 */
export function umapKernel(
  X: Matrix,
  settings: UMAPOptions,
  onEpoch?: EpochCallback,
): UmapKernelResult {
  const instance = createUmap(settings, seededSource(settings.seed));
  const plannedEpochs = instance.initializeFit(matrixRows(X));
  let epoch = 0;
  while (epoch < plannedEpochs) {
    epoch = instance.step();
    if (onEpoch && onEpoch(epoch, plannedEpochs) === false) break;
  }
  return {
    embedding: rowsMatrix(instance.getEmbedding(), settings.components),
    epochs: epoch,
    plannedEpochs,
  };
}
