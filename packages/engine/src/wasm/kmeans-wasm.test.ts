/**
 * The WebAssembly SIMD kernels give bit-identical results to the TypeScript kernels: the squared
 * distance itself (every d mod 4 tail, hostile magnitudes), whole k-means fits (Lloyd, Hamerly,
 * Elkan, weights, k = 1, odd and small d, empty-cluster relocation) and k-means++ seedings.
 * The threaded twins are compared in `kmeans-wasm-parallel.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { kmeans } from '../cluster/kmeans.js';
import { fitMemory } from '../cluster/kmeans-memory.js';
import type { KMeansModel, KMeansOptions } from '../cluster/kmeans-options.js';
import { kmeansPlusPlus, type KMeansPlusPlusOptions } from '../cluster/kmeans-plus-plus.js';
import { LOCAL_ALLOCATOR } from '../cluster/kmeans-blocks.js';
import { squaredDistance } from '../cluster/squared-distance.js';
import { lloydRows } from '../cluster/kmeans-assign.js';
import { meanVariance } from '../cluster/kmeans-prepare.js';
import { createRandom } from '../core/random.js';
import type { Matrix } from '../matrix/matrix.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { createWasmArena } from './arena.js';
import { kmeansKernel, setKMeansKernel, type KMeansKernel } from './kernel-mode.js';
import { kernelsFor, kmeansWasmSupported, preloadKMeansWasm } from './kmeans-wasm.js';

/** Runs `run` with the kernel mode set to `kernel`, restoring the previous mode. */
function withKernel<T>(kernel: KMeansKernel, run: () => T): T {
  const previous = setKMeansKernel(kernel);
  try {
    return run();
  } finally {
    setKMeansKernel(previous);
  }
}

/** Every field of two k-means models, compared bit for bit (Object.is on every number). */
function expectSameModel(actual: KMeansModel, expected: KMeansModel): void {
  expect(Array.from(actual.labels)).toEqual(Array.from(expected.labels));
  expect(
    Array.from(actual.centroids.data).map((v, i) => Object.is(v, expected.centroids.data[i])),
  ).not.toContain(false);
  expect(Object.is(actual.inertia, expected.inertia)).toBe(true);
  expect(actual.iterations).toBe(expected.iterations);
  expect(actual.converged).toBe(expected.converged);
  expect(actual.warnings).toEqual(expected.warnings);
}

function blobs(rows: number, d: number, k: number, seed: number, spread = 3): Matrix {
  const perCluster = Math.ceil(rows / k);
  return makeBlobs({ perCluster, clusters: k, dimensions: d, spread, seed }).X;
}

function weightsFor(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n }, () => 0.25 + 2 * random.next());
}

