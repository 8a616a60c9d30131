/** Worker kernels for the kmeans area (registered in ../tasks.ts). */
import type { BlockTask } from '../../cluster/kmeans-blocks.js';
import { runBlockTask } from '../../cluster/kmeans-kernels.js';
import type { Task } from '../tasks.js';

/** Payload of `kmeans.blocks`: run `task` over blocks [first, end) (arrays are shared views). */
export interface KMeansBlocksPayload {
  readonly task: BlockTask;
  readonly first: number;
  readonly end: number;
}

/** `kmeans.blocks`: the one kernel entry of k-means and k-means++ (see `runBlockTask`). */
export const kmeansTasks: Readonly<Record<string, Task>> = {
  'kmeans.blocks': (payload: KMeansBlocksPayload) => {
    runBlockTask(payload.task, payload.first, payload.end);
    return null;
  },
};
