/**
 * `JobRunner`: pipeline runs as background jobs in a piscina worker-thread pool, so the server's
 * event loop never blocks on a run.
 *
 *   submit -> FIFO queue -> (a free slot: at most `maxThreads` jobs at once) -> worker
 *   (run-worker.ts) -> progress events over a MessagePort -> 'succeeded' | 'failed' | 'cancelled'
 *
 * The runner keeps its own FIFO queue and hands piscina at most `maxThreads` tasks, so 'running'
 * is reported exactly when a job starts and a queued job can be cancelled without touching the
 * pool. Running jobs are cancelled cooperatively (a shared flag plus a 'cancel' message; the
 * pipeline throws CANCELLED between steps and between ks and removes what it staged).
 *
 * Workers are compiled JavaScript: under the TypeScript sources (vitest), the pool starts the
 * built `dist/jobs/run-worker.js`, so `npm run build` must run first (`npm test` does).
 */
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import { Piscina } from 'piscina';
import type {
  CancelMessage,
  JobError,
  JobEvents,
  RunJob,
  WorkerMessage,
  WorkerOutcome,
  WorkerTask,
} from './job-types.js';

/** Options of {@link JobRunner}. */
export interface JobRunnerOptions {
  /** Jobs running at once (worker threads); default 1: one CPU-heavy run at a time. */
  readonly maxThreads?: number;
  /** Where progress and status changes are reported. */
  readonly events: JobEvents;
}

/** The built worker file (dist/jobs/run-worker.js), from the sources or from dist. */
export function runWorkerPath(): string {
  const here = import.meta.url;
  return fileURLToPath(
    here.endsWith('.ts')
      ? new URL('../../dist/jobs/run-worker.js', here)
      : new URL('./run-worker.js', here),
  );
}

interface RunningJob {
  readonly job: RunJob;
  readonly port: MessagePort;
  readonly cancelFlag: Int32Array;
  cancelRequested: boolean;
  readonly finished: Promise<void>;
}

/**
 * Runs pipeline runs in worker threads, FIFO, at most `maxThreads` at once.
 * @example
 * const runner = new JobRunner({ events: { onProgress: (id, e) => log(id, e), onStatus: (id, s) => save(id, s) } });
 * runner.submit({ runId: 'r1', config, configDir: dir, outputDir: join(dir, 'out') });
 * runner.cancel('r1');
 * await runner.close({ graceful: true });
 */
export class JobRunner {
  private readonly pool: Piscina<WorkerTask, WorkerOutcome>;
  private readonly events: JobEvents;
  private readonly maxThreads: number;
  private readonly waiting: RunJob[] = [];
  private readonly running = new Map<string, RunningJob>();
  private closing = false;
  private closed: Promise<void> | null = null;

