import { describe, expect, it } from 'vitest';
import { stratifiedSample } from './stratified-sample.js';

describe('stratifiedSample', () => {
  it('keeps every row when n <= maxRows', () => {
    expect(Array.from(stratifiedSample([2, 0, 1], 5))).toEqual([0, 1, 2]);
  });

  it('allocates proportionally, keeps small segments, is sorted and seeded', () => {
    const labels = Int32Array.from({ length: 1001 }, (_, i) => (i === 1000 ? 2 : i < 700 ? 0 : 1));
    const sample = stratifiedSample(labels, 100, 7);
    expect(sample).toHaveLength(100);
    const counts = [0, 0, 0];
    for (const i of sample) counts[labels[i]!]! += 1;
    expect(counts[2]).toBe(1);
    expect(Math.abs(counts[0]! - 70)).toBeLessThanOrEqual(1);
    expect(Math.abs(counts[1]! - 30)).toBeLessThanOrEqual(1);
    expect(Array.from(sample)).toEqual([...sample].sort((a, b) => a - b));
    expect(new Set(sample).size).toBe(100);
    expect(Array.from(stratifiedSample(labels, 100, 7))).toEqual(Array.from(sample));
    expect(Array.from(stratifiedSample(labels, 100, 8))).not.toEqual(Array.from(sample));
  });
});
