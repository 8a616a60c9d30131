/** Worker kernels for the reduce area (registered in ../tasks.ts). */
import type { Task } from '../tasks.js';

export const reduceTasks: Readonly<Record<string, Task>> = {};
