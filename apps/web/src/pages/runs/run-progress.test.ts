import { describe, expect, it } from 'vitest';
import { RUN_STEPS } from '../../api/types.js';
import { applyEvent, initialSteps, overallShare } from './run-progress.js';

describe('run progress', () => {
  it('moves a step through start, progress and done without mutating the input', () => {
    const start = initialSteps();
    const running = applyEvent(start, { step: 'select', status: 'start', message: 'Choosing k' });
    expect(start.find((item) => item.step === 'select')?.state).toBe('waiting');
    const half = applyEvent(running, {
      step: 'select',
      status: 'progress',
      fraction: 0.5,
      message: 'k = 4',
    });
    expect(half.find((item) => item.step === 'select')).toEqual({
      step: 'select',
      state: 'running',
      fraction: 0.5,
      message: 'k = 4',
    });
    expect(overallShare(half)).toBeCloseTo(0.5 / RUN_STEPS.length, 12);
  });

  it('reaches 1 when every step is done', () => {
    let steps = initialSteps();
    for (const step of RUN_STEPS)
      steps = applyEvent(steps, { step, status: 'done', message: 'ok' });
    expect(overallShare(steps)).toBe(1);
  });
});
