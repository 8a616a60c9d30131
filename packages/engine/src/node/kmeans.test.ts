/**
 * The threaded k-means and k-means++ give exactly the single-threaded results, whatever the
 * number of threads (fixed blocks, block-order reductions). Workers run the built dist:
 * `npm run build --workspace @segmint/engine` first.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { kmeans } from '../cluster/kmeans.js';
import { kmeansPlusPlus } from '../cluster/kmeans-plus-plus.js';
import { createRandom } from '../core/random.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { kmeansParallel, kmeansPlusPlusParallel } from './kmeans.js';
import { ThreadPool } from './pool.js';

describe('kmeansParallel', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());
  // Enough rows for many blocks (64 rows each with weights, 256 without), overlapping so Hamerly has work to do.
  const { X } = makeBlobs({ perCluster: 2500, clusters: 6, dimensions: 5, spread: 4, seed: 12 });
  const random = createRandom(3);
  const sampleWeight = Float64Array.from({ length: X.rows }, () => 0.5 + random.next());

  for (const algorithm of ['lloyd', 'hamerly', 'elkan'] as const) {
    for (const weighted of [false, true]) {
      it(`equals kmeans for 1, 2 and 3 threads (${algorithm}${weighted ? ', weighted' : ''})`, async () => {
        const options = {
          clusterCount: 6,
          algorithm,
          seed: 4,
          nInit: 2,
          sampleWeight: weighted ? sampleWeight : undefined,
        };
        const serial = kmeans(X, options);
        expect(serial.iterations).toBeGreaterThan(3);
        for (const threads of [1, 2, 3]) {
          const parallel = await kmeansParallel(X, { ...options, threads, pool });
          expect(parallel.labels).toEqual(serial.labels);
          expect(Math.abs(parallel.inertia - serial.inertia)).toBeLessThanOrEqual(
            1e-12 * serial.inertia,
          );
          expect(parallel.centroids.data).toEqual(serial.centroids.data);
          expect(parallel.iterations).toBe(serial.iterations);
        }
      });
    }
  }

  it('seeds exactly like kmeansPlusPlus for 1, 2 and 3 threads', async () => {
    const serial = kmeansPlusPlus(X, 9, { seed: 5 });
    for (const threads of [1, 2, 3]) {
      const parallel = await kmeansPlusPlusParallel(X, 9, { seed: 5, threads, pool });
      expect(parallel.indices).toEqual(serial.indices);
      expect(parallel.centroids.data).toEqual(serial.centroids.data);
    }
  });

  it('validates like kmeans, and checks threads', async () => {
    await expect(kmeansParallel(X, { clusterCount: 0, pool })).rejects.toThrow(
      "kmeans: 'clusterCount' must be an integer in [1, 10000]; got 0.",
    );
    await expect(kmeansParallel(X, { clusterCount: 2, threads: 0, pool })).rejects.toThrow(
      "'threads' must be an integer in [1, 256]; got 0.",
    );
  });
});
