/**
 * The threaded k-means and k-means++ on WebAssembly kernels (workers instantiate the module over
 * the shared memory they receive) give exactly the single-threaded TypeScript results, for 1, 2
 * and 3 threads. Workers run the built dist: `npm run build --workspace @segmint/engine` first.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { kmeans } from '../cluster/kmeans.js';
import type { KMeansModel, KMeansOptions } from '../cluster/kmeans-options.js';
import { kmeansPlusPlus } from '../cluster/kmeans-plus-plus.js';
import { createRandom } from '../core/random.js';
import { kmeansParallel, kmeansPlusPlusParallel } from '../node/kmeans.js';
import { ThreadPool } from '../node/pool.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { setKMeansKernel, type KMeansKernel } from './kernel-mode.js';

async function withKernel<T>(kernel: KMeansKernel, run: () => T | Promise<T>): Promise<T> {
  const previous = setKMeansKernel(kernel);
  try {
    return await run();
  } finally {
    setKMeansKernel(previous);
  }
}

function expectSameModel(actual: KMeansModel, expected: KMeansModel): void {
  expect(Array.from(actual.labels)).toEqual(Array.from(expected.labels));
  const same = Array.from(actual.centroids.data).map((v, i) =>
    Object.is(v, expected.centroids.data[i]),
  );
  expect(same).not.toContain(false);
  expect(Object.is(actual.inertia, expected.inertia)).toBe(true);
  expect(actual.iterations).toBe(expected.iterations);
  expect(actual.converged).toBe(expected.converged);
  expect(actual.warnings).toEqual(expected.warnings);
}

describe('kmeansParallel on WebAssembly kernels', () => {
  const pool = new ThreadPool(3);
  afterAll(() => pool.close());
  // Many blocks (256 rows each, 64 with weights) and overlapping blobs, so Hamerly has work.
  const { X } = makeBlobs({ perCluster: 1500, clusters: 6, dimensions: 7, spread: 4, seed: 21 });
  const random = createRandom(8);
  const sampleWeight = Float64Array.from({ length: X.rows }, () => 0.5 + random.next());

  const variants: Array<[string, Partial<KMeansOptions>]> = [
    ['auto', {}],
    ['lloyd', { algorithm: 'lloyd' }],
    ['elkan', { algorithm: 'elkan' }],
    ['auto, weighted', { sampleWeight }],
    ['lloyd, weighted, nInit 2', { algorithm: 'lloyd', sampleWeight, nInit: 2 }],
  ];
  for (const [name, extra] of variants) {
    it(`equals the serial TypeScript fit for 1, 2 and 3 threads (${name})`, async () => {
      const options = { clusterCount: 6, seed: 4, ...extra };
      const serial = await withKernel('js', () => kmeans(X, options));
      expect(serial.iterations).toBeGreaterThan(3);
      for (const threads of [1, 2, 3]) {
        const parallel = await withKernel('wasm', () =>
          kmeansParallel(X, { ...options, threads, pool }),
        );
        expectSameModel(parallel, serial);
      }
    });
  }

  it('relocates empty clusters like the serial TypeScript fit', async () => {
    const init = [Array.from(X.data.subarray(0, 7)), Array.from({ length: 7 }, () => 1e5)];
    const options = { clusterCount: 2, init, algorithm: 'lloyd' as const };
    const serial = await withKernel('js', () => kmeans(X, options));
    expect(serial.warnings.map((w) => w.code)).toContain('EMPTY_CLUSTER_RESEEDED');
    for (const threads of [1, 2, 3]) {
      const parallel = await withKernel('wasm', () =>
        kmeansParallel(X, { ...options, threads, pool }),
      );
      expectSameModel(parallel, serial);
    }
  });

  it('seeds like the serial TypeScript kmeansPlusPlus for 1, 2 and 3 threads', async () => {
    for (const weighted of [false, true]) {
      const options = { seed: 5, sampleWeight: weighted ? sampleWeight : undefined };
      const serial = await withKernel('js', () => kmeansPlusPlus(X, 9, options));
      for (const threads of [1, 2, 3]) {
        const parallel = await withKernel('wasm', () =>
          kmeansPlusPlusParallel(X, 9, { ...options, threads, pool }),
        );
        expect(Array.from(parallel.indices)).toEqual(Array.from(serial.indices));
        expect(Array.from(parallel.centroids.data)).toEqual(Array.from(serial.centroids.data));
      }
    }
  });
});
