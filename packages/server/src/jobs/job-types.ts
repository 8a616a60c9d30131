/**
 * The vocabulary shared by the job runner (main thread) and its worker (`run-worker.ts`): the job
 * a caller submits, the status and progress callbacks, the result summary, and the messages that
 * cross the thread boundary. Everything that crosses it is structured-clone safe: errors travel
 * as `{ code, message, details }`, never as Error objects (their custom fields would be lost).
 */
import type { MessagePort } from 'node:worker_threads';
import type { ProgressEvent, RunFiles, SegmintConfig } from '@segmint/pipeline';

/** Terminal and running statuses the runner reports ('queued' is the caller's). */
export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A serialised error: a SegmintError's code, message and details (JSON-safe). */
export interface JobError {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

/** One segment of a finished run, as the summary lists it. */
export interface JobSegmentSummary {
  readonly segment: number;
  readonly name: string;
  readonly size: number;
  readonly share: number;
}

/** What a succeeded job resolves to: where its outputs are and a small summary of the report. */
export interface JobResult {
  /** The pipeline's own run id (the manifest's), which differs from the caller's `runId`. */
  readonly pipelineRunId: string;
  /** Absolute output folder. */
  readonly outputDir: string;
  /** Absolute paths of segments.csv, segments.parquet, model.json, report.json, report.html, manifest.json. */
  readonly files: RunFiles;
  /** Summary of report.json (read the file for curves and full profiles). */
  readonly summary: {
    readonly k: number;
    readonly primaryAlgorithm: string;
    readonly rows: { readonly input: number; readonly fitted: number; readonly outliers: number };
    readonly silhouette: number | null;
    readonly verdict: string | null;
    readonly segments: readonly JobSegmentSummary[];
  };
}

/** Callbacks through which the runner reports; called on the main thread, in order per job. */
export interface JobEvents {
  /** Every pipeline progress event of a running job, in the pipeline's order. */
  onProgress(runId: string, event: ProgressEvent): void;
  /**
   * Status changes: 'running' when the job starts on a worker, then exactly one of 'succeeded'
   * (with `result`), 'failed' (with `error`) or 'cancelled' (with `error`, code CANCELLED).
   */
  onStatus(
    runId: string,
    status: JobStatus,
    detail?: { error?: JobError; result?: JobResult },
  ): void;
}

/** A run to execute. */
export interface RunJob {
  /** The caller's id for the run (the catalog's); every callback names it. */
  readonly runId: string;
  /** A validated config (source included, paths relative to `configDir`). */
  readonly config: SegmintConfig;
  readonly configDir: string;
  readonly outputDir: string;
  /** DuckDB data directory for the run; `null` keeps it in memory; absent: the pipeline default. */
  readonly dataDir?: string | null;
  /** Output folder of the run this one continues (pipeline `previousRun`). */
  readonly previousRun?: string;
}

/** The task a worker receives (the port is transferred). */
export interface WorkerTask {
  readonly runId: string;
  readonly config: SegmintConfig;
  readonly configDir: string;
  readonly outputDir: string;
  readonly dataDir?: string | null;
  readonly previousRun?: string;
  /** Progress and the outcome go out on it; 'cancel' comes in on it. */
  readonly port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: element 0 becomes 1 when the job is cancelled. */
  readonly cancelFlag: Int32Array;
}

/** The outcome of a worker task. */
export type WorkerOutcome =
  | { readonly ok: true; readonly result: JobResult }
  | { readonly ok: false; readonly error: JobError };

/** Messages from the worker to the main thread. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly event: ProgressEvent }
  | { readonly type: 'outcome'; readonly outcome: WorkerOutcome };

/** Messages from the main thread to the worker. */
export interface CancelMessage {
  readonly type: 'cancel';
}