describe('WebAssembly k-means kernels', () => {
  it('are supported by this Node', async () => {
    expect(await preloadKMeansWasm()).toBe(true);
    expect(kmeansWasmSupported()).toBe(true);
    expect(kmeansKernel()).toBe('auto');
  });

  it('route a fit through WebAssembly memory only when enabled', () => {
    const layout = {
      X: new Float64Array(12),
      n: 4,
      d: 3,
      weights: null,
      blockRows: 256,
      k: 2,
      trials: 0,
      elkan: false,
    };
    const wasm = withKernel('wasm', () => fitMemory(layout, LOCAL_ALLOCATOR));
    expect(wasm.data.wasm).not.toBeNull();
    expect(wasm.data.X.buffer).toBeInstanceOf(SharedArrayBuffer);
    wasm.release();
    const js = withKernel('js', () => fitMemory(layout, LOCAL_ALLOCATOR));
    expect(js.data.wasm).toBeNull();
    expect(js.data.X).toBe(layout.X);
    expect(js.allocator).toBe(LOCAL_ALLOCATOR);
  });

  it('compute squaredDistance bit for bit, for every d mod 4', () => {
    const random = createRandom(7);
    for (let d = 1; d <= 19; d++) {
      const n = 64;
      const arena = withKernel('wasm', () => createWasmArena(1 << 16))!;
      const X = arena.float64(n * d);
      const centers = arena.float64(2 * d);
      const labels = arena.int32(n);
      const output = arena.float64(n);
      // Mixed magnitudes make the summation order visible in the last bits.
      for (let p = 0; p < X.length; p++)
        X[p] = (random.next() - 0.5) * 10 ** Math.floor(random.next() * 12 - 4);
      for (let p = 0; p < centers.length; p++) centers[p] = (random.next() - 0.5) * 1e3;
      for (let i = 0; i < n; i++) labels[i] = i % 2;
      const kernels = kernelsFor(arena.handle)!;
      kernels.pointDistanceRows(
        X.byteOffset,
        d,
        centers.byteOffset,
        labels.byteOffset,
        output.byteOffset,
        0,
        n,
      );
      for (let i = 0; i < n; i++) {
        const expected = squaredDistance(X, i * d, centers, (i % 2) * d, d);
        expect(Object.is(output[i], expected)).toBe(true);
      }
      arena.release();
    }
  });

  it('compute Lloyd bounds (paired distances) bit for bit, for odd and even k', () => {
    const random = createRandom(11);
    for (const d of [3, 4, 6, 9, 16]) {
      for (const k of [2, 3, 5]) {
        const n = 200;
        const arena = withKernel('wasm', () => createWasmArena(1 << 16))!;
        const X = arena.float64(n * d);
        const centers = arena.float64(k * d);
        const labels = arena.int32(n);
        const upper = arena.float64(n);
        const lower = arena.float64(n);
        for (let p = 0; p < X.length; p++)
          X[p] = (random.next() - 0.5) * 10 ** Math.floor(random.next() * 8 - 2);
        for (let p = 0; p < centers.length; p++) centers[p] = (random.next() - 0.5) * 10;
        const changed = kernelsFor(arena.handle)!.lloydRows(
          X.byteOffset,
          d,
          k,
          centers.byteOffset,
          labels.byteOffset,
          upper.byteOffset,
          lower.byteOffset,
          0,
          0,
          0,
          n,
        );
        const expectedLabels = new Int32Array(n);
        const expectedUpper = new Float64Array(n);
        const expectedLower = new Float64Array(n);
        const expectedChanged = lloydRows(
          X,
          d,
          k,
          centers,
          expectedLabels,
          expectedUpper,
          expectedLower,
          0,
          n,
        );
        expect(changed).toBe(expectedChanged);
        expect(Array.from(labels)).toEqual(Array.from(expectedLabels));
        expect(Array.from(upper).map((v, i) => Object.is(v, expectedUpper[i]))).not.toContain(
          false,
        );
        expect(Array.from(lower).map((v, i) => Object.is(v, expectedLower[i]))).not.toContain(
          false,
        );
        arena.release();
      }
    }
  });

  const cases: Array<{
    name: string;
    X: Matrix;
    options: Partial<KMeansOptions> & { clusterCount: number };
  }> = [];
  for (const d of [1, 2, 3, 5, 16]) {
    const X = blobs(3000, d, 5, 10 + d);
    for (const algorithm of ['lloyd', 'hamerly', 'elkan', 'auto'] as const) {
      cases.push({
        name: `d = ${d}, ${algorithm}`,
        X,
        options: { clusterCount: 5, algorithm, seed: 3 },
      });
    }
    cases.push({
      name: `d = ${d}, weighted, nInit 2`,
      X,
      options: { clusterCount: 4, seed: 1, nInit: 2, sampleWeight: weightsFor(X.rows, d) },
    });
  }
  const X16 = blobs(2000, 16, 6, 99, 6);
  cases.push({ name: 'k = 1', X: X16, options: { clusterCount: 1 } });
  cases.push({
    name: 'k = 1, weighted',
    X: X16,
    options: { clusterCount: 1, sampleWeight: weightsFor(X16.rows, 5) },
  });
  cases.push({
    name: 'k = 2 (odd pair count), random init',
    X: X16,
    options: { clusterCount: 2, init: 'random', nInit: 3 },
  });
  cases.push({
    name: 'k = 7, maxIterations 3 (not converged)',
    X: X16,
    options: { clusterCount: 7, maxIterations: 3 },
  });
  // A centre far from every point: its cluster is empty at once and gets relocated.
  const far = Array.from({ length: 3 }, (_, c) =>
    Array.from({ length: 16 }, (_, f) => (c === 2 ? 1e4 : X16.data[c * 700 * 16 + f]!)),
  );
  cases.push({ name: 'empty cluster relocation', X: X16, options: { clusterCount: 3, init: far } });
  cases.push({
    name: 'empty cluster relocation, weighted',
    X: X16,
    options: {
      clusterCount: 3,
      init: far,
      sampleWeight: weightsFor(X16.rows, 8),
      algorithm: 'lloyd',
    },
  });

  for (const { name, X, options } of cases) {
    it(`fit equals the TypeScript fit bit for bit: ${name}`, () => {
      const js = withKernel('js', () => kmeans(X, options));
      const wasm = withKernel('wasm', () => kmeans(X, options));
      expectSameModel(wasm, js);
      if (name.startsWith('empty')) {
        expect(wasm.warnings.map((w) => w.code)).toContain('EMPTY_CLUSTER_RESEEDED');
      }
    });
  }

  const seedings: Array<{ name: string; X: Matrix; k: number; options: KMeansPlusPlusOptions }> = [
    { name: 'd = 3', X: blobs(5000, 3, 8, 4), k: 8, options: { seed: 2 } },
    { name: 'd = 16, 3 trials', X: X16, k: 9, options: { seed: 5, localTrials: 3 } },
    {
      name: 'd = 5, weighted',
      X: blobs(4000, 5, 4, 6),
      k: 6,
      options: { seed: 9, sampleWeight: weightsFor(4000, 1) },
    },
    { name: 'd = 1, k = 2', X: blobs(1000, 1, 2, 3), k: 2, options: { seed: 0 } },
  ];
  for (const { name, X, k, options } of seedings) {
    it(`k-means++ equals the TypeScript seeding: ${name}`, () => {
      const js = withKernel('js', () => kmeansPlusPlus(X, k, options));
      const wasm = withKernel('wasm', () => kmeansPlusPlus(X, k, options));
      expect(Array.from(wasm.indices)).toEqual(Array.from(js.indices));
      expect(Array.from(wasm.centroids.data)).toEqual(Array.from(js.centroids.data));
    });
  }

  it('leaves the input unchanged and returns arrays outside WebAssembly memory', () => {
    const X = blobs(600, 4, 3, 1);
    const copy = X.data.slice();
    const model = withKernel('wasm', () => kmeans(X, { clusterCount: 3 }));
    expect(X.data).toEqual(copy);
    expect(model.labels.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(model.centroids.data.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  });

  it('measure the mean feature variance bit for bit, and find non-finite values', () => {
    const random = createRandom(3);
    for (const d of [1, 2, 3, 7, 16]) {
      const n = 1001;
      const data = Float64Array.from({ length: n * d }, () => (random.next() - 0.3) * 1e3);
      const layout = {
        X: data,
        n,
        d,
        weights: null,
        blockRows: 256,
        k: 2,
        trials: 0,
        elkan: false,
      };
      const wasm = withKernel('wasm', () => fitMemory(layout, LOCAL_ALLOCATOR));
      expect(wasm.data.wasm).not.toBeNull();
      expect(Object.is(wasm.meanVariance(), meanVariance({ data, rows: n, cols: d }))).toBe(true);
      expect(() => wasm.assertFinite('test')).not.toThrow();
      wasm.release();
    }
  });

  for (const bad of [NaN, Infinity, -Infinity]) {
    it(`report a ${bad} in X with its row and column, like the TypeScript path`, () => {
      const X = blobs(600, 3, 3, 2);
      const data = X.data.slice();
      data[301 * 3 + 2] = bad;
      const broken = { data, rows: X.rows, cols: 3 };
      const message = /row 301.*column 2|column 2.*row 301/;
      for (const kernel of ['wasm', 'js'] as const) {
        expect(() => withKernel(kernel, () => kmeans(broken, { clusterCount: 3 }))).toThrow(
          message,
        );
        expect(() => withKernel(kernel, () => kmeansPlusPlus(broken, 3))).toThrow(message);
      }
    });
  }

  it('rejects unknown kernel modes', () => {
    expect(() => setKMeansKernel('gpu' as KMeansKernel)).toThrow(
      "setKMeansKernel: 'kernel' must be one of 'auto', 'wasm', 'js'; got gpu.",
    );
  });
});
