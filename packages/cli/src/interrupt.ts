/**
 * Ctrl-C for long commands: the first SIGINT aborts the command's AbortSignal (the runner stops
 * between steps and between ks, removes what it started writing, and fails with CANCELLED, exit
 * 130); the handler then removes itself, so a second Ctrl-C falls back to Node's default and
 * ends the process at once (the runner writes atomically, so no complete-looking file is left).
 */
import { SegmintError } from '@segmint/engine';
import type { CliIo } from './io.js';

/**
 * Runs `work` with an AbortSignal that fires on the first Ctrl-C; always unregisters the handler.
 *
 * @example
 * ```ts
 * const result = await withInterrupt(io, (signal) => runPipeline(config, { configDir, signal }));
 * ```
 */
export async function withInterrupt<T>(
  io: CliIo,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const unregister = io.onInterrupt(() => {
    unregister();
    io.stderr.write('\nsegmint: cancelling (press Ctrl-C again to stop immediately)\n');
    controller.abort(new SegmintError('CANCELLED', 'cancelled by Ctrl-C; no outputs were written'));
  });
  try {
    return await work(controller.signal);
  } finally {
    unregister();
  }
}
