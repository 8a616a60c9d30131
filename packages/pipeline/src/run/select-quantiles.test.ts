import { createRandom, quantileSorted } from '@segmint/engine';
import { describe, expect, it } from 'vitest';
import { selectQuantiles } from './select-quantiles.js';

const QUANTILES = [0, 0.25, 0.5, 0.75, 1, 0.1, 0.99];

describe('selectQuantiles', () => {
  it('matches the hand-computed linear quantiles', () => {
    expect(selectQuantiles(Float64Array.from([5, 1, 4, 2, 3]), [0, 0.25, 0.5, 1])).toEqual([
      1, 2, 3, 5,
    ]);
    // 1..4: q1 at position 0.75 -> 1.75, median 2.5.
    expect(selectQuantiles(Float64Array.from([4, 3, 2, 1]), [0.25, 0.5])).toEqual([1.75, 2.5]);
    expect(selectQuantiles(new Float64Array(0), [0.5])).toEqual([NaN]);
    expect(selectQuantiles(Float64Array.from([7]), [0, 0.5, 1])).toEqual([7, 7, 7]);
  });

  it('equals quantileSorted on random, tied, sorted and reversed inputs', () => {
    const random = createRandom(3);
    const inputs = [
      Float64Array.from({ length: 1001 }, () => random.next()),
      Float64Array.from({ length: 500 }, () => random.int(4)),
      Float64Array.from({ length: 300 }, (_, i) => i),
      Float64Array.from({ length: 300 }, (_, i) => 300 - i),
    ];
    for (const input of inputs) {
      const sorted = Float64Array.from(input).sort();
      const expected = QUANTILES.map((q) => quantileSorted(sorted, q));
      expect(selectQuantiles(Float64Array.from(input), QUANTILES)).toEqual(expected);
    }
  });
});
