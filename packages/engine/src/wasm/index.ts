/**
 * WebAssembly SIMD kernels of k-means and k-means++ (internal plumbing plus the kernel switch).
 */
export { setKMeansKernel, kmeansKernel, type KMeansKernel } from './kernel-mode.js';
export { kmeansWasmSupported, preloadKMeansWasm } from './kmeans-wasm.js';
export { releaseKMeansWasmMemory } from './arena.js';
