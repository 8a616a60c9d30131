/**
 * Worker-thread entry: receives `{ id, task, payload }`, runs the registered kernel, replies
 * `{ id, result }` or `{ id, error }`. Kernels are pure functions; shared typed arrays in the
 * payload are views of the caller's SharedArrayBuffer.
 */
import { parentPort } from 'node:worker_threads';
import { tasks } from './tasks.js';

interface Message {
  readonly id: number;
  readonly task: string;
  readonly payload: unknown;
}

parentPort?.on('message', (message: Message) => {
  const kernel = tasks[message.task];
  try {
    if (!kernel) throw new Error(`worker: unknown task '${message.task}'.`);
    parentPort!.postMessage({ id: message.id, result: kernel(message.payload as never) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as { code?: unknown }).code;
    parentPort!.postMessage({
      id: message.id,
      error: {
        message: e.message,
        name: e.name,
        code: typeof code === 'string' ? code : undefined,
      },
    });
  }
});
