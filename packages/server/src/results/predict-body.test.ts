import { describe, expect, it } from 'vitest';
import { MAX_PREDICT_ROWS, parsePredictBody } from './predict-body.js';

describe('parsePredictBody', () => {
  it('returns the rows of a well-formed body', () => {
    const rows = [{ Age: 30 }, { Age: null, Genre: 'Male' }];
    expect(parsePredictBody({ rows })).toBe(rows);
  });

  it.each([
    [null, 'body'],
    [[{ Age: 1 }], 'body'],
    [{ rows: 'x' }, 'body.rows'],
    [{ rows: [] }, 'body.rows'],
    [{ rows: Array.from({ length: MAX_PREDICT_ROWS + 1 }, () => ({})) }, 'body.rows'],
    [{ rows: [{ Age: 1 }, 5] }, 'body.rows.1'],
    [{ rows: [[1, 2]] }, 'body.rows.0'],
  ])('rejects %j naming %s', (body, parameter) => {
    expect(() => parsePredictBody(body)).toThrow(`Invalid ${parameter}:`);
    try {
      parsePredictBody(body);
    } catch (error) {
      expect((error as { code: string; details: { parameter: string } }).code).toBe(
        'INVALID_PARAMETER',
      );
      expect((error as { details: { parameter: string } }).details.parameter).toBe(parameter);
    }
  });
});
