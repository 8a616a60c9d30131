/**
 * UMAP on a worker thread (Node only), so a server's event loop never blocks on a map: one
 * dedicated worker per fit (`umap-worker.ts`), epoch progress as callbacks, cancellation by an
 * AbortSignal (the worker is terminated at once).
 *
 * The worker runs the same kernel as {@link umap} with the same seed, so the model is identical
 * to `umap(X, options)`. Workers are compiled JavaScript: under the TypeScript sources (vitest)
 * this starts the built `dist/node/umap-worker.js`, so `npm run build` must run first.
 */
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { type UMAPModel, buildUmapModel } from '../embed/umap.js';
import { type UMAPOptions, prepareUmap } from '../embed/umap-options.js';
import type { MatrixLike } from '../matrix/matrix.js';
import type { UmapJob, UmapWorkerMessage } from './umap-worker.js';

/** Controls of {@link umapInWorker}. */
export interface UmapWorkerControls {
  /** Aborting terminates the worker and rejects with SegmintError CANCELLED. */
  readonly signal?: AbortSignal;
  /** Called after every optimisation epoch with the epochs done and planned. */
  readonly onProgress?: (progress: { readonly epoch: number; readonly epochs: number }) => void;
}

function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../../dist/node/umap-worker.js', here)
    : new URL('./umap-worker.js', here);
}

function cancelled(): SegmintError {
  return new SegmintError(ERROR_CODES.CANCELLED, 'umapInWorker: cancelled by the caller.');
}

/**
 * {@link umap} on a worker thread with progress and cancellation.
 *
 * @param X - data, shape (n, d), n > `neighbors`.
 * @param options - as {@link umap} (defaults `UMAP_DEFAULTS`).
 * @param controls - `signal` to cancel, `onProgress` for epoch progress.
 * @returns the same model as `umap(X, options)`, value for value.
 * @throws (rejects with) SegmintError as {@link umap}, checked before a worker starts; CANCELLED
 *   when the signal fires (also when it already fired).
 * @example
 * const controller = new AbortController();
 * const map = await umapInWorker(X, { seed: 1 }, {
 *   signal: controller.signal,
 *   onProgress: ({ epoch, epochs }) => console.log(`${epoch}/${epochs}`),
 * });
 */
export function umapInWorker(
  X: MatrixLike,
  options?: Partial<UMAPOptions>,
  controls: UmapWorkerControls = {},
): Promise<UMAPModel> {
  let prepared: ReturnType<typeof prepareUmap>;
  try {
    prepared = prepareUmap('umapInWorker', X, options);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const { X: matrix, settings } = prepared;
  const { signal, onProgress } = controls;
  if (signal?.aborted === true) return Promise.reject(cancelled());
  return new Promise<UMAPModel>((resolve, reject) => {
    const worker = new Worker(workerUrl());
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      action();
    };
    const onAbort = (): void => finish(() => reject(cancelled()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: UmapWorkerMessage) => {
      if (message.type === 'progress') {
        if (!settled) onProgress?.({ epoch: message.epoch, epochs: message.epochs });
      } else if (message.type === 'done') {
        const embedding = { data: message.embedding, rows: matrix.rows, cols: settings.components };
        finish(() =>
          resolve(
            buildUmapModel(matrix, settings, embedding, message.epochs, message.plannedEpochs),
          ),
        );
      } else {
        finish(() =>
          reject(
            Object.assign(new Error(`umapInWorker: ${message.message}`), { name: message.name }),
          ),
        );
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`umapInWorker: the worker exited with code ${code}.`))),
    );
    worker.postMessage({
      data: matrix.data,
      rows: matrix.rows,
      cols: matrix.cols,
      settings,
    } satisfies UmapJob);
  });
}
