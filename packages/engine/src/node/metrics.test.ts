import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { silhouetteSamples } from '../metrics/silhouette.js';
import { silhouetteEstimate } from '../metrics/silhouette-estimate.js';
import { silhouetteEstimateParallel, silhouetteSamplesParallel } from './metrics.js';
import { ThreadPool } from './pool.js';

describe('silhouetteSamplesParallel', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());

  it('gives bit-identical values to the serial silhouette for any split', async () => {
    const random = createRandom(3);
    const n = 1203;
    const d = 5;
    const data = new Float64Array(n * d);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = i % 7 === 0 ? 4 : random.int(3);
      for (let t = 0; t < d; t++) data[i * d + t] = random.normal() + labels[i]!;
    }
    const X = { data, rows: n, cols: d };
    const serial = silhouetteSamples(X, labels);
    for (const threads of [1, 2, 3]) {
      const parallel = await silhouetteSamplesParallel(X, labels, { threads, pool });
      expect(Array.from(parallel)).toEqual(Array.from(serial));
    }
  });

  it('estimates exactly like the serial silhouetteEstimate (sampled and exact)', async () => {
    const random = createRandom(4);
    const n = 900;
    const data = new Float64Array(n * 3);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = i < 20 ? 3 : random.int(3);
      for (let t = 0; t < 3; t++) data[i * 3 + t] = random.normal() + 2 * labels[i]!;
    }
    const X = { data, rows: n, cols: 3 };
    for (const sampleSize of [200, 1000]) {
      const serial = silhouetteEstimate(X, labels, { sampleSize, seed: 9 });
      const parallel = await silhouetteEstimateParallel(X, labels, {
        sampleSize,
        seed: 9,
        threads: 2,
        pool,
      });
      expect(parallel.method).toBe(sampleSize < n ? 'stratified-sample' : 'exact');
      expect(parallel).toEqual(serial);
    }
  });

  it('validates on the calling thread', async () => {
    await expect(
      silhouetteSamplesParallel([[0], [1], [2]], [0, 0, 0], { pool }),
    ).rejects.toMatchObject({ code: ERROR_CODES.INVALID_LABELS });
  });
});
