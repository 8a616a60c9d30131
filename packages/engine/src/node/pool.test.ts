import { afterAll, describe, expect, it } from 'vitest';
import { ThreadPool, splitRange, toShared } from './pool.js';

describe('ThreadPool', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());

  it('runs registered tasks on workers and returns their results', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((v) => pool.run<number>('echo', v)));
    expect(results).toEqual([1, 2, 3, 4]);
  });

  it('rejects unknown tasks with a clear message', async () => {
    await expect(pool.run('no-such-task', null)).rejects.toThrow(
      "worker: unknown task 'no-such-task'.",
    );
  });

  it('shares matrix data instead of copying it', () => {
    const X = toShared({ data: new Float64Array([1, 2, 3, 4]), rows: 2, cols: 2 });
    expect(X.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(toShared(X)).toBe(X);
  });

  it('splits ranges evenly and covers every index', () => {
    expect(splitRange(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(splitRange(1, 4)).toEqual([[0, 1]]);
  });
});
