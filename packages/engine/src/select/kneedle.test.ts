import { describe, expect, it } from 'vitest';
import { isSegmintError } from '../core/errors.js';
import { readFixture } from '../test-utils/data.js';
import { kneedle, type KneedleOptions } from './kneedle.js';

interface KneedCase {
  name: string;
  x: number[];
  y: number[];
  options: KneedleOptions;
  knee: number | null;
  kneeY: number | null;
  allKnees: number[];
  normalized: { x: (number | null)[]; y: (number | null)[]; difference: (number | null)[] };
}

const fixture = readFixture<{ cases: KneedCase[] }>(import.meta.url, 'kneedle.json');

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe('kneedle against kneed 0.8.6 (fixtures/generate.py)', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = kneedle(c.x, c.y, c.options);
    expect(result.knee).toBe(c.knee);
    expect([...result.allKnees].sort((a, b) => a - b)).toEqual(c.allKnees);
    // kneed leaves knee_y unset when the knee is x = 0 (`if self.knee:`); we report it.
    if (c.knee !== null && c.knee !== 0) expect(result.kneeY).toBe(c.kneeY);
    if (c.knee !== null) expect(c.x[result.kneeIndex!]).toBe(c.knee);
    for (const key of ['x', 'y', 'difference'] as const) {
      const expected = c.normalized[key];
      const actual = result.normalized[key];
      expect(actual).toHaveLength(expected.length);
      expected.forEach((value, i) => {
        if (value === null) expect(actual[i]).toBeNaN();
        else expect(close(actual[i]!, value), `${key}[${i}]`).toBe(true);
      });
    }
  });
});

describe('kneedle', () => {
  it('reproduces the kneed README example (figure 2 of the paper)', () => {
    const x = Array.from({ length: 10 }, (_, i) => i / 9);
    const y = x.map((v) => -1 / (v + 0.1) + 5);
    const result = kneedle(x, y);
    expect(result.knee).toBeCloseTo(0.222, 3);
    expect(result.kneeY).toBeCloseTo(1.897, 3);
    expect(result.kneeIndex).toBe(2);
  });

  it('finds a hand-computed elbow on an inertia-like curve', () => {
    // Normalised x = (k - 1) / 4; y = 1 - (inertia - 10) / 90 = [0, .6, .8, .9, 1];
    // difference = [0, .35, .3, .15, 0]; maximum at k = 2, threshold .35 - 1 * .25 = .1;
    // the difference drops to .3 (not < .1), then .15 (not), then 0 (< .1): knee k = 2.
    const result = kneedle([1, 2, 3, 4, 5], [100, 46, 28, 19, 10], {
      curve: 'convex',
      direction: 'decreasing',
    });
    expect(result.knee).toBe(2);
    expect(result.kneeIndex).toBe(1);
    expect(result.threshold).toBeCloseTo(0.1, 12);
    expect(result.normalized.difference.map((d) => Number(d.toFixed(12)))).toEqual([
      0, 0.35, 0.3, 0.15, 0,
    ]);
  });

  it('has no knee on a straight line or a constant', () => {
    expect(
      kneedle([0, 1, 2, 3], [3, 2, 1, 0], { curve: 'convex', direction: 'decreasing' }).knee,
    ).toBeNull();
    expect(kneedle([0, 1, 2, 3], [5, 5, 5, 5]).knee).toBeNull();
  });

  it('does not mutate its input', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [100, 46, 28, 19, 10];
    kneedle(x, y, { curve: 'concave', direction: 'decreasing' });
    expect(x).toEqual([1, 2, 3, 4, 5]);
    expect(y).toEqual([100, 46, 28, 19, 10]);
  });

  it('names bad input', () => {
    expect(() => kneedle([0, 1], [1, 2], { sensitivity: -1 })).toThrow(
      "kneedle: 'sensitivity' must be a finite number >= 0; got -1.",
    );
    expect(() => kneedle([0, 1], [1, 2], { curve: 'wavy' as 'convex' })).toThrow(/'curve'/);
    expect(() => kneedle([0, 1, 2], [1, 2])).toThrow(/same length/);
    expect(() => kneedle([0, 2, 1], [1, 2, 3])).toThrow(/'x' must be strictly increasing/);
    let error: unknown;
    try {
      kneedle([0, 1, 2], [1, NaN, 3]);
    } catch (e) {
      error = e;
    }
    expect(isSegmintError(error, 'NON_FINITE_VALUE')).toBe(true);
  });
});
