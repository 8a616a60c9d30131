/**
 * Places new points into a fitted UMAP map with umap-js's `transform` (McInnes et al. 2018,
 * section 4: the new points' fuzzy neighbourhoods in the training data, a weighted mean of their
 * neighbours' coordinates, then a short optimisation against the fixed training embedding).
 *
 * Notation: X the training data (n, d), Y its embedding (n, components), Z the new points (m, d).
 *
 * The umap-js instance is rebuilt lazily from the model, once per model object: re-running
 * `initializeFit` with the model's seed repeats the same random draws, so the kNN graph, search
 * graph and random-projection forest are those of the original fit; the stored Y then replaces
 * the instance's fresh initial layout (no optimisation epochs are re-run). Each transform
 * re-seeds the stream, so the same model and input always give the same output. Placing points
 * runs round(epochs / 3) epochs (at least 1), or 100 (30 beyond 10,000 new points) when the fit
 * used umap-js's epoch schedule.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { UMAP } from 'umap-js';
import { type Matrix, type MatrixLike, toMatrix } from '../matrix/matrix.js';
import { assertColumns, assertFinite } from '../matrix/validate.js';
import {
  type SeededSource,
  createUmap,
  matrixRows,
  rowsMatrix,
  seededSource,
} from './umap-kernel.js';
import type { UMAPModel } from './umap.js';

interface Rebuilt {
  readonly instance: UMAP;
  readonly source: SeededSource;
}

/** The parts of umap-js's instance that transform reads but its typings keep private. */
interface UmapInternals {
  embedding: number[][];
  nEpochs: number;
}

const instances = new WeakMap<UMAPModel, Rebuilt>();

// A distinct stream for transforms, so placing points never replays the fit's draws.
const TRANSFORM_SEED_SALT = 0x2545f491;

function rebuild(model: UMAPModel): Rebuilt {
  let rebuilt = instances.get(model);
  if (!rebuilt) {
    const source = seededSource(model.options.seed);
    const instance = createUmap(model.options, source);
    instance.initializeFit(matrixRows(model.training));
    const epochs = model.options.epochs;
    if (epochs !== undefined) {
      // umap-js transforms for nEpochs / 3 epochs and loops until the epoch count equals that
      // value exactly: a non-integer never ends. Round it to a whole number of epochs (>= 1).
      (instance as unknown as UmapInternals).nEpochs = 3 * Math.max(1, Math.round(epochs / 3));
    }
    rebuilt = { instance, source };
    instances.set(model, rebuilt);
  }
  return rebuilt;
}

/**
 * Coordinates of new points in an existing map.
 *
 * The first call on a model rebuilds umap-js's neighbour index (about the cost of the kNN part of
 * the fit); later calls reuse it. Points are placed independently of each other, except that
 * they share one random stream, so a point's coordinates may differ slightly between batches.
 *
 * @param model - a model from `umap` or `umapFromJSON`.
 * @param X - new points, shape (m, d) with the training column count.
 * @returns coordinates, shape (m, components).
 * @throws SegmintError INVALID_SHAPE (wrong column count), NON_FINITE_VALUE.
 * @example const placed = umapTransform(map, [[0.1, 2.3, 4.5]]);
 */
export function umapTransform(model: UMAPModel, X: MatrixLike): Matrix {
  const matrix = toMatrix(X);
  const k = model.options.components;
  assertColumns('umapTransform', matrix, model.training.cols);
  assertFinite('umapTransform', matrix);
  if (matrix.rows === 0) return { data: new Float64Array(0), rows: 0, cols: k };
  const { instance, source } = rebuild(model);
  const rows = matrixRows(matrix);
  // umap-js lets the optimisation move the training embedding too when m == n (it tests
  // head.length === tail.length); one extra copy of the first row avoids that case.
  const padded = rows.length === model.training.rows;
  if (padded) rows.push(rows[0]!.slice());
  // transform may write into the embedding it is given: hand it a fresh copy every call.
  (instance as unknown as UmapInternals).embedding = matrixRows(model.embedding);
  source.reseed((model.options.seed ^ TRANSFORM_SEED_SALT) >>> 0);
  let placed: number[][];
  try {
    placed = instance.transform(rows);
  } catch (error) {
    throw new SegmintError(
      ERROR_CODES.INVALID_MODEL,
      `umapTransform: umap-js could not place the points (${String(error)}).`,
      {},
      { cause: error },
    );
  }
  if (padded) placed.pop();
  return rowsMatrix(placed, k);
}
