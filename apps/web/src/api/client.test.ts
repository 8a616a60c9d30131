import { describe, expect, it } from 'vitest';
import { ApiError, errorFromBody, withQuery } from './client.js';

describe('errorFromBody', () => {
  it("uses the server's error code, message and details", () => {
    const error = errorFromBody(
      404,
      JSON.stringify({
        error: { code: 'NOT_FOUND', message: "Run 'x' not found.", details: { id: 'x' } },
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe("Run 'x' not found.");
    expect(error.code).toBe('NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.details).toEqual({ id: 'x' });
  });

  it('falls back to a generic message for non-JSON bodies and hides HTML', () => {
    expect(errorFromBody(502, 'Bad gateway').message).toBe('Request failed (502): Bad gateway');
    expect(errorFromBody(500, '<html>oops</html>').message).toBe('Request failed (500).');
    expect(errorFromBody(500, '').code).toBe('HTTP_500');
  });
});

describe('withQuery', () => {
  it('leaves out undefined and null values and encodes the rest', () => {
    expect(withQuery('/api/x', { a: 1, b: undefined, c: null, d: 'a b', e: true })).toBe(
      '/api/x?a=1&d=a+b&e=true',
    );
    expect(withQuery('/api/x')).toBe('/api/x');
  });
});
