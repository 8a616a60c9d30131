/**
 * Test helper: a {@link CliIo} that records stdout and stderr as strings, runs in a given folder,
 * and lets a test press Ctrl-C (`interrupt()`) at a chosen moment.
 */
import type { CliIo } from '../io.js';

/** A captured {@link CliIo} plus accessors for what was written. */
export interface CapturedIo extends CliIo {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
  /** Simulates Ctrl-C: calls every registered interrupt handler. */
  interrupt(): void;
  /** Number of interrupt handlers currently registered (0 after a command returns). */
  interruptHandlers(): number;
}

/** Creates a captured io rooted at `cwd`; `tty: true` makes stderr look like a terminal. */
export function captureIo(
  cwd: string,
  options: { tty?: boolean; env?: Record<string, string | undefined> } = {},
): CapturedIo {
  let stdout = '';
  let stderr = '';
  const handlers = new Set<() => void>();
  return {
    stdout: {
      write: (text: string) => (stdout += text),
      isTTY: options.tty ?? false,
      columns: 80,
    },
    stderr: {
      write: (text: string) => (stderr += text),
      isTTY: options.tty ?? false,
      columns: 80,
    },
    cwd,
    env: options.env ?? {},
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    out: () => stdout,
    err: () => stderr,
    interrupt: () => {
      for (const handler of [...handlers]) handler();
    },
    interruptHandlers: () => handlers.size,
  };
}
