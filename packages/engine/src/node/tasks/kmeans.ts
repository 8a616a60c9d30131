/** Worker kernels for the kmeans area (registered in ../tasks.ts). */
import type { Task } from '../tasks.js';

export const kmeansTasks: Readonly<Record<string, Task>> = {};
