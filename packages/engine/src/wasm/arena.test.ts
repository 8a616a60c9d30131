/**
 * The WebAssembly arena: zero-filled allocations (also when a released memory is reused), growth
 * that keeps earlier views valid, views that really live in the WebAssembly memory, and no arena
 * at all in kernel mode 'js'.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWasmArena, releaseKMeansWasmMemory } from './arena.js';
import { setKMeansKernel } from './kernel-mode.js';

describe('createWasmArena', () => {
  afterEach(() => {
    setKMeansKernel('auto');
    releaseKMeansWasmMemory();
  });

  it('hands out zero-filled, 16-byte aligned views of one shared memory', () => {
    const arena = createWasmArena(1 << 12)!;
    const a = arena.float64(3);
    const b = arena.int32(5);
    expect(Array.from(a)).toEqual([0, 0, 0]);
    expect(Array.from(b)).toEqual([0, 0, 0, 0, 0]);
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(a.byteOffset % 16).toBe(0);
    expect(b.byteOffset % 16).toBe(0);
    expect(b.byteOffset).toBeGreaterThanOrEqual(a.byteOffset + 24);
    expect(a.byteOffset).toBeGreaterThan(0);
    arena.release();
  });

  it('zero-fills memory reused from an earlier fit', () => {
    const first = createWasmArena(1 << 12)!;
    first.float64(100).fill(7);
    first.int32(100).fill(-1);
    first.release();
    const second = createWasmArena(1 << 12)!;
    expect(second.handle.memory).toBe(first.handle.memory);
    expect(second.float64(100).every((v) => v === 0)).toBe(true);
    expect(second.int32(100).every((v) => v === 0)).toBe(true);
    second.release();
  });

  it('grows the memory and keeps earlier views valid', () => {
    const arena = createWasmArena(1 << 10)!;
    const early = arena.copy(Float64Array.from([1, 2, 3]));
    const before = arena.handle.memory.buffer.byteLength;
    const big = arena.float64(1 << 20);
    expect(arena.handle.memory.buffer.byteLength).toBeGreaterThan(before);
    big[big.length - 1] = 5;
    expect(Array.from(early)).toEqual([1, 2, 3]);
    expect(new Float64Array(arena.handle.memory.buffer, early.byteOffset, 3)[2]).toBe(3);
    arena.release();
    expect(() => arena.float64(1)).toThrow('WasmArena: used after release.');
  });

  it('gives concurrent fits separate memories', () => {
    const a = createWasmArena(1 << 10)!;
    const b = createWasmArena(1 << 10)!;
    expect(b.handle.memory).not.toBe(a.handle.memory);
    expect(b.handle.id).not.toBe(a.handle.id);
    a.release();
    b.release();
  });

  it('is not created in kernel mode js', () => {
    setKMeansKernel('js');
    expect(createWasmArena(1 << 10)).toBeNull();
  });
});
