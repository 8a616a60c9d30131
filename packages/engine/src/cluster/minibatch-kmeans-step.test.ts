import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random.js';
import { readFixture } from '../test-utils/data.js';
import { minibatchStep, reassign } from './minibatch-kmeans-step.js';
import { nearestCenter } from './squared-distance.js';

interface StepCase {
  name: string;
  n: number;
  d: number;
  k: number;
  batchSize: number;
  X: number[];
  weights: number[] | null;
  init: number[];
  steps: { centers: number[]; counts: number[]; labels: number[] }[];
}

const fixture = readFixture<{ cases: StepCase[] }>(import.meta.url, 'minibatch-steps.json');

function expectClose(actual: ArrayLike<number>, expected: number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected[i]!));
    expect(Math.abs(actual[i]! - expected[i]!), `${what}[${i}]`).toBeLessThanOrEqual(tolerance);
  }
}

describe('minibatchStep against scikit-learn 1.2.1 partial_fit', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { d, k, batchSize: b } = c;
    let centers = Float64Array.from(c.init);
    let next = new Float64Array(k * d);
    const weightSums = new Float64Array(k);
    const random = createRandom(0);
    c.steps.forEach((expected, s) => {
      const batch = Float64Array.from(c.X.slice(s * b * d, (s + 1) * b * d));
      const weights =
        c.weights === null ? null : Float64Array.from(c.weights.slice(s * b, (s + 1) * b));
      minibatchStep(batch, weights, b, d, k, centers, next, weightSums, random, true, 0);
      [centers, next] = [next, centers];
      expectClose(centers, expected.centers, `step ${s} centers`);
      expectClose(weightSums, expected.counts, `step ${s} counts`);
      const labels = Array.from({ length: b }, (_, i) =>
        nearestCenter(batch, i * d, centers, k, d),
      );
      expect(labels).toEqual(expected.labels);
    });
  });
});

describe('minibatchStep', () => {
  it('moves a centre to the running mean of its points (hand-computed)', () => {
    // One centre at 0 with count 2 receives points 3 and 6: (0 * 2 + 3 + 6) / 4 = 2.25.
    const centers = new Float64Array([0]);
    const next = new Float64Array(1);
    const weightSums = new Float64Array([2]);
    const inertia = minibatchStep(
      new Float64Array([3, 6]),
      null,
      2,
      1,
      1,
      centers,
      next,
      weightSums,
      createRandom(0),
      false,
      0.01,
    );
    expect(next[0]).toBe(2.25);
    expect(weightSums[0]).toBe(4);
    expect(inertia).toBe(9 + 36);
    expect(centers[0]).toBe(0);
  });

  it('re-seeds starved centres on batch rows and resets their counts', () => {
    // Counts 100, 50, 0.1: centre 2 is below 0.01 * 100 and moves onto a batch row.
    const batch = new Float64Array([10, 10, 20, 20, 30, 30, 40, 40]);
    const centers = new Float64Array([0, 0, 1, 1, -50, -50]);
    const weightSums = new Float64Array([100, 50, 0.1]);
    const moved = reassign(batch, 4, 2, 3, centers, weightSums, createRandom(3), 0.01);
    expect(moved).toBe(1);
    expect(Array.from(centers.subarray(0, 4))).toEqual([0, 0, 1, 1]);
    const row = centers[4]!;
    expect([10, 20, 30, 40]).toContain(row);
    expect(centers[5]).toBe(row);
    expect(Array.from(weightSums)).toEqual([100, 50, 50]);
  });

  it('re-seeds at most half a batch of centres, the lightest first', () => {
    const batch = new Float64Array([1, 2, 3, 4]);
    const centers = new Float64Array([0, 0, 0, 0, 0]);
    const weightSums = new Float64Array([100, 0.3, 0.1, 0.2, 0.4]);
    const moved = reassign(batch, 4, 1, 5, centers, weightSums, createRandom(1), 0.01);
    expect(moved).toBe(2);
    // Centres 2 and 3 (weights 0.1, 0.2) moved onto distinct rows; 1 and 4 stayed.
    expect(centers[1]).toBe(0);
    expect(centers[4]).toBe(0);
    expect(centers[2]).not.toBe(centers[3]);
    expect(Array.from(weightSums)).toEqual([100, 0.3, 0.3, 0.3, 0.4]);
  });
});
