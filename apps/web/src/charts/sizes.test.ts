import { describe, expect, it } from 'vitest';
import { traceAt } from './fixtures/spec-helpers.js';
import { segmentColor } from './palette.js';
import { sizesChart } from './sizes.js';

describe('sizesChart', () => {
  it('draws horizontal bars, largest first, labelled with count and share', () => {
    const spec = sizesChart([
      { segment: 0, name: 'Small', size: 250, share: 0.25 },
      { segment: 1, name: 'Large', size: 750, share: 0.75 },
    ]);
    const bars = traceAt(spec, 0);
    expect(bars.type).toBe('bar');
    expect(bars.orientation).toBe('h');
    expect(bars.y).toEqual(['Large', 'Small']);
    expect(bars.x).toEqual([750, 250]);
    expect(bars.text).toEqual(['750 · 75.0%', '250 · 25.0%']);
    expect((bars.marker as { color: string[] }).color).toEqual([segmentColor(1), segmentColor(0)]);
    expect(spec.layout.xaxis?.title).toMatchObject({ text: 'Customers' });
  });

  it('recomputes shares that do not add up, and formats thousands', () => {
    const spec = sizesChart([
      { segment: 0, name: 'A', size: 12000, share: 0 },
      { segment: 1, name: 'B', size: 4000, share: 0 },
    ]);
    expect(traceAt(spec, 0).text).toEqual(['12,000 · 75.0%', '4,000 · 25.0%']);
  });

  it('handles one segment, 30 segments with repeated long names, and none', () => {
    expect(traceAt(sizesChart([{ segment: 0, name: 'All', size: 5, share: 1 }]), 0).text).toEqual([
      '5 · 100.0%',
    ]);
    const many = sizesChart(
      Array.from({ length: 30 }, (_, i) => ({
        segment: i,
        name: 'A very long segment name repeated for everyone',
        size: 100 + i,
        share: 1 / 30,
      })),
    );
    const labels = traceAt(many, 0).y as string[];
    expect(new Set(labels).size).toBe(30);
    expect(many.layout.height).toBe(100 + 30 * 30);
    expect(sizesChart([]).data).toEqual([]);
  });
});
