/**
 * Which implementation runs the k-means and k-means++ kernels:
 * - `'auto'` (default): the WebAssembly SIMD kernels where the runtime supports them (see
 *   `kmeans-wasm.ts`), else the TypeScript kernels;
 * - `'wasm'`: the WebAssembly kernels (setting it throws where they cannot run);
 * - `'js'`: always the TypeScript kernels.
 * Both give bit-identical results (tested), so this is a speed switch only. It is read when a fit
 * starts, on the thread that calls `kmeans`/`kmeansParallel`/`kmeansPlusPlus(Parallel)`; worker
 * threads simply follow the tasks they receive. The initial mode can also be set with the
 * environment variable `SEGMINT_KMEANS_KERNEL=auto|wasm|js` where a `process.env` exists (read
 * once, at load).
 */
import { SegmintError } from '../core/errors.js';
import { kmeansWasmSupported } from './kmeans-wasm.js';

/** The k-means kernel implementation: see the file header. */
export type KMeansKernel = 'auto' | 'wasm' | 'js';

const MODES: readonly KMeansKernel[] = ['auto', 'wasm', 'js'];

function fromEnvironment(): KMeansKernel {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.SEGMINT_KMEANS_KERNEL;
  return MODES.find((mode) => mode === value) ?? 'auto';
}

let mode: KMeansKernel = fromEnvironment();

/** The current kernel mode (default `'auto'`). */
export function kmeansKernel(): KMeansKernel {
  return mode;
}

/**
 * Sets the kernel mode for fits started afterwards and returns the previous mode.
 * @throws SegmintError INVALID_PARAMETER for an unknown mode, or `'wasm'` where the WebAssembly
 *   kernels cannot run (no WebAssembly SIMD or no shared memory).
 * @example
 * const previous = setKMeansKernel('js');
 * try { kmeans(X, { clusterCount: 8 }); } finally { setKMeansKernel(previous); }
 */
export function setKMeansKernel(kernel: KMeansKernel): KMeansKernel {
  if (!MODES.includes(kernel)) {
    throw new SegmintError(
      'INVALID_PARAMETER',
      `setKMeansKernel: 'kernel' must be one of 'auto', 'wasm', 'js'; got ${String(kernel)}.`,
      { parameter: 'kernel', value: kernel },
    );
  }
  if (kernel === 'wasm' && !kmeansWasmSupported()) {
    throw new SegmintError(
      'INVALID_PARAMETER',
      "setKMeansKernel: 'wasm' needs WebAssembly SIMD and shared memory, which this runtime lacks.",
      { parameter: 'kernel', value: kernel },
    );
  }
  const previous = mode;
  mode = kernel;
  return previous;
}
