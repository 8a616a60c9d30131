import { describe, expect, it } from 'vitest';
import { interleave } from './schedule.js';

const names = (runs: ReturnType<typeof interleave>) =>
  runs.map(({ side, repetition }) => `${side}#${repetition}`);

describe('interleave', () => {
  it('alternates the sides round by round', () => {
    const order = interleave([{ side: 'segmint' }, { side: 'sklearn' }, { side: 'peer' }], 2);
    expect(names(order)).toEqual([
      'segmint#0',
      'sklearn#0',
      'peer#0',
      'segmint#1',
      'sklearn#1',
      'peer#1',
    ]);
  });

  it('keeps a side with fewer runs in the first rounds only', () => {
    const order = interleave([{ side: 'segmint' }, { side: 'slow', runs: 1 }], 3);
    expect(names(order)).toEqual(['segmint#0', 'slow#0', 'segmint#1', 'segmint#2']);
  });

  it('never runs one side twice in a row while others remain in the round', () => {
    const order = interleave([{ side: 'a' }, { side: 'b' }], 5);
    for (let index = 1; index < order.length; index++) {
      expect(order[index]!.side).not.toBe(order[index - 1]!.side);
    }
    expect(order).toHaveLength(10);
  });

  it('rejects a negative or fractional round count', () => {
    expect(() => interleave([{ side: 'a' }], -1)).toThrow(/'rounds'/);
    expect(() => interleave([{ side: 'a' }], 1.5)).toThrow(RangeError);
    expect(interleave([{ side: 'a' }], 0)).toEqual([]);
  });
});
