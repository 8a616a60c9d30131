/**
 * The JSON body of `POST /api/models/:id/predict`: `{ rows: [ { column: value, ... } ] }`.
 *
 * Checked by hand rather than with a zod schema: this is the hot path of batch predict, and zod
 * re-walks every cell of every row (about a quarter of the request's CPU time at 1,000 rows)
 * although `checkRows` then checks each value against the model anyway. Only the structure is
 * checked here; values are `checkRows`' job.
 */
import { SegmintError } from '@segmint/engine';

/** Most rows one JSON request may carry (larger batches: upload a file). */
export const MAX_PREDICT_ROWS = 10_000;

/**
 * Returns the rows of a predict body.
 * @throws SegmintError INVALID_PARAMETER naming `body`, `body.rows` or `body.rows.<i>`.
 */
export function parsePredictBody(body: unknown): Record<string, unknown>[] {
  if (!isPlainObject(body)) throw invalid('body', 'expected { rows: [ { column: value } ] }');
  const rows = body.rows;
  if (!Array.isArray(rows)) throw invalid('body.rows', 'expected an array of row objects');
  if (rows.length < 1) throw invalid('body.rows', 'expected at least 1 row');
  if (rows.length > MAX_PREDICT_ROWS) {
    throw invalid(
      'body.rows',
      `expected at most ${MAX_PREDICT_ROWS} rows (got ${rows.length}); upload a file instead`,
    );
  }
  for (let i = 0; i < rows.length; i++) {
    if (!isPlainObject(rows[i]))
      throw invalid(`body.rows.${i}`, 'expected an object of column: value');
  }
  return rows as Record<string, unknown>[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(path: string, message: string): SegmintError {
  return new SegmintError('INVALID_PARAMETER', `Invalid ${path}: ${message}.`, { parameter: path });
}
