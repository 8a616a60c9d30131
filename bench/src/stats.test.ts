import { describe, expect, it } from 'vitest';
import { median, relativeDifference } from './stats.js';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle pair of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('ignores outliers and does not reorder its input', () => {
    const values = [1.0, 100, 1.2, 0.9, 1.1];
    expect(median(values)).toBe(1.1);
    expect(values).toEqual([1.0, 100, 1.2, 0.9, 1.1]);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('relativeDifference', () => {
  it('scales by the larger magnitude', () => {
    expect(relativeDifference(100, 100.1)).toBeCloseTo(0.1 / 100.1, 15);
    expect(relativeDifference(-2, 2)).toBe(2);
    expect(relativeDifference(0, 0)).toBe(0);
  });

  it('is NaN when a side is missing', () => {
    expect(relativeDifference(undefined, 1)).toBeNaN();
    expect(relativeDifference(1, Number.NaN)).toBeNaN();
  });
});
