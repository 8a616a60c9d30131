/**
 * Step bookkeeping for a run: progress events in order, wall time per step for the manifest,
 * and cancellation checked before every step.
 */
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import type { ProgressEvent, RunStep } from './run-types.js';

/**
 * Throws CANCELLED when the signal has fired.
 * @throws SegmintError CANCELLED naming the step that did not start.
 */
export function throwIfCancelled(signal: AbortSignal | undefined, step: RunStep): void {
  if (signal?.aborted === true) {
    throw new SegmintError(
      ERROR_CODES.CANCELLED,
      `Run cancelled before step '${step}'; no output was written.`,
      { step },
    );
  }
}

/** Emits progress events and times steps. */
export class StepTracker {
  /** Milliseconds per finished step. */
  readonly timings: Partial<Record<RunStep | 'total', number>> = {};
  private readonly started = performance.now();
  private stepStarted = performance.now();

  constructor(
    private readonly onProgress: ((event: ProgressEvent) => void) | undefined,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /**
   * Runs one step: checks cancellation, emits 'start', runs `work`, emits 'done' with the
   * message `work` returns, records the time. An error thrown after the signal fired (work
   * interrupted by the cancel) becomes CANCELLED.
   */
  async step<T>(
    step: RunStep,
    startMessage: string,
    work: (
      progress: (fraction: number, message: string) => void,
    ) => Promise<[T, string]> | [T, string],
  ): Promise<T> {
    throwIfCancelled(this.signal, step);
    const begin = performance.now();
    this.stepStarted = begin;
    this.emit({ step, status: 'start', message: startMessage });
    let result: [T, string];
    try {
      result = await work((fraction, message) =>
        this.emit({
          step,
          status: 'progress',
          fraction: Math.min(1, Math.max(0, fraction)),
          message,
        }),
      );
    } catch (error) {
      // Cancelling interrupts the work in flight (a DuckDB query fails with "Interrupted"): the
      // run was cancelled, it did not fail.
      if (this.signal?.aborted === true) {
        throw new SegmintError(
          ERROR_CODES.CANCELLED,
          `Run cancelled during step '${step}'; no output was written.`,
          { step },
          { cause: error },
        );
      }
      throw error;
    }
    const [value, doneMessage] = result;
    this.timings[step] = Math.round(performance.now() - begin);
    this.emit({ step, status: 'done', fraction: 1, message: doneMessage });
    return value;
  }

  /** A step that does not apply to this run: 'start' and 'done' saying why. */
  skip(step: RunStep, reason: string): void {
    throwIfCancelled(this.signal, step);
    this.emit({ step, status: 'start', message: reason });
    this.timings[step] = 0;
    this.emit({ step, status: 'done', fraction: 1, message: `Skipped: ${reason}` });
  }

  /** Records the time since the run started as `total` (called again when the run ends). */
  finish(): void {
    this.timings.total = Math.round(performance.now() - this.started);
  }

  /** Milliseconds since the step started (for a manifest written inside the 'write' step). */
  sinceStepStart(): number {
    return Math.round(performance.now() - this.stepStarted);
  }

  private emit(event: ProgressEvent): void {
    this.onProgress?.(event);
  }
}
