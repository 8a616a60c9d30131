import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route.js';

describe('parseRoute', () => {
  it('reads a run page with its segment', () => {
    expect(parseRoute('#/runs/abc/segments?segment=2')).toEqual({
      page: 'segments',
      runId: 'abc',
      params: { segment: '2' },
    });
  });

  it('reads a dataset page and falls back to data for unknown or empty hashes', () => {
    expect(parseRoute('#/configure?dataset=d1')).toEqual({
      page: 'configure',
      runId: null,
      params: { dataset: 'd1' },
    });
    expect(parseRoute('')).toEqual({ page: 'data', runId: null, params: {} });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'data', runId: null, params: {} });
  });

  it('reads one run without a page as the runs page', () => {
    expect(parseRoute('#/runs/r%201')).toEqual({ page: 'runs', runId: 'r 1', params: {} });
    expect(parseRoute('#/runs')).toEqual({ page: 'runs', runId: null, params: {} });
  });
});

describe('formatRoute', () => {
  it('round-trips every shape', () => {
    for (const hash of [
      '#/runs/abc/segments?segment=2&feature=Income',
      '#/data?dataset=d1',
      '#/runs',
      '#/runs/r%201',
      '#/runs/abc/predict',
    ]) {
      expect(formatRoute(parseRoute(hash))).toBe(hash);
    }
  });

  it('drops empty parameters', () => {
    expect(formatRoute({ page: 'data', runId: null, params: { dataset: '' } })).toBe('#/data');
  });
});
