import { describe, expect, it } from 'vitest';
import { NOISE_COLOR, SEGMENT_PALETTE, segmentColor, segmentColors, withAlpha } from './palette.js';

describe('segment palette', () => {
  it('gives noise (-1) grey and the first segments the Tableau 10 colours', () => {
    expect(segmentColor(-1)).toBe(NOISE_COLOR);
    expect(segmentColor(0)).toBe('#4e79a7');
    expect(segmentColors([0, 1, 2])).toEqual(['#4e79a7', '#f28e2b', '#e15759']);
  });

  it('gives 40 segments 40 distinct colours, none of them the noise grey', () => {
    const colors = Array.from({ length: 40 }, (_, i) => segmentColor(i));
    expect(new Set(colors).size).toBe(40);
    expect(colors).not.toContain(NOISE_COLOR);
    expect(SEGMENT_PALETTE).toHaveLength(30);
    expect(colors[35]).toMatch(/^hsl\(/);
  });

  it('is stable: the same id always has the same colour', () => {
    expect(segmentColor(31)).toBe(segmentColor(31));
    expect(segmentColor(3.7)).toBe(segmentColor(3));
  });
});

describe('withAlpha', () => {
  it('adds transparency to hex and hsl colours and leaves others alone', () => {
    expect(withAlpha('#4e79a7', 0.5)).toBe('rgba(78, 121, 167, 0.5)');
    expect(withAlpha('hsl(10.0, 62%, 42%)', 0.2)).toBe('hsla(10.0, 62%, 42%, 0.2)');
    expect(withAlpha('red', 0.2)).toBe('red');
    expect(withAlpha(segmentColor(35), 0.3)).toMatch(/^hsla\(/);
  });
});
