/**
 * Worker-thread entry of {@link umapInWorker}: receives one UMAP job, posts
 * `{ type: 'progress', epoch, epochs }` after every epoch and finally
 * `{ type: 'done', embedding, epochs, plannedEpochs }` (or `{ type: 'error', ... }`). One worker
 * runs one fit; the caller terminates it to cancel.
 */
import { parentPort } from 'node:worker_threads';
import { umapKernel } from '../embed/umap-kernel.js';
import type { UMAPOptions } from '../embed/umap-options.js';

/** The job message. */
export interface UmapJob {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly settings: UMAPOptions;
}

/** Messages the worker posts back. */
export type UmapWorkerMessage =
  | { readonly type: 'progress'; readonly epoch: number; readonly epochs: number }
  | {
      readonly type: 'done';
      readonly embedding: Float64Array;
      readonly epochs: number;
      readonly plannedEpochs: number;
    }
  | { readonly type: 'error'; readonly message: string; readonly name: string };

parentPort?.once('message', (job: UmapJob) => {
  const port = parentPort!;
  try {
    const result = umapKernel(
      { data: job.data, rows: job.rows, cols: job.cols },
      job.settings,
      (epoch, epochs) => {
        port.postMessage({ type: 'progress', epoch, epochs } satisfies UmapWorkerMessage);
      },
    );
    const embedding = result.embedding.data;
    port.postMessage(
      {
        type: 'done',
        embedding,
        epochs: result.epochs,
        plannedEpochs: result.plannedEpochs,
      } satisfies UmapWorkerMessage,
      [embedding.buffer as ArrayBuffer],
    );
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({
      type: 'error',
      message: e.message,
      name: e.name,
    } satisfies UmapWorkerMessage);
  }
});
