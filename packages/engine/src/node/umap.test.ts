/** umapInWorker runs the built worker (dist/node/umap-worker.js): build the engine first. */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.js';
import { umap } from '../embed/umap.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { umapInWorker } from './umap.js';

describe('umapInWorker', () => {
  const { X } = makeBlobs({ perCluster: 40, clusters: 3, dimensions: 4, seed: 2 });

  it('gives the same model as umap and reports every epoch', async () => {
    const seen: number[] = [];
    const model = await umapInWorker(
      X,
      { seed: 3, epochs: 40 },
      {
        onProgress: ({ epoch, epochs }) => {
          expect(epochs).toBe(40);
          seen.push(epoch);
        },
      },
    );
    const serial = umap(X, { seed: 3, epochs: 40 });
    expect(Array.from(model.embedding.data)).toEqual(Array.from(serial.embedding.data));
    expect(model.options).toEqual(serial.options);
    expect(model.epochs).toBe(40);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('cancels on abort with CANCELLED', async () => {
    const controller = new AbortController();
    const run = umapInWorker(
      X,
      { seed: 3, epochs: 100000 },
      { signal: controller.signal, onProgress: ({ epoch }) => epoch === 5 && controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ code: ERROR_CODES.CANCELLED });
    const already = AbortSignal.abort();
    await expect(umapInWorker(X, { seed: 3 }, { signal: already })).rejects.toMatchObject({
      code: ERROR_CODES.CANCELLED,
    });
  });

  it('validates before starting a worker', async () => {
    await expect(umapInWorker(X, { neighbors: 0 })).rejects.toMatchObject({
      code: ERROR_CODES.INVALID_PARAMETER,
    });
  });
});
