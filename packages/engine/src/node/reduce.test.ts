import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { pca } from '../reduce/pca.js';
import { ThreadPool } from './pool.js';
import { pcaParallel } from './reduce.js';

describe('pcaParallel', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());

  it('gives a bit-identical model to the serial pca', async () => {
    const random = createRandom(8);
    // Enough rows for several row parts (4096 rows each).
    const n = 20_000;
    const d = 9;
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      for (let t = 0; t < d; t++) data[i * d + t] = z * (t - 4) + random.normal() * (t + 1) + 100;
    }
    const X = { data, rows: n, cols: d };
    for (const whiten of [false, true]) {
      const serial = pca(X, { components: 3, whiten });
      for (const threads of [2, 3]) {
        const parallel = await pcaParallel(X, { components: 3, whiten, threads, pool });
        expect(parallel).toEqual(serial);
      }
    }
  });

  it('validates on the calling thread', async () => {
    await expect(
      pcaParallel(
        [
          [1, 2],
          [3, 4],
        ],
        { components: 3, pool },
      ),
    ).rejects.toMatchObject({
      code: ERROR_CODES.INVALID_PARAMETER,
    });
  });
});
