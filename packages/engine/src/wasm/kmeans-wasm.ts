/**
 * Loading the WebAssembly SIMD k-means kernels (source: `packages/engine/assembly/kmeans.ts`,
 * bytes generated at build time into `kmeans-wasm-bytes.ts`) and binding them to a memory.
 *
 * Notation: X is (n, d) row-major, C is (k, d); every kernel argument named like an array is a
 * byte offset into the shared memory the block task's arrays live in (0 for "none").
 *
 * The module imports one shared `WebAssembly.Memory`, so the main thread and every worker thread
 * instantiate the same module over the same memory and run the kernels on the same data. Support
 * is detected once: the runtime must have WebAssembly, accept the module (SIMD and threads:
 * `WebAssembly.validate`) and create shared memories (`SharedArrayBuffer`, cross-origin isolation
 * in browsers). Otherwise every kernel runs in TypeScript, with bit-identical results.
 */
import { KMEANS_WASM_BASE64 } from './kmeans-wasm-bytes.js';
import { webAssembly, type WasmMemory, type WasmModule } from './webassembly.js';

/** The exported kernels (see `assembly/kmeans.ts` for each one's contract). */
export interface KMeansWasmKernels {
  lloydRows(
    X: number,
    d: number,
    k: number,
    centers: number,
    labels: number,
    upper: number,
    lower: number,
    sums: number,
    counts: number,
    start: number,
    end: number,
  ): number;
  hamerlyRows(
    X: number,
    d: number,
    k: number,
    centers: number,
    labels: number,
    upper: number,
    lower: number,
    shifts: number,
    halfSeparation: number,
    maxShift: number,
    maxShiftIndex: number,
    secondMaxShift: number,
    sums: number,
    counts: number,
    start: number,
    end: number,
  ): number;
  inertiaRows(
    X: number,
    d: number,
    centers: number,
    labels: number,
    weights: number,
    start: number,
    end: number,
  ): number;
  pointDistanceRows(
    X: number,
    d: number,
    centers: number,
    labels: number,
    output: number,
    start: number,
    end: number,
  ): void;
  seedFirstRows(
    X: number,
    d: number,
    weights: number,
    center: number,
    closest: number,
    start: number,
    end: number,
  ): number;
  assignBlocks(
    hamerly: number,
    X: number,
    n: number,
    d: number,
    k: number,
    centers: number,
    labels: number,
    upper: number,
    lower: number,
    shifts: number,
    halfSeparation: number,
    maxShift: number,
    maxShiftIndex: number,
    secondMaxShift: number,
    incremental: number,
    blockSums: number,
    blockWeights: number,
    blockChanged: number,
    blockRows: number,
    first: number,
    end: number,
  ): void;
  seedFirstBlocks(
    X: number,
    n: number,
    d: number,
    weights: number,
    center: number,
    closest: number,
    blockPotential: number,
    blockRows: number,
    first: number,
    end: number,
  ): void;
  seedCandidateBlocks(
    X: number,
    n: number,
    d: number,
    weights: number,
    pending: number,
    candidates: number,
    trials: number,
    closest: number,
    blockPotential: number,
    blockRows: number,
    first: number,
    end: number,
  ): void;
  inertiaBlocks(
    X: number,
    n: number,
    d: number,
    centers: number,
    labels: number,
    weights: number,
    blockOutput: number,
    blockRows: number,
    first: number,
    end: number,
  ): void;
  meanVariance(X: number, n: number, d: number, mean: number, squares: number): number;
  allFinite(values: number, count: number): number;
  reduceBlocks(
    blockSums: number,
    blockWeights: number,
    blockCount: number,
    k: number,
    d: number,
    sums: number,
    weights: number,
  ): void;
  seedCandidateRows(
    X: number,
    d: number,
    weights: number,
    pending: number,
    candidates: number,
    trials: number,
    closest: number,
    potentials: number,
    start: number,
    end: number,
  ): void;
}

