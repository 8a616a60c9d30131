/** The one builder of INVALID_FILE errors: "<file>: <reason>", with the file in the details. */
import { ERROR_CODES, SegmintError } from '@segmint/engine';

/**
 * An INVALID_FILE error whose message starts with the file.
 * @example invalidFile('a.csv', 'line 12: expected 5 fields, found 6', undefined, { line: 12 })
 */
export function invalidFile(
  file: string,
  reason: string,
  cause?: unknown,
  details: Record<string, unknown> = {},
): SegmintError {
  return new SegmintError(
    ERROR_CODES.INVALID_FILE,
    `${file}: ${reason}`,
    { file, ...details },
    {
      cause,
    },
  );
}
