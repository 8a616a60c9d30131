/**
 * The registry of kernels a worker can run. Each area registers its tasks in its own file under
 * `tasks/` so areas never edit the same lines.
 */
import { kmeansTasks } from './tasks/kmeans.js';
import { metricsTasks } from './tasks/metrics.js';
import { reduceTasks } from './tasks/reduce.js';

/** A kernel run in a worker: takes a structured-clonable payload, returns a clonable result. */
export type Task = (payload: never) => unknown;

export const tasks: Readonly<Record<string, Task>> = {
  echo: (payload: unknown) => payload,
  ...kmeansTasks,
  ...metricsTasks,
  ...reduceTasks,
};
