import { ERROR_CODES, SegmintError } from '@segmint/engine';
import { describe, expect, it } from 'vitest';
import { StepTracker } from './progress.js';

describe('StepTracker', () => {
  it('turns an error raised by work that a cancel interrupted into CANCELLED', async () => {
    const controller = new AbortController();
    const tracker = new StepTracker(undefined, controller.signal);
    const interrupted = new Error('INTERRUPT Error: Interrupted!');
    const error = await tracker
      .step('load', 'Loading', () => {
        controller.abort();
        throw interrupted;
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegmintError);
    expect((error as SegmintError).code).toBe(ERROR_CODES.CANCELLED);
    expect((error as SegmintError).message).toBe(
      "Run cancelled during step 'load'; no output was written.",
    );
    expect((error as SegmintError).cause).toBe(interrupted);
  });

  it('passes other errors through unchanged', async () => {
    const tracker = new StepTracker(undefined, new AbortController().signal);
    const failure = new SegmintError(ERROR_CODES.INVALID_FILE, 'bad file');
    await expect(
      tracker.step('load', 'Loading', () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });
});
