/**
 * Errors that only exist at the HTTP edge (authentication, payload limits, forbidden paths),
 * carrying their own status and a stable code. Domain errors stay SegmintErrors.
 */

/** An HTTP-level error with a status, stable code and details. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  /**
   * @example throw new HttpError(401, 'UNAUTHORIZED', 'A bearer token is required.');
   */
  constructor(
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
