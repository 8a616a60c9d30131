/**
 * A bump allocator over one shared WebAssembly memory: the `Allocator` (see
 * `cluster/kmeans-blocks.ts`) of a fit whose kernels run in WebAssembly. X, the sample weights
 * and every buffer of the fit are carved out of the memory, so the WASM kernels address them by
 * byte offset, the TypeScript code keeps using ordinary typed-array views, and worker threads
 * receive the memory itself with each block task (a shared memory is never copied).
 *
 * Notation: n rows, d features, k clusters; sizes in bytes; a page is 64 KiB.
 *
 * Allocation never frees: an arena lives for one fit and is released after it. The memory grows
 * as needed (a grown shared memory keeps its old views valid). A WebAssembly memory can never
 * shrink or be freed explicitly, and worker threads keep a received memory alive until their own
 * garbage collection, so a fresh memory per fit would pile up hundreds of MB on large data;
 * instead the released memory is kept and reused (grown if the next fit needs more), and only
 * fits running at the same time get memories of their own. Memory handed out again is
 * zero-filled, as a fresh typed array would be. {@link releaseKMeansWasmMemory} drops the kept
 * memory.
 */
import type { Allocator } from '../cluster/kmeans-blocks.js';
import { kmeansKernel } from './kernel-mode.js';
import {
  instantiateKernels,
  kmeansWasmModule,
  registerKernels,
  unregisterKernels,
  type KMeansWasmKernels,
  type WasmHandle,
} from './kmeans-wasm.js';
import { webAssembly, WASM_PAGE_BYTES, type WasmMemory } from './webassembly.js';

/** An allocator over WebAssembly memory, for one fit. */
export interface WasmArena extends Allocator {
  /** The memory and arena id that block tasks carry (see `BlockData.wasm`). */
  readonly handle: WasmHandle;
  /** A copy of `source` inside the arena. */
  copy(source: Float64Array): Float64Array;
  /** Ends the fit: the arena must not be used afterwards (its memory is freed or reused). */
  release(): void;
}

/** Page 0 stays clear of the heap: offset 0 means "none" to the kernels. */
const HEAP_START = WASM_PAGE_BYTES;
/** wasm32: at most 65536 pages (4 GiB), the maximum the module declares. */
const MAX_PAGES = 65536;
const MAX_BYTES = MAX_PAGES * WASM_PAGE_BYTES;
const ALIGN = 16;

interface Backing {
  readonly memory: WasmMemory;
  readonly kernels: KMeansWasmKernels;
  /** Bytes below this offset may hold data from an earlier fit. */
  dirtyEnd: number;
}

let spare: Backing | null = null;
let nextId = 1;

/**
 * A new arena expected to hold about `expectedBytes`, or null when the kernels run in TypeScript
 * (kernel mode 'js', no WebAssembly support, more than 4 GiB needed, or the memory cannot be
 * reserved).
 */
export function createWasmArena(expectedBytes: number): WasmArena | null {
  if (kmeansKernel() === 'js' || kmeansWasmModule() === null) return null;
  const api = webAssembly()!;
  const needed = HEAP_START + Math.ceil(expectedBytes * 1.05) + (1 << 16);
  if (needed > MAX_BYTES) return null;
  let backing: Backing;
  if (spare !== null) {
    backing = spare;
    spare = null;
    const size = backing.memory.buffer.byteLength;
    try {
      if (size < needed) backing.memory.grow(Math.ceil((needed - size) / WASM_PAGE_BYTES));
    } catch {
      spare = backing;
      return null;
    }
  } else {
    let memory: WasmMemory;
    try {
      memory = new api.Memory({
        initial: Math.ceil(needed / WASM_PAGE_BYTES),
        maximum: MAX_PAGES,
        shared: true,
      });
    } catch {
      // No address space or memory for it: the TypeScript kernels need no extra memory.
      return null;
    }
    const kernels = instantiateKernels(memory);
    if (kernels === null) return null;
    backing = { memory, kernels, dirtyEnd: 0 };
  }
  const { memory } = backing;
  const handle: WasmHandle = { memory, id: nextId++ };
  registerKernels(handle.id, memory, backing.kernels);
  let top = HEAP_START;
  let released = false;

  const reserve = (bytes: number): number => {
    if (released) throw new Error('WasmArena: used after release.');
    const offset = top;
    top = Math.ceil((offset + bytes) / ALIGN) * ALIGN;
    const size = memory.buffer.byteLength;
    if (top > size) {
      if (top > MAX_BYTES) throw new RangeError('WasmArena: more than 4 GiB needed.');
      const wanted = Math.max(top - size, Math.floor(size / 4));
      const pages = Math.min(
        Math.ceil(wanted / WASM_PAGE_BYTES),
        MAX_PAGES - size / WASM_PAGE_BYTES,
      );
      memory.grow(pages);
    }
    return offset;
  };
  const zeroIfDirty = <T extends Float64Array | Int32Array>(view: T, offset: number): T => {
    if (offset < backing.dirtyEnd) view.fill(0);
    return view;
  };

  return {
    handle,
    float64(length: number): Float64Array {
      const offset = reserve(length * 8);
      return zeroIfDirty(new Float64Array(memory.buffer, offset, length), offset);
    },
    int32(length: number): Int32Array {
      const offset = reserve(length * 4);
      return zeroIfDirty(new Int32Array(memory.buffer, offset, length), offset);
    },
    copy(source: Float64Array): Float64Array {
      const offset = reserve(source.length * 8);
      const view = new Float64Array(memory.buffer, offset, source.length);
      view.set(source);
      return view;
    },
    release(): void {
      if (released) return;
      released = true;
      unregisterKernels(handle.id);
      backing.dirtyEnd = Math.max(backing.dirtyEnd, top);
      // Keep the larger of the kept memory and this one (the other is left to the GC).
      if (spare === null || spare.memory.buffer.byteLength < memory.buffer.byteLength)
        spare = backing;
    },
  };
}

/**
 * Drops the WebAssembly memory kept for reuse by the k-means kernels (it is garbage-collected
 * once no fit and no worker thread references it). The next fit creates a new one.
 * @example releaseKMeansWasmMemory(); // after the last large fit of a long-running process
 */
export function releaseKMeansWasmMemory(): void {
  spare = null;
}
