import { isSegmintError } from '@segmint/engine';
import { describe, expect, it } from 'vitest';
import { withInterrupt } from './interrupt.js';
import { captureIo } from './test-utils/capture-io.js';

describe('withInterrupt', () => {
  it('aborts the signal with CANCELLED on the first Ctrl-C and unregisters', async () => {
    const io = captureIo('/');
    let seen: AbortSignal | undefined;
    const outcome = withInterrupt(io, (signal) => {
      seen = signal;
      return new Promise<never>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason as Error));
      });
    });
    expect(io.interruptHandlers()).toBe(1);
    io.interrupt();
    expect(io.interruptHandlers()).toBe(0); // a second Ctrl-C gets Node's default
    await expect(outcome).rejects.toSatisfy((error) => isSegmintError(error, 'CANCELLED'));
    expect(seen?.aborted).toBe(true);
    expect(io.err()).toContain('cancelling');
  });

  it('unregisters after success and after failure', async () => {
    const io = captureIo('/');
    expect(await withInterrupt(io, () => Promise.resolve(4))).toBe(4);
    expect(io.interruptHandlers()).toBe(0);
    await expect(withInterrupt(io, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(io.interruptHandlers()).toBe(0);
    expect(io.err()).toBe('');
  });
});
