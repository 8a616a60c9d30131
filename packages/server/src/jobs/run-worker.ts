/**
 * The piscina worker that runs one pipeline run off the main thread.
 *
 * It receives a {@link WorkerTask} `{ runId, config, configDir, outputDir, dataDir, port,
 * cancelFlag }`, calls `runPipeline` with an AbortSignal, posts every progress event on `port`,
 * then posts the outcome on the same port (so the main thread sees it after the last progress
 * event) and returns it too.
 *
 * Cancellation: the main thread sets `cancelFlag[0] = 1` and posts `{ type: 'cancel' }`. Long
 * steps (choosing k) run synchronously and block this thread's event loop, so the port message
 * alone would be seen only after them; the flag is therefore also polled on every progress event,
 * which lets the pipeline's between-k and between-step checks see the abort promptly.
 *
 * This file runs as compiled JavaScript (dist/jobs/run-worker.js); see job-runner.ts.
 */
import { isSegmintError } from '@segmint/engine';
import { runPipeline, type ProgressEvent, type RunResult } from '@segmint/pipeline';
import type {
  CancelMessage,
  JobError,
  JobResult,
  WorkerMessage,
  WorkerOutcome,
  WorkerTask,
} from './job-types.js';

/**
 * Runs one job; never throws (failures are returned as `{ ok: false, error }`).
 * @param task - the job and its port / cancel flag (see {@link WorkerTask}).
 * @returns the outcome, also posted on `task.port` after the last progress event.
 */
export default async function runJob(task: WorkerTask): Promise<WorkerOutcome> {
  const { port, cancelFlag } = task;
  const controller = new AbortController();
  const checkCancelled = (): void => {
    if (!controller.signal.aborted && Atomics.load(cancelFlag, 0) === 1) controller.abort();
  };
  port.on('message', (message: CancelMessage) => {
    if (message.type === 'cancel') controller.abort();
  });
  const post = (message: WorkerMessage): void => port.postMessage(message);
  let outcome: WorkerOutcome;
  try {
    checkCancelled();
    const result = await runPipeline(task.config, {
      configDir: task.configDir,
      outputDir: task.outputDir,
      signal: controller.signal,
      ...(task.dataDir !== undefined ? { dataDir: task.dataDir } : {}),
      ...(task.previousRun !== undefined ? { previousRun: task.previousRun } : {}),
      onProgress: (event: ProgressEvent) => {
        post({ type: 'progress', event });
        checkCancelled();
      },
    });
    outcome = { ok: true, result: summariseRun(result) };
  } catch (error) {
    outcome = { ok: false, error: serialiseError(error) };
  }
  post({ type: 'outcome', outcome });
  port.close();
  return outcome;
}

/** The small, clone-safe summary of a finished run. */
export function summariseRun(run: RunResult): JobResult {
  const report = run.report;
  const primary = report.algorithms[0];
  return {
    pipelineRunId: run.runId,
    outputDir: run.outputDir,
    files: { ...run.files },
    summary: {
      k: report.k,
      primaryAlgorithm: report.primaryAlgorithm,
      rows: { ...report.rows },
      silhouette: primary ? primary.silhouette : null,
      verdict: report.selection ? report.selection.recommendation.verdict : null,
      segments: report.segments.map((s) => ({
        segment: s.segment,
        name: s.name,
        size: s.size,
        share: s.share,
      })),
    },
  };
}

/**
 * An error as `{ code, message, details }`: a SegmintError keeps its code, message and details
 * (made JSON-safe); anything else becomes code 'INTERNAL' with its message.
 */
export function serialiseError(error: unknown): JobError {
  if (isSegmintError(error)) {
    return { code: error.code, message: error.message, details: jsonSafe(error.details) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

function jsonSafe(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? {})) as unknown;
  } catch {
    return {};
  }
}
