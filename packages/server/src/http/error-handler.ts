/**
 * The server's one error handler: every failure becomes `{ error: { code, message, details } }`.
 * SegmintError codes map to HTTP statuses through the engine's ERROR_CATALOGUE (the same table the
 * CLI reads for exit codes); request validation errors become 400 INVALID_PARAMETER naming the
 * field; fastify's own 4xx errors (bad JSON, body too large, unsupported media type) keep their
 * status with a stable code; anything else is a 500 with a generic message. Stack traces never
 * reach the client; unexpected errors are logged.
 */
import { ERROR_CATALOGUE, isSegmintError } from '@segmint/engine';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError } from './http-error.js';

/** The body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/** Stable codes for fastify's own client errors, by status. */
const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Builds the error body. */
export function errorBody(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): ErrorBody {
  return { error: { code, message, details } };
}

/** Turns any thrown value into a status and an error body (pure; exported for tests). */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return { status: error.status, body: errorBody(error.code, error.message, error.details) };
  }
  if (isSegmintError(error)) {
    const status = ERROR_CATALOGUE[error.code].status;
    const details = status >= 500 ? {} : { ...error.details };
    const message = status >= 500 ? serverMessage(error.code) : error.message;
    return { status, body: errorBody(error.code, message, details) };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'request';
    const fields = error.validation.map((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { field: path === '' ? context : `${context}.${path}`, message: issue.message ?? '' };
    });
    const first = fields[0];
    const message =
      first === undefined ? 'Invalid request.' : `Invalid ${first.field}: ${first.message}`;
    return {
      status: 400,
      body: errorBody('INVALID_PARAMETER', message, {
        parameter: first?.field,
        issues: fields,
      }),
    };
  }
  const statusCode = (error as Partial<FastifyError> | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const message = error instanceof Error ? error.message : 'Bad request.';
    return {
      status: statusCode,
      body: errorBody(STATUS_CODES[statusCode] ?? 'BAD_REQUEST', message),
    };
  }
  return { status: 500, body: errorBody('INTERNAL', 'Internal server error.') };
}

function serverMessage(code: string): string {
  return code === 'WRITE_FAILED'
    ? 'The server could not write a file.'
    : 'The server could not complete the request.';
}

/** Fastify error handler: logs server-side failures, sends the mapped body. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorResponse(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  void reply.code(status).send(body);
}
