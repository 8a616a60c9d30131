/**
 * The CLI's view of the outside world: output streams, working directory, environment and the
 * Ctrl-C hook. Commands receive a {@link CliIo} instead of touching `process`, so tests run them
 * in-process with captured output and a temporary working directory (only `main.ts` reads
 * `process` to build the real one and set the exit code).
 */

/** A text sink: `process.stdout`, `process.stderr`, or a capture buffer in tests. */
export interface OutputStream {
  write(text: string): unknown;
  /** True when the stream is an interactive terminal (progress bars are drawn only then). */
  readonly isTTY?: boolean;
  /** Terminal width in characters, when known. */
  readonly columns?: number;
}

/** Everything a command may use from its environment. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Folder that relative paths on the command line are resolved against. */
  readonly cwd: string;
  /** Environment variables (SEGMINT_DEBUG=1 prints stack traces). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Calls `handler` when the user presses Ctrl-C (SIGINT) while a command runs; returns the
   * function that removes the handler again.
   */
  onInterrupt(handler: () => void): () => void;
}

/**
 * The real process: `process.stdout`/`stderr`, `process.cwd()`, `process.env` and SIGINT.
 *
 * @example
 * ```ts
 * const exitCode = await runCli(['--version'], processIo());
 * ```
 */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => {
        process.off('SIGINT', handler);
      };
    },
  };
}
