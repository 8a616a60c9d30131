/**
 * How the CLI reports failures: one readable line on stderr and an exit code.
 * - {@link UsageError} (bad command line): exit 2, with a pointer to `--help`.
 * - SegmintError: its message (already naming file, row, column or config key), exit code from
 *   the engine's ERROR_CATALOGUE (NOT_FOUND -> 5, INVALID_FILE -> 3, CANCELLED -> 130, ...).
 * - Anything else is our bug: the message plus a request to report it, exit 1 (the habit of
 *   changesets' CLI entry).
 * Stack traces only with SEGMINT_DEBUG=1.
 */
import { ERROR_CATALOGUE, SegmintError } from '@segmint/engine';
import type { ErrorCode } from '@segmint/engine';

/** Exit code for usage errors (unknown command or flag, missing argument). */
export const USAGE_EXIT_CODE = 2;
/** Exit code for unexpected errors (bugs). */
export const BUG_EXIT_CODE = 1;

/** A mistake on the command line; `command` names the command whose help to point at. */
export class UsageError extends Error {
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** What to print and which exit code to use for an error. */
export interface ErrorReport {
  /** Text for stderr, ending with a newline. */
  readonly text: string;
  readonly exitCode: number;
}

function isCatalogued(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);
}

/** True for an AbortSignal's default reason (a DOMException named AbortError). */
function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return '';
  let text = `${error.stack ?? String(error)}\n`;
  if (error.cause !== undefined)
    text += `caused by: ${stackOf(error.cause) || `${JSON.stringify(error.cause)}\n`}`;
  return text;
}

/**
 * Turns any thrown value into the stderr text and exit code described in the file header.
 *
 * @param options.debug - Append the stack trace (and the cause's) when true (SEGMINT_DEBUG=1).
 * @example
 * ```ts
 * describeError(new SegmintError('NOT_FOUND', "file 'a.csv' not found"), { debug: false });
 * // { text: "segmint: file 'a.csv' not found\n", exitCode: 5 }
 * ```
 */
export function describeError(error: unknown, options: { debug: boolean }): ErrorReport {
  const debug = options.debug ? stackOf(error) : '';
  if (error instanceof UsageError) {
    const help = error.command === undefined ? 'segmint --help' : `segmint ${error.command} --help`;
    return {
      text: `segmint: ${error.message} (see '${help}')\n${debug}`,
      exitCode: USAGE_EXIT_CODE,
    };
  }
  // A SegmintError from another copy of the engine module still counts (same name and code).
  const code = (error as { code?: unknown } | null)?.code;
  if (
    error instanceof SegmintError ||
    (error instanceof Error && error.name.endsWith('Error') && isCatalogued(code))
  ) {
    const exitCode = isCatalogued(code) ? ERROR_CATALOGUE[code].exitCode : BUG_EXIT_CODE;
    return { text: `segmint: ${error.message}\n${debug}`, exitCode };
  }
  if (isAbortError(error)) {
    return { text: `segmint: cancelled\n${debug}`, exitCode: ERROR_CATALOGUE.CANCELLED.exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    text:
      `segmint: ${message}\n` +
      'segmint: this is a bug; please report it with the command you ran ' +
      '(set SEGMINT_DEBUG=1 for the stack trace)\n' +
      debug,
    exitCode: BUG_EXIT_CODE,
  };
}
