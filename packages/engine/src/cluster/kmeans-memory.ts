/**
 * Where a k-means or k-means++ fit keeps its data: in a WebAssembly arena when the WASM SIMD
 * kernels are available (see `../wasm/arena.ts`, `../wasm/kernel-mode.ts`), else in the caller's
 * typed arrays with the given fallback allocator (plain arrays for one thread, SharedArrayBuffer
 * for workers).
 *
 * Notation: X is (n, d) row-major, k the cluster count, w the sample weights (n).
 *
 * The arena path copies X and w into WebAssembly memory once per fit (n * d * 8 bytes); the
 * result of the fit never references the arena (models hold fresh copies), so it is released as
 * soon as the fit ends, also when it throws.
 */
import { assertFinite } from '../matrix/validate.js';
import { createWasmArena } from '../wasm/arena.js';
import { kernelsFor } from '../wasm/kmeans-wasm.js';
import { blockData, type Allocator, type BlockData } from './kmeans-blocks.js';
import { defaultLocalTrials } from './kmeans-plus-plus.js';
import { meanVariance, type PreparedKMeans } from './kmeans-prepare.js';

/** The block data and allocator of one fit, and how to free them. */
export interface FitMemory {
  readonly data: BlockData;
  readonly allocator: Allocator;
  /** Mean over features of the population variance of X (see `meanVariance`), bit-identical. */
  meanVariance(): number;
  /** @throws SegmintError NON_FINITE_VALUE (row, column) when X holds NaN or Infinity. */
  assertFinite(owner: string): void;
  /** Frees the WebAssembly arena (no-op on the TypeScript path). */
  release(): void;
}

/** Layout of a fit: X (n * d), optional weights, rows per block, k and candidates per step. */
export interface FitLayout {
  readonly X: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly weights: Float64Array | null;
  readonly blockRows: number;
  readonly k: number;
  /** k-means++ candidates per step (0 when no seeding runs). */
  readonly trials: number;
  /** Elkan per-centre bounds are allocated (n * k doubles more). */
  readonly elkan: boolean;
}

/** The {@link FitLayout} of a prepared k-means fit. */
export function kmeansLayout(prepared: PreparedKMeans): FitLayout {
  const { matrix, weights, blockRows, k, init, elkan } = prepared;
  const trials = init === 'k-means++' ? defaultLocalTrials(k) : 0;
  return { X: matrix.data, n: matrix.rows, d: matrix.cols, weights, blockRows, k, trials, elkan };
}

/** Bytes a fit allocates, roughly (the arena grows if this is short). */
function expectedBytes(layout: FitLayout): number {
  const { n, d, k, weights, blockRows, trials, elkan } = layout;
  const blockCount = Math.max(1, Math.ceil(n / blockRows));
  // labels 4, Hamerly bounds 16, k-means++ D^2 8, point distances 8, rounding slack 4.
  const perRow = d * 8 + (weights === null ? 0 : 8) + 40 + (elkan ? k * 8 + 4 : 0);
  const perBlock = (k * d + k + 4 + trials) * 8;
  return n * perRow + blockCount * perBlock + (4 * k * d + 4 * k + k * k) * 8;
}

/**
 * The memory of one fit: X and w copied into a WebAssembly arena (tasks then carry its handle),
 * or, on the TypeScript path, `X`/`weights` as given (or as mapped by `share`) with `fallback`.
 */
export function fitMemory(
  layout: FitLayout,
  fallback: Allocator,
  share: (array: Float64Array) => Float64Array = (array) => array,
): FitMemory {
  const { n, d, weights, blockRows } = layout;
  const matrix = { data: layout.X, rows: n, cols: d };
  const arena = createWasmArena(expectedBytes(layout));
  const kernels = arena === null ? null : kernelsFor(arena.handle);
  if (arena === null || kernels === null) {
    arena?.release();
    const X = share(layout.X);
    const w = weights === null ? null : share(weights);
    return {
      data: blockData(X, n, d, w, blockRows),
      allocator: fallback,
      meanVariance: () => meanVariance(matrix),
      assertFinite: (owner) => assertFinite(owner, matrix),
      release: () => {},
    };
  }
  try {
    const X = arena.copy(layout.X);
    const w = weights === null ? null : arena.copy(weights);
    return {
      data: blockData(X, n, d, w, blockRows, arena.handle),
      allocator: arena,
      meanVariance: () => {
        const scratch = arena.float64(2 * d);
        const squares = scratch.byteOffset + d * Float64Array.BYTES_PER_ELEMENT;
        return kernels.meanVariance(X.byteOffset, n, d, scratch.byteOffset, squares);
      },
      assertFinite: (owner) => {
        // The message (row, column) comes from the TypeScript check, run only on failure.
        if (kernels.allFinite(X.byteOffset, X.length) !== 1) assertFinite(owner, matrix);
      },
      release: () => arena.release(),
    };
  } catch (error) {
    arena.release();
    throw error;
  }
}