  /**
   * @param options - `maxThreads` (default 1, at least 1) and the `events` callbacks.
   * @throws SegmintError INVALID_PARAMETER when maxThreads is not a positive integer.
   */
  constructor(options: JobRunnerOptions) {
    const maxThreads = options.maxThreads ?? 1;
    if (!Number.isInteger(maxThreads) || maxThreads < 1 || maxThreads > 64) {
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `JobRunner: 'maxThreads' must be an integer in [1, 64]; got ${String(maxThreads)}.`,
        { parameter: 'maxThreads' },
      );
    }
    this.maxThreads = maxThreads;
    this.events = options.events;
    this.pool = new Piscina<WorkerTask, WorkerOutcome>({
      filename: runWorkerPath(),
      minThreads: 0,
      maxThreads,
      idleTimeout: 30_000,
      atomics: 'disabled',
    });
  }

  /** Jobs running on a worker now. */
  get active(): number {
    return this.running.size;
  }

  /** Jobs waiting for a free worker. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Queues a job (FIFO); it starts when a worker is free, reported as 'running'.
   * @throws SegmintError INVALID_PARAMETER when the runner is closing or the run id is already
   *   queued or running.
   */
  submit(job: RunJob): void {
    if (this.closing) {
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `JobRunner: closed; run '${job.runId}' was not queued.`,
      );
    }
    if (this.running.has(job.runId) || this.waiting.some((w) => w.runId === job.runId)) {
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `JobRunner: run '${job.runId}' is already queued or running.`,
        { value: job.runId },
      );
    }
    this.waiting.push(job);
    this.dispatch();
  }

  /**
   * Cancels a job. Queued: removed and reported 'cancelled' at once. Running: the worker is asked
   * to stop; the job is reported 'cancelled' when the pipeline has stopped and cleaned up.
   * @returns true when the job was queued or running; false for an unknown or finished run.
   */
  cancel(runId: string): boolean {
    const index = this.waiting.findIndex((w) => w.runId === runId);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      this.events.onStatus(runId, 'cancelled', {
        error: cancelledError(`Run '${runId}' was cancelled before it started.`),
      });
      return true;
    }
    const running = this.running.get(runId);
    if (!running) return false;
    if (!running.cancelRequested) {
      running.cancelRequested = true;
      Atomics.store(running.cancelFlag, 0, 1);
      const message: CancelMessage = { type: 'cancel' };
      running.port.postMessage(message);
    }
    return true;
  }

  /**
   * Stops the runner. Queued jobs never start (reported 'cancelled'). `graceful: true` waits for
   * running jobs to finish; otherwise they are cancelled and reported 'cancelled' (or whatever
   * they ended with if they finished first). `timeoutMs` (with `graceful`) bounds the wait:
   * jobs still running after it are cancelled cleanly (their staged outputs removed). Then the
   * pool is destroyed. Calling it again returns the same promise.
   * @example await runner.close({ graceful: true, timeoutMs: 30_000 });
   */
  close(options: { graceful: boolean; timeoutMs?: number } = { graceful: false }): Promise<void> {
    if (this.closed) return this.closed;
    this.closing = true;
    for (const job of this.waiting.splice(0)) {
      this.events.onStatus(job.runId, 'cancelled', {
        error: cancelledError(
          `Run '${job.runId}' was cancelled: the server shut down before it started.`,
        ),
      });
    }
    const cancelRunning = (): void => {
      for (const runId of [...this.running.keys()]) this.cancel(runId);
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    if (!options.graceful) cancelRunning();
    else if (options.timeoutMs !== undefined && this.running.size > 0) {
      timer = setTimeout(cancelRunning, Math.max(0, options.timeoutMs));
    }
    this.closed = (async () => {
      await Promise.all([...this.running.values()].map((r) => r.finished));
      if (timer !== null) clearTimeout(timer);
      await this.pool.destroy();
    })();
    return this.closed;
  }

  private dispatch(): void {
    while (!this.closing && this.running.size < this.maxThreads && this.waiting.length > 0) {
      this.start(this.waiting.shift()!);
    }
  }

  private start(job: RunJob): void {
    const { port1, port2 } = new MessageChannel();
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    let outcome: WorkerOutcome | null = null;
    const handle = (message: WorkerMessage): void => {
      if (message.type === 'progress') this.events.onProgress(job.runId, message.event);
      else outcome = message.outcome;
    };
    port1.on('message', handle);
    const task: WorkerTask = {
      runId: job.runId,
      config: job.config,
      configDir: job.configDir,
      outputDir: job.outputDir,
      ...(job.dataDir !== undefined ? { dataDir: job.dataDir } : {}),
      ...(job.previousRun !== undefined ? { previousRun: job.previousRun } : {}),
      port: port2,
      cancelFlag,
    };
    this.events.onStatus(job.runId, 'running');
    const finished = this.pool
      .run(task, { transferList: [port2] })
      .then(
        (returned) => returned,
        (error: unknown): WorkerOutcome => ({
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `The run's worker failed: ${error instanceof Error ? error.message : String(error)}`,
          },
        }),
      )
      .then((returned) => {
        // The worker posted its last progress events and the outcome on the port before it
        // returned; deliver any not yet dispatched, in order, before the final status.
        for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
          handle(m.message as WorkerMessage);
        }
        port1.close();
        this.running.delete(job.runId);
        try {
          this.report(job, outcome ?? returned);
        } finally {
          this.dispatch();
        }
      })
      // A throwing callback is the caller's bug; it must not become an unhandled rejection.
      .catch(() => undefined);
    const entry: RunningJob = { job, port: port1, cancelFlag, cancelRequested: false, finished };
    this.running.set(job.runId, entry);
  }

  private report(job: RunJob, outcome: WorkerOutcome): void {
    if (outcome.ok) {
      this.events.onStatus(job.runId, 'succeeded', { result: outcome.result });
    } else if (outcome.error.code === ERROR_CODES.CANCELLED) {
      this.events.onStatus(job.runId, 'cancelled', { error: outcome.error });
    } else {
      this.events.onStatus(job.runId, 'failed', { error: outcome.error });
    }
  }
}

function cancelledError(message: string): JobError {
  return { code: ERROR_CODES.CANCELLED, message };
}
