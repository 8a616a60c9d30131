/**
 * A small worker-thread pool for the engine's CPU kernels (Node only).
 *
 * Workers run `worker.js`, which dispatches `{ task, payload }` messages to the pure kernels
 * registered in `tasks.ts`. Large inputs travel as typed arrays over a SharedArrayBuffer, so a
 * message carries a view, not a copy (see {@link toShared}). Idle workers are unref'd: a pool
 * never keeps a process alive on its own.
 *
 * Workers are compiled JavaScript: under the TypeScript sources (vitest), the pool starts the
 * built `dist/node/worker.js`, so `npm run build` must run first (`npm test` does).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Matrix } from '../matrix/matrix.js';

interface Job {
  readonly id: number;
  readonly task: string;
  readonly payload: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Reply {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: { message: string; name: string; code?: string };
}

function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../../dist/node/worker.js', here)
    : new URL('./worker.js', here);
}

/** A fixed-size pool of worker threads running the engine's registered kernels. */
export class ThreadPool {
  /** Number of worker threads. */
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 0;
  private closed = false;

  /** @param size - worker count; defaults to the machine's available parallelism. */
  constructor(size = availableParallelism()) {
    this.size = Math.max(1, Math.floor(size));
  }

  /**
   * Runs the kernel registered as `task` on a worker and resolves with its return value.
   * Rejects with the kernel's error (same message and code) if it throws.
   */
  run<R>(task: string, payload: unknown): Promise<R> {
    if (this.closed) return Promise.reject(new Error('ThreadPool: the pool is closed.'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        task,
        payload,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  /** Terminates every worker; pending jobs reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      job.reject(new Error('ThreadPool: closed before the job ran.'));
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }

  private spawn(): Worker {
    const worker = new Worker(workerUrl());
    worker.on('message', (reply: Reply) => this.finish(worker, reply));
    worker.on('error', (error) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.workers.splice(this.workers.indexOf(worker), 1);
      job?.reject(error);
      this.dispatch();
    });
    this.workers.push(worker);
    return worker;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let worker = this.idle.pop();
      if (!worker && this.workers.length < this.size) worker = this.spawn();
      if (!worker) return;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, task: job.task, payload: job.payload });
    }
  }

  private finish(worker: Worker, reply: Reply): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (job) {
      if (reply.error) {
        const error = Object.assign(new Error(reply.error.message), {
          name: reply.error.name,
          code: reply.error.code,
        });
        job.reject(error);
      } else {
        job.resolve(reply.result);
      }
    }
    this.dispatch();
  }
}

let shared: ThreadPool | undefined;

/** The process-wide pool (created on first use, sized to the machine's cores). */
export function sharedPool(): ThreadPool {
  shared ??= new ThreadPool();
  return shared;
}

/** True when `array` lives in a SharedArrayBuffer. */
export function isShared(array: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && array.buffer instanceof SharedArrayBuffer;
}

/** `X` itself when its data is already shared, else a copy in a SharedArrayBuffer. */
export function toShared(X: Matrix): Matrix {
  if (isShared(X.data)) return X;
  const data = new Float64Array(new SharedArrayBuffer(X.data.byteLength));
  data.set(X.data);
  return { data, rows: X.rows, cols: X.cols };
}

/** A zero-filled Float64Array of `length` in a SharedArrayBuffer (an output workers write into). */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/** A zero-filled Int32Array of `length` in a SharedArrayBuffer. */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

/** Splits `0..n-1` into `parts` contiguous `[start, end)` ranges of near-equal size. */
export function splitRange(n: number, parts: number): Array<[number, number]> {
  const count = Math.max(1, Math.min(parts, n));
  const ranges: Array<[number, number]> = [];
  for (let p = 0; p < count; p++)
    ranges.push([Math.floor((p * n) / count), Math.floor(((p + 1) * n) / count)]);
  return ranges;
}
