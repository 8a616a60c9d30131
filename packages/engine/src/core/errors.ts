/**
 * One base error for the whole engine. Every error carries a stable `code` (catalogued in
 * {@link ERROR_CODES}) so higher layers map it to an HTTP status or a CLI exit code without
 * parsing messages (the idea of fastify's `lib/errors.js`).
 */

/** Stable error codes raised by the engine. */
export const ERROR_CODES = {
  /** A hyperparameter is missing, of the wrong type, or outside its allowed range. */
  INVALID_PARAMETER: 'INVALID_PARAMETER',
  /** Input data has the wrong shape (empty, ragged, fewer rows than clusters, wrong column count). */
  INVALID_SHAPE: 'INVALID_SHAPE',
  /** Input data holds NaN or +-Infinity where finite numbers are required. */
  NON_FINITE_VALUE: 'NON_FINITE_VALUE',
  /** A model was used before fitting, or a serialised model is malformed or of an unknown version. */
  INVALID_MODEL: 'INVALID_MODEL',
  /** Labels given to a metric are inconsistent with the data (length, cluster count). */
  INVALID_LABELS: 'INVALID_LABELS',
  /** Long work was cancelled by its caller (an AbortSignal fired); nothing was returned. */
  CANCELLED: 'CANCELLED',
  /** A file or resource named by the user does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** A data file cannot be read: bad encoding, ragged rows, broken quotes, empty, wrong type. */
  INVALID_FILE: 'INVALID_FILE',
  /** A configuration file or object breaks the config schema (key path, line, expected, found). */
  INVALID_CONFIG: 'INVALID_CONFIG',
  /** A database query failed; `details.sql` holds the SQL that failed. */
  QUERY_FAILED: 'QUERY_FAILED',
  /** Writing an output failed (permissions, disk); nothing partial is left behind. */
  WRITE_FAILED: 'WRITE_FAILED',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Structured context attached to an error: the parameter, row, column and offending value. */
export interface ErrorDetails {
  readonly parameter?: string;
  readonly row?: number;
  readonly column?: number | string;
  readonly value?: unknown;
  readonly [key: string]: unknown;
}

/**
 * The engine's error. `message` is written for a person ("kmeans: 'clusterCount' must be an
 * integer in [1, 10000]; got 0."); `code` and `details` are for programs.
 */
export class SegmintError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SegmintError';
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is a {@link SegmintError}, optionally with the given code. */
export function isSegmintError(error: unknown, code?: ErrorCode): error is SegmintError {
  return error instanceof SegmintError && (code === undefined || error.code === code);
}

/** Formats a value for an error message: short, unambiguous, never a huge dump. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return String(value);
  }
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value))
    return value.length > 8 ? `an array of length ${value.length}` : JSON.stringify(value);
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'object') return 'an object';
  return typeof value === 'bigint' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** How each error code surfaces: HTTP status for the server, exit code for the CLI. */
export interface ErrorSurface {
  /** HTTP status: 4xx for the caller's mistakes, 5xx for ours or the environment's. */
  readonly status: number;
  /** CLI exit code (1 is reserved for unexpected errors; 2 for usage errors). */
  readonly exitCode: number;
}

/**
 * The one catalogue from error code to HTTP status and CLI exit code (fastify's `lib/errors.js`
 * idea): the server's error handler and the CLI entry both read it, so a code means the same
 * thing everywhere.
 */
export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, ErrorSurface>> = Object.freeze({
  INVALID_PARAMETER: { status: 400, exitCode: 2 },
  INVALID_CONFIG: { status: 400, exitCode: 2 },
  INVALID_SHAPE: { status: 422, exitCode: 3 },
  NON_FINITE_VALUE: { status: 422, exitCode: 3 },
  INVALID_LABELS: { status: 422, exitCode: 3 },
  INVALID_FILE: { status: 422, exitCode: 3 },
  INVALID_MODEL: { status: 422, exitCode: 4 },
  NOT_FOUND: { status: 404, exitCode: 5 },
  CANCELLED: { status: 409, exitCode: 130 },
  QUERY_FAILED: { status: 500, exitCode: 6 },
  WRITE_FAILED: { status: 500, exitCode: 7 },
});
