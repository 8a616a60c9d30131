/**
 * The few WebAssembly JS-API members the engine uses, typed locally: the engine compiles against
 * ES2023 only (no DOM lib), and `globalThis.WebAssembly` may be missing (old runtimes, locked-down
 * embedders), in which case every k-means kernel runs in TypeScript.
 */

/** A WebAssembly.Memory (shared memories expose a SharedArrayBuffer). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

/** A compiled WebAssembly.Module (opaque). */
export type WasmModule = object;

/** A WebAssembly.Instance. */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/** The WebAssembly namespace, as far as the engine uses it. */
export interface WasmNamespace {
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ) => WasmInstance;
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}

/** `globalThis.WebAssembly`, or undefined where the runtime has none. */
export function webAssembly(): WasmNamespace | undefined {
  return (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly;
}

/** Bytes of one WebAssembly page. */
export const WASM_PAGE_BYTES = 65536;