/**
 * What a block task carries when its arrays live in WebAssembly memory: the memory (structured-
 * clonable to workers, which then share it) and an id naming the arena that owns it.
 */
export interface WasmHandle {
  readonly memory: WasmMemory;
  readonly id: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (no `atob`/`Buffer` dependence: the engine runs anywhere). */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | BASE64.indexOf(clean[i]!);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** undefined: not tried yet; null: unavailable (so far). */
let compiled: WasmModule | null | undefined;
/** Synchronous compilation was refused (browsers' main threads above 4 KB); async may work. */
let syncRefused = false;

function supportsSharedMemory(): boolean {
  const api = webAssembly();
  if (api === undefined || typeof SharedArrayBuffer === 'undefined') return false;
  try {
    const probe = new api.Memory({ initial: 1, maximum: 1, shared: true });
    return probe.buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}

/** The module bytes when this runtime has WebAssembly, shared memory, SIMD and threads. */
function validBytes(): Uint8Array | null {
  const api = webAssembly();
  if (api === undefined || !supportsSharedMemory()) return null;
  const bytes = decodeBase64(KMEANS_WASM_BASE64);
  try {
    return api.validate(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * The compiled module, or null when this runtime cannot run it (no WebAssembly, no SIMD or
 * threads, no shared memory). Compiles synchronously on first use, which Node and workers allow;
 * a browser's main thread refuses synchronous compilation of modules over 4 KB (this one is
 * ~11 KB), so call {@link preloadKMeansWasm} there first.
 */
export function kmeansWasmModule(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const bytes = validBytes();
  if (bytes === null) return compiled;
  try {
    compiled = new (webAssembly()!.Module)(bytes);
  } catch {
    syncRefused = true;
  }
  return compiled;
}

/**
 * Compiles the module asynchronously (`WebAssembly.compile`) and resolves with whether the WASM
 * kernels are usable here. Needed on a browser's main thread; elsewhere the first fit compiles
 * synchronously.
 * @example if (await preloadKMeansWasm()) console.log('k-means runs WebAssembly SIMD kernels');
 */
export async function preloadKMeansWasm(): Promise<boolean> {
  if (compiled === undefined || (compiled === null && syncRefused)) {
    const bytes = validBytes();
    try {
      compiled = bytes === null ? null : await webAssembly()!.compile(bytes);
    } catch {
      compiled = null;
    }
    syncRefused = false;
  }
  return compiled !== null;
}

/** True when the WASM kernels can run in this runtime. */
export function kmeansWasmSupported(): boolean {
  return kmeansWasmModule() !== null;
}

/** Kernels bound to `memory` (a new instance: ~10 us), or null when unsupported. */
export function instantiateKernels(memory: WasmMemory): KMeansWasmKernels | null {
  const module = kmeansWasmModule();
  const api = webAssembly();
  if (module === null || api === undefined) return null;
  return new api.Instance(module, { env: { memory } }).exports as unknown as KMeansWasmKernels;
}

/** Kernels of arenas alive on this thread, by id (the creating thread's own instances). */
const live = new Map<number, { memory: WasmMemory; kernels: KMeansWasmKernels }>();

/** Registers the kernels of a live arena (see `arena.ts`). */
export function registerKernels(id: number, memory: WasmMemory, kernels: KMeansWasmKernels): void {
  live.set(id, { memory, kernels });
}

/** Forgets an arena's kernels (after its fit). */
export function unregisterKernels(id: number): void {
  live.delete(id);
}

/**
 * The kernels for a task's memory: the arena's own instance on the thread that created it (same
 * memory object), else (a worker, which receives a clone of the memory) a fresh instance over the
 * received memory, so nothing outlives the task there.
 */
export function kernelsFor(handle: WasmHandle): KMeansWasmKernels | null {
  const entry = live.get(handle.id);
  if (entry !== undefined && entry.memory === handle.memory) return entry.kernels;
  return instantiateKernels(handle.memory);
}
