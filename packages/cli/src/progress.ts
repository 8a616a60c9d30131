/**
 * Progress display for the runner's events (`{ step, status, fraction?, message }`), on stderr:
 * - 'bar' (stderr is a terminal): one line redrawn in place, overall percentage across the ten
 *   run steps plus the current step and message;
 * - 'lines' (not a terminal, e.g. CI logs): one plain line per step start and finish
 *   (`[6/10] select: Choosing k in 2..6`, `[6/10] select done: k = 3 ...`);
 * - 'none' (--quiet).
 * The overall fraction is (index of step + fraction within it) / number of steps, so the bar
 * only moves forward as steps advance.
 */
import { RUN_STEPS } from '@segmint/pipeline';
import type { OutputStream } from './io.js';

/**
 * A progress event: @segmint/pipeline's ProgressEvent with `step` widened to string, so
 * unknown steps from a newer runner still display.
 */
export interface ProgressLike {
  readonly step: string;
  readonly status: 'start' | 'progress' | 'done';
  readonly fraction?: number;
  readonly message: string;
}

/** How progress is shown. */
export type ProgressMode = 'bar' | 'lines' | 'none';

/** Receives progress events; `finish()` clears the bar line (call it on success and failure). */
export interface ProgressReporter {
  onProgress(event: ProgressLike): void;
  finish(): void;
}

/** Picks the mode: nothing when quiet, a bar on a terminal, lines otherwise. */
export function progressMode(stream: OutputStream, quiet: boolean): ProgressMode {
  if (quiet) return 'none';
  return stream.isTTY === true ? 'bar' : 'lines';
}

/** Overall completion in [0, 1] for an event (unknown steps count as the last one). */
export function overallFraction(event: ProgressLike): number {
  const index = (RUN_STEPS as readonly string[]).indexOf(event.step);
  const position = index < 0 ? RUN_STEPS.length - 1 : index;
  const within =
    event.status === 'done'
      ? 1
      : event.status === 'start'
        ? 0
        : Math.min(1, Math.max(0, event.fraction ?? 0));
  return (position + within) / RUN_STEPS.length;
}

/**
 * The plain line of a step's start or finish: `[6/10] select: Choosing k in 2..6`, then
 * `[6/10] select done: k = 3, 3 of 4 criteria agree`.
 */
export function stepLine(event: ProgressLike): string {
  const index = (RUN_STEPS as readonly string[]).indexOf(event.step);
  const counter = index < 0 ? '' : `[${index + 1}/${RUN_STEPS.length}] `;
  const label = `${counter}${event.step}${event.status === 'done' ? ' done' : ''}`;
  return event.message === '' ? label : `${label}: ${event.message}`;
}

/** Renders the bar line (without control characters) for a fraction, step and message. */
export function renderBar(fraction: number, label: string, width: number): string {
  const barWidth = 24;
  const filled = Math.round(fraction * barWidth);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const text = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${percent} ${label}`;
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}

/**
 * Creates a reporter writing to `stream` in the given mode.
 *
 * @example
 * ```ts
 * const progress = createProgressReporter(io.stderr, progressMode(io.stderr, quiet));
 * await runPipeline(config, { configDir, onProgress: (e) => progress.onProgress(e) });
 * progress.finish();
 * ```
 */
export function createProgressReporter(stream: OutputStream, mode: ProgressMode): ProgressReporter {
  let last = '';
  let drawn = false;
  return {
    onProgress(event) {
      if (mode === 'none') return;
      if (mode === 'lines') {
        if (event.status !== 'progress') stream.write(`${stepLine(event)}\n`);
        return;
      }
      const label = `${event.step}${event.message === '' ? '' : `: ${event.message}`}`;
      // Some terminals (and `script`) report 0 columns: fall back to 80.
      const columns = stream.columns !== undefined && stream.columns >= 20 ? stream.columns : 80;
      const line = renderBar(overallFraction(event), label, columns - 1);
      if (line === last) return;
      last = line;
      drawn = true;
      stream.write(`\r\x1b[2K${line}`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
      last = '';
    },
  };
}
