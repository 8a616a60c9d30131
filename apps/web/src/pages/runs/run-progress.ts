/**
 * Folds a run's progress events into the step list and the overall share the live view shows:
 * each of the {@link RUN_STEPS} counts equally; a step in progress counts its fraction.
 */
import { RUN_STEPS } from '../../api/types.js';
import type { ProgressEvent, RunStep } from '../../api/types.js';

/** State of one step. */
export interface StepState {
  step: RunStep;
  state: 'waiting' | 'running' | 'done';
  fraction: number;
  message: string;
}

/** Fresh steps, all waiting. */
export function initialSteps(): StepState[] {
  return RUN_STEPS.map((step) => ({ step, state: 'waiting', fraction: 0, message: '' }));
}

/**
 * Applies one event (returns new steps; the input is not mutated).
 * @example applyEvent(initialSteps(), { step: 'load', status: 'done', message: 'Loaded' })[0].state // 'done'
 */
export function applyEvent(steps: readonly StepState[], event: ProgressEvent): StepState[] {
  return steps.map((item) => {
    if (item.step !== event.step) return item;
    if (event.status === 'done')
      return { ...item, state: 'done', fraction: 1, message: event.message };
    return {
      ...item,
      state: 'running',
      fraction: event.status === 'progress' ? (event.fraction ?? item.fraction) : 0,
      message: event.message,
    };
  });
}

/**
 * Overall share in [0, 1].
 * @example overallShare(initialSteps()) // 0
 */
export function overallShare(steps: readonly StepState[]): number {
  if (steps.length === 0) return 0;
  const total = steps.reduce(
    (sum, item) => sum + (item.state === 'done' ? 1 : item.state === 'running' ? item.fraction : 0),
    0,
  );
  return total / steps.length;
}
