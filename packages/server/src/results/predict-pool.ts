/**
 * Batch predict in worker threads. A request body of at least {@link PREDICT_WORKER_MIN_BYTES}
 * (about 100 rows) is handed, as raw text, to a piscina pool running predict-worker.ts, so JSON
 * parsing, scoring and serialising thousands of rows never block the event loop (health checks and
 * other requests stay responsive) and use every core. Smaller bodies are scored in the request's
 * thread: a worker round trip costs more than scoring a few rows.
 *
 * The pool starts on first use with `threads` workers (default: the machine's available
 * parallelism) and runs the BUILT worker (dist/results/predict-worker.js), as the job runner does.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { PredictOutcome, PredictTask } from './predict-worker.js';

/** Bodies at least this long (bytes of JSON text) are scored in a worker thread. */
export const PREDICT_WORKER_MIN_BYTES = 16 * 1024;

/** The built worker file, from the sources or from dist. */
export function predictWorkerPath(): string {
  const here = import.meta.url;
  return fileURLToPath(
    here.endsWith('.ts')
      ? new URL('../../dist/results/predict-worker.js', here)
      : new URL('./predict-worker.js', here),
  );
}

/**
 * A lazily started pool of predict workers.
 * @example
 * const pool = new PredictPool();
 * const outcome = await pool.run({ modelPath, modelLabel: "model 'm1'", body });
 * await pool.close();
 */
export class PredictPool {
  private pool: Piscina<PredictTask, PredictOutcome> | null = null;

  /** @param threads - workers (default: available parallelism, at least 1). */
  constructor(private readonly threads = Math.max(1, availableParallelism())) {}

  /** Scores one body in a worker (the body's memory is transferred when it owns its buffer). */
  run(task: PredictTask): Promise<PredictOutcome> {
    this.pool ??= new Piscina<PredictTask, PredictOutcome>({
      filename: predictWorkerPath(),
      minThreads: 1,
      maxThreads: this.threads,
      idleTimeout: 30_000,
    });
    const { body } = task;
    const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    return this.pool.run(task, owned ? { transferList: [body.buffer as ArrayBuffer] } : {});
  }

  /** Stops the workers (safe to call twice; a later `run` starts a new pool). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}
