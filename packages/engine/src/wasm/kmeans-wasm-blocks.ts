/**
 * Block tasks run as one WebAssembly call per block range (a JavaScript-to-WebAssembly call costs
 * about a microsecond, and a fit makes hundreds of thousands of block visits): Lloyd and Hamerly
 * assignment with incremental block sums, inertia, point distances and both k-means++ steps.
 *
 * Notation: X is (n, d) row-major, k the cluster count; blocks of `blockRows` rows (see
 * `../cluster/kmeans-blocks.ts`). Every array is addressed by its byte offset in the shared
 * memory. Tasks this file does not take (Elkan bounds, or block sums re-summed from scratch: the
 * first iteration and sample weights) return false and run block by block in
 * `../cluster/kmeans-kernels.ts`, still with the WASM row loops.
 */
import type { BlockTask } from '../cluster/kmeans-blocks.js';
import type { KMeansWasmKernels } from './kmeans-wasm.js';

/** Runs `task` over blocks [first, end) in WebAssembly; false when it must go block by block. */
export function runBlocksWasm(
  wasm: KMeansWasmKernels,
  task: BlockTask,
  first: number,
  end: number,
): boolean {
  const { X, n, d, blockRows } = task;
  const x = X.byteOffset;
  const weights = task.weights?.byteOffset ?? 0;
  switch (task.kind) {
    case 'lloyd':
    case 'hamerly': {
      if (task.centerBounds !== null) return false;
      const incremental = task.accumulate && !task.force && task.weights === null;
      if (task.accumulate && !incremental) return false;
      const { upper, lower } = task;
      const hamerly = task.kind === 'hamerly';
      const bounds = (hamerly || task.initBounds) && upper !== null && lower !== null;
      wasm.assignBlocks(
        hamerly ? 1 : 0,
        x,
        n,
        d,
        task.k,
        task.centers.byteOffset,
        task.labels.byteOffset,
        bounds ? upper.byteOffset : 0,
        bounds ? lower.byteOffset : 0,
        task.shifts?.byteOffset ?? 0,
        task.halfSeparation?.byteOffset ?? 0,
        task.maxShift,
        task.maxShiftIndex,
        task.secondMaxShift,
        incremental ? 1 : 0,
        task.blockSums.byteOffset,
        task.blockWeights.byteOffset,
        task.blockChanged.byteOffset,
        blockRows,
        first,
        end,
      );
      return true;
    }
    case 'inertia':
      wasm.inertiaBlocks(
        x,
        n,
        d,
        task.centers.byteOffset,
        task.labels.byteOffset,
        weights,
        task.output.byteOffset,
        blockRows,
        first,
        end,
      );
      return true;
    case 'point-distances':
      wasm.pointDistanceRows(
        x,
        d,
        task.centers.byteOffset,
        task.labels.byteOffset,
        task.output.byteOffset,
        first * blockRows,
        Math.min(n, end * blockRows),
      );
      return true;
    case 'seed-first':
      wasm.seedFirstBlocks(
        x,
        n,
        d,
        weights,
        task.center.byteOffset,
        task.closest.byteOffset,
        task.blockPotential.byteOffset,
        blockRows,
        first,
        end,
      );
      return true;
    case 'seed-candidates':
      wasm.seedCandidateBlocks(
        x,
        n,
        d,
        weights,
        task.pending?.byteOffset ?? 0,
        task.candidates.byteOffset,
        task.trials,
        task.closest.byteOffset,
        task.blockPotential.byteOffset,
        blockRows,
        first,
        end,
      );
      return true;
  }
}
