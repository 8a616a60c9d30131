/** Worker kernels for the metrics area (registered in ../tasks.ts). */
import type { Task } from '../tasks.js';

export const metricsTasks: Readonly<Record<string, Task>> = {};
